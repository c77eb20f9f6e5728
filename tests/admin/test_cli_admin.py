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
