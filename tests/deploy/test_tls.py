"""HTTPS: `motcua server` serves TLS with the certificate `motcua tls init` made; a client that trusts
the centre's CA connects (REST and Socket.IO), one with another CA is refused; cookies are Secure;
pairing fetches the CA and accepts it only with the right pin."""
from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import socketio

from kiosk.config import load_kiosk_config
from queue_server.client import RealtimeClient
from queue_server.deploy.pair import PairError, pair
from queue_server.deploy.tls import init_tls, pin_of
from tests.queue_server.process.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def motcua(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "queue_server.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def trusting(ca: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca))


def get(url: str, context: ssl.SSLContext, body: dict | None = None):
    req = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                 headers={"Content-Type": "application/json"}, method="POST" if body else "GET")
    with urllib.request.urlopen(req, timeout=10, context=context) as resp:
        return resp.status, resp.headers, resp.read()


@pytest.fixture(scope="module")
def https_server(tmp_path_factory):
    """A real `motcua server` process serving HTTPS on a loopback port."""
    tmp = tmp_path_factory.mktemp("tls")
    tls, other = init_tls(tmp / "tls", ips=["127.0.0.1"]), init_tls(tmp / "other-ca", ips=["127.0.0.1"])
    db = tmp / "centre.db"
    display = motcua("device", "add", "man-hinh-a", "--role", "display", "--group", "A", "--db", str(db)).split()[-1]
    motcua("user", "add", "hoa", "--name", "Lê Thị Hoa", "--password", "matkhau1", "--db", str(db))
    port = free_port()
    env = os.environ | {"MOTCUA_TLS_CERT": str(tls / "server.pem"), "MOTCUA_TLS_KEY": str(tls / "server.key")}
    process = subprocess.Popen([sys.executable, "-m", "queue_server.cli", "server", "--db", str(db), "--port", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"https://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            get(url + "/healthz", trusting(tls / "ca.pem"))
            break
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(process.stdout.read())
            time.sleep(0.2)
    yield {"url": url, "ca": tls / "ca.pem", "other_ca": other / "ca.pem", "db": db, "display": display}
    process.terminate()
    process.wait(10)


def test_a_client_trusting_the_centres_ca_gets_in(https_server):
    status, _, body = get(https_server["url"] + "/healthz", trusting(https_server["ca"]))
    assert status == 200 and json.loads(body)
    client = RealtimeClient(https_server["url"], "/display", https_server["display"], reconnect=False,
                            ca_file=str(https_server["ca"]))
    try:
        client.connect()
        assert client.wait_ready(10) and client.state.me["display_group"] == "A"
    finally:
        client.close()


def test_a_client_trusting_another_ca_is_refused(https_server):
    with pytest.raises(urllib.error.URLError) as err:
        get(https_server["url"] + "/healthz", trusting(https_server["other_ca"]))
    assert "CERTIFICATE_VERIFY_FAILED" in str(err.value)
    with pytest.raises(urllib.error.URLError):                    # nor does the system's trust store know it
        get(https_server["url"] + "/healthz", ssl.create_default_context())
    client = RealtimeClient(https_server["url"], "/display", https_server["display"], reconnect=False,
                            ca_file=str(https_server["other_ca"]))
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(timeout=5)
    client.close()


def test_the_session_cookie_is_secure_over_https(https_server):
    _, headers, _ = get(https_server["url"] + "/api/login", trusting(https_server["ca"]),
                        {"username": "hoa", "password": "matkhau1"})
    cookie = headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie
    assert headers["Content-Security-Policy"] and headers["X-Content-Type-Options"] == "nosniff"


def _pairing_code(https_server, name: str) -> str:
    motcua("device", "add", name, "--role", "kiosk", "--db", str(https_server["db"]))
    return motcua("device", "pair-code", name, "--db", str(https_server["db"])).splitlines()[1].strip()


def test_pairing_pins_the_ca_and_stores_it_for_the_device(https_server, tmp_path, monkeypatch):
    config = tmp_path / "kiosk.toml"
    pin = pin_of(https_server["ca"].read_bytes())
    with pytest.raises(PairError) as no_pin:
        pair("ABCD2345", https_server["url"], config)
    assert "--ca-pin" in no_pin.value.message_vi
    with pytest.raises(PairError) as wrong:
        pair("ABCD2345", https_server["url"], config, ca_pin=pin_of(https_server["other_ca"].read_bytes()))
    assert "không khớp" in wrong.value.message_vi and not config.exists()
    done = pair(_pairing_code(https_server, "kiosk-sanh"), https_server["url"], config, ca_pin=pin)
    stored = load_kiosk_config(config)                         # the kiosk's own settings still load
    assert stored.token == done.token and stored.server == https_server["url"]
    saved = tmp_path / "ca.pem"                                # /etc/motcua/ca.pem on a device
    assert saved.read_bytes() == https_server["ca"].read_bytes()
    monkeypatch.setenv("MOTCUA_CA", str(saved))                # where the device's client finds it
    client = RealtimeClient(stored.server, "/kiosk", stored.token, reconnect=False)
    try:
        client.connect()
        assert client.wait_ready(10)
    finally:
        client.close()
