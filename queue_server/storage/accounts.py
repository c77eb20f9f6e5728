"""Users (officers, administrators), devices and their tokens."""
from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime

from .store import Store, StoreError

log = logging.getLogger(__name__)


def token_hash(token: str) -> str:
    """Tokens are stored hashed: a stolen database does not hand out working tokens."""
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    """Reads and writes of the users, devices and tokens tables."""

    def __init__(self, store: Store):
        self.store = store

    def user_by_name(self, username: str) -> dict | None:
        rows = self.store.query("SELECT * FROM users WHERE username = ? AND active = 1", (username,))
        return rows[0] if rows else None

    def user(self, user_id: int) -> dict | None:
        rows = self.store.query("SELECT * FROM users WHERE id = ?", (user_id,))
        return rows[0] if rows else None

    def users(self, centre_id: str) -> list[dict]:
        return self.store.query("SELECT id, username, name, title, role, department_id, active FROM users "
                                "WHERE centre_id = ? ORDER BY id", (centre_id,))

    def device(self, device_id: int) -> dict | None:
        rows = self.store.query("SELECT * FROM devices WHERE id = ?", (device_id,))
        return rows[0] if rows else None

    def device_by_name(self, centre_id: str, name: str) -> dict | None:
        rows = self.store.query("SELECT * FROM devices WHERE centre_id = ? AND name = ?", (centre_id, name))
        return rows[0] if rows else None

    def devices(self, centre_id: str) -> list[dict]:
        return self.store.query("SELECT * FROM devices WHERE centre_id = ? ORDER BY id", (centre_id,))

    def touch_device(self, device_id: int, now: datetime) -> None:
        """Note a device's last contact. Best effort: on a full disk a display must still connect."""
        try:
            with self.store.transaction() as conn:
                conn.execute("UPDATE devices SET last_seen = ? WHERE id = ?", (now.isoformat(), device_id))
        except StoreError as exc:
            log.warning("last contact of device %s not stored: %s", device_id, exc.reason)

    def device_status(self, device_id: int) -> dict | None:
        rows = self.store.query("SELECT status FROM devices WHERE id = ?", (device_id,))
        return json.loads(rows[0]["status"]) if rows else None

    def record_status(self, centre_id: str, device_id: int, status: dict, event) -> int:
        """Store a device's new status with its event, atomically; return the event's seq."""
        with self.store.transaction() as conn:
            conn.execute("UPDATE devices SET last_seen = ?, status = ? WHERE id = ?",
                         (event.at.isoformat(), json.dumps(status, ensure_ascii=False), device_id))
            return self.store.insert_event(conn, centre_id, event)

    def add_token(self, token: str, kind: str, now: datetime, user_id: int | None = None,
                  device_id: int | None = None, expires_at: datetime | None = None) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO tokens (token_hash, kind, user_id, device_id, created_at, expires_at) VALUES (?,?,?,?,?,?)",
                (token_hash(token), kind, user_id, device_id, now.isoformat(),
                 expires_at.isoformat() if expires_at else None))

    def token(self, token: str) -> dict | None:
        """The live token row (not revoked); expiry is checked by the caller, who knows the time."""
        rows = self.store.query("SELECT * FROM tokens WHERE token_hash = ? AND revoked_at IS NULL",
                                (token_hash(token),))
        return rows[0] if rows else None

    def revoke_token(self, token: str, now: datetime) -> None:
        with self.store.transaction() as conn:
            conn.execute("UPDATE tokens SET revoked_at = ? WHERE token_hash = ?", (now.isoformat(), token_hash(token)))

    def revoke_device_tokens(self, device_id: int, now: datetime) -> None:
        with self.store.transaction() as conn:
            conn.execute("UPDATE tokens SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL",
                         (now.isoformat(), device_id))
