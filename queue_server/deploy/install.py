"""`motcua install ROLE` / `motcua uninstall ROLE`: set up a server or a device from this checkout.

It creates the role's system user (only the groups its hardware needs), the config and data
directories, the udev rules, a chrony snippet, and installs and enables the systemd units.
Idempotent: a second run finds everything in place and reports no change.

With `--prefix DIR` everything is written under DIR (etc/, var/lib/, lib/systemd/system/,
lib/udev/rules.d/) and no command is run: the commands are printed instead (CI, image building).

>>> plan = Installer("kiosk", prefix="/tmp/root", server="http://10.0.0.2:5000").install()
>>> print(plan.summary())
"""
from __future__ import annotations

import grp
import os
import pwd
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import templates

REPO = Path(__file__).resolve().parents[2]
UNIT_DIR = REPO / "systemd"
DEFAULT_BIN = "/opt/motcua/.venv/bin/"


@dataclass(frozen=True)
class Role:
    """What one role needs: its user and groups, its units, its config files (name → template)."""

    user: str
    groups: tuple[str, ...]
    units: tuple[str, ...]
    enable: tuple[str, ...]
    configs: tuple[tuple[str, str], ...]
    screen: bool = False          # a full-screen app on tty1 (needs cage, no getty, no desktop)


ROLES = {
    "server": Role("motcua", (), ("motcua-server.service", "motcua-backup.service", "motcua-backup.timer"),
                   ("motcua-server.service", "motcua-backup.timer"), (("server.env", templates.SERVER_ENV),)),
    "kiosk": Role("motcua-kiosk", ("lp", "dialout", "input", "video", "render"), ("motcua-kiosk.service",),
                  ("motcua-kiosk.service",), (("kiosk.toml", templates.KIOSK_TOML),), screen=True),
    "display": Role("motcua-display", ("video", "render", "audio", "input", "dialout"), ("motcua-display.service",),
                    ("motcua-display.service",), (("display.toml", templates.DISPLAY_TOML),), screen=True),
    "terminal": Role("motcua-terminal", ("video", "render", "input"), ("motcua-terminal.service",),
                     ("motcua-terminal.service",), (("terminal.toml", templates.TERMINAL_TOML),), screen=True),
    "leds": Role("motcua-leds", ("dialout",), ("motcua-leds.service",), ("motcua-leds.service",),
                 (("leds.toml", templates.LEDS_TOML), ("leds.env", templates.LEDS_ENV))),
}
UDEV_NAME = "70-motcua.rules"
CMDLINE = "/boot/firmware/cmdline.txt"          # Raspberry Pi OS Bookworm
CHRONY_NAMES = {True: "motcua-server.conf", False: "motcua-device.conf"}   # a server may also be a display


@dataclass
class Plan:
    """What an install or uninstall did (or would do): files written, left alone, commands."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    commands: list[list[str]] = field(default_factory=list)
    ran: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed or (self.ran and self.commands))

    def summary(self) -> str:
        lines = [f"  ghi / wrote      {p}" for p in self.written]
        lines += [f"  xoá / removed    {p}" for p in self.removed]
        verb = "  chạy / ran       " if self.ran else "  sẽ chạy / would run "
        lines += [verb + " ".join(c) for c in self.commands]
        lines += [f"  lưu ý / note: {n}" for n in self.notes]
        if not self.changed:
            lines.append(f"  không thay đổi gì / no change ({len(self.unchanged)} files already in place)")
        return "\n".join(lines)


class Installer:
    """Installs one role. `prefix` set: write under it and run nothing; `dry_run`: write nothing."""

    def __init__(self, role: str, prefix: str | Path | None = None, server: str | None = None,
                 dry_run: bool = False, bin_dir: str | Path | None = None, runner=subprocess.run):
        if role not in ROLES:
            raise KeyError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        self.name, self.role = role, ROLES[role]
        self.prefix = Path(prefix) if prefix else None
        self.server = (server or "http://192.168.1.10:5000").rstrip("/")
        self.dry_run = dry_run
        self.bin_dir = str(bin_dir or Path(sys.executable).parent).rstrip("/") + "/"
        self.runner = runner
        self.plan = Plan(ran=not prefix and not dry_run)

    # -- paths -------------------------------------------------------------------------------------

    @property
    def chrony_name(self) -> str:
        return CHRONY_NAMES[self.name == "server"]

    def path(self, system_path: str) -> Path:
        """A system path, under the prefix when there is one."""
        return self.prefix / system_path.lstrip("/") if self.prefix else Path(system_path)

    # -- install -----------------------------------------------------------------------------------

    def install(self) -> Plan:
        """Everything the role needs, in an order that works on a fresh system."""
        self._user()
        self._directories()
        for name, template in self.role.configs:
            self._config(name, template.format(server=self.server))
        if self.name == "server":
            self._centre_config()
            self._tls()
        for unit in self.role.units:
            self._file(f"/lib/systemd/system/{unit}", self.render_unit(unit), 0o644)
        self._file(f"/lib/udev/rules.d/{UDEV_NAME}", templates.UDEV_RULES, 0o644)
        self._chrony()
        if self.role.screen:
            self._no_console_blanking()
        self._activate()
        return self.plan

    def _no_console_blanking(self) -> None:
        """Raspberry Pi OS: `consoleblank=0` on the kernel command line (the text console before
        cage takes the screen; cage itself never blanks). Left alone where there is no such file."""
        path = self.path(CMDLINE)
        if not path.is_file():
            return
        text = path.read_text(encoding="utf-8")
        if "consoleblank=0" in text.split():
            self.plan.unchanged.append(path)
            return
        self._write(path, text.rstrip("\n") + " consoleblank=0\n", stat.S_IMODE(path.stat().st_mode))

    def render_unit(self, unit: str) -> str:
        """The unit from systemd/, pointing at this installation's `motcua`."""
        return (UNIT_DIR / unit).read_text(encoding="utf-8").replace(DEFAULT_BIN, self.bin_dir)

    def _user(self) -> None:
        groups = [g for g in self.role.groups if self.prefix or _group_exists(g)]
        cmd = ["useradd", "--system", "--user-group", "--home-dir", "/var/lib/motcua", "--no-create-home",
               "--shell", "/usr/sbin/nologin", "--comment", f"motcua {self.name}"]
        if groups:
            cmd += ["--groups", ",".join(groups)]
        if self.prefix or not _user_exists(self.role.user):
            self._run(cmd + [self.role.user])
        elif groups and not set(groups) <= _user_groups(self.role.user):
            self._run(["usermod", "--append", "--groups", ",".join(groups), self.role.user])

    def _directories(self) -> None:
        owner = self.role.user
        self._dir("/etc/motcua", 0o755)
        # Each device role's own directory below it must be reachable by its user: the server's data
        # directory is 0711 (others may pass through, not list or read); its files are 0600 (storage/files.py).
        self._dir("/var/lib/motcua", 0o711 if self.name == "server" else 0o755, owner if self.name == "server" else None)
        if self.name == "server":
            self._dir("/var/lib/motcua/backups", 0o700, owner)
        else:
            self._dir(f"/var/lib/motcua/{self.name}", 0o750, owner)

    def _config(self, name: str, text: str) -> None:
        """A config file is written once: later runs keep the technician's edits and the token."""
        path = self.path(f"/etc/motcua/{name}")
        if path.exists():
            self.plan.unchanged.append(path)
            return
        self._write(path, text, 0o600 if self.name != "server" else 0o640,
                    owner=self.role.user if self.name != "server" else "root", group=self.role.user)

    def _centre_config(self) -> None:
        from ..config import DEMO_CONFIG
        self._config("centre.toml", DEMO_CONFIG.read_text(encoding="utf-8"))
        self.plan.notes.append("sửa /etc/motcua/centre.toml rồi chạy / edit it, then run: motcua config check "
                               "/etc/motcua/centre.toml")

    def _tls(self) -> None:
        """The centre's CA and the server's HTTPS certificate, made once (deploy/tls.py); the server's
        key belongs to its user, the CA's key to root."""
        from .tls import TLS_DIR, init_tls, pin_of
        directory = self.path(TLS_DIR)
        if (directory / "server.pem").exists():
            self.plan.unchanged.append(directory)
            return
        self.plan.written.append(directory)
        if self.dry_run:
            return
        init_tls(directory)
        if not self.prefix:
            shutil.chown(directory / "server.key", self.role.user, self.role.user)
        self.plan.notes.append(f"HTTPS: mã CA / CA pin {pin_of((directory / 'ca.pem').read_bytes())} "
                               "(motcua pair … --ca-pin)")

    def _chrony(self) -> None:
        if self.name == "server":
            text = templates.CHRONY_SERVER
        else:
            text = templates.CHRONY_DEVICE.format(host=urlsplit(self.server).hostname or "127.0.0.1")
        if self.prefix or self.path("/etc/chrony").is_dir():
            self._file(f"/etc/chrony/conf.d/{self.chrony_name}", text, 0o644)
        else:
            self.plan.notes.append("chưa có chrony / chrony missing: sudo apt install chrony, then run again")

    def _activate(self) -> None:
        """Reload udev and systemd, hand tty1 to the app, enable and start the units."""
        if self.role.screen:
            if self.prefix or not _which("cage"):
                self.plan.notes.append("cần / needs: sudo apt install cage")
            self._run(["systemctl", "set-default", "multi-user.target"], unless=_default_target_is_multi_user)
            self._run(["systemctl", "disable", "getty@tty1.service"], unless=lambda: not _enabled("getty@tty1.service"))
        if not self.plan.written and not self.prefix:
            return                                  # nothing new: nothing to reload or restart
        self._run(["udevadm", "control", "--reload"])
        self._run(["udevadm", "trigger", "--action=change"])
        self._run(["systemctl", "daemon-reload"])
        self._run(["systemctl", "enable", "--now", *self.role.enable])

    # -- uninstall ---------------------------------------------------------------------------------

    def uninstall(self, purge: bool = False) -> Plan:
        """Stop and remove the role's units; configs and data stay unless `purge` (data is precious)."""
        present = [u for u in self.role.units if self.path(f"/lib/systemd/system/{u}").exists()]
        if present:
            self._run(["systemctl", "disable", "--now", *present])
        for unit in self.role.units:
            self._remove(self.path(f"/lib/systemd/system/{unit}"))
        if present:
            self._run(["systemctl", "daemon-reload"])
        if not self._other_roles_installed():
            self._remove(self.path(f"/lib/udev/rules.d/{UDEV_NAME}"))
            for name in CHRONY_NAMES.values():
                self._remove(self.path(f"/etc/chrony/conf.d/{name}"))
        if purge:
            for name, _ in self.role.configs:
                self._remove(self.path(f"/etc/motcua/{name}"))
            data = self.path("/var/lib/motcua" if self.name == "server" else f"/var/lib/motcua/{self.name}")
            if data.exists():
                self.plan.removed.append(data)
                if not self.dry_run:
                    shutil.rmtree(data)
            if self.prefix or _user_exists(self.role.user):
                self._run(["userdel", self.role.user])
        else:
            self.plan.notes.append("giữ cấu hình và dữ liệu / kept configs and data (--purge removes them)")
        return self.plan

    def _other_roles_installed(self) -> bool:
        return any(self.path(f"/lib/systemd/system/{u}").exists()
                   for name, role in ROLES.items() if name != self.name for u in role.units)

    # -- primitives --------------------------------------------------------------------------------

    def _file(self, system_path: str, text: str, mode: int) -> None:
        """A file we own: rewritten only when its content or mode differs."""
        path = self.path(system_path)
        if path.exists() and path.read_text(encoding="utf-8") == text and path.stat().st_mode & 0o777 == mode:
            self.plan.unchanged.append(path)
            return
        self._write(path, text, mode)

    def _write(self, path: Path, text: str, mode: int, owner: str | None = None, group: str | None = None) -> None:
        self.plan.written.append(path)
        if self.dry_run:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.chmod(tmp, mode)
        if owner and not self.prefix:
            shutil.chown(tmp, owner, group)
        os.replace(tmp, path)

    def _dir(self, system_path: str, mode: int, owner: str | None = None) -> None:
        path = self.path(system_path)
        if path.is_dir() and path.stat().st_mode & 0o777 == mode and (
                self.prefix or owner is None or _owner(path) == owner):
            self.plan.unchanged.append(path)
            return
        self.plan.written.append(path)
        if self.dry_run:
            return
        path.mkdir(parents=True, exist_ok=True)
        os.chmod(path, mode)
        if owner and not self.prefix:
            shutil.chown(path, owner, owner)

    def _remove(self, path: Path) -> None:
        if path.exists():
            self.plan.removed.append(path)
            if not self.dry_run:
                path.unlink()

    def _run(self, cmd: list[str], unless=None) -> None:
        """Run a command on a real install; record it (prefix, dry run) otherwise."""
        if self.plan.ran and unless is not None and unless():
            return
        self.plan.commands.append(cmd)
        if self.plan.ran:
            self.runner(cmd, check=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def _user_groups(name: str) -> set[str]:
    return {g.gr_name for g in grp.getgrall() if name in g.gr_mem}


def _owner(path: Path) -> str:
    return pwd.getpwuid(path.stat().st_uid).pw_name


def _which(name: str) -> bool:
    return shutil.which(name) is not None


def _enabled(unit: str) -> bool:
    return subprocess.run(["systemctl", "is-enabled", "--quiet", unit], check=False).returncode == 0


def _default_target_is_multi_user() -> bool:
    out = subprocess.run(["systemctl", "get-default"], capture_output=True, text=True, check=False).stdout
    return out.strip() == "multi-user.target"
