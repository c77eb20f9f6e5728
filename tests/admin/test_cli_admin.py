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


# -- one account path: `motcua user add` is the admin pages' create_user ---------------------------

def test_cli_user_add_refuses_a_short_password_like_the_pages(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["user", "add", "hoa", "--name", "Lê Thị Hoa", "--password", "abcd", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err == "motcua: Mật khẩu cần ít nhất 8 ký tự / A password needs at least 8 characters\n"
    assert Store(db).query("SELECT * FROM users") == []


def test_cli_user_add_checks_the_username(tmp_path, capsys):
    assert main(["user", "add", "hoa lê", "--name", "Lê Thị Hoa", "--password", "matkhau1", "--db", _db(tmp_path)]) == 1
    assert "Tên đăng nhập chỉ gồm chữ, số" in capsys.readouterr().err


def test_cli_user_add_existing_username_is_a_clear_error(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["user", "add", "hoa", "--name", "Lê Thị Hoa", "--password", "matkhau1", "--db", db]) == 0
    assert main(["user", "add", "hoa", "--name", "Lê Thị Hòa", "--password", "matkhau2", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err == "motcua: Tên đăng nhập 'hoa' đã có người dùng / Username 'hoa' is taken\n"


def test_cli_user_add_is_audited_and_can_log_in(tmp_path, capsys, demo_config):
    from queue_server.auth import Authenticator
    from queue_server.clock import SystemClock
    db = _db(tmp_path)
    assert main(["user", "add", "hoa", "--name", "Lê Thị Hoa", "--password", "matkhau1", "--role", "supervisor",
                 "--db", db]) == 0
    assert "đã tạo tài khoản hoa" in capsys.readouterr().out
    store = Store(db)
    [entry] = store.query("SELECT actor, action, target FROM audit_log")
    assert entry["action"] == "user.create" and entry["target"] == "user:hoa" and entry["actor"].startswith("cli:")
    _, principal = Authenticator(Accounts(store), SystemClock()).login("hoa", "matkhau1")
    assert principal.role.value == "supervisor"


def test_cli_user_add_unknown_department_is_refused(tmp_path, capsys):
    assert main(["user", "add", "hoa", "--name", "Lê Thị Hoa", "--password", "matkhau1", "--department", "nope",
                 "--db", _db(tmp_path)]) == 1
    assert "Không có đơn vị 'nope'" in capsys.readouterr().err


def test_demo_accounts_follow_the_password_rule(tmp_path, demo_config):
    from queue_server.admin.manage import MIN_PASSWORD
    from queue_server.demo.people import DEMO_PASSWORD, seed_accounts
    store = Store(tmp_path / "demo.db")
    seed_accounts(demo_config, store)
    assert len(DEMO_PASSWORD) >= MIN_PASSWORD
    assert {r["action"] for r in store.query("SELECT action FROM audit_log")} == {"user.create", "device.create"}


def test_readme_gives_the_demo_password():
    from pathlib import Path
    from queue_server.demo.people import DEMO_PASSWORD
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"`canbo01` / `{DEMO_PASSWORD}`" in readme and f"`admin` / `{DEMO_PASSWORD}`" in readme


# -- the CLI uses the live configuration and fails clearly ------------------------------------------

def _add_counter_on_the_admin_page(db, demo_config, number=30):
    from queue_server.admin import configedit
    from queue_server.admin.manage import cli_actor
    from queue_server.app import create_app
    app = create_app(demo_config, db, secret="s")
    admin = app.extensions["motcua.admin"]
    admin.change_config(cli_actor(admin.centre_id), "counter.add", f"counter:{number}",
                        lambda d: configedit.add_counter(d, {"number": number, "services": ["stp-hotich"]}))
    app.extensions["motcua"].store.close()


def test_cli_device_add_for_a_counter_added_on_the_admin_page(tmp_path, capsys, demo_config):
    db = _db(tmp_path)
    _add_counter_on_the_admin_page(db, demo_config)
    assert main(["device", "add", "danh-gia-30", "--role", "terminal", "--counter", "30", "--db", db]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    device = Accounts(Store(db)).device(Accounts(Store(db)).token(token)["device_id"])
    assert device["counter"] == 30
    assert Store(db).query("SELECT action FROM audit_log WHERE target = 'device:danh-gia-30'")


def test_cli_device_add_unknown_counter_is_a_clear_error(tmp_path, capsys):
    assert main(["device", "add", "danh-gia-31", "--role", "terminal", "--counter", "31", "--db", _db(tmp_path)]) == 1
    assert capsys.readouterr().err == "motcua: Không có quầy 31 / No counter 31\n"


def test_cli_device_add_twice_is_a_clear_error(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["device", "add", "kiosk-1", "--role", "kiosk", "--db", db]) == 0
    assert main(["device", "add", "kiosk-1", "--role", "kiosk", "--db", db]) == 1
    assert "Đã có thiết bị tên 'kiosk-1'" in capsys.readouterr().err


def test_cli_new_device_tokens_never_begin_with_a_dash(tmp_path, capsys):
    db = _db(tmp_path)
    for i in range(40):
        assert main(["device", "add", f"kiosk-{i}", "--role", "kiosk", "--db", db]) == 0
        token = capsys.readouterr().out.strip().splitlines()[-1]
        assert token.startswith("mc") and len(token) == 45


def test_cli_errors_are_one_bilingual_line_and_non_zero(tmp_path, capsys):
    cases = [
        ["dossiers", "import", str(tmp_path / "none.csv"), "--db", _db(tmp_path)],
        ["report", "dossiers", "--month", "2025-13", "--db", _db(tmp_path)],
        ["init", str(tmp_path)],
        ["config", "check", str(tmp_path / "none.toml")],
        ["report", "queue", "--from", "2025-01-01", "--to", "2025-01-31", "--format", "csv",
         "--output", str(tmp_path / "no" / "such" / "dir" / "q.csv"), "--db", _db(tmp_path)],
        ["user", "add", "x", "--name", "X", "--password", "matkhau1", "--db", str(tmp_path)],   # a directory
    ]
    for argv in cases:
        assert main(argv) != 0, argv
        err = capsys.readouterr().err
        assert err.startswith("motcua: ") and " / " in err and "Traceback" not in err, (argv, err)


def test_cli_config_check_refuses_an_unknown_time_zone(tmp_path, capsys):
    from queue_server.config import DEMO_CONFIG
    path = tmp_path / "centre.toml"
    path.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace(
        'timezone = "Asia/Ho_Chi_Minh"', 'timezone = "Asia/Saigon_City"'), encoding="utf-8")
    assert main(["config", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: centre.timezone: không có múi giờ 'Asia/Saigon_City'" in err


def test_cli_token_beginning_with_a_dash_is_taken_as_the_value():
    from queue_server.cli import attach_option_values, build_parser
    args = build_parser().parse_args(attach_option_values(
        ["leds", "--server", "http://x", "--token", "-abc_DEF", "--config", "l.toml", "--demo"]))
    assert args.token == "-abc_DEF"
    args = build_parser().parse_args(attach_option_values(["user", "add", "hoa", "--name", "H", "--password", "-matkhau1"]))
    assert args.password == "-matkhau1"


def test_cli_argument_errors_are_introduced_in_vietnamese(capsys):
    import pytest
    with pytest.raises(SystemExit) as exit_:
        main(["device", "add", "x", "--role", "robot"])
    assert exit_.value.code == 2
    assert "motcua device add: lệnh không hợp lệ / invalid command: argument --role" in capsys.readouterr().err
