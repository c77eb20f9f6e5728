"""Online backups of the server's SQLite database, their verification, pruning and restore.

Backups use SQLite's online backup API, so they are consistent while the server keeps writing.
Every copy is checked by opening it and running `PRAGMA integrity_check` before it gets its final
name; a copy that fails is deleted and the backup fails loudly.

>>> made = backup_database("/var/lib/motcua/centre.db", "/var/lib/motcua/backups", keep_days=30)
>>> made.path.name
'motcua-20261122-020000.db'
"""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from .files import private_dir, private_file

SCHEDULED = re.compile(r"^motcua-(\d{8}-\d{6})\.db$")


class BackupError(Exception):
    """A backup or restore that could not be done safely; `message_vi` is for the technician."""

    def __init__(self, message_vi: str, message_en: str):
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi, self.message_en = message_vi, message_en


@dataclass
class BackupResult:
    path: Path
    pruned: list[Path] = field(default_factory=list)


def integrity_problems(path: str | Path) -> list[str]:
    """`PRAGMA integrity_check` on a database opened read-only: [] when it is sound."""
    if not Path(path).is_file():
        return [f"no such file: {path}"]
    try:
        conn = _open_existing(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def copy_database(source: str | Path, dest: str | Path) -> Path:
    """Copy a live database with the online backup API into `dest`, verified, synced to disk."""
    dest = Path(dest)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    src = _open_existing(source)
    dst = sqlite3.connect(private_file(partial))          # owner-only, like the database itself
    try:
        src.backup(dst, pages=1024)
        dst.execute("PRAGMA journal_mode = DELETE")        # a single self-contained file
    finally:
        dst.close()
        src.close()
    problems = integrity_problems(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Bản sao lưu bị lỗi: {problems[0]}", f"The backup copy failed its check: {problems[0]}")
    _fsync(partial)
    os.replace(partial, dest)
    _fsync(dest.parent)
    return dest


def backup_database(db: str | Path, dest_dir: str | Path, keep_days: int = 30,
                    now: datetime | None = None) -> BackupResult:
    """A scheduled backup `motcua-YYYYmmdd-HHMMSS.db` in `dest_dir`, then prune old ones."""
    if not Path(db).is_file():
        raise BackupError(f"Không có cơ sở dữ liệu: {db}", f"No database at {db}")
    now = now or datetime.now()
    dest_dir = private_dir(dest_dir)
    path = copy_database(db, dest_dir / f"motcua-{now:%Y%m%d-%H%M%S}.db")
    return BackupResult(path, prune(dest_dir, keep_days, now, keep=path))


def prune(dest_dir: str | Path, keep_days: int, now: datetime, keep: Path | None = None) -> list[Path]:
    """Delete scheduled backups older than `keep_days` (never `keep`, never other files)."""
    limit = now - timedelta(days=keep_days)
    gone = []
    for path in sorted(Path(dest_dir).iterdir()):
        match = SCHEDULED.match(path.name)
        if match and path != keep and datetime.strptime(match[1], "%Y%m%d-%H%M%S") < limit:
            path.unlink()
            gone.append(path)
    return gone


def list_backups(dest_dir: str | Path) -> list[Path]:
    """Scheduled and pre-migration backups in `dest_dir`, oldest first by name time."""
    folder = Path(dest_dir)
    return sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []


def backup_before_migration(db: str | Path, old: int, new: int, now: datetime | None = None) -> Path:
    """Copy the database before migrating it from schema `old` to `new` (kept until deleted by hand)."""
    now = now or datetime.now()
    folder = private_dir(Path(db).resolve().parent / "backups")
    return copy_database(db, folder / f"pre-migration-v{old}-to-v{new}-{now:%Y%m%d-%H%M%S}.db")


def holders(db: str | Path) -> list[int]:
    """Pids of other processes that have the database open (read from /proc; [] if unreadable)."""
    target = str(Path(db).resolve())
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        if int(proc.name) == os.getpid():
            continue
        try:
            if any(os.readlink(fd) == target for fd in (proc / "fd").iterdir()):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def restore_database(backup: str | Path, db: str | Path, now: datetime | None = None) -> Path | None:
    """Replace `db` by a verified copy of `backup`; the replaced files are kept beside it.

    Refuses while another process (a running server) has the database open. Returns where the
    previous database was moved (None when there was none)."""
    problems = integrity_problems(backup)
    if problems:
        raise BackupError(f"Bản sao lưu không dùng được: {problems[0]}", f"The backup is not usable: {problems[0]}")
    busy = holders(db)
    if busy:
        raise BackupError(f"Máy chủ đang dùng cơ sở dữ liệu (pid {busy}); hãy dừng: systemctl stop motcua-server",
                          f"The database is in use (pid {busy}); stop the server first")
    now = now or datetime.now()
    db = Path(db)
    moved = _move_aside(db, f".before-restore-{now:%Y%m%d-%H%M%S}")
    copy_database(backup, db)
    return moved


def _move_aside(db: Path, suffix: str) -> Path | None:
    """Rename the database and its -wal / -shm files with `suffix`; the main file's new path."""
    if not db.exists():
        return None
    for extra in ("-wal", "-shm"):
        side = db.with_name(db.name + extra)
        if side.exists():
            os.replace(side, db.with_name(db.name + suffix + extra))
    aside = db.with_name(db.name + suffix)
    os.replace(db, aside)
    return aside


def _open_existing(path: str | Path) -> sqlite3.Connection:
    """Open a database that must exist (never create one), read-only by pragma.

    Not `mode=ro`: a WAL database whose -shm file is gone cannot be opened that way."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=rw", uri=True, timeout=30)
    conn.execute("PRAGMA query_only = 1")
    return conn


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
