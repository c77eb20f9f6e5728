"""Set-up tasks behind the CLI: writing a config, creating users and devices."""
from __future__ import annotations

import shutil
from pathlib import Path

from .admin.manage import CentreAdmin, OfflineCentre, cli_actor
from .auth import Principal
from .config import DEMO_CONFIG, CentreConfig
from .storage import Store


def init_config(path: Path, force: bool = False) -> Path:
    """Copy the demo centre as a starting configuration."""
    if path.exists() and not force:
        raise FileExistsError(17, "exists", str(path))
    shutil.copyfile(DEMO_CONFIG, path)
    return path


def add_user(config: CentreConfig, db_path, username: str, name: str, role: str, password: str,
             title: str = "", department_id: str | None = None, store: Store | None = None,
             actor: Principal | None = None) -> int:
    """Create an account through the admin library's one path (checks, hashing, audit row);
    the audit names `actor`, by default the system user at the server's terminal."""
    admin = CentreAdmin(OfflineCentre(config, store or Store(db_path)))
    return admin.create_user(actor or cli_actor(config.centre.id), username, name, role, password, title,
                             department_id)


def add_device(config: CentreConfig, db_path, name: str, role: str, counter: int | None = None,
               display_group: str | None = None, store: Store | None = None,
               actor: Principal | None = None) -> str:
    """Register a device through the admin library (checks, audit row) and return its token,
    shown once (only its hash is stored)."""
    admin = CentreAdmin(OfflineCentre(config, store or Store(db_path)))
    return admin.create_device(actor or cli_actor(config.centre.id), name, role, counter, display_group)[1]
