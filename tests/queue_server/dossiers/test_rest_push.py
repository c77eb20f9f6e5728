"""The one-stop software pushes creations and status changes with a device token."""
import pytest

CREATE = {"code": "000.17.22.H56-261123-0001", "procedure": "Cấp phiếu lý lịch tư pháp", "department": "Sở Tư pháp",
          "applicant_name": "Nguyễn Văn An", "applicant_phone": "0912345678", "received_at": "23/11/2026 08:00",
          "due_at": "30/11/2026", "level": 3, "channel": "Trực tuyến"}


@pytest.fixture
def gateway(clients):
    return clients("gateway")


def test_push_creates_then_repeat_is_harmless(centre, gateway):
    first = gateway.post("/api/dossiers/push", json=CREATE)
    assert first.status_code == 200, first.json
    assert first.json["created"] and first.json["dossier"]["status"] == "received"
    assert first.json["dossier"]["applicant"] == "Nguyễn V*** A"
    seq = centre.service.seq
    again = gateway.post("/api/dossiers/push", json=CREATE)
    assert again.json["changed"] is False and centre.service.seq == seq


def test_push_status_change_follows_transitions(centre, gateway):
    gateway.post("/api/dossiers/push", json=CREATE)
    moved = gateway.post("/api/dossiers/push", json={"code": CREATE["code"], "status": "Đang giải quyết"})
    assert moved.json["dossier"]["status"] == "in_progress"
    ready = gateway.post("/api/dossiers/push", json={"code": CREATE["code"], "status": "result_ready",
                                                       "at": "2026-11-23T07:30:00+07:00"})
    assert ready.json["dossier"]["resolved_at"] == "2026-11-23T07:30:00+07:00"
    assert ready.json["dossier"]["timeliness"] == "early"
    back = gateway.post("/api/dossiers/push", json={"code": CREATE["code"], "status": "in_progress"})
    assert back.status_code == 409 and back.json["error"]["code"] == "bad_transition"


def test_push_new_appointment_date(centre, gateway):
    gateway.post("/api/dossiers/push", json=CREATE)
    moved = gateway.post("/api/dossiers/push", json={"code": CREATE["code"], "due_at": "04/12/2026"})
    assert moved.json["changed"] and moved.json["dossier"]["due_at"] == "2026-12-04T00:00:00+07:00"


def test_push_deadline_in_working_days(centre, gateway):
    body = {k: v for k, v in CREATE.items() if k != "due_at"} | {"deadline": 5, "received_at": "27/11/2026 16:00"}
    made = gateway.post("/api/dossiers/push", json=body)
    # Friday 16:00 + 5 working days (8 h each): Friday 16:00 of the next week.
    assert made.json["dossier"]["due_at"] == "2026-12-04T16:00:00+07:00"


def test_push_validation_is_the_importers(centre, gateway):
    bad = gateway.post("/api/dossiers/push", json=CREATE | {"department": "Sở Du lịch", "due_at": "hôm nay"})
    assert bad.status_code == 400
    assert bad.json["error"]["message_en"].endswith(
        "unknown department: 'Sở Du lịch'; invalid appointment date: 'hôm nay'")
    assert gateway.post("/api/dossiers/push", json={"code": "X-1", "colour": "red"}).status_code == 400
    assert gateway.post("/api/dossiers/push", json={"code": "mã sai!"}).status_code == 400


def test_push_cannot_rewrite_fixed_fields(centre, gateway):
    gateway.post("/api/dossiers/push", json=CREATE)
    same = gateway.post("/api/dossiers/push", json=CREATE | {"status": "in_progress"})
    assert same.status_code == 200 and same.json["changed"]
    other = gateway.post("/api/dossiers/push", json={"code": CREATE["code"], "department": "Công an tỉnh"})
    assert other.status_code == 409 and other.json["error"]["code"] == "immutable_field"


def test_push_needs_gateway_or_admin(centre, clients):
    assert clients("kiosk").post("/api/dossiers/push", json=CREATE).status_code == 403
    assert clients("officer").post("/api/dossiers/push", json=CREATE).status_code == 403
    assert clients("kiosk", "kiosk-2").__class__(centre.app).post("/api/dossiers/push", json=CREATE).status_code == 401
    assert clients("admin").post("/api/dossiers/push", json=CREATE).status_code == 200
