"""Ratings: one row per rating, written with its event in one transaction."""
from __future__ import annotations

from ..engine import Event
from .store import Store


class Ratings:
    """Reads and writes of the ratings table."""

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
        columns = list(rating)
        with self.store.transaction() as conn:
            conn.execute(f"INSERT INTO ratings ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                         [rating[c] for c in columns])
            self.store.insert_event(conn, rating["centre_id"], event)
        return event.seq

    def between(self, centre_id: str, start: str, end: str) -> list[dict]:
        return self.store.query("SELECT * FROM ratings WHERE centre_id = ? AND at >= ? AND at < ? ORDER BY at",
                                (centre_id, start, end))
