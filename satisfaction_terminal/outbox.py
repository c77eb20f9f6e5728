"""The local outbox: every rating is on disk before the screen says thank you, until the server has it.

SQLite with synchronous=FULL, so a rating survives a power cut the moment `add` returns. `drain`
sends the due ratings oldest first and deletes one only when the server acknowledges it (a
duplicate acknowledgement counts: the server keys ratings by their id, so a resend after a crash
between "acknowledged" and "deleted" is harmless). A rating the server refuses for good is kept
in the server's quarantine and answered `quarantined` (acknowledged: it is the admins' now).

No rating blocks another: each has its own backoff, so one that keeps failing (the server
storage busy for it, a 500) waits alone while the rest go on. Only a transport failure while the
link is down ends a pass early (every other send would fail the same way). A refusal by rule that
the server did not quarantine (an older server, a malformed payload) moves to the `refused` table,
never the bin: the technician sees it, and it is offered again on the next connection.
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

STUCK_ATTEMPTS = 6        # 1 + 2 + 4 + 8 + 16 s of failures: no longer a blip

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
    held: int = 0          # acknowledged by the server into its quarantine (counted in `sent` too)


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

    def stuck(self, attempts: int = STUCK_ATTEMPTS) -> int:
        """Ratings that failed `attempts` times or more (minutes of trying): a technician should look."""
        with self._lock:
            return self.db.execute("SELECT COUNT(*) FROM outbox WHERE attempts >= ?", (attempts,)).fetchone()[0]

    def next_due(self) -> float | None:
        """When the earliest waiting rating may be tried (None: nothing waits)."""
        with self._lock:
            return self.db.execute("SELECT MIN(next_try) FROM outbox").fetchone()[0]

    def drain(self, send: Callable[[dict], dict], limit: int = 50,
              link_up: Callable[[], bool] = lambda: True) -> DrainResult:
        """Send the due ratings, oldest first, each on its own: a failure backs off only that
        rating. A transport failure ends the pass only when `link_up()` says the link is down."""
        result = DrainResult()
        for rating_id, payload in self._due(limit):
            try:
                answer = send(payload)
            except QueueError as exc:
                if exc.code in REFUSED_CODES:
                    self._refuse(rating_id, payload, exc)
                    result.refused += 1
                else:
                    self._retry_later(rating_id, f"{exc.code}: {exc.message_en}")
                    result.failed += 1
                continue
            except Exception as exc:  # noqa: BLE001 - any transport error: keep it, try later
                self._retry_later(rating_id, f"{type(exc).__name__}: {exc}")
                result.failed += 1
                if not link_up():
                    break
                continue
            self._delete(rating_id)
            result.sent += 1
            if isinstance(answer, dict) and answer.get("quarantined"):
                result.held += 1
                log.warning("rating %s held in the server's quarantine: %s", rating_id, answer.get("reason"))
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
        """Back off this rating alone: the others keep their own turn."""
        with self._lock:
            row = self.db.execute("SELECT attempts FROM outbox WHERE id = ?", (rating_id,)).fetchone()
            if row is None:
                return
            attempts = row[0] + 1
            self.db.execute("UPDATE outbox SET attempts = ?, last_error = ?, next_try = ? WHERE id = ?",
                            (attempts, error, self.clock() + backoff(attempts), rating_id))
        log.info("rating %s not sent (attempt %d): %s", rating_id, attempts, error)

    def _refuse(self, rating_id: str, payload: dict, exc: QueueError) -> None:
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR REPLACE INTO refused (id, payload, made_at, refused_at, code, message) "
                            "SELECT id, payload, made_at, ?, ?, ? FROM outbox WHERE id = ?",
                            (self.clock(), exc.code, exc.message_en, rating_id))
            self.db.execute("DELETE FROM outbox WHERE id = ?", (rating_id,))
            self.db.execute("COMMIT")
        log.warning("rating %s refused by the server, kept in the refused table: %s: %s (%s)", rating_id, exc.code,
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
        """Make every waiting rating due at once, and offer the refused ones again (after a
        reconnect: the server is back, perhaps upgraded, and quarantines what it refuses)."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR IGNORE INTO outbox (id, payload, made_at) "
                            "SELECT id, payload, made_at FROM refused")
            self.db.execute("DELETE FROM refused")
            self.db.execute("UPDATE outbox SET next_try = 0")
            self.db.execute("COMMIT")
