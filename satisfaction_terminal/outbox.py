"""The local outbox: every rating is on disk before the screen says thank you, until the server has it.

SQLite with synchronous=FULL, so a rating survives a power cut the moment `add` returns. `drain`
sends the due ratings oldest first and deletes one only when the server acknowledges it (a
duplicate acknowledgement counts: the server keys ratings by their id, so a resend after a crash
between "acknowledged" and "deleted" is harmless). A rating the server refuses by rule can never
succeed: it moves to the `refused` table and the log, so a technician can see it; anything else
(network down, server restarting, storage busy, a revoked token) is retried with backoff.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from queue_server.engine import QueueError

log = logging.getLogger(__name__)

# Codes the server gives a rating that breaks a rule: resending cannot help.
REFUSED_CODES = frozenset({"invalid", "not_served_here", "already_rated", "not_found"})

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY, payload TEXT NOT NULL, made_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, next_try REAL NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS remembered (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS refused (
    id TEXT PRIMARY KEY, payload TEXT NOT NULL, made_at REAL NOT NULL, refused_at REAL NOT NULL,
    code TEXT NOT NULL, message TEXT NOT NULL);
"""


@dataclass
class DrainResult:
    sent: int = 0
    refused: int = 0
    failed: int = 0


def backoff(attempts: int, base: float = 1.0, cap: float = 60.0) -> float:
    """Seconds to wait after `attempts` failures: 1, 2, 4, ... up to a minute."""
    return min(cap, base * 2 ** max(0, attempts - 1))


class Outbox:
    """Ratings waiting for the server, in a SQLite file.

    >>> box = Outbox("var/terminal-outbox.db")
    >>> box.add(rating.payload())
    >>> box.drain(lambda payload: client.call("submit_rating", payload))
    DrainResult(sent=1, refused=0, failed=0)
    """

    def __init__(self, path: str | Path, clock: Callable[[], float] = time.time):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.clock = clock
        self._lock = threading.Lock()
        self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def add(self, payload: dict) -> None:
        """Store a rating durably; adding the same id again is a no-op."""
        with self._lock:
            self.db.execute("INSERT OR IGNORE INTO outbox (id, payload, made_at) VALUES (?, ?, ?)",
                            (payload["id"], json.dumps(payload, ensure_ascii=False), self.clock()))

    def pending(self) -> list[dict]:
        with self._lock:
            rows = self.db.execute("SELECT payload FROM outbox ORDER BY made_at, id").fetchall()
        return [json.loads(r[0]) for r in rows]

    def __len__(self) -> int:
        with self._lock:
            return self.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]

    def refused(self) -> list[dict]:
        with self._lock:
            rows = self.db.execute("SELECT id, code, message FROM refused ORDER BY refused_at").fetchall()
        return [{"id": i, "code": c, "message": m} for i, c, m in rows]

    def next_due(self) -> float | None:
        """When the earliest waiting rating may be tried (None: nothing waits)."""
        with self._lock:
            return self.db.execute("SELECT MIN(next_try) FROM outbox").fetchone()[0]

    def drain(self, send: Callable[[dict], dict], limit: int = 50) -> DrainResult:
        """Send the due ratings; stop at the first network-type failure (the rest would fail too)."""
        result = DrainResult()
        for rating_id, payload in self._due(limit):
            try:
                send(payload)
            except QueueError as exc:
                if exc.code in REFUSED_CODES:
                    self._refuse(rating_id, payload, exc)
                    result.refused += 1
                    continue
                self._retry_later(rating_id, f"{exc.code}: {exc.message_en}")
                result.failed += 1
                break
            except Exception as exc:  # noqa: BLE001 - any transport error: keep it, try later
                self._retry_later(rating_id, f"{type(exc).__name__}: {exc}")
                result.failed += 1
                break
            self._delete(rating_id)
            result.sent += 1
        return result

    def _due(self, limit: int) -> list[tuple[str, dict]]:
        with self._lock:
            rows = self.db.execute("SELECT id, payload FROM outbox WHERE next_try <= ? ORDER BY made_at, id LIMIT ?",
                                   (self.clock(), limit)).fetchall()
        return [(i, json.loads(p)) for i, p in rows]

    def _delete(self, rating_id: str) -> None:
        with self._lock:
            self.db.execute("DELETE FROM outbox WHERE id = ?", (rating_id,))

    def _retry_later(self, rating_id: str, error: str) -> None:
        with self._lock:
            (attempts,) = self.db.execute("SELECT attempts FROM outbox WHERE id = ?", (rating_id,)).fetchone()
            next_try = self.clock() + backoff(attempts + 1)
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("UPDATE outbox SET attempts = ?, last_error = ? WHERE id = ?",
                            (attempts + 1, error, rating_id))
            # The link is down for every rating: all wait, so they still go oldest first.
            self.db.execute("UPDATE outbox SET next_try = MAX(next_try, ?)", (next_try,))
            self.db.execute("COMMIT")
        log.info("rating %s not sent (attempt %d): %s", rating_id, attempts + 1, error)

    def _refuse(self, rating_id: str, payload: dict, exc: QueueError) -> None:
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR REPLACE INTO refused (id, payload, made_at, refused_at, code, message) "
                            "SELECT id, payload, made_at, ?, ?, ? FROM outbox WHERE id = ?",
                            (self.clock(), exc.code, exc.message_en, rating_id))
            self.db.execute("DELETE FROM outbox WHERE id = ?", (rating_id,))
            self.db.execute("COMMIT")
        log.warning("rating %s refused by the server, dropped: %s: %s (%s)", rating_id, exc.code,
                    exc.message_en, json.dumps(payload, ensure_ascii=False))

    def remember(self, key: str, value) -> None:
        """Keep a small JSON value (the centre's rating options) for a tablet that restarts offline."""
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO remembered (key, value) VALUES (?, ?)",
                            (key, json.dumps(value, ensure_ascii=False)))

    def recall(self, key: str, default=None):
        with self._lock:
            row = self.db.execute("SELECT value FROM remembered WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def retry_now(self) -> None:
        """Make every waiting rating due at once (after a reconnect: the server is back)."""
        with self._lock:
            self.db.execute("UPDATE outbox SET next_try = 0")
