"""SQL of the admin side: the live centre configuration, the audit log, pairing codes, and the
account changes an administrator makes.

Every change here writes its audit row in the same transaction as the change itself, so the log
can never miss a change that happened, nor show one that did not.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from .accounts import token_hash
from .store import Store

USER_FIELDS = ("name", "title", "role", "department_id", "active", "password_hash", "photo")


@dataclass(frozen=True)
class AuditEntry:
    """Who changed what: `action` (e.g. 'counter.update') on `target` (e.g. 'counter:3')."""

    actor: str
    role: str
    action: str
    target: str
    before: object = None
    after: object = None
    at: datetime | None = field(default=None, compare=False)


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class AdminStore:
    """Reads and writes of the admin tables.

    >>> admin = AdminStore(store)
    >>> admin.audit_log("tphcc-demo", limit=50)
    """

    def __init__(self, store: Store):
        self.store = store

    # -- audit ---------------------------------------------------------------------------------

    def write_audit(self, conn, centre_id: str, entry: AuditEntry, at: datetime) -> None:
        conn.execute("INSERT INTO audit_log (centre_id, at, actor, role, action, target, before, after) "
                     "VALUES (?,?,?,?,?,?,?,?)",
                     (centre_id, at.isoformat(), entry.actor, entry.role, entry.action, entry.target,
                      _json(entry.before), _json(entry.after)))

    def audit_log(self, centre_id: str, limit: int = 200, before_id: int | None = None) -> list[dict]:
        """Newest first; page with `before_id` (the smallest id already shown)."""
        rows = self.store.query(
            "SELECT * FROM audit_log WHERE centre_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
            (centre_id, before_id or 2**62, limit))
        for row in rows:
            row["before"] = json.loads(row["before"]) if row["before"] else None
            row["after"] = json.loads(row["after"]) if row["after"] else None
        return rows

    # -- configuration -------------------------------------------------------------------------

    def latest_config(self, centre_id: str) -> tuple[int, dict] | None:
        """(version, config data) of the last saved configuration, or None when never edited."""
        rows = self.store.query("SELECT version, data FROM centre_config WHERE centre_id = ? "
                                "ORDER BY version DESC LIMIT 1", (centre_id,))
        return (rows[0]["version"], json.loads(rows[0]["data"])) if rows else None

    def save_config(self, centre_id: str, data: dict, entry: AuditEntry, event,
                    removed_counters: list[int]) -> int:
        """Store a new configuration version, its audit row and its event; return the event's seq.

        Counters that no longer exist lose their state row, so a restart does not bring them back.
        """
        with self.store.transaction() as conn:
            conn.execute("INSERT INTO centre_config (centre_id, data, at, actor) VALUES (?,?,?,?)",
                         (centre_id, json.dumps(data, ensure_ascii=False), event.at.isoformat(), entry.actor))
            for number in removed_counters:
                conn.execute("DELETE FROM counters WHERE centre_id = ? AND number = ?", (centre_id, number))
            self.write_audit(conn, centre_id, entry, event.at)
            return self.store.insert_event(conn, centre_id, event)

    def drop_config(self, centre_id: str, entry: AuditEntry, at: datetime) -> int:
        """Forget every saved version (the TOML file applies again on the next start)."""
        with self.store.transaction() as conn:
            count = conn.execute("DELETE FROM centre_config WHERE centre_id = ?", (centre_id,)).rowcount
            self.write_audit(conn, centre_id, entry, at)
            return count

    # -- devices -------------------------------------------------------------------------------

    def add_device(self, centre_id: str, device: dict, token: str, entry: AuditEntry, now: datetime) -> int:
        """Register a device with its first token (stored hashed)."""
        with self.store.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO devices (centre_id, name, role, counter, display_group, created_at) VALUES (?,?,?,?,?,?)",
                (centre_id, device["name"], device["role"], device.get("counter"), device.get("display_group"),
                 now.isoformat()))
            self._add_device_token(conn, cur.lastrowid, token, now)
            self.write_audit(conn, centre_id, entry, now)
            return cur.lastrowid

    def devices(self, centre_id: str) -> list[dict]:
        """Devices with `live_tokens` (0: revoked or never paired) and `pending_codes`."""
        rows = self.store.query(
            "SELECT d.*, (SELECT COUNT(*) FROM tokens t WHERE t.device_id = d.id AND t.revoked_at IS NULL) "
            "AS live_tokens FROM devices d WHERE d.centre_id = ? ORDER BY d.id", (centre_id,))
        for row in rows:
            row["status"] = json.loads(row["status"] or "{}")
        return rows

    def add_pairing_code(self, centre_id: str, device_id: int, code: str, now: datetime, expires: datetime,
                         entry: AuditEntry) -> None:
        with self.store.transaction() as conn:
            conn.execute("INSERT INTO pairing_codes (code_hash, device_id, created_at, expires_at) VALUES (?,?,?,?)",
                         (token_hash(code), device_id, now.isoformat(), expires.isoformat()))
            self.write_audit(conn, centre_id, entry, now)

    def redeem_pairing_code(self, centre_id: str, code: str, token: str, now: datetime) -> dict | None:
        """Spend a code: the device it names gets `token`. None when unknown, used or expired."""
        with self.store.transaction() as conn:
            row = conn.execute(
                "SELECT p.device_id, d.name, d.role FROM pairing_codes p JOIN devices d ON d.id = p.device_id "
                "WHERE p.code_hash = ? AND p.used_at IS NULL AND p.expires_at > ? AND d.centre_id = ?",
                (token_hash(code), now.isoformat(), centre_id)).fetchone()
            if row is None:
                return None
            conn.execute("UPDATE pairing_codes SET used_at = ? WHERE code_hash = ?", (now.isoformat(), token_hash(code)))
            self._add_device_token(conn, row[0], token, now)
            self.write_audit(conn, centre_id, AuditEntry(f"device:{row[1]}", row[2], "device.pair",
                                                         f"device:{row[0]}"), now)
            return {"id": row[0], "name": row[1], "role": row[2]}

    def revoke_device(self, centre_id: str, device_id: int, entry: AuditEntry, now: datetime) -> int:
        """Revoke every token and unused pairing code of a device; return how many tokens died."""
        with self.store.transaction() as conn:
            count = conn.execute("UPDATE tokens SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL",
                                 (now.isoformat(), device_id)).rowcount
            conn.execute("UPDATE pairing_codes SET used_at = ? WHERE device_id = ? AND used_at IS NULL",
                         (now.isoformat(), device_id))
            self.write_audit(conn, centre_id, entry, now)
            return count

    def _add_device_token(self, conn, device_id: int, token: str, now: datetime) -> None:
        conn.execute("INSERT INTO tokens (token_hash, kind, device_id, created_at) VALUES (?,?,?,?)",
                     (token_hash(token), "device", device_id, now.isoformat()))

    # -- people --------------------------------------------------------------------------------

    def add_user(self, centre_id: str, user: dict, entry: AuditEntry, now: datetime) -> int:
        with self.store.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO users (centre_id, username, name, title, role, department_id, password_hash, created_at) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (centre_id, user["username"], user["name"], user.get("title", ""), user["role"],
                 user.get("department_id"), user["password_hash"], now.isoformat()))
            self.write_audit(conn, centre_id, entry, now)
            return cur.lastrowid

    def users(self, centre_id: str) -> list[dict]:
        return self.store.query("SELECT id, username, name, title, role, department_id, active, photo, created_at "
                                "FROM users WHERE centre_id = ? ORDER BY active DESC, role, name", (centre_id,))

    def username(self, user_id: int) -> str | None:
        rows = self.store.query("SELECT username FROM users WHERE id = ?", (user_id,))
        return rows[0]["username"] if rows else None

    def username_taken(self, username: str) -> bool:
        return bool(self.store.query("SELECT 1 FROM users WHERE username = ?", (username,)))

    def update_user(self, centre_id: str, user_id: int, changes: dict, entry: AuditEntry, now: datetime,
                    end_sessions: bool = False) -> None:
        """Change some of USER_FIELDS; `end_sessions` also logs the person out everywhere."""
        unknown = set(changes) - set(USER_FIELDS)
        if unknown:
            raise ValueError(f"not user fields: {sorted(unknown)}")
        with self.store.transaction() as conn:
            sets = ", ".join(f"{k} = ?" for k in changes)
            conn.execute(f"UPDATE users SET {sets} WHERE id = ? AND centre_id = ?",
                         (*changes.values(), user_id, centre_id))
            if end_sessions:
                conn.execute("UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                             (now.isoformat(), user_id))
            self.write_audit(conn, centre_id, entry, now)
