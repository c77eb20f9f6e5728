"""Over REST: call next with came / did not come, and the counter's list of absent numbers."""


def _call_one(kiosk, officer):
    for _ in range(2):
        assert kiosk.post("/api/tickets", json={"service_id": "stp-hotich"}).status_code in (200, 201)
    assert officer.post("/api/counters/1/open").status_code == 200
    return officer.post("/api/counters/1/call-next").json["counter"]


def test_rest_did_not_come_lands_in_the_absent_list(centre, kiosk, officer):
    first = _call_one(kiosk, officer)["ticket"]
    refused = officer.post("/api/counters/1/call-next", json={"arrived": False})
    assert refused.status_code == 409 and refused.json["error"]["code"] == "recall_first"
    assert officer.post("/api/counters/1/recall").status_code == 200
    answer = officer.post("/api/counters/1/call-next", json={"arrived": False})
    assert answer.status_code == 200
    assert [e["type"] for e in answer.json["events"]] == ["ticket.absent", "ticket.called"]
    listed = officer.get("/api/counters/1/absent").json["tickets"]
    assert [t["label"] for t in listed] == [first["label"]]
    assert "dossier_code" not in listed[0] or listed[0]["dossier_code"] is None


def test_rest_absent_list_is_for_the_officer_at_that_counter(centre, kiosk, officer):
    _call_one(kiosk, officer)
    assert officer.get("/api/counters/2/absent").status_code == 403
    assert kiosk.get("/api/counters/1/absent").status_code == 403

