"""display.memory: the glibc mmap threshold is fixed on Linux (RSS stays flat: bench/bench_display.py)."""
import sys

import pytest

from display.memory import limit_heap_growth


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_memory_tuning_applies_on_linux():
    assert limit_heap_growth() is True
