"""REST on a full database: every write answers a bilingual 503, /healthz tells the truth, and the
server takes writes again by itself once space is back."""
import logging

import pytest

from queue_server.engine import QueueEngine, QueueError

from ..faults import limit_pages, unlimit_pages
from .conftest import Client


def until_refused(post, limit: int = 2000):
    """POST until the server refuses; every answer before is 200, the refusal a 503."""
    for i in range(limit):
        r = post(i)
        if r.status_code != 200:
            return i, r
    raise AssertionError("the database never filled up")


def assert_storage_503(r):
    assert r.status_code == 503
    error = r.get_json()["error"]
    assert error["code"] == "storage_failed"
    assert "vui lòng thử lại" in error["message"] and "retry" in error["message_en"]


def test_rest_full_disk_answers_503_and_recovers_without_restart(centre, kiosk):
    limit_pages(centre.service.store, room=2)
    issued, refusal = until_refused(lambda i: kiosk.post("/api/tickets", {"service_id": "stp-hotich"}))
    assert_storage_503(refusal)
    health = kiosk.get("/healthz")
    assert health.status_code == 503 and health.get_json()["database"] == "full"
    assert "đầy" in health.get_json()["error"]["message"]
    unlimit_pages(centre.service.store)
    assert kiosk.get("/healthz").status_code == 200
    r = kiosk.post("/api/tickets", {"service_id": "stp-hotich"})
    assert r.status_code == 200 and r.get_json()["ticket"]["label"] == str(1001 + issued)
    assert r.get_json()["seq"] == centre.service.store.last_seq() == issued + 1


def test_rest_healthz_is_ok_with_room(centre, kiosk):
    body = kiosk.get("/healthz").get_json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["free_bytes"] > 0


@pytest.fixture
def terminal(centre):
    return Client(centre.app, centre.device("tablet-1", "terminal", counter=1))


def test_rest_every_write_answers_503_on_full_disk(centre, kiosk, officer, admin, terminal):
    officer.post("/api/counters/1/open")
    limit_pages(centre.service.store)
    writes = {
        "device status": lambda i: kiosk.post("/api/devices/status", {"status": {"printer": f"ok {i}" * 30}}),
        "rating": lambda i: terminal.post("/api/ratings", {"id": f"rating-{i:06}", "value": "satisfied_service",
                                                           "comment": "Cán bộ nhiệt tình " * 40}),
        "dossier push": lambda i: admin.post("/api/dossiers/push", {
            "code": f"000.17.22.H56-231012-{i:04}", "procedure": "Đăng ký khai sinh " * 20, "department": "stp",
            "deadline": 5, "applicant_name": "Nguyễn Văn An"}),
    }
    for name, write in writes.items():
        _, refusal = until_refused(write)
        assert_storage_503(refusal), name
    with pytest.raises(QueueError):         # fill the tokens' pages cheaply, then log in (a token write)
        for i in range(2000):
            centre.service.accounts.add_token(f"filler-{i}", "session", centre.service.clock())
    assert_storage_503(Client(centre.app).post("/api/login", {"username": "hoa", "password": "matkhau1"}))
    assert centre.service.engine.state == QueueEngine(
        centre.config, centre.service.store.load_state(centre.service.centre_id)).state


def test_rest_unexpected_error_answers_internal_and_logs_traceback(centre, kiosk, officer, monkeypatch, caplog):
    officer.post("/api/counters/1/open")
    kiosk.post("/api/tickets", {"service_id": "stp-hotich"})

    def call_next_with_a_bug(self, number, now, arrived=None):
        self.state.counters[number].status = "half-changed"      # changes memory, then fails
        raise KeyError("a bug")
    monkeypatch.setattr(QueueEngine, "call_next", call_next_with_a_bug)
    with caplog.at_level(logging.ERROR):
        r = officer.post("/api/counters/1/call-next")
    assert r.status_code == 500
    error = r.get_json()["error"]
    assert error["code"] == "internal" and "ngoài dự kiến" in error["message"]
    assert "Unexpected" in error["message_en"]
    assert any(rec.exc_info and "a bug" in str(rec.exc_info[1]) for rec in caplog.records)
    monkeypatch.undo()
    assert centre.service.engine.state.counters[1].status.value == "open"     # reloaded from disk
    assert officer.post("/api/counters/1/call-next").status_code == 200
