"""Store: the SQLite database of one deployment (WAL, synchronous=FULL, explicit transactions).

An acknowledged action is on disk: `commit_events` writes the events and the current-state rows
they touch in one transaction and returns only after SQLite has synced it.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from ..engine import CounterState, CounterStatus, EngineState, Event, QueueError, Ticket, TicketSource, TicketStatus
from .files import private_database
from .migrations import migrate

log = logging.getLogger(__name__)

MIN_FREE_BYTES = 512 * 1024
"""Below this much room (on the file system, or under SQLite's page limit) the database counts as full."""

TICKET_COLUMNS = [
    "id", "centre_id", "service_day", "service_id", "department_id", "issued_service_id", "number",
    "label", "priority", "source", "status", "issued_at", "queue_at", "called_at", "started_at",
    "finished_at", "counter", "officer_id", "recalls", "target_counter", "transfers", "dossier_code",
]
_TIMES = ("issued_at", "queue_at", "called_at", "started_at", "finished_at")


class StoreError(QueueError):
    """The database refused a write (disk full, read-only, I/O error, constraint); nothing of it was
    applied. A QueueError, so every client is answered with a bilingual 503 without special cases."""

    def __init__(self, reason: str):
        super().__init__("storage_failed", "Máy chủ tạm thời không lưu được dữ liệu, vui lòng thử lại sau",
                         f"The server could not store this change, please retry later ({reason})", 503)
        self.reason = reason


class Store:
    """All reads and writes of the server's database.

    >>> store = Store("var/centre.db")
    >>> store.commit_events("tphcc-demo", events)   # assigns each event its seq
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        private_database(self.path)            # 0600 before SQLite creates it (storage/files.py)
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self.db = Database(conn)
        self.db.enable_wal()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        self._lock = threading.RLock()
        self._readers = threading.local()
        self.write_failure: str | None = None     # why the last write failed, until one succeeds
        self.schema_version = migrate(self.db, before=self._backup_before_migration)

    def _backup_before_migration(self, old: int, new: int) -> None:
        """An upgrade copies the database to backups/ before changing its schema (not a new one)."""
        if old > 0 and self.path != ":memory:":
            from .backup import backup_before_migration
            backup_before_migration(self.path, old, new)

    def close(self) -> None:
        self.db.conn.close()

    def read(self, sql: str, params=()) -> list[tuple]:
        """A read on this thread's own read-only connection: long report queries run beside the
        live queue's writes (WAL lets readers and one writer work at once) instead of holding
        the writer's lock. Sees everything committed before the query starts."""
        conn = getattr(self._readers, "conn", None)
        if conn is None:
            if self.path == ":memory:":
                with self._lock:
                    return self.db.conn.execute(sql, params).fetchall()
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False, timeout=10)
            self._readers.conn = conn
        return conn.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self):
        """One atomic write; rolled back whole on any error, and any database error (a full disk,
        a read-only file, an I/O error, a constraint) comes out as a StoreError.

        On a full disk SQLite may already have rolled the transaction back itself, so ROLLBACK is
        sent only while a transaction is still open, and its own failure is logged, not raised.
        """
        with self._lock:
            conn = self.db.conn
            _roll_back(conn)            # a transaction left open by an earlier failed ROLLBACK
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _roll_back(conn)
                if not isinstance(exc, sqlite3.IntegrityError):     # a refused row says nothing of the disk
                    self.write_failure = str(exc)
                raise StoreError(str(exc)) from exc
            except BaseException:
                _roll_back(conn)
                raise
            self.write_failure = None

    def write_health(self) -> dict:
        """Can the database take writes now? `problem` is None, "read_only", "full" or
        "write_failed" (the last write failed for another reason and none has succeeded since)."""
        health = {"problem": None, "free_bytes": None, "detail": ""}
        if self.path == ":memory:":
            return health
        folder = os.path.dirname(os.path.abspath(self.path))
        fs = os.statvfs(folder)
        with self._lock:
            page_size, pages, limit = (self.db.conn.execute(f"PRAGMA {name}").fetchone()[0]
                                       for name in ("page_size", "page_count", "max_page_count"))
        health["free_bytes"] = free = min(fs.f_bavail * fs.f_frsize, (limit - pages) * page_size)
        if fs.f_flag & os.ST_RDONLY:       # e.g. remounted read-only by the kernel after disk errors
            health.update(problem="read_only", detail=f"the file system of {self.path} is read-only")
        elif free < MIN_FREE_BYTES:
            health.update(problem="full", detail=f"{free} bytes free for {self.path}")
        elif self.write_failure is not None and "full" not in self.write_failure:
            health.update(problem="write_failed", detail=self.write_failure)
        return health

    def query(self, sql: str, params=()) -> list[dict]:
        with self._lock:
            return [dict(row) for row in self.db.query(sql, params)]

    # -- queue state ---------------------------------------------------------------------------

    def commit_events(self, centre_id: str, events: list[Event], service_day: date | None = None,
                      request: tuple[str, str] | None = None) -> int:
        """Write events and the state they carry in one transaction; return the last seq.

        `request` = (ticket_id, request_id) links an issued ticket to the client's idempotency key
        in the same transaction, so a ticket is never on disk without it.
        """
        with self.transaction() as conn:
            for event in events:
                self.insert_event(conn, centre_id, event)
                if event.ticket is not None:
                    self._upsert_ticket(conn, event.ticket)
                if event.counter is not None:
                    self._upsert_counter(conn, centre_id, event.counter)
            if service_day is not None:
                conn.execute("INSERT INTO service_days VALUES (?, ?) ON CONFLICT(centre_id) "
                             "DO UPDATE SET service_day = excluded.service_day", (centre_id, service_day.isoformat()))
            if request is not None:
                conn.execute("UPDATE tickets SET request_id = ? WHERE id = ?", (request[1], request[0]))
            # Read inside the transaction: a failed read after COMMIT must not turn a stored change
            # into a refusal.
            return conn.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0]

    def ticket_for_request(self, centre_id: str, request_id: str) -> Ticket | None:
        """The ticket already issued for a client's idempotency key, if any."""
        rows = self.query("SELECT * FROM tickets WHERE centre_id = ? AND request_id = ?", (centre_id, request_id))
        return _ticket(rows[0]) if rows else None

    def last_seq(self) -> int:
        with self._lock:
            return self.db.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0]

    def load_state(self, centre_id: str) -> EngineState:
        """The engine state as last committed: the service day, its tickets, counters, series."""
        with self._lock:
            row = self.db.conn.execute("SELECT service_day FROM service_days WHERE centre_id = ?",
                                       (centre_id,)).fetchone()
            state = EngineState(service_day=date.fromisoformat(row[0]) if row else None)
            if state.service_day:
                for ticket in self._tickets_of_day(centre_id, state.service_day):
                    state.tickets[ticket.id] = ticket
                    last = state.last_numbers.get(ticket.issued_service_id, 0)
                    state.last_numbers[ticket.issued_service_id] = max(last, ticket.number)
            for r in self.db.query("SELECT * FROM counters WHERE centre_id = ?", [centre_id]):
                state.counters[r["number"]] = CounterState(
                    r["number"], CounterStatus(r["status"]), r["officer_id"], r["officer_name"],
                    r["ticket_id"], since=_dt(r["since"]), officer_title=r["officer_title"])
            return state

    def ticket(self, ticket_id: str) -> Ticket | None:
        rows = self.query("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
        return _ticket(rows[0]) if rows else None

    def events_since(self, seq: int, limit: int = 1000) -> list[dict]:
        return self.query("SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit))

    def recent_calls(self, centre_id: str, day: date, limit: int) -> list[dict]:
        """The day's latest call and recall events, newest first."""
        return self.query("SELECT seq, at, type, ticket_id, counter FROM events WHERE centre_id = ? "
                          "AND type IN ('ticket.called', 'ticket.recalled') AND at >= ? ORDER BY seq DESC LIMIT ?",
                          (centre_id, day.isoformat(), limit))

    def count_tickets(self, centre_id: str) -> int:
        return self.query("SELECT COUNT(*) AS n FROM tickets WHERE centre_id = ?", (centre_id,))[0]["n"]

    def _tickets_of_day(self, centre_id: str, day: date) -> list[Ticket]:
        rows = self.db.query("SELECT * FROM tickets WHERE centre_id = ? AND service_day = ?",
                             [centre_id, day.isoformat()])
        return [_ticket(r) for r in rows]

    def insert_event(self, conn, centre_id: str, event: Event) -> int:
        """Append one event inside an open transaction; ticket, counter and officer are indexed."""
        ticket, counter, data = event.ticket, event.counter, event.to_dict()["data"]
        ticket_id = ticket.id if ticket else data.get("ticket_id")
        number = counter.number if counter else (ticket.counter if ticket else data.get("counter"))
        officer = (counter.officer_id if counter else None) or (ticket.officer_id if ticket else None)
        cur = conn.execute(
            "INSERT INTO events (centre_id, type, at, ticket_id, counter, officer_id, data) VALUES (?,?,?,?,?,?,?)",
            (centre_id, event.type, event.at.isoformat(), ticket_id, number, officer or data.get("officer_id"),
             json.dumps(data, ensure_ascii=False)))
        event.seq = cur.lastrowid
        return event.seq

    def _upsert_ticket(self, conn, ticket: Ticket) -> None:
        row = ticket.to_dict()
        row["priority"] = int(ticket.priority)
        values = [row[c] for c in TICKET_COLUMNS]
        updates = ", ".join(f"{c} = excluded.{c}" for c in TICKET_COLUMNS[1:])
        conn.execute(f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) VALUES ({', '.join('?' * len(values))}) "
                     f"ON CONFLICT(id) DO UPDATE SET {updates}", values)

    def _upsert_counter(self, conn, centre_id: str, c: CounterState) -> None:
        conn.execute(
            "INSERT INTO counters (centre_id, number, status, officer_id, officer_name, ticket_id, since, officer_title) "
            "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(centre_id, number) DO UPDATE SET "
            "status = excluded.status, officer_id = excluded.officer_id, officer_name = excluded.officer_name, "
            "ticket_id = excluded.ticket_id, since = excluded.since, officer_title = excluded.officer_title",
            (centre_id, c.number, c.status.value, c.officer_id, c.officer_name, c.ticket_id,
             c.since.isoformat() if c.since else None, c.officer_title))


def _roll_back(conn: sqlite3.Connection) -> None:
    """End an open transaction, if any; a failure is logged (the next transaction retries it)."""
    if not conn.in_transaction:
        return
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        log.error("ROLLBACK failed: %s", exc)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _ticket(row: dict) -> Ticket:
    values = {c: row[c] for c in TICKET_COLUMNS}
    for key in _TIMES:
        values[key] = _dt(values[key])
    values["service_day"] = date.fromisoformat(values["service_day"])
    values["priority"] = bool(values["priority"])
    values["source"] = TicketSource(values["source"])
    values["status"] = TicketStatus(values["status"])
    return Ticket(**values)
