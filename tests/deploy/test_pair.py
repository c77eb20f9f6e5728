"""`motcua pair CODE --server URL` against a real server process: token stored, works, revocable."""
import stat
import tomllib
from types import SimpleNamespace

import pytest

from queue_server.admin.cli import offline_admin
from queue_server.admin.manage import cli_actor
from queue_server.cli import main
from queue_server.config import load_config
from queue_server.deploy.install import Installer
from queue_server.deploy.pair import PairError, pair, set_env_values, set_toml_values
from queue_server.setup import add_device
from tests.queue_server.process.conftest import free_port, http

pytestmark = pytest.mark.slow


def _code(server, name, role, counter=None):
    """Register a device (as the admin would) and make its one-time pairing code."""
    add_device(load_config(server.config), server.db, name, role, counter=counter)
    admin = offline_admin(SimpleNamespace(config=str(server.config), db=str(server.db)))
    device = admin.device_by_name(name)
    return admin, device, admin.pairing_code(cli_actor(admin.centre_id), device["id"])[0]


def test_pair_stores_a_working_token_that_revoking_cuts_off(server_process, tmp_path):  # noqa: F811
    server_process.start()
    admin, device, code = _code(server_process, "kiosk-1", "kiosk")
    Installer("kiosk", prefix=tmp_path, server="http://old:5000").install()
    config = tmp_path / "etc/motcua/kiosk.toml"

    done = pair(code.lower(), server_process.url + "/", config)
    data = tomllib.loads(config.read_text())
    assert data["token"] == done.token and data["server"] == server_process.url
    assert data["printer"]["paper_mm"] == 80                       # the rest of the file is kept
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert http("GET", server_process.url + "/api/snapshot", token=done.token)[0] == 200

    with pytest.raises(PairError) as used:                         # single use
        pair(code, server_process.url, config)
    assert used.value.message_vi and tomllib.loads(config.read_text())["token"] == done.token

    admin.revoke_device(cli_actor(admin.centre_id), device["id"])
    assert http("GET", server_process.url + "/api/snapshot", token=done.token)[0] == 401


def test_pair_terminal_writes_its_section_and_counter(server_process, tmp_path, capsys):  # noqa: F811
    server_process.start()
    _, _, code = _code(server_process, "quay-3", "terminal", counter=3)
    Installer("terminal", prefix=tmp_path).install()
    config = tmp_path / "etc/motcua/terminal.toml"
    assert main(["pair", code, "--server", server_process.url, "--role-config", str(config)]) == 0
    assert "motcua-terminal" in capsys.readouterr().out
    section = tomllib.loads(config.read_text())["terminal"]
    assert section["counter"] == 3 and section["token"] and section["outbox"].endswith("outbox.db")


def test_pair_leds_env_file(server_process, tmp_path):  # noqa: F811
    server_process.start()
    _, _, code = _code(server_process, "leds-a", "display")
    Installer("leds", prefix=tmp_path).install()
    env = tmp_path / "etc/motcua/leds.env"
    done = pair(code, server_process.url, env)
    lines = env.read_text().splitlines()
    assert f"MOTCUA_TOKEN={done.token}" in lines and f"MOTCUA_SERVER={server_process.url}" in lines
    assert lines[0].startswith("#")


def test_pair_unreachable_server_says_so_in_vietnamese(tmp_path, capsys):
    url = f"http://127.0.0.1:{free_port()}"
    assert main(["pair", "ABCD2345", "--server", url, "--role-config", str(tmp_path / "k.toml")]) == 1
    assert "Không kết nối được máy chủ" in capsys.readouterr().err
    assert not (tmp_path / "k.toml").exists()


@pytest.mark.parametrize("text, section, expected", [
    ('server = "a"\ntoken = ""\n\n[printer]\ntoken = "keep"\n', None, {"server": "b", "token": "t"}),
    ("# only a comment\n", None, {"server": "b", "token": "t"}),
    ("[terminal]\ncounter = 1\n[other]\nx = 1\n", "terminal", {"token": "t", "counter": 4}),
    ("", "terminal", {"server": "b", "token": 't"\\x'}),
])
def test_set_toml_values_table(text, section, expected):
    result = tomllib.loads(set_toml_values(text, section, expected))
    assert {k: (result.get(section, {}) if section else result)[k] for k in expected} == expected
    if "[printer]" in text:
        assert result["printer"]["token"] == "keep"


def test_set_env_values_keeps_comments_and_other_keys():
    text = "# c\nMOTCUA_SERVER=old\nOTHER=1\n"
    assert set_env_values(text, {"MOTCUA_SERVER": "new", "MOTCUA_TOKEN": "t"}) == \
        "# c\nMOTCUA_SERVER=new\nOTHER=1\nMOTCUA_TOKEN=t\n"
