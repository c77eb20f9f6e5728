"""Reads that re-validate credentials cheaply: the credential generation and tokens by their hash.

The generation is bumped by triggers (migration 11) whenever any credential ends or changes, by any
process (server, `motcua` CLI). It is read on a connection of its own, so the per-action check
neither waits for the writer's lock nor opens a connection per thread.
"""
from __future__ import annotations

import sqlite3
import threading

from .store import Store


class Credentials:
    """The credential generation and the token/user/device rows behind a token hash."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def generation(self) -> int:
        """The current credential generation (a few microseconds: one row, own connection)."""
        sql = "SELECT generation FROM credential_generation WHERE id = 1"
        if self.store.path == ":memory:":
            return self.store.query(sql)[0]["generation"]
        with self._lock:
            if self._conn is None:
                self._conn = sqlite3.connect(f"file:{self.store.path}?mode=ro", uri=True,
                                             check_same_thread=False, timeout=10)
            return self._conn.execute(sql).fetchone()[0]

    def live_token(self, token_hash: str) -> dict | None:
        """The token row for a hash, if not revoked (expiry is the caller's: it knows the time)."""
        rows = self.store.query("SELECT * FROM tokens WHERE token_hash = ? AND revoked_at IS NULL", (token_hash,))
        return rows[0] if rows else None

    def rehash_password(self, user_id: int, old_hash: str, new_hash: str) -> None:
        """Store a password's hash made with today's parameters (the same password: no session ends)."""
        with self.store.transaction() as conn:
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?",
                         (new_hash, user_id, old_hash))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
