"""Ratings and the rating quarantine: one row per rating, written with its event in one transaction.

The quarantine keeps every rating the server refused for good (a value no style knows, a ticket
served elsewhere, a closed reporting period, ...). Its rows are never deleted: an administrator
accepts one into the ratings or dismisses it with a reason, audited in the same transaction.
"""
from __future__ import annotations

from datetime import datetime

from ..engine import Event
from .admin import AdminStore, AuditEntry
from .store import Store

OPEN = "open"


def _insert(conn, table: str, row: dict) -> None:
    columns = list(row)
    conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                 [row[c] for c in columns])


class Ratings:
    """Reads and writes of the ratings and rating_quarantine tables."""

    def __init__(self, store: Store):
        self.store = store

    def get(self, rating_id: str) -> dict | None:
        rows = self.store.query("SELECT * FROM ratings WHERE id = ?", (rating_id,))
        return rows[0] if rows else None

    def for_ticket(self, ticket_id: str) -> dict | None:
        rows = self.store.query("SELECT * FROM ratings WHERE ticket_id = ?", (ticket_id,))
        return rows[0] if rows else None

    def add(self, rating: dict, event: Event) -> int:
        """Insert the rating and its event atomically; return the event's seq."""
        with self.store.transaction() as conn:
            _insert(conn, "ratings", rating)
            self.store.insert_event(conn, rating["centre_id"], event)
        return event.seq

    def between(self, centre_id: str, start: str, end: str) -> list[dict]:
        return self.store.query("SELECT * FROM ratings WHERE centre_id = ? AND at >= ? AND at < ? ORDER BY at",
                                (centre_id, start, end))

    # -- quarantine ------------------------------------------------------------------------------

    def quarantined(self, rating_id: str) -> dict | None:
        rows = self.store.query("SELECT * FROM rating_quarantine WHERE id = ?", (rating_id,))
        return rows[0] if rows else None

    def quarantine(self, row: dict, event: Event) -> int:
        """Keep a refused rating and its event atomically; return the event's seq."""
        with self.store.transaction() as conn:
            _insert(conn, "rating_quarantine", row)
            self.store.insert_event(conn, row["centre_id"], event)
        return event.seq

    def quarantine_list(self, centre_id: str, status: str | None = OPEN, limit: int = 200) -> list[dict]:
        """Quarantined ratings, oldest first: only those of `status` (None: all)."""
        where, params = ("centre_id = ?", [centre_id]) if status is None else \
            ("centre_id = ? AND status = ?", [centre_id, status])
        return self.store.query(f"SELECT * FROM rating_quarantine WHERE {where} ORDER BY received_at, id LIMIT ?",
                                (*params, limit))

    def quarantine_open_count(self, centre_id: str) -> int:
        return self.store.query("SELECT COUNT(*) AS n FROM rating_quarantine WHERE centre_id = ? AND status = ?",
                                (centre_id, OPEN))[0]["n"]

    def accept(self, rating: dict, entry: AuditEntry, event: Event, now: datetime) -> int:
        """Move a quarantined rating into the ratings (same id), audited; return the event's seq."""
        with self.store.transaction() as conn:
            self._resolve(conn, rating["id"], "accepted", entry, now, f"counter {rating['counter']}, {rating['at']}")
            _insert(conn, "ratings", rating)
            AdminStore(self.store).write_audit(conn, rating["centre_id"], entry, now)
            self.store.insert_event(conn, rating["centre_id"], event)
        return event.seq

    def dismiss(self, centre_id: str, rating_id: str, reason: str, entry: AuditEntry, event: Event,
                now: datetime) -> int:
        """Mark a quarantined rating dismissed with a reason (the row stays), audited."""
        with self.store.transaction() as conn:
            self._resolve(conn, rating_id, "dismissed", entry, now, reason)
            AdminStore(self.store).write_audit(conn, centre_id, entry, now)
            self.store.insert_event(conn, centre_id, event)
        return event.seq

    @staticmethod
    def _resolve(conn, rating_id: str, status: str, entry: AuditEntry, now: datetime, resolution: str) -> None:
        changed = conn.execute("UPDATE rating_quarantine SET status = ?, resolved_at = ?, resolved_by = ?, "
                               "resolution = ? WHERE id = ? AND status = ?",
                               (status, now.isoformat(), entry.actor, resolution, rating_id, OPEN)).rowcount
        if changed != 1:
            raise LookupError(rating_id)      # resolved meanwhile: the transaction rolls back
