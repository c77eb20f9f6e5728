"""Keep a display's memory flat over a long day.

Each announcement is a WAV of a few hundred kilobytes, built in the voice thread and dropped after
playing. glibc raises its mmap threshold after such blocks are freed, so later ones come from the
thread's heap arena, which fragments: measured about +1 MiB per hour over an 8-hour day
(bench/bench_display.py). A fixed threshold keeps large blocks on mmap, returned to the system on
free; RSS then stays flat. Equivalent to MALLOC_MMAP_THRESHOLD_=131072 in the environment.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_MMAP_THRESHOLD = -3
THRESHOLD = 128 * 1024


def limit_heap_growth() -> bool:
    """Fix glibc's mmap threshold; False (and nothing done) on other C libraries or systems."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD))
    except (OSError, AttributeError):
        return False
