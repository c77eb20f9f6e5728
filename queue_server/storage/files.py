"""Owner-only files: the database (password hashes, applicants' names and phones), its WAL, its
backups and the session-signing key are created 0600, and directories made for them 0700.

Files are created with the mode already set (never written first and chmod-ed after); files left
0644 by an older version are tightened the next time they are opened.
"""
from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_dir(path: str | Path) -> Path:
    """Make a missing directory (and its missing parents) owner-only; an existing one is left as
    it is (it may be a shared place such as the working directory)."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(parents=True, mode=PRIVATE_DIR)
        os.chmod(path, PRIVATE_DIR)
    return path


def private_file(path: str | Path) -> Path:
    """Create the file 0600 if missing (empty), else make it 0600; its content is untouched."""
    path = Path(path)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    if path.stat().st_mode & 0o777 != PRIVATE_FILE:
        os.chmod(path, PRIVATE_FILE)
    return path


def private_database(path: str | Path) -> None:
    """Before SQLite opens it: the database file 0600 (SQLite gives its WAL and shared-memory files
    the database's mode), and stale side files of an older version tightened too."""
    if str(path) == ":memory:" or str(path).startswith("file:"):
        return
    path = Path(path)
    private_dir(path.parent)
    private_file(path)
    for suffix in SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            private_file(side)
