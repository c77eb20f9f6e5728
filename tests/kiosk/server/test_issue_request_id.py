"""issue_ticket's request_id: a kiosk's retry returns the ticket already issued, never a second one."""
from queue_server.app import create_app
from queue_server.setup import add_device
from tests.queue_server.api.conftest import Client


def _kiosk(centre):
    return Client(centre.app, centre.device("kiosk-1", "kiosk"))


def test_issue_repeated_request_id_returns_same_ticket(centre):
    kiosk = _kiosk(centre)
    body = {"service_id": "stp-hotich", "request_id": "kiosk1-0001-abcdef"}
    first = kiosk.post("/api/tickets", body).get_json()
    again = kiosk.post("/api/tickets", body).get_json()
    assert again["ticket"]["id"] == first["ticket"]["id"] and again["ticket"]["label"] == first["ticket"]["label"]
    assert again["repeated"] is True and "repeated" not in first
    assert centre.service.store.count_tickets(centre.config.centre.id) == 1


def test_issue_distinct_request_ids_issue_two_tickets(centre):
    kiosk = _kiosk(centre)
    a = kiosk.post("/api/tickets", {"service_id": "stp-hotich", "request_id": "req-aaaaaaaa"}).get_json()
    b = kiosk.post("/api/tickets", {"service_id": "stp-hotich", "request_id": "req-bbbbbbbb"}).get_json()
    assert a["ticket"]["label"] != b["ticket"]["label"]
    assert b["ahead"] == 1


def test_issue_request_id_survives_restart(tmp_path, demo_config, clock):
    db = tmp_path / "centre.db"
    app = create_app(demo_config, db, clock=clock, secret="s")
    token = add_device(demo_config, None, "kiosk-1", "kiosk", store=app.extensions["motcua"].store)
    body = {"service_id": "stp-hotich", "request_id": "restart-req-1"}
    first = Client(app, token).post("/api/tickets", body).get_json()
    app.extensions["motcua"].store.close()
    again_app = create_app(demo_config, db, clock=clock, secret="s")
    again = Client(again_app, token).post("/api/tickets", body).get_json()
    assert again["ticket"]["id"] == first["ticket"]["id"] and again["repeated"] is True
    again_app.extensions["motcua"].store.close()


def test_issue_malformed_request_id_is_refused(centre):
    r = _kiosk(centre).post("/api/tickets", {"service_id": "stp-hotich", "request_id": "bad id!"})
    assert r.status_code == 400 and r.get_json()["error"]["message"]
    assert centre.service.seq == 0


def test_issue_repeat_after_closing_time_still_returns_ticket(centre):
    kiosk = _kiosk(centre)
    body = {"service_id": "stp-hotich", "request_id": "late-retry-01"}
    first = kiosk.post("/api/tickets", body).get_json()
    centre.clock.advance(hours=4)        # lunch break: new tickets are refused
    assert kiosk.post("/api/tickets", {"service_id": "stp-hotich"}).status_code == 409
    again = kiosk.post("/api/tickets", body).get_json()
    assert again["ticket"]["id"] == first["ticket"]["id"]
