"""Pairing codes: a device exchanges a one-time code for its token, once, within 15 minutes."""
from __future__ import annotations

from datetime import timedelta

import pytest

from queue_server.admin.manage import PAIRING_ALPHABET
from queue_server.engine import QueueError


@pytest.fixture
def display(admin_lib, admin_principal):
    device_id, _ = admin_lib.create_device(admin_principal, "man-hinh-sanh", "display", group="A")
    return device_id


def test_pairing_code_gives_a_working_token_once(centre, admin_lib, admin_principal, display):
    code, _ = admin_lib.pairing_code(admin_principal, display)
    assert len(code) == 8 and set(code) <= set(PAIRING_ALPHABET)
    client = centre.app.test_client()
    response = client.post("/api/devices/pair", json={"code": code.lower()})
    assert response.status_code == 200
    token = response.get_json()["token"]
    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).get_json()["me"]
    assert (me["name"], me["role"], me["display_group"]) == ("man-hinh-sanh", "display", "A")
    again = client.post("/api/devices/pair", json={"code": code})
    assert again.status_code == 400 and again.get_json()["error"]["code"] == "bad_code"


def test_pairing_code_expires_after_15_minutes(centre, admin_lib, admin_principal, display):
    code, expires = admin_lib.pairing_code(admin_principal, display)
    assert expires - centre.clock() == timedelta(minutes=15)
    centre.clock.advance(minutes=15, seconds=1)
    with pytest.raises(QueueError) as err:
        admin_lib.pair(code)
    assert err.value.code == "bad_code"


def test_pairing_code_still_works_just_before_expiry(centre, admin_lib, admin_principal, display):
    code, _ = admin_lib.pairing_code(admin_principal, display)
    centre.clock.advance(minutes=14, seconds=59)
    device, token = admin_lib.pair(code)
    assert device["name"] == "man-hinh-sanh" and token


def test_pairing_refuses_a_wrong_or_missing_code(centre):
    client = centre.app.test_client()
    assert client.post("/api/devices/pair", json={"code": "ABCD2345"}).status_code == 400
    response = client.post("/api/devices/pair", data="code=1")
    assert response.status_code == 400 and "mã ghép nối" in response.get_json()["error"]["message"]


def test_pairing_is_audited(admin_lib, admin_principal, display):
    code, _ = admin_lib.pairing_code(admin_principal, display)
    admin_lib.pair(code)
    actions = [r["action"] for r in admin_lib.audit_log()]
    assert actions == ["device.pair", "device.pairing_code", "device.create"]
