"""`motcua install ROLE --prefix DIR`: what it writes, that a second run changes nothing, uninstall."""
import stat
import tomllib

import pytest

from display.cli import load_leds
from display.config import load_display_config
from kiosk.config import load_kiosk_config
from queue_server.cli import main
from queue_server.config import load_config
from queue_server.deploy.install import ROLES, Installer
from satisfaction_terminal.config import load_settings

SERVER = "http://10.0.0.2:5000"


def _tree(root):
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None, stat.S_IMODE(p.stat().st_mode))
            for p in sorted(root.rglob("*"))}


@pytest.mark.parametrize("role", list(ROLES))
def test_install_writes_the_role_and_is_idempotent(tmp_path, role):
    first = Installer(role, prefix=tmp_path, server=SERVER).install()
    assert first.changed and not first.ran
    before = _tree(tmp_path)
    second = Installer(role, prefix=tmp_path, server=SERVER).install()
    assert not second.changed and second.written == []
    assert "no change" in second.summary()
    assert _tree(tmp_path) == before
    for unit in ROLES[role].units:
        text = (tmp_path / "lib/systemd/system" / unit).read_text()
        assert "/opt/motcua/.venv/bin/" not in text            # points at this installation
    assert (tmp_path / "lib/udev/rules.d/70-motcua.rules").is_file()


def test_install_server_writes_configs_that_load(tmp_path):
    Installer("server", prefix=tmp_path).install()
    env = dict(line.split("=", 1) for line in (tmp_path / "etc/motcua/server.env").read_text().splitlines()
               if line and not line.startswith("#"))
    assert env["MOTCUA_DB"] == "/var/lib/motcua/centre.db" and env["MOTCUA_BACKUP_KEEP_DAYS"] == "30"
    assert load_config(tmp_path / "etc/motcua/centre.toml").departments
    assert stat.S_IMODE((tmp_path / "etc/motcua/server.env").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "var/lib/motcua/backups").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "var/lib/motcua").stat().st_mode) == 0o711
    tls = tmp_path / "etc/motcua/tls"
    assert env["MOTCUA_TLS_CERT"] == "/etc/motcua/tls/server.pem" and (tls / "server.pem").is_file()
    assert stat.S_IMODE((tls / "server.key").stat().st_mode) == 0o600
    assert stat.S_IMODE((tls / "ca.key").stat().st_mode) == 0o600
    assert "local stratum 10" in (tmp_path / "etc/chrony/conf.d/motcua-server.conf").read_text()
    units = sorted(p.name for p in (tmp_path / "lib/systemd/system").iterdir())
    assert units == ["motcua-backup.service", "motcua-backup.timer", "motcua-server.service"]


def test_install_device_configs_load_and_are_private(tmp_path):
    for role in ("kiosk", "display", "terminal", "leds"):
        Installer(role, prefix=tmp_path, server=SERVER).install()
    etc = tmp_path / "etc/motcua"
    assert load_kiosk_config(etc / "kiosk.toml").server == SERVER
    assert load_display_config(etc / "display.toml").server == SERVER
    settings = load_settings(etc / "terminal.toml")
    assert settings.server == SERVER and settings.outbox == "/var/lib/motcua/terminal/outbox.db"
    assert load_leds(str(etc / "leds.toml")).displays[1].address == 1
    assert f"MOTCUA_SERVER={SERVER}" in (etc / "leds.env").read_text()
    for name in ("kiosk.toml", "display.toml", "terminal.toml", "leds.env"):
        assert stat.S_IMODE((etc / name).stat().st_mode) == 0o600, name
    assert "server 10.0.0.2 iburst" in (tmp_path / "etc/chrony/conf.d/motcua-device.conf").read_text()


def test_install_plans_the_user_with_only_its_groups(tmp_path):
    plan = Installer("kiosk", prefix=tmp_path).install()
    (useradd,) = [c for c in plan.commands if c[0] == "useradd"]
    assert useradd[-1] == "motcua-kiosk"
    assert useradd[useradd.index("--groups") + 1] == "lp,dialout,input,video,render"
    assert ["systemctl", "enable", "--now", "motcua-kiosk.service"] in plan.commands
    assert ["systemctl", "disable", "getty@tty1.service"] in plan.commands
    server = Installer("server", prefix=tmp_path / "s").install()
    (useradd,) = [c for c in server.commands if c[0] == "useradd"]
    assert "--groups" not in useradd


def test_install_keeps_an_edited_config_but_repairs_our_files(tmp_path):
    Installer("kiosk", prefix=tmp_path, server=SERVER).install()
    config = tmp_path / "etc/motcua/kiosk.toml"
    config.write_text(config.read_text().replace('token = ""', 'token = "secret"'))
    unit = tmp_path / "lib/systemd/system/motcua-kiosk.service"
    unit.write_text("damaged")
    plan = Installer("kiosk", prefix=tmp_path, server=SERVER).install()
    assert plan.written == [unit]
    assert 'token = "secret"' in config.read_text()
    assert unit.read_text().startswith("# motcua kiosk")


def test_dry_run_writes_nothing(tmp_path):
    plan = Installer("server", prefix=tmp_path, dry_run=True).install()
    assert plan.written and not any(tmp_path.iterdir())


def test_uninstall_removes_units_and_keeps_data(tmp_path):
    Installer("server", prefix=tmp_path).install()
    Installer("display", prefix=tmp_path, server=SERVER).install()
    (tmp_path / "var/lib/motcua/centre.db").write_bytes(b"precious")
    plan = Installer("server", prefix=tmp_path).uninstall()
    assert not (tmp_path / "lib/systemd/system/motcua-server.service").exists()
    assert (tmp_path / "lib/udev/rules.d/70-motcua.rules").exists()        # the display still needs it
    assert (tmp_path / "var/lib/motcua/centre.db").read_bytes() == b"precious"
    assert (tmp_path / "etc/motcua/server.env").exists()
    assert ["systemctl", "disable", "--now", "motcua-server.service", "motcua-backup.service",
            "motcua-backup.timer"] in plan.commands
    Installer("display", prefix=tmp_path).uninstall(purge=True)
    assert not (tmp_path / "lib/udev/rules.d/70-motcua.rules").exists()
    assert not (tmp_path / "etc/motcua/display.toml").exists()
    assert not (tmp_path / "var/lib/motcua/display").exists()


def test_cli_install_twice_reports_no_change(tmp_path, capsys):
    assert main(["install", "terminal", "--prefix", str(tmp_path), "--server", SERVER]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["install", "terminal", "--prefix", str(tmp_path), "--server", SERVER]) == 0
    assert "không thay đổi gì / no change" in capsys.readouterr().out
    assert main(["uninstall", "terminal", "--prefix", str(tmp_path)]) == 0
    assert "motcua-terminal.service" in capsys.readouterr().out
    assert tomllib.loads((tmp_path / "etc/motcua/terminal.toml").read_text())["terminal"]["counter"] == 1


def test_screen_roles_turn_console_blanking_off_once(tmp_path):
    cmdline = tmp_path / "boot/firmware/cmdline.txt"
    cmdline.parent.mkdir(parents=True)
    cmdline.write_text("console=serial0,115200 console=tty1 root=PARTUUID=1234-02 rootwait quiet\n")
    Installer("kiosk", prefix=tmp_path).install()
    Installer("display", prefix=tmp_path).install()
    assert cmdline.read_text() == "console=serial0,115200 console=tty1 root=PARTUUID=1234-02 rootwait quiet consoleblank=0\n"
    Installer("leds", prefix=tmp_path / "x").install()          # no screen, no such file: nothing


def test_shell_entry_point_installs_into_a_prefix(tmp_path):
    import subprocess
    from pathlib import Path
    script = Path(__file__).resolve().parents[2] / "scripts/install.sh"
    result = subprocess.run(["bash", str(script), "display", "--prefix", str(tmp_path), "--server", SERVER],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "lib/systemd/system/motcua-display.service").is_file()
    usage = subprocess.run(["bash", str(script)], capture_output=True, text=True)
    assert usage.returncode == 2 and "cách dùng" in usage.stderr
