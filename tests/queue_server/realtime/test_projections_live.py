"""Per-role projections over real Socket.IO: each role receives what it needs and nothing personal.

A morning's worth of changes (an officer opens, a dossier ticket is issued, called and finished,
the citizen rates with a comment, a kiosk reports its printer) is watched by one raw client per
role; everything each one received, snapshot included, is checked as text.
"""
import json
import time

import pytest
import socketio

from queue_server.client import RealtimeClient, close_all

COMMENT = "Cán bộ nhiệt tình, số điện thoại của tôi 0912345678"
DOSSIER = "000.00.12.H12-261123-0042"
OFFICER = "Lê Thị Hoa"


class Watcher:
    """A raw client that keeps every snapshot and `events` message it receives, as sent."""

    def __init__(self, url, namespace, token):
        self.namespace = namespace
        self.received: list[tuple[str, dict]] = []
        self.sio = socketio.Client(reconnection=False)
        self.close = self.sio.shutdown
        self.sio.on("snapshot", lambda m: self.received.append(("snapshot", m)), namespace=namespace)
        self.sio.on("events", lambda m: self.received.append(("events", m)), namespace=namespace)
        self.sio.connect(url, namespaces=[namespace], transports=["websocket"], auth={"token": token}, wait_timeout=5)

    @property
    def text(self) -> str:
        return json.dumps(self.received, ensure_ascii=False)

    def types(self) -> set[str]:
        return {e["type"] for kind, m in self.received if kind == "events" for e in m["events"]}

    def seq(self) -> int:
        return max([m["seq"] for _, m in self.received] or [-1])


@pytest.fixture
def morning(live_centre):
    """Watchers of every role, then the morning's changes; returns the watchers by role."""
    c = live_centre
    c.officer("hoa", OFFICER, "matkhau1")
    c.officer("admin", "Quản trị", "matkhau1", role="admin")
    officer = c.login_token("hoa", "matkhau1")
    watchers = {
        "display": Watcher(c.url, "/display", c.device("display-a", "display", group="A")),
        "display_b": Watcher(c.url, "/display", c.device("display-b", "display", group="B")),
        "kiosk": Watcher(c.url, "/kiosk", c.device("kiosk-w", "kiosk")),
        "terminal": Watcher(c.url, "/terminal", c.device("tablet-1", "terminal", counter=1)),
        "terminal_2": Watcher(c.url, "/terminal", c.device("tablet-2", "terminal", counter=2)),
        "staff": Watcher(c.url, "/counter", officer),
        "admin": Watcher(c.url, "/admin", c.login_token("admin", "matkhau1")),
    }
    actors = [RealtimeClient(c.url, ns, tok) for ns, tok in
              (("/counter", officer), ("/kiosk", c.device("kiosk-1", "kiosk")),
               ("/terminal", c.device("tablet-act", "terminal", counter=1)))]
    for a in actors:
        a.connect()
        assert a.wait_ready()
    console, kiosk, tablet = actors
    console.call("open_counter", {"counter": 1})
    issued = console.call("issue_ticket", {"service_id": "stp-hotich", "dossier_code": DOSSIER, "source": "officer"})
    console.call("call_next", {"counter": 1})
    console.call("start_serving", {"counter": 1}) if "start_serving" in _actions() else None
    console.call("finish", {"counter": 1})
    option = tablet.state.centre["rating_options"][0]["value"]
    tablet.call("submit_rating", {"id": "rating-0001", "ticket_id": issued["ticket"]["id"], "value": option,
                                  "comment": COMMENT})
    kiosk.call("device_status", {"status": {"printer": "paper_out"}})
    final = c.service.seq
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and watchers["admin"].seq() < final:
        time.sleep(0.02)
    time.sleep(0.2)
    yield watchers
    close_all(actors + list(watchers.values()))


def _actions():
    from queue_server.actions import ACTIONS
    return ACTIONS


def _nothing_personal(w: Watcher) -> None:
    assert COMMENT not in w.text and "0912345678" not in w.text
    assert DOSSIER not in w.text


def test_projection_display_sees_calls_of_its_group_only(morning):
    display = morning["display"]
    _nothing_personal(display)
    assert OFFICER not in display.text and "officer_id" not in display.text
    assert display.types() <= {"ticket.called", "ticket.started", "ticket.finished", "counter.opened"}
    assert "ticket.called" in display.types()
    assert not display.types() & {"rating.submitted", "device.status", "ticket.issued"}
    assert "ticket.called" not in morning["display_b"].types()        # counter 1 is in group A


def test_projection_kiosk_sees_waiting_counts_and_config_only(morning):
    kiosk = morning["kiosk"]
    _nothing_personal(kiosk)
    assert OFFICER not in kiosk.text and "officer_id" not in kiosk.text
    assert kiosk.types() == {"counter.opened"}
    stats = [m["stats"] for kind, m in kiosk.received if kind == "events"]
    assert any("stp-hotich" in s for s in stats)
    snapshot = kiosk.received[0][1]
    assert snapshot["waiting"] == [] and snapshot["centre"]["departments"]
    assert all(set(c) == {"number", "status"} for c in snapshot["counters"])


def test_projection_tablet_sees_its_own_counter(morning):
    tablet = morning["terminal"]
    _nothing_personal(tablet)
    assert "ticket.finished" in tablet.types()
    assert not tablet.types() & {"rating.submitted", "device.status", "ticket.issued"}
    assert [c["number"] for c in tablet.received[0][1]["counters"]] == [1]
    assert morning["terminal_2"].types() == set()


def test_projection_staff_sees_the_queue_but_no_ratings_or_devices(morning):
    staff = morning["staff"]
    assert COMMENT not in staff.text
    assert {"ticket.issued", "ticket.called", "ticket.finished"} <= staff.types()
    assert not staff.types() & {"rating.submitted", "device.status"}


def test_projection_admin_sees_every_event_but_never_a_comment(morning):
    admin = morning["admin"]
    assert COMMENT not in admin.text
    assert {"rating.submitted", "device.status", "ticket.called"} <= admin.types()


def test_projection_first_thing_each_client_receives_is_its_snapshot(morning):
    for watcher in morning.values():
        assert watcher.received[0][0] == "snapshot"
