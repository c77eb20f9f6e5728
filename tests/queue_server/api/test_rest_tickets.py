import pytest


def test_rest_kiosk_issues_ticket(kiosk):
    r = kiosk.post("/api/tickets", {"service_id": "stp-hotich", "priority": True})
    assert r.status_code == 200
    body = r.get_json()
    assert body["ticket"]["label"] == "1001" and body["ticket"]["priority"] is True and body["seq"] == 1


@pytest.mark.parametrize("payload, status", [
    ({}, 400),
    ({"service_id": 5}, 400),
    ({"service_id": "stp-hotich", "priority": "maybe"}, 400),
    ({"service_id": "stp-hotich", "extra": 1}, 400),
    ({"service_id": "x" * 65}, 400),
    ({"service_id": "no-such"}, 404),
])
def test_rest_malformed_ticket_requests_change_nothing(centre, kiosk, payload, status):
    r = kiosk.post("/api/tickets", payload)
    assert r.status_code == status
    error = r.get_json()["error"]
    assert error["message"] and error["message_en"]
    assert centre.service.store.last_seq() == 0


def test_rest_non_json_body_is_refused(centre, kiosk):
    r = kiosk.http.post("/api/tickets", data="{oops", content_type="application/json", headers=kiosk._headers())
    assert r.status_code == 400 and centre.service.seq == 0


def test_rest_outside_hours_kiosk_is_refused(centre, kiosk):
    centre.clock.advance(hours=4)        # 12:00, lunch break
    r = kiosk.post("/api/tickets", {"service_id": "stp-hotich"})
    assert r.status_code == 409 and r.get_json()["error"]["code"] == "closed"


def test_rest_public_ticket_status_needs_no_login(centre, kiosk):
    ticket = kiosk.post("/api/tickets", {"service_id": "stp-hotich"}).get_json()["ticket"]
    r = centre.app.test_client().get(f"/api/tickets/{ticket['id']}")
    assert r.status_code == 200 and r.get_json()["label"] == "1001"
    assert centre.app.test_client().get("/api/tickets/guess").status_code == 404


def test_rest_healthz(centre):
    r = centre.app.test_client().get("/healthz")
    assert r.status_code == 200 and r.get_json()["status"] == "ok"


def test_rest_unknown_route_is_json(centre):
    r = centre.app.test_client().get("/api/nothing-here")
    assert r.status_code == 404 and r.get_json()["error"]["message"] == "Không tìm thấy địa chỉ này"


def test_rest_openapi_lists_every_action(centre):
    from queue_server.actions import ACTIONS
    doc = centre.app.test_client().get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    operations = {op["operationId"] for path in doc["paths"].values() for op in path.values()}
    assert set(ACTIONS) <= operations
    call = doc["paths"]["/api/counters/{counter}/call"]["post"]
    assert call["parameters"][0]["name"] == "counter"
    assert "label" in call["requestBody"]["content"]["application/json"]["schema"]["properties"]


def test_rest_kiosk_cannot_claim_officer_source_to_skip_hours(centre, kiosk):
    centre.clock.advance(hours=4)        # lunch break
    r = kiosk.post("/api/tickets", {"service_id": "stp-hotich", "source": "officer"})
    assert r.status_code == 400 and centre.service.seq == 0
