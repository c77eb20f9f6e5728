"""Integration: the real python-socketio client against a server on a loopback port."""
import time

import pytest
import socketio

from queue_server.client import RealtimeClient, close_all
from queue_server.engine import QueueError


def wait_for(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


@pytest.fixture
def clients(live_centre):
    made = []

    def make(namespace, token):
        client = RealtimeClient(live_centre.url, namespace, token)
        client.connect()
        assert client.wait_ready()
        made.append(client)
        return client
    yield make
    close_all(made)


@pytest.fixture
def officer_token(live_centre):
    live_centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    return live_centre.login_token("hoa", "matkhau1")


def test_realtime_snapshot_on_connect(live_centre, clients):
    display = clients("/display", live_centre.device("display-1", "display", group="A"))
    assert display.state.seq == 0
    group_a = {c.number for c in live_centre.config.counters if c.display_group == "A"}
    assert set(display.state.counters) == group_a and len(group_a) < len(live_centre.config.counters)
    assert display.state.me["display_group"] == "A"
    assert display.state.centre["departments"][0]["name"] == "Sở Tư pháp"


def test_realtime_deltas_reach_display_in_order(live_centre, clients, officer_token):
    display = clients("/display", live_centre.device("display-1", "display"))
    kiosk = clients("/kiosk", live_centre.device("kiosk-1", "kiosk"))
    counter = clients("/counter", officer_token)
    for _ in range(3):
        kiosk.call("issue_ticket", {"service_id": "stp-hotich"})
    counter.call("open_counter", {"counter": 1})
    result = counter.call("call_next", {"counter": 1})
    assert result["counter"]["ticket"]["label"] == "1001"
    assert wait_for(lambda: display.state.seq == 5)
    assert display.resyncs == 0
    assert display.state.recent_calls[0]["label"] == "1001" and display.state.recent_calls[0]["counter"] == 1
    assert display.state.counters[1]["ticket"]["label"] == "1001"
    assert display.state.services["stp-hotich"]["waiting"] == 2
    assert wait_for(lambda: counter.state.seq == 5)
    assert len(counter.state.waiting) == 2


def test_realtime_refused_action_returns_clear_error(live_centre, clients, officer_token):
    counter = clients("/counter", officer_token)
    with pytest.raises(QueueError) as err:
        counter.call("call_next", {"counter": 1})
    assert err.value.code == "not_your_counter" and "quầy 1" in err.value.message_vi


def test_realtime_display_cannot_call_tickets(live_centre, clients):
    display = clients("/display", live_centre.device("display-1", "display"))
    with pytest.raises(QueueError) as err:
        display.call("issue_ticket", {"service_id": "stp-hotich"})
    assert err.value.code == "forbidden"
    assert live_centre.service.seq == 0


def test_realtime_wrong_namespace_for_role_is_refused(live_centre):
    sio = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        sio.connect(live_centre.url, namespaces=["/counter"], transports=["websocket"],
                    auth={"token": live_centre.device("display-1", "display")}, wait_timeout=5)
    sio.disconnect()


def test_realtime_bad_token_is_refused(live_centre):
    sio = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        sio.connect(live_centre.url, namespaces=["/display"], transports=["websocket"],
                    auth={"token": "forged"}, wait_timeout=5)
    sio.disconnect()


def test_realtime_gap_triggers_resync(live_centre, clients, officer_token):
    console = clients("/counter", officer_token)
    kiosk = clients("/kiosk", live_centre.device("kiosk-1", "kiosk"))
    kiosk.call("issue_ticket", {"service_id": "stp-hotich"})
    assert wait_for(lambda: console.state.seq == 1)
    console.state.seq = 0                   # pretend message 1 never arrived: the next one is a gap
    kiosk.call("issue_ticket", {"service_id": "stp-hotich"})
    assert wait_for(lambda: console.state.seq == 2 and console.resyncs == 1)
    assert len(console.state.waiting) == 2


def test_realtime_reconnect_resyncs_missed_changes(live_centre, clients):
    display = clients("/display", live_centre.device("display-1", "display"))
    kiosk = clients("/kiosk", live_centre.device("kiosk-1", "kiosk"))
    display.close()
    for _ in range(3):
        kiosk.call("issue_ticket", {"service_id": "stp-hotich"})
    display.connect()
    assert display.wait_ready()
    assert display.state.seq == 3 and display.state.services["stp-hotich"]["waiting"] == 3


def test_realtime_device_status_is_recorded_once_per_change(live_centre, clients):
    kiosk = clients("/kiosk", live_centre.device("kiosk-1", "kiosk"))
    admin_events = []
    live_centre.officer("admin", "Quản trị", "matkhau1", role="admin")
    admin = clients("/admin", live_centre.login_token("admin", "matkhau1"))
    admin.on_change = lambda kind, payload: admin_events.append(payload) if kind == "event" else None
    kiosk.call("device_status", {"status": {"printer": "paper_out"}})
    kiosk.call("device_status", {"status": {"printer": "paper_out"}})
    kiosk.call("device_status", {"status": {"printer": "ok"}})
    assert wait_for(lambda: len(admin_events) == 2)
    assert [e["data"]["status"]["printer"] for e in admin_events] == ["paper_out", "ok"]
    device = live_centre.service.accounts.device_by_name(live_centre.config.centre.id, "kiosk-1")
    assert device["last_seen"] is not None and '"ok"' in device["status"]


def test_realtime_ping_returns_server_time(live_centre, clients):
    kiosk = clients("/kiosk", live_centre.device("kiosk-1", "kiosk"))
    answer = kiosk.sio.call("ping_server", {}, namespace="/kiosk", timeout=5)
    assert answer["ok"] and answer["time"].endswith("+07:00")


def test_realtime_resync_while_disconnected_is_harmless(live_centre, clients):
    display = clients("/display", live_centre.device("display-1", "display"))
    display.sio.disconnect()
    display.resync()
    assert display.resyncs == 1


def test_realtime_connect_records_device_contact(live_centre, clients):
    clients("/display", live_centre.device("display-1", "display"))
    device = live_centre.service.accounts.device_by_name(live_centre.config.centre.id, "display-1")
    assert device["last_seen"] is not None
