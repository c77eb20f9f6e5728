"""`python -m satisfaction_terminal --counter N --token T`."""
import sys

from .cli import main

sys.exit(main())
