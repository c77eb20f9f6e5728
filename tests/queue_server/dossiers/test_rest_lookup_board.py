"""Lookup and the status board: masked names, never a phone number; live events to displays."""
import json

from queue_server.dossiers.model import DossierStatus

from .conftest import NAME, PHONE, Client, make_dossier

CODE = "000.17.22.H56-261120-0001"


def _seed(centre, registry):
    now = centre.clock()
    registry._save(make_dossier(), None, now, "import")
    registry._save(make_dossier(code="READY-1", status=DossierStatus.RESULT_READY, resolved="2026-11-22 10:00"),
                   None, now, "import")
    registry._save(make_dossier(code="LATE-1", due="2026-11-20 17:00", department="cat"), None, now, "import")


def test_lookup_public_view(centre, registry, clients):
    _seed(centre, registry)
    got = clients("kiosk").get(f"/api/dossiers/lookup?code={CODE.lower()}")
    assert got.status_code == 200
    d = got.json["dossier"]
    assert (d["code"], d["applicant"], d["department"], d["status_vi"], d["timeliness"]) == (
        CODE, "Nguyễn V*** A", "Sở Tư pháp", "Đang giải quyết", "within_deadline")
    assert PHONE not in got.get_data(as_text=True) and NAME not in got.get_data(as_text=True)


def test_lookup_unknown_code_points_elsewhere(centre, registry, clients):
    missing = clients("display").get("/api/dossiers/lookup?code=000.99.99.H56-261120-0001")
    assert missing.status_code == 404 and "Cổng dịch vụ công" in missing.json["error"]["message"]


def test_board_lists_and_counts(centre, registry, clients):
    _seed(centre, registry)
    got = clients("display").get("/api/dossiers/board")
    assert [d["code"] for d in got.json["result_ready"]] == ["READY-1"]
    assert [d["code"] for d in got.json["overdue"]] == ["LATE-1"]
    assert got.json["result_ready"][0]["applicant"] == "Nguyễn V. A."
    assert [r["department_id"] for r in got.json["departments"]] == ["stp", "cat"]  # configured order
    only = clients("kiosk").get("/api/dossiers/board?department=cat&limit=5")
    assert [d["code"] for d in only.json["overdue"]] == ["LATE-1"] and only.json["result_ready"] == []
    text = got.get_data(as_text=True)
    assert PHONE not in text and NAME not in text


def test_lookup_roles(centre, registry, clients):
    _seed(centre, registry)
    terminal = Client(centre.app, centre.device("t-1", "terminal", counter=1))
    assert terminal.get(f"/api/dossiers/lookup?code={CODE}").status_code == 403
    assert clients("gateway").get(f"/api/dossiers/lookup?code={CODE}").status_code == 403


def test_dossier_event_reaches_display_live(centre, registry, clients):
    socketio = centre.app.extensions["motcua.socketio"]
    display = socketio.test_client(centre.app, namespace="/display", auth={"token": centre.device("wall-1", "display")})
    assert centre.app.extensions["motcua.outbound"].drain()
    display.get_received("/display")  # the snapshot
    gateway = clients("gateway")
    gateway.post("/api/dossiers/push", json={"code": "P-1", "procedure": "Đăng ký kết hôn", "department": "stp",
                                             "applicant_name": NAME, "applicant_phone": PHONE, "due_at": "30/11/2026"})
    assert centre.app.extensions["motcua.outbound"].drain()
    events = [e for m in display.get_received("/display") if m["name"] == "events" for e in m["args"][0]["events"]]
    assert [(e["type"], e["data"]["code"], e["data"]["status"]) for e in events] == [("dossier.updated", "P-1", "received")]
    assert events[0]["seq"] == centre.service.seq
    assert PHONE not in json.dumps(events, ensure_ascii=False) and NAME not in json.dumps(events, ensure_ascii=False)
    display.disconnect(namespace="/display")
