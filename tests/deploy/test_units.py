"""The systemd units: `systemd-analyze verify` passes, hardening is in place, exposure stays low."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from queue_server.deploy.install import ROLES, UNIT_DIR, Installer

UNITS = sorted(p.name for p in UNIT_DIR.iterdir() if p.suffix in (".service", ".timer"))
ANALYZE = shutil.which("systemd-analyze")
needs_analyze = pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze not installed (apt install systemd)")


def _rendered(tmp_path) -> Path:
    """The units as `motcua install` writes them (this checkout's motcua). Where cage is not
    installed (CI), /usr/bin/cage is pointed at a stand-in executable: verify checks that it exists."""
    out = tmp_path / "units"
    out.mkdir()
    cage = shutil.which("cage")
    if cage is None:
        cage = tmp_path / "cage"
        cage.write_text("#!/bin/sh\nexec \"$@\"\n")
        cage.chmod(0o755)
    for unit in UNITS:
        text = Installer("server", prefix=tmp_path / "root").render_unit(unit)
        (out / unit).write_text(text.replace("/usr/bin/cage", str(cage)))
    return out


def _settings(unit: str) -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in (UNIT_DIR / unit).read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def test_every_role_unit_exists():
    wanted = {u for role in ROLES.values() for u in role.units}
    assert wanted == set(UNITS)


@needs_analyze
def test_units_pass_systemd_analyze_verify(tmp_path):
    units = _rendered(tmp_path)
    result = subprocess.run([ANALYZE, "verify", "--man=no", *sorted(map(str, units.iterdir()))],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr


@needs_analyze
def test_verify_catches_a_broken_unit(tmp_path):
    units = _rendered(tmp_path)
    broken = units / "motcua-server.service"
    broken.write_text(broken.read_text().replace("Type=notify", "Type=notifyy"))
    result = subprocess.run([ANALYZE, "verify", "--man=no", str(broken)], capture_output=True, text=True)
    assert "notifyy" in result.stderr


def _exposure(unit_path: Path) -> float:
    result = subprocess.run([ANALYZE, "security", "--offline=yes", "--no-pager", str(unit_path)],
                            capture_output=True, text=True)
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d)", result.stdout + result.stderr)
    if match is None:
        pytest.skip(f"systemd-analyze security --offline not available: {result.stderr[-200:]}")
    return float(match[1])


@needs_analyze
@pytest.mark.parametrize("unit, ceiling", [
    ("motcua-server.service", 1.5), ("motcua-backup.service", 1.0), ("motcua-leds.service", 2.0),
    ("motcua-kiosk.service", 2.5), ("motcua-display.service", 2.5), ("motcua-terminal.service", 2.5)])
def test_units_exposure_stays_low(tmp_path, unit, ceiling):
    """The figures in docs/deploy.md; a unit that loses its hardening fails here."""
    assert _exposure(_rendered(tmp_path) / unit) <= ceiling


@pytest.mark.parametrize("unit", [u for u in UNITS if u.endswith(".service")])
def test_services_are_hardened_and_restart(unit):
    s = _settings(unit)
    assert s["NoNewPrivileges"] == ["yes"] and s["ProtectSystem"] == ["strict"] and s["PrivateTmp"] == ["yes"]
    assert s["User"][0].startswith("motcua")
    assert s.get("CapabilityBoundingSet") == [""]
    if unit != "motcua-backup.service":
        assert s["Restart"] == ["always"]
        assert "StartLimitBurst" in s and "StartLimitIntervalSec" in s
    if unit not in ("motcua-server.service", "motcua-backup.service"):
        assert s["DevicePolicy"] == ["closed"] and s["DeviceAllow"]


@pytest.mark.parametrize("unit", ["motcua-server.service", "motcua-kiosk.service", "motcua-display.service",
                                  "motcua-terminal.service"])
def test_notify_units_have_a_watchdog(unit):
    s = _settings(unit)
    assert s["Type"] == ["notify"] and int(s["WatchdogSec"][0]) >= 10


@pytest.mark.parametrize("unit", ["motcua-kiosk.service", "motcua-display.service", "motcua-terminal.service"])
def test_screen_units_take_tty1_full_screen(unit):
    s = _settings(unit)
    assert s["TTYPath"] == ["/dev/tty1"] and s["PAMName"] == ["login"] and s["NotifyAccess"] == ["all"]
    assert s["ExecStart"][0].startswith("/usr/bin/cage -d -- /opt/motcua/.venv/bin/motcua ")
    assert "getty@tty1.service" in s["Conflicts"]


def test_backup_timer_is_persistent():
    s = _settings("motcua-backup.timer")
    assert s["Persistent"] == ["true"] and len(s["OnCalendar"]) == 2
