"""With HTTPS on, the pairing page prints the CA pin with the command, the CA is offered at
/api/tls/ca.pem, and session cookies are Secure; without it, none of that."""
from __future__ import annotations

import re

from queue_server.deploy.tls import init_tls, pin_of
from queue_server.web.transport import secure_transport
from tests.admin.conftest import login_client


def _pairing_page(centre, admin_lib, admin_principal):
    device_id, _ = admin_lib.create_device(admin_principal, "kiosk-sanh", "kiosk")
    client, csrf = login_client(centre, "quantri", "matkhau-qt")
    page = client.post(f"/admin/devices/{device_id}/pair", data={"csrf": csrf}).get_data(as_text=True)
    return re.search(r'<code id="pair-command">([^<]*)</code>', page).group(1)


def test_the_pairing_page_prints_the_ca_pin_when_https_is_on(centre, admin_lib, admin_principal, tmp_path):
    tls = init_tls(tmp_path / "tls", ips=["127.0.0.1"])
    assert secure_transport(centre.app, str(tls / "server.pem"), str(tls / "server.key"))
    centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    command = _pairing_page(centre, admin_lib, admin_principal)
    assert command.endswith(f"--ca-pin {pin_of((tls / 'ca.pem').read_bytes())}")
    ca = centre.app.test_client().get("/api/tls/ca.pem")
    assert ca.status_code == 200 and ca.data == (tls / "ca.pem").read_bytes()
    login = centre.app.test_client().post("/api/login", json={"username": "quantri", "password": "matkhau-qt"},
                                          base_url="https://localhost")
    assert "Secure" in login.headers["Set-Cookie"]


def test_without_https_there_is_no_pin_and_no_ca(centre, admin_lib, admin_principal):
    centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    assert "--ca-pin" not in _pairing_page(centre, admin_lib, admin_principal)
    assert centre.app.test_client().get("/api/tls/ca.pem").status_code == 404
    login = centre.app.test_client().post("/api/login", json={"username": "quantri", "password": "matkhau-qt"})
    assert "Secure" not in login.headers["Set-Cookie"]
