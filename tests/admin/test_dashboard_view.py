"""The dashboard's figures, from plain views (pure)."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from queue_server.admin.dashboard import dashboard_view, device_problems

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
CENTRE = {"departments": [{"id": "stp", "name": "Sở Tư pháp"}, {"id": "sxd", "name": "Sở Xây dựng"}],
          "counters": [{"number": 1, "label": "Quầy 1", "room": "A", "services": ["stp-hotich"]}]}


def _ticket(dept, status, minutes_ago):
    return {"department_id": dept, "status": status, "issued_at": (NOW - timedelta(minutes=minutes_ago)).isoformat()}


def test_dashboard_view_waiting_and_longest_wait_per_department():
    tickets = [_ticket("stp", "waiting", 42), _ticket("stp", "waiting", 5), _ticket("stp", "done", 90)]
    rows = dashboard_view(CENTRE, tickets, [], [], set(), NOW)["departments"]
    assert rows == [{"id": "stp", "name": "Sở Tư pháp", "waiting": 2, "longest_wait_minutes": 42},
                    {"id": "sxd", "name": "Sở Xây dựng", "waiting": 0, "longest_wait_minutes": 0}]


def test_dashboard_view_totals_of_the_day():
    tickets = [_ticket("stp", s, 1) for s in ("waiting", "called", "serving", "done", "done", "absent")]
    assert dashboard_view(CENTRE, tickets, [], [], set(), NOW)["totals"] == \
        {"issued": 6, "waiting": 1, "at_counter": 2, "served": 2, "absent": 1}


def test_dashboard_view_counter_state_with_officer_and_number():
    counters = [{"number": 1, "status": "paused", "officer_name": "Lê Thị Hoa", "served": 3, "absent": 1,
                 "ticket": {"label": "1005", "status": "serving"}}, {"number": 7, "status": "closed"}]
    [row] = dashboard_view(CENTRE, [], counters, [], set(), NOW)["counters"]
    assert (row["label"], row["status"], row["officer"], row["ticket"], row["served"]) == \
        ("Quầy 1", "paused", "Lê Thị Hoa", "1005", 3)


def test_dashboard_view_device_online_by_socket_or_recent_contact():
    devices = [{"id": 1, "name": "kiosk-a", "role": "kiosk", "last_seen": None, "live_tokens": 1, "status": {}},
               {"id": 2, "name": "kiosk-b", "role": "kiosk", "last_seen": (NOW - timedelta(seconds=30)).isoformat(),
                "live_tokens": 1, "status": {"printer": "paper_out"}},
               {"id": 3, "name": "kiosk-c", "role": "kiosk", "last_seen": (NOW - timedelta(hours=2)).isoformat(),
                "live_tokens": 0, "status": {"printer": "ok"}}]
    rows = dashboard_view(CENTRE, [], [], devices, {1}, NOW)["devices"]
    assert [(r["online"], r["revoked"], r["problems"]) for r in rows] == \
        [(True, False, []), (True, False, ["printer: paper_out"]), (False, True, [])]


def test_device_problems_ignores_healthy_values():
    assert device_problems({"printer": "ok", "scanner": "missing", "paper": True}) == ["scanner: missing"]


def test_dashboard_view_device_state_never_connected_is_not_lost():
    """A device registered but never connected is "never" (chưa kết nối), not "lost" (mất liên lạc)."""
    old = (NOW - timedelta(hours=2)).isoformat()
    devices = [{"id": 1, "name": "a", "role": "terminal", "last_seen": None, "live_tokens": 1, "status": {}},
               {"id": 2, "name": "b", "role": "terminal", "last_seen": old, "live_tokens": 1, "status": {}},
               {"id": 3, "name": "c", "role": "terminal", "last_seen": None, "live_tokens": 1, "status": {}},
               {"id": 4, "name": "d", "role": "terminal", "last_seen": old, "live_tokens": 0, "status": {}}]
    rows = dashboard_view(CENTRE, [], [], devices, {3}, NOW)["devices"]
    assert [r["state"] for r in rows] == ["never", "lost", "online", "revoked"]


def test_demo_registers_only_the_devices_it_starts(tmp_path, demo_config):
    """The demo dashboard lists no device the demo never runs (issue #16: 23 tablets "lost")."""
    from queue_server.demo import devices
    from queue_server.demo.people import seed_accounts
    from queue_server.storage import Store
    store = Store(tmp_path / "demo.db")
    try:
        seeded = seed_accounts(demo_config, store)
        registered = {r["name"] for r in store.query("SELECT name FROM devices")}
        started = {argv[argv.index("--token") + 1] for argv in devices.device_commands("http://x", seeded)}
        tokens = {*seeded["tokens"].values(), *seeded["terminal_tokens"].values()}
        assert tokens == started                       # every registered device is started
        assert registered == {"may-boc-so-1", "man-hinh-sanh", "danh-gia-1"}
    finally:
        store.close()
