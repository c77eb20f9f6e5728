"""CentreAdmin: every change an administrator can make, each validated, applied live and audited.

The web pages and the `motcua` CLI are thin shells over these methods. A change to the centre's
configuration is built and validated from the current configuration, checked against the live
queue and swapped in under the service lock, so two admins editing at once cannot lose a change.
"""
from __future__ import annotations

import getpass
import secrets
import threading
from datetime import timedelta
from typing import Callable

from ..auth import DEVICE_ROLES, USER_ROLES, Principal, Role, hash_password
from ..clock import SystemClock
from ..config import CentreConfig, parse_config
from ..engine import QueueError
from ..engine.errors import invalid
from ..service import QueueService
from ..storage import Store, StoreError
from ..storage.admin import AdminStore, AuditEntry
from ..tokens import new_token
from . import configedit

PAIRING_MINUTES = 15
PAIRING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"      # no 0/O, 1/I/L: read aloud and typed
PAIRING_LENGTH = 8
MIN_PASSWORD = 8


class OfflineCentre:
    """What CentreAdmin needs for accounts, devices and the audit log without running the queue:
    the CLI uses it beside (or instead of) a running server. Configuration changes need the live
    queue and are refused here."""

    def __init__(self, config: CentreConfig, store: Store):
        self.config, self.store = config, store
        self.clock = SystemClock(config.centre.timezone)
        self.lock = threading.RLock()

    @property
    def centre_id(self) -> str:
        return self.config.centre.id


def cli_actor(centre_id: str) -> Principal:
    """The person at the server's terminal, named by their system account in the audit log."""
    return Principal("user", 0, Role.ADMIN, f"cli:{getpass.getuser()}", centre_id)


def stored_config(store: Store, seed: CentreConfig) -> CentreConfig:
    """The configuration to run: the last one saved from the admin pages, else the seed (TOML)."""
    saved = AdminStore(store).latest_config(seed.centre.id)
    if saved is None:
        return seed
    version, data = saved
    return parse_config(data, f"{store.path} (centre_config v{version})")


def actor_of(principal: Principal) -> str:
    return f"{principal.kind}:{principal.name}" if principal.id else principal.name


def diff(old, new, path: str = "") -> dict:
    """Leaves that differ between two JSON-like values: {path: (old, new)}."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = {}
        for key in list(old) + [k for k in new if k not in old]:
            out |= diff(old.get(key), new.get(key), f"{path}.{key}" if path else str(key))
        return out
    if isinstance(old, list) and isinstance(new, list) and all(isinstance(x, dict) for x in old + new):
        keyed_old, keyed_new = _keyed(old), _keyed(new)
        if keyed_old is not None and keyed_new is not None:
            return diff(keyed_old, keyed_new, path)
    return {} if old == new else {path: (old, new)}


def _keyed(items: list[dict]) -> dict | None:
    """Departments, services and counters by their id / number, so a diff names them."""
    for key in ("id", "number"):
        if all(key in item for item in items):
            return {str(item[key]): item for item in items}
    return None


class CentreAdmin:
    """The admin operations of one running centre.

    >>> admin = CentreAdmin(service)
    >>> admin.change_config(principal, "counter.update", "counter:3",
    ...                     lambda d: configedit.update_counter(d, 3, {"services": ["stp-hotich"]}))
    """

    def __init__(self, service: QueueService | OfflineCentre, on_revoke: Callable[[int], None] | None = None):
        self.service = service
        self.store = AdminStore(service.store)
        self.on_revoke = on_revoke or (lambda device_id: None)

    @property
    def centre_id(self) -> str:
        return self.service.centre_id

    def _entry(self, principal: Principal, action: str, target: str, before=None, after=None) -> AuditEntry:
        _require_admin(principal)
        return AuditEntry(self._actor(principal), principal.role.value, action, target, before, after)

    def _actor(self, principal: Principal) -> str:
        """'username (Full Name)' for a person with an account, else the principal's name."""
        username = self.store.username(principal.id) if principal.kind == "user" and principal.id else None
        return f"{username} ({principal.name})" if username else actor_of(principal)

    # -- configuration -------------------------------------------------------------------------

    def change_config(self, principal: Principal, action: str, target: str,
                      edit: Callable[[dict], dict]) -> CentreConfig:
        """Apply `edit` to the current configuration, live; refused changes leave everything as was."""
        _require_admin(principal)
        if not hasattr(self.service, "apply_config"):
            raise QueueError("offline", "Thay đổi cấu hình trên trang quản trị của máy chủ đang chạy",
                             "Change the configuration on the running server's admin pages", 409)
        with self.service.lock:
            old = self.service.config
            old_data = configedit.data_of(old)
            new = configedit.build(edit(configedit.data_of(old)))
            problems = configedit.live_problems(old, new, self.service.engine.state)
            if problems:
                raise problems[0]
            new_data = configedit.data_of(new)
            changes = diff(old_data, new_data)
            if not changes:
                return old
            entry = self._entry(principal, action, target, {k: v[0] for k, v in changes.items()},
                                {k: v[1] for k, v in changes.items()})
            removed = configedit.removed_counters(old, new)
            self.service.apply_config(new, lambda event: self.store.save_config(
                self.centre_id, new_data, entry, event, removed))
            return new

    def reset_config(self, principal: Principal) -> int:
        """Forget the configuration saved from the admin pages: the TOML applies from the next start."""
        entry = self._entry(principal, "config.reset", "centre")
        return self.store.drop_config(self.centre_id, entry, self.service.clock())

    # -- devices -------------------------------------------------------------------------------

    def create_device(self, principal: Principal, name: str, role: str, counter: int | None = None,
                      group: str | None = None) -> tuple[int, str]:
        """Register a device; returns (id, token). The token is shown once: only its hash is kept."""
        device = self._device_fields(name, role, counter, group)
        token = new_token()
        entry = self._entry(principal, "device.create", f"device:{device['name']}", after=device)
        try:
            device_id = self.store.add_device(self.centre_id, device, token, entry, self.service.clock())
        except Exception as exc:
            if "UNIQUE" in str(exc):
                raise invalid(f"Đã có thiết bị tên '{device['name']}'", f"A device named '{device['name']}' exists") from None
            raise
        return device_id, token

    def _device_fields(self, name: str, role: str, counter, group) -> dict:
        name = (name or "").strip()
        if not 1 <= len(name) <= 64:
            raise invalid("Tên thiết bị cần từ 1 đến 64 ký tự", "A device name needs 1 to 64 characters")
        if role not in {r.value for r in DEVICE_ROLES}:
            raise invalid(f"Loại thiết bị không hợp lệ: {role}", f"Not a device role: {role}")
        if role in ("terminal", "keypad"):
            if counter is None:
                raise invalid("Máy đánh giá và bàn phím cần số quầy", "A terminal or keypad needs a counter")
            try:
                self.service.config.counter(counter)
            except KeyError:
                raise invalid(f"Không có quầy {counter}", f"No counter {counter}") from None
        return {"name": name, "role": role, "counter": counter if role in ("terminal", "keypad") else None,
                "display_group": (group or None) if role == "display" else None}

    def devices(self) -> list[dict]:
        return self.store.devices(self.centre_id)

    def device(self, device_id: int) -> dict:
        for device in self.devices():
            if device["id"] == device_id:
                return device
        raise QueueError("not_found", f"Không có thiết bị số {device_id}", f"No device {device_id}", 404)

    def device_by_name(self, name: str) -> dict:
        for device in self.devices():
            if device["name"] == name:
                return device
        raise QueueError("not_found", f"Không có thiết bị '{name}'", f"No device '{name}'", 404)

    def pairing_code(self, principal: Principal, device_id: int) -> tuple[str, object]:
        """A one-time code (8 letters/digits, 15 minutes) the device exchanges for a token."""
        device = self.device(device_id)
        code = "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(PAIRING_LENGTH))
        now = self.service.clock()
        expires = now + timedelta(minutes=PAIRING_MINUTES)
        entry = self._entry(principal, "device.pairing_code", f"device:{device['name']}",
                            after={"expires_at": expires.isoformat()})
        self.store.add_pairing_code(self.centre_id, device_id, code, now, expires, entry)
        return code, expires

    def pair(self, code: str) -> tuple[dict, str]:
        """Exchange a pairing code for a device token: (device, token). Single use."""
        code = "".join(ch for ch in (code or "").upper() if ch.isalnum())
        token = new_token()
        device = self.store.redeem_pairing_code(self.centre_id, code, token, self.service.clock()) if code else None
        if device is None:
            raise QueueError("bad_code", "Mã ghép nối không đúng, đã dùng hoặc đã hết hạn",
                             "The pairing code is wrong, used or expired", 400)
        return device, token

    def revoke_device(self, principal: Principal, device_id: int) -> int:
        """Revoke every token of a device and drop its live connections; returns tokens revoked."""
        device = self.device(device_id)
        entry = self._entry(principal, "device.revoke", f"device:{device['name']}")
        count = self.store.revoke_device(self.centre_id, device_id, entry, self.service.clock())
        self.on_revoke(device_id)
        return count

    # -- people --------------------------------------------------------------------------------

    def users(self) -> list[dict]:
        return self.store.users(self.centre_id)

    def user(self, user_id: int) -> dict:
        for user in self.users():
            if user["id"] == user_id:
                return user
        raise QueueError("not_found", f"Không có tài khoản số {user_id}", f"No account {user_id}", 404)

    def create_user(self, principal: Principal, username: str, name: str, role: str, password: str,
                    title: str = "", department_id: str | None = None) -> int:
        """The one way to make an account (admin pages, `motcua user add`, the demo): checked,
        hashed and audited. Refusals are bilingual QueueErrors."""
        username = (username or "").strip()
        if not username or len(username) > 64 or not username.replace(".", "").replace("_", "").isalnum():
            raise invalid("Tên đăng nhập chỉ gồm chữ, số, '.' và '_' (tối đa 64 ký tự)",
                          "A username has letters, digits, '.' and '_' only (at most 64)")
        fields = self._user_fields(name, role, title, department_id)
        _check_password(password)
        if self.store.username_taken(username):
            raise _username_taken(username)
        entry = self._entry(principal, "user.create", f"user:{username}", after={"username": username, **fields})
        user = {"username": username, **fields, "password_hash": hash_password(password)}
        try:
            return self.store.add_user(self.centre_id, user, entry, self.service.clock())
        except StoreError as exc:
            if "UNIQUE" in str(exc):        # taken between the check and the insert
                raise _username_taken(username) from None
            raise

    def _user_fields(self, name: str, role: str, title: str, department_id: str | None) -> dict:
        name = (name or "").strip()
        if not 1 <= len(name) <= 100:
            raise invalid("Cần họ tên (tối đa 100 ký tự)", "A name is required (at most 100 characters)")
        if role not in {r.value for r in USER_ROLES}:
            raise invalid(f"Vai trò không hợp lệ: {role}", f"Not a user role: {role}")
        department_id = department_id or None
        if department_id and department_id not in {d.id for d in self.service.config.departments}:
            raise invalid(f"Không có đơn vị '{department_id}'", f"No department '{department_id}'")
        return {"name": name, "role": role, "title": (title or "").strip()[:100], "department_id": department_id}

    def update_user(self, principal: Principal, user_id: int, name: str, role: str, title: str,
                    department_id: str | None) -> None:
        user = self.user(user_id)
        fields = self._user_fields(name, role, title, department_id)
        self._refuse_self_demotion(principal, user, role)
        before = {k: user[k] for k in fields}
        changed = {k: v for k, v in fields.items() if before[k] != v}
        if changed:
            entry = self._entry(principal, "user.update", f"user:{user['username']}",
                                {k: before[k] for k in changed}, changed)
            self.store.update_user(self.centre_id, user_id, changed, entry, self.service.clock(),
                                   end_sessions="role" in changed)

    def reset_password(self, principal: Principal, user_id: int, password: str) -> None:
        """Set a new password and log the person out everywhere."""
        user = self.user(user_id)
        _check_password(password)
        entry = self._entry(principal, "user.reset_password", f"user:{user['username']}")
        self.store.update_user(self.centre_id, user_id, {"password_hash": hash_password(password)}, entry,
                               self.service.clock(), end_sessions=True)

    def set_active(self, principal: Principal, user_id: int, active: bool) -> None:
        """Deactivate (sessions end at once) or reactivate an account; history keeps its rows."""
        user = self.user(user_id)
        if not active and principal.kind == "user" and principal.id == user_id:
            raise invalid("Không thể tự khoá tài khoản của mình", "You cannot deactivate your own account")
        entry = self._entry(principal, "user.activate" if active else "user.deactivate",
                            f"user:{user['username']}", {"active": bool(user["active"])}, {"active": active})
        self.store.update_user(self.centre_id, user_id, {"active": int(active)}, entry, self.service.clock(),
                               end_sessions=not active)

    def set_photo(self, principal: Principal, user_id: int, filename: str | None) -> None:
        user = self.user(user_id)
        entry = self._entry(principal, "user.photo", f"user:{user['username']}", user["photo"], filename)
        self.store.update_user(self.centre_id, user_id, {"photo": filename}, entry, self.service.clock())

    def _refuse_self_demotion(self, principal: Principal, user: dict, role: str) -> None:
        if principal.kind == "user" and principal.id == user["id"] and role != Role.ADMIN.value:
            raise invalid("Không thể tự bỏ quyền quản trị của mình", "You cannot remove your own admin role")

    # -- audit ---------------------------------------------------------------------------------

    def audit_log(self, limit: int = 200, before_id: int | None = None) -> list[dict]:
        return self.store.audit_log(self.centre_id, limit, before_id)


def _require_admin(principal: Principal) -> None:
    if principal.role is not Role.ADMIN:
        raise QueueError("forbidden", "Chỉ quản trị viên được thay đổi cấu hình",
                         "Only an administrator may change the configuration", 403)


def _username_taken(username: str) -> QueueError:
    return invalid(f"Tên đăng nhập '{username}' đã có người dùng", f"Username '{username}' is taken")


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise invalid(f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự", f"A password needs at least {MIN_PASSWORD} characters")
