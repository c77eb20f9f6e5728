"""Who is acting: principals, roles, passwords and tokens.

People log in with a password (hashed with werkzeug's scrypt) and get a session token; devices hold
a long-lived per-device token. Tokens are stored hashed. A principal can only act within its role.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from werkzeug.security import check_password_hash, generate_password_hash

from .engine import QueueError
from .storage.accounts import Accounts

SESSION_HOURS = 12


class Role(str, Enum):
    ADMIN = "admin"            # configures the centre, may act at any counter
    SUPERVISOR = "supervisor"  # reads everything, changes nothing
    OFFICER = "officer"        # acts at the counter they are logged in at
    KIOSK = "kiosk"            # issues tickets
    DISPLAY = "display"        # watches
    TERMINAL = "terminal"      # rates the service of its counter
    KEYPAD = "keypad"          # a counter's hardware keypad: acts for its counter
    GATEWAY = "gateway"        # the province's one-stop software: pushes dossier changes

    @property
    def is_device(self) -> bool:
        return self in DEVICE_ROLES


USER_ROLES = (Role.ADMIN, Role.SUPERVISOR, Role.OFFICER)
DEVICE_ROLES = (Role.KIOSK, Role.DISPLAY, Role.TERMINAL, Role.KEYPAD, Role.GATEWAY)


@dataclass(frozen=True)
class Principal:
    """An authenticated user or device."""

    kind: str                 # "user" or "device"
    id: int
    role: Role
    name: str
    centre_id: str
    counter: int | None = None        # the counter a terminal or keypad belongs to
    display_group: str | None = None  # the room/floor a display shows

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "role": self.role.value, "name": self.name,
                "centre_id": self.centre_id, "counter": self.counter, "display_group": self.display_group}


def unauthenticated() -> QueueError:
    return QueueError("unauthenticated", "Chưa đăng nhập hoặc mã thiết bị không hợp lệ",
                      "Not logged in, or the device token is not valid", 401)


def forbidden() -> QueueError:
    return QueueError("forbidden", "Không có quyền thực hiện thao tác này", "Not allowed to do this", 403)


def hash_password(password: str) -> str:
    return generate_password_hash(password)


class Authenticator:
    """Logs people in and resolves tokens to principals."""

    def __init__(self, accounts: Accounts, clock):
        self.accounts = accounts
        self.clock = clock

    def login(self, username: str, password: str) -> tuple[str, Principal]:
        user = self.accounts.user_by_name(username)
        if user is None or not check_password_hash(user["password_hash"], password):
            raise QueueError("bad_login", "Sai tên đăng nhập hoặc mật khẩu", "Wrong username or password", 401)
        now = self.clock()
        token = secrets.token_urlsafe(32)
        self.accounts.add_token(token, "session", now, user_id=user["id"],
                                expires_at=now + timedelta(hours=SESSION_HOURS))
        return token, _user_principal(user)

    def logout(self, token: str) -> None:
        self.accounts.revoke_token(token, self.clock())

    def principal(self, token: str | None) -> Principal:
        """The principal a token stands for; raises `unauthenticated` otherwise."""
        row = self.accounts.token(token) if token else None
        if row is None or (row["expires_at"] and datetime.fromisoformat(row["expires_at"]) <= self.clock()):
            raise unauthenticated()
        if row["user_id"] is not None:
            user = self.accounts.user(row["user_id"])
            if user and user["active"]:
                return _user_principal(user)
        elif (device := self.accounts.device(row["device_id"])) is not None:
            return Principal("device", device["id"], Role(device["role"]), device["name"], device["centre_id"],
                             device["counter"], device["display_group"])
        raise unauthenticated()

    def issue_device_token(self, device_id: int) -> str:
        """A new token for a device; earlier ones stay valid until revoked."""
        token = secrets.token_urlsafe(32)
        self.accounts.add_token(token, "device", self.clock(), device_id=device_id)
        return token


def _user_principal(user: dict) -> Principal:
    return Principal("user", user["id"], Role(user["role"]), user["name"], user["centre_id"])
