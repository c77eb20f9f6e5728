"""Regenerate the generated sections of docs/*.md from the code (see queue_server/docs_gen.py)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from queue_server.docs_gen import fill  # noqa: E402

for path in sorted(Path(__file__).resolve().parents[1].glob("docs/*.md")):
    text = path.read_text(encoding="utf-8")
    new = fill(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"updated {path.name}")
