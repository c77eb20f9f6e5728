"""Every way a credential ends closes its open sockets, and no action runs on an ended credential.

Real python-socketio clients against a real server on a loopback port; the CLI's revoke runs in a
subprocess (another process than the server, as in life); a session's 12 hours pass on a fake clock.
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime

import pytest
import socketio
from werkzeug.serving import make_server

from queue_server.app import NoDelayRequestHandler, create_app
from queue_server.auth import Principal, Role
from queue_server.clock import FakeClock
from tests.conftest import TZ, Centre

CLOSE_SECONDS = 2.0          # the promise: an ended credential's sockets close within this


class Socket:
    """One raw Socket.IO connection that remembers being closed by the server."""

    def __init__(self, url: str, namespace: str, token: str):
        self.namespace = namespace
        self.closed = threading.Event()
        self.snapshots: list[dict] = []
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("disconnect", lambda *a: self.closed.set(), namespace=namespace)
        self.sio.on("snapshot", self.snapshots.append, namespace=namespace)
        self.sio.connect(url, namespaces=[namespace], auth={"token": token}, transports=["websocket"],
                         wait_timeout=5)

    def act(self, name: str, payload: dict | None = None) -> dict:
        """The server's answer, or {"ok": False, "closed": True} when the socket is gone."""
        try:
            return self.sio.call(name, payload or {}, namespace=self.namespace, timeout=5)
        except (socketio.exceptions.BadNamespaceError, socketio.exceptions.TimeoutError,
                socketio.exceptions.DisconnectedError):
            return {"ok": False, "closed": True}

    def close(self) -> None:
        self.sio.disconnect()


@pytest.fixture
def sockets():
    made: list[Socket] = []

    def make(url, namespace, token):
        sock = Socket(url, namespace, token)
        made.append(sock)
        return sock
    yield make
    for sock in made:
        sock.close()


def _admin(centre):
    return centre.app.extensions["motcua.admin"], Principal("user", 999, Role.ADMIN, "Quản trị", centre.service.centre_id)


def _user_id(centre, username):
    return centre.service.accounts.user_by_name(username)["id"]


def _officer_at_counter(centre, sockets, username="hoa"):
    centre.officer(username, "Lê Thị Hoa", "matkhau1")
    token = centre.login_token(username, "matkhau1")
    sock = sockets(centre.url, "/counter", token)
    assert sock.act("open_counter", {"counter": 1})["ok"]
    return token, sock


def _refused(answer: dict) -> bool:
    return answer.get("closed") or answer["error"]["code"] in ("unauthenticated", "forbidden")


def test_logout_closes_the_officers_socket(live_centre, sockets):
    token, sock = _officer_at_counter(live_centre, sockets)
    answer = live_centre.app.test_client().post("/api/logout", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    assert sock.closed.wait(CLOSE_SECONDS), "the logged-out officer's socket stayed open"
    assert _refused(sock.act("pause", {"counter": 1}))


def test_deactivation_closes_the_socket(live_centre, sockets):
    _, sock = _officer_at_counter(live_centre, sockets)
    admin, principal = _admin(live_centre)
    admin.set_active(principal, _user_id(live_centre, "hoa"), False)
    assert sock.closed.wait(CLOSE_SECONDS)
    assert _refused(sock.act("pause", {"counter": 1}))


def test_password_reset_closes_the_socket(live_centre, sockets):
    _, sock = _officer_at_counter(live_centre, sockets)
    admin, principal = _admin(live_centre)
    admin.reset_password(principal, _user_id(live_centre, "hoa"), "matkhau-moi-2")
    assert sock.closed.wait(CLOSE_SECONDS)


def test_admin_demoted_to_officer_loses_the_admin_channel_and_end_day(live_centre, sockets):
    live_centre.officer("quantri", "Quản Trị", "matkhau-qt", role="admin")
    token = live_centre.login_token("quantri", "matkhau-qt")
    admin_channel = sockets(live_centre.url, "/admin", token)
    counter_channel = sockets(live_centre.url, "/counter", token)
    kiosk = sockets(live_centre.url, "/kiosk", live_centre.device("kiosk-1", "kiosk"))
    for _ in range(6):
        assert kiosk.act("issue_ticket", {"service_id": "stp-hotich"})["ok"]
    admin, principal = _admin(live_centre)
    admin.update_user(principal, _user_id(live_centre, "quantri"), "Quản Trị", "officer", "", None)
    assert admin_channel.closed.wait(CLOSE_SECONDS), "a demoted admin kept the admin channel"
    assert counter_channel.closed.wait(CLOSE_SECONDS)
    assert _refused(admin_channel.act("end_day"))
    waiting = [t for t in live_centre.service.engine.state.tickets.values() if t.status.value == "waiting"]
    assert len(waiting) == 6                                  # nothing expired


def test_role_change_without_session_end_is_seen_at_once(live_centre, sockets):
    """A change made by another program straight in the database (no token revoked) still counts."""
    live_centre.officer("quantri", "Quản Trị", "matkhau-qt", role="admin")
    sock = sockets(live_centre.url, "/admin", live_centre.login_token("quantri", "matkhau-qt"))
    with sqlite3.connect(live_centre.service.store.path) as other:
        other.execute("UPDATE users SET role = 'officer' WHERE username = 'quantri'")
    assert _refused(sock.act("end_day"))                    # the action itself re-checks
    assert sock.closed.wait(CLOSE_SECONDS)


def test_device_revoked_by_the_cli_in_another_process(live_centre, sockets):
    kiosk = sockets(live_centre.url, "/kiosk", live_centre.device("kiosk-sanh", "kiosk"))
    assert kiosk.act("issue_ticket", {"service_id": "stp-hotich"})["ok"]
    done = subprocess.run([sys.executable, "-m", "queue_server.cli", "device", "revoke", "kiosk-sanh",
                           "--db", live_centre.service.store.path], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert kiosk.closed.wait(CLOSE_SECONDS), "a device revoked from the CLI kept its socket"
    assert _refused(kiosk.act("issue_ticket", {"service_id": "stp-hotich"}))
    assert len(live_centre.service.engine.state.tickets) == 1


def test_device_moved_or_deleted_elsewhere_is_cut_off(live_centre, sockets):
    keypad = sockets(live_centre.url, "/counter", live_centre.device("keypad-1", "keypad", counter=1))
    display = sockets(live_centre.url, "/display", live_centre.device("display-a", "display", group="A"))
    with sqlite3.connect(live_centre.service.store.path) as other:
        other.execute("UPDATE devices SET counter = 2 WHERE name = 'keypad-1'")
        other.execute("DELETE FROM tokens WHERE device_id = (SELECT id FROM devices WHERE name = 'display-a')")
        other.execute("DELETE FROM devices WHERE name = 'display-a'")
    assert keypad.closed.wait(CLOSE_SECONDS) and display.closed.wait(CLOSE_SECONDS)


def test_other_sockets_stay_open(live_centre, sockets):
    _, sock = _officer_at_counter(live_centre, sockets)
    live_centre.officer("lan", "Trần Thị Lan", "matkhau2")
    other_token = live_centre.login_token("lan", "matkhau2")
    other = sockets(live_centre.url, "/counter", other_token)
    display = sockets(live_centre.url, "/display", live_centre.device("display-a", "display", group="A"))
    admin, principal = _admin(live_centre)
    admin.set_active(principal, _user_id(live_centre, "hoa"), False)
    assert sock.closed.wait(CLOSE_SECONDS)
    time.sleep(0.5)                                           # several sweeps later
    assert not other.closed.is_set() and not display.closed.is_set()
    assert other.act("open_counter", {"counter": 2})["ok"]


@pytest.fixture
def live_clocked(tmp_path, always_open_config):
    """A real server whose clock the test moves (for the 12-hour session end)."""
    clock = FakeClock(datetime(2026, 11, 23, 8, 0, tzinfo=TZ))
    app = create_app(always_open_config, tmp_path / "centre.db", clock=clock, secret="test-secret")
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=NoDelayRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Centre(app, always_open_config, clock, url=f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    app.extensions["motcua"].store.close()


def test_session_expiry_closes_the_socket(live_clocked, sockets):
    _, sock = _officer_at_counter(live_clocked, sockets)
    kiosk = sockets(live_clocked.url, "/kiosk", live_clocked.device("kiosk-1", "kiosk"))
    live_clocked.clock.advance(hours=11, minutes=59)
    time.sleep(1.5)
    assert not sock.closed.is_set()
    live_clocked.clock.advance(minutes=2)
    assert sock.closed.wait(CLOSE_SECONDS), "a session past its 12 hours kept its socket"
    assert not kiosk.closed.is_set()                          # device tokens do not expire
