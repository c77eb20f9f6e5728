"""Revoking a device: its tokens stop working and its open sockets are cut at once."""
from __future__ import annotations

import threading

import socketio

from queue_server.auth import Principal, Role


def _admin(centre):
    return centre.app.extensions["motcua.admin"], Principal("user", 1, Role.ADMIN, "Quản trị", centre.service.centre_id)


def test_revoke_device_token_stops_working(centre):
    admin, principal = _admin(centre)
    device_id, token = admin.create_device(principal, "kiosk-sanh", "kiosk")
    client = centre.app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/me", headers=headers).status_code == 200
    assert admin.revoke_device(principal, device_id) == 1
    assert client.get("/api/me", headers=headers).status_code == 401
    assert admin.device(device_id)["live_tokens"] == 0
    assert admin.audit_log()[0]["action"] == "device.revoke"


def test_revoke_device_also_kills_unused_pairing_codes(centre):
    admin, principal = _admin(centre)
    device_id, _ = admin.create_device(principal, "kiosk-sanh", "kiosk")
    code, _ = admin.pairing_code(principal, device_id)
    admin.revoke_device(principal, device_id)
    assert centre.app.test_client().post("/api/devices/pair", json={"code": code}).status_code == 400


def test_revoke_device_disconnects_its_live_socket(live_centre):
    admin, principal = _admin(live_centre)
    device_id, token = admin.create_device(principal, "man-hinh-a", "display", group="A")
    _, other_token = admin.create_device(principal, "man-hinh-b", "display", group="B")
    gone, snapshots = threading.Event(), []
    sio, other = socketio.Client(reconnection=False), socketio.Client(reconnection=False)
    sio.on("snapshot", snapshots.append, namespace="/display")
    sio.on("disconnect", gone.set, namespace="/display")
    sio.connect(live_centre.url, namespaces=["/display"], auth={"token": token}, transports=["websocket"])
    other.connect(live_centre.url, namespaces=["/display"], auth={"token": other_token}, transports=["websocket"])
    try:
        assert sio.connected
        admin.revoke_device(principal, device_id)
        assert gone.wait(5), "the revoked device's socket stayed open"
        assert other.connected                       # only that device is cut off
        again = socketio.Client(reconnection=False)
        try:
            again.connect(live_centre.url, namespaces=["/display"], auth={"token": token},
                          transports=["websocket"], wait_timeout=3)
            refused = False
        except socketio.exceptions.ConnectionError:
            refused = True
        assert refused
    finally:
        sio.disconnect()
        other.disconnect()
