import pytest

from .conftest import Client


def test_rest_no_token_is_unauthenticated(centre):
    r = centre.app.test_client().post("/api/tickets", json={"service_id": "stp-hotich"})
    assert r.status_code == 401 and r.get_json()["error"]["code"] == "unauthenticated"


def test_rest_bad_token_is_unauthenticated(centre):
    r = Client(centre.app, "forged").post("/api/tickets", {"service_id": "stp-hotich"})
    assert r.status_code == 401


@pytest.mark.parametrize("role, path", [
    ("display", "/api/tickets"),
    ("display", "/api/counters/1/call-next"),
    ("kiosk", "/api/counters/1/open"),
    ("terminal", "/api/tickets"),
])
def test_rest_devices_act_only_within_their_role(centre, role, path):
    token = centre.device(f"{role}-x", role, counter=1 if role == "terminal" else None)
    r = Client(centre.app, token).post(path, {"service_id": "stp-hotich"})
    assert r.status_code == 403 and centre.service.seq == 0


def test_rest_officer_acts_only_at_own_counter(centre, officer, kiosk):
    kiosk.post("/api/tickets", {"service_id": "stp-hotich"})
    assert officer.post("/api/counters/1/open").status_code == 200
    assert officer.post("/api/counters/2/call-next").status_code == 403
    assert officer.post("/api/counters/1/call-next").get_json()["counter"]["ticket"]["label"] == "1001"


def test_rest_keypad_acts_for_its_counter_only(centre, officer, kiosk):
    officer.post("/api/counters/1/open")
    kiosk.post("/api/tickets", {"service_id": "stp-hotich"})
    keypad = Client(centre.app, centre.device("keypad-1", "keypad", counter=1))
    assert keypad.post("/api/counters/1/call-next").status_code == 200
    assert keypad.post("/api/counters/2/pause").status_code == 403


def test_rest_supervisor_reads_but_cannot_act(centre):
    centre.officer("giamsat", "Giám sát", "matkhau1", role="supervisor")
    sup = Client(centre.app, centre.login_token("giamsat", "matkhau1"))
    assert sup.get("/api/snapshot").status_code == 200
    assert sup.post("/api/counters/1/open").status_code == 403
    assert sup.post("/api/day/end").status_code == 403


def test_rest_admin_ends_the_day(centre, admin, kiosk):
    kiosk.post("/api/tickets", {"service_id": "stp-hotich"})
    r = admin.post("/api/day/end")
    assert r.status_code == 200 and r.get_json()["expired"] == 1


def test_rest_revoked_device_token_stops_working(centre):
    token = centre.device("kiosk-9", "kiosk")
    centre.service.accounts.revoke_token(token, centre.clock())
    assert Client(centre.app, token).post("/api/tickets", {"service_id": "stp-hotich"}).status_code == 401


def test_rest_session_expires(centre, officer):
    centre.clock.advance(hours=13)
    assert officer.get("/api/me").status_code == 401


def test_rest_open_counter_shows_the_officers_title(centre):
    from queue_server.setup import add_user
    add_user(centre.config, None, "lan", "Hồ Thị Lan", "officer", "matkhau1", title="Chuyên viên",
             store=centre.service.store)
    officer = Client(centre.app, centre.login_token("lan", "matkhau1"))
    counter = officer.post("/api/counters/3/open").get_json()["counter"]
    assert (counter["officer_name"], counter["officer_title"]) == ("Hồ Thị Lan", "Chuyên viên")
    restarted = centre.service.store.load_state(centre.config.centre.id)
    assert restarted.counters[3].officer_title == "Chuyên viên"
