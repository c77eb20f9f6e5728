"""`motcua device revoke|pair-code|list`, `motcua user list`, `motcua audit`: the same library as the pages."""
from __future__ import annotations

from queue_server.cli import main
from queue_server.storage import Store
from queue_server.storage.accounts import Accounts


def _db(tmp_path):
    return str(tmp_path / "centre.db")


def test_cli_device_pair_code_then_revoke_are_audited(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["device", "add", "kiosk-sanh", "--role", "kiosk", "--db", db]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["device", "pair-code", "kiosk-sanh", "--db", db]) == 0
    assert "pairing code for kiosk-sanh" in capsys.readouterr().out
    assert main(["device", "revoke", "kiosk-sanh", "--db", db]) == 0
    assert "1 token(s) revoked" in capsys.readouterr().out
    assert Accounts(Store(db)).token(token) is None
    assert main(["device", "list", "--db", db]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["audit", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "device.pairing_code" in out and "device.revoke" in out and "cli:" in out


def test_cli_device_revoke_unknown_name_fails_clearly(tmp_path, capsys):
    assert main(["device", "revoke", "khong-co", "--db", _db(tmp_path)]) == 1
    assert "Không có thiết bị 'khong-co'" in capsys.readouterr().err


def test_cli_user_list_shows_accounts(tmp_path, capsys):
    db = _db(tmp_path)
    main(["user", "add", "hoa", "--name", "Lê Thị Hoa", "--password", "matkhau1", "--db", db])
    capsys.readouterr()
    assert main(["user", "list", "--db", db]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("hoa") and "officer" in line and "Lê Thị Hoa" in line


def test_cli_config_reset_brings_back_the_toml(tmp_path, capsys, demo_config):
    from queue_server.admin import configedit
    from queue_server.admin.manage import CentreAdmin, OfflineCentre, cli_actor, stored_config
    from queue_server.app import create_app
    db = _db(tmp_path)
    app = create_app(demo_config, db, secret="s")
    admin = app.extensions["motcua.admin"]
    admin.change_config(cli_actor(admin.centre_id), "counter.update", "counter:1",
                        lambda d: configedit.update_counter(d, 1, {"room": "Phòng mới"}))
    app.extensions["motcua"].store.close()
    assert stored_config(Store(db), demo_config).counter(1).room == "Phòng mới"
    assert main(["config", "reset", "--db", db]) == 0
    assert "forgot 1 saved configuration" in capsys.readouterr().out
    assert stored_config(Store(db), demo_config).counter(1).room == demo_config.counter(1).room
    assert CentreAdmin(OfflineCentre(demo_config, Store(db))).audit_log()[0]["action"] == "config.reset"
