"""Real storage faults for tests: a SQLite page limit, and a small file system filled to the brim.

No call is monkeypatched: SQLite itself refuses the write, as it does on a full disk in a centre.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

SQLITE_MAX_PAGES = 4294967294


def small_pages(path: Path) -> Path:
    """Create an empty database with 512-byte pages, so that nearly every write needs a new page
    and a page limit bites at once (a Store opened on it migrates it as usual)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 512")
    conn.execute("CREATE TABLE seed (x)")
    conn.execute("DROP TABLE seed")
    conn.close()
    return path


def limit_pages(store, room: int = 0) -> None:
    """Let the database grow by at most `room` pages (`PRAGMA max_page_count`) from now."""
    with store._lock:
        pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
        store.db.conn.execute(f"PRAGMA max_page_count = {pages + room}")


def unlimit_pages(store) -> None:
    """Give the space back (as an administrator freeing the disk would)."""
    with store._lock:
        store.db.conn.execute(f"PRAGMA max_page_count = {SQLITE_MAX_PAGES}")


class SmallDisk:
    """A tmpfs of a few MiB mounted for one test; `fill()` takes every free byte, `free()` gives them back."""

    def __init__(self, path: Path):
        self.path = path
        self.filler = path / "filler.bin"

    def fill(self, leave: int = 0) -> None:
        """Take every free byte, then give `leave` bytes back (room for a few more writes)."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 16, 1 << 12, 1 << 9, 1):
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError:
                    pass        # ENOSPC: try smaller pieces
        finally:
            os.close(fd)
        if leave:
            os.truncate(self.filler, max(self.filler.stat().st_size - leave, 0))

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def free_bytes(self) -> int:
        fs = os.statvfs(self.path)
        return fs.f_bavail * fs.f_frsize


@contextmanager
def small_disk(base: Path, size: str = "4m"):
    """Mount a tmpfs of `size` under `base`; skip the test (with the reason) where mounting is not allowed."""
    path = base / f"disk-{uuid.uuid4().hex[:8]}"
    path.mkdir(parents=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small file system needs root to mount a tmpfs (run as root, e.g. in a container)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")
    try:
        yield SmallDisk(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)
