"""Fixtures of the queue server tests: real storage faults (see faults.py)."""
from __future__ import annotations

import pytest

from .faults import small_disk


@pytest.fixture
def disk(tmp_path):
    """A small real file system (tmpfs), for full-disk and read-only tests; skipped where not mountable."""
    with small_disk(tmp_path) as mounted:
        yield mounted
