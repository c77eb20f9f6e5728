"""Set-up tasks behind the CLI: writing a config, creating users and devices."""
from __future__ import annotations

import shutil
from pathlib import Path

from .auth import DEVICE_ROLES, USER_ROLES, Authenticator, Role, hash_password
from .clock import SystemClock
from .config import DEMO_CONFIG, CentreConfig
from .engine.errors import invalid
from .storage import Store
from .storage.accounts import Accounts


def init_config(path: Path, force: bool = False) -> Path:
    """Copy the demo centre as a starting configuration."""
    if path.exists() and not force:
        raise FileExistsError(f"{path} exists (use --force to overwrite)")
    shutil.copyfile(DEMO_CONFIG, path)
    return path


def add_user(config: CentreConfig, db_path, username: str, name: str, role: str, password: str,
             title: str = "", department_id: str | None = None, store: Store | None = None) -> int:
    if Role(role) not in USER_ROLES:
        raise invalid(f"Vai trò không hợp lệ: {role}", f"Not a user role: {role}")
    if len(password) < 4:
        raise invalid("Mật khẩu quá ngắn", "Password too short")
    accounts = Accounts(store or Store(db_path))
    now = SystemClock(config.centre.timezone)()
    return accounts.add_user(config.centre.id, username, name, role, hash_password(password), now, title, department_id)


def add_device(config: CentreConfig, db_path, name: str, role: str, counter: int | None = None,
               display_group: str | None = None, store: Store | None = None) -> str:
    """Register a device and return its token (only its hash is stored)."""
    if Role(role) not in DEVICE_ROLES:
        raise invalid(f"Vai trò thiết bị không hợp lệ: {role}", f"Not a device role: {role}")
    if role in ("terminal", "keypad"):
        if counter is None:
            raise invalid("Thiết bị này cần số quầy", "This device needs a counter")
        config.counter(counter)
    clock = SystemClock(config.centre.timezone)
    accounts = Accounts(store or Store(db_path))
    device_id = accounts.add_device(config.centre.id, name, role, clock(), counter, display_group)
    return Authenticator(accounts, clock).issue_device_token(device_id)
