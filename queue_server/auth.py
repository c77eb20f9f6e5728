"""Who is acting: principals, roles, passwords and tokens.

People log in with a password (hashed with werkzeug's scrypt) and get a session token; devices hold
a long-lived per-device token. Tokens are stored hashed. A principal can only act within its role,
and only while its credential lives: `Authenticator.current` re-checks a cached principal against
the store's credential generation before every action (docs/security.md, "Roles and credentials").
"""
from __future__ import annotations

import secrets
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import Enum

from werkzeug.security import check_password_hash, generate_password_hash

from .credential_watch import credentials_ended
from .engine import QueueError
from .storage.accounts import Accounts, token_hash
from .storage.credentials import Credentials
from .throttle import Throttle, login_keys
from .tokens import new_token

SESSION_HOURS = 12
# werkzeug's scrypt (N=2**15, r=8, p=1): each running hash holds 128·N·r = 32 MiB. One runs at a time:
# a burst of logins then costs 32 MiB, not 32 MiB each, and leaves the other core to the queue
# (~0.1 s per hash: 40 officers arriving together wait 4 s at most). Measured: bench/bench_login_memory.py.
HASH_METHOD = "scrypt:32768:8:1"
HASH_SLOTS = 1
HASH_WAIT_SECONDS = 60
_hash_slots = threading.BoundedSemaphore(HASH_SLOTS)


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
    # where the principal came from, for re-checking it (not part of its identity or its JSON):
    credential: str | None = field(default=None, compare=False, repr=False)   # the token's hash
    expires_at: datetime | None = field(default=None, compare=False, repr=False)
    generation: int = field(default=-1, compare=False, repr=False)   # credential generation when read

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "role": self.role.value, "name": self.name,
                "centre_id": self.centre_id, "counter": self.counter, "display_group": self.display_group}


def unauthenticated() -> QueueError:
    return QueueError("unauthenticated", "Chưa đăng nhập hoặc mã thiết bị không hợp lệ",
                      "Not logged in, or the device token is not valid", 401)


def forbidden() -> QueueError:
    return QueueError("forbidden", "Không có quyền thực hiện thao tác này", "Not allowed to do this", 403)


def busy() -> QueueError:
    return QueueError("busy", "Máy chủ đang bận, vui lòng thử lại sau ít giây", "The server is busy: try again shortly", 503)


@contextmanager
def _hash_slot():
    """One of the HASH_SLOTS places where a password hash may run (bounded memory)."""
    if not _hash_slots.acquire(timeout=HASH_WAIT_SECONDS):
        raise busy()
    try:
        yield
    finally:
        _hash_slots.release()


def hash_password(password: str) -> str:
    with _hash_slot():
        return generate_password_hash(password, method=HASH_METHOD)


def verify_password(password_hash: str, password: str) -> bool:
    """Check a password against any hash werkzeug made (older parameters included)."""
    with _hash_slot():
        return check_password_hash(password_hash, password)


def needs_rehash(password_hash: str) -> bool:
    """Was this hash made with other parameters than today's (so re-hash it at the next login)?"""
    return not password_hash.startswith(HASH_METHOD + "$")


_dummy = {}


def _dummy_hash() -> str:
    """A hash of a random password, checked when the username is unknown so the answer takes as
    long as a wrong password (the time does not tell which usernames exist)."""
    if "hash" not in _dummy:
        _dummy.setdefault("hash", hash_password(secrets.token_urlsafe(16)))
    return _dummy["hash"]


def bad_login() -> QueueError:
    return QueueError("bad_login", "Sai tên đăng nhập hoặc mật khẩu", "Wrong username or password", 401)


class Authenticator:
    """Logs people in (throttled), resolves tokens to principals and re-validates cached principals."""

    def __init__(self, accounts: Accounts, clock):
        self.accounts = accounts
        self.clock = clock
        self.credentials = Credentials(accounts.store)
        self.throttle = Throttle(clock)

    def login(self, username: str, password: str, address: str = "local") -> tuple[str, Principal]:
        """A session token for a right password. Unknown usernames cost the same hash as wrong
        passwords; failures delay further tries from that address (throttle.py says why not a lock)."""
        keys = login_keys(username, address)
        self.throttle.check(*keys)
        user = self.accounts.user_by_name(username)
        right = verify_password(user["password_hash"] if user else _dummy_hash(), password)
        if user is None or not right:
            self.throttle.failed(*keys)
            raise bad_login()
        self.throttle.succeeded(keys[0])
        if needs_rehash(user["password_hash"]):
            self.credentials.rehash_password(user["id"], user["password_hash"], hash_password(password))
        now = self.clock()
        token = new_token()
        self.accounts.add_token(token, "session", now, user_id=user["id"],
                                expires_at=now + timedelta(hours=SESSION_HOURS))
        return token, self.principal(token)

    def logout(self, token: str) -> None:
        self.accounts.revoke_token(token, self.clock())
        credentials_ended()

    def principal(self, token: str | None) -> Principal:
        """The principal a token stands for; raises `unauthenticated` otherwise."""
        if not token:
            raise unauthenticated()
        return self._resolve(token_hash(token))

    def generation(self) -> int:
        """The store's credential generation: it changes whenever any credential ends or changes."""
        return self.credentials.generation()

    def current(self, principal: Principal) -> Principal:
        """The principal as its credential stands now: the same object while nothing has ended (one
        tiny read), a fresh one if its rights changed; raises `unauthenticated` if it has ended."""
        if principal.credential is None:             # made in-process (the CLI's actor), not from a token
            return principal
        if principal.generation == self.generation():
            if principal.expires_at is not None and principal.expires_at <= self.clock():
                raise unauthenticated()
            return principal
        return self._resolve(principal.credential)

    def _resolve(self, credential: str) -> Principal:
        generation = self.generation()              # read first: a later end makes this one stale
        row = self.credentials.live_token(credential)
        expires_at = datetime.fromisoformat(row["expires_at"]) if row and row["expires_at"] else None
        if row is None or (expires_at is not None and expires_at <= self.clock()):
            raise unauthenticated()
        origin = {"credential": credential, "expires_at": expires_at, "generation": generation}
        if row["user_id"] is not None:
            user = self.accounts.user(row["user_id"])
            if user and user["active"]:
                return replace(_user_principal(user), **origin)
        elif (device := self.accounts.device(row["device_id"])) is not None:
            return Principal("device", device["id"], Role(device["role"]), device["name"], device["centre_id"],
                             device["counter"], device["display_group"], **origin)
        raise unauthenticated()


def _user_principal(user: dict) -> Principal:
    return Principal("user", user["id"], Role(user["role"]), user["name"], user["centre_id"])
