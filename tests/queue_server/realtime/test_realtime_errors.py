"""Socket.IO: every action gets an answer, also on a full disk (503) and on an unexpected error
(`internal`, with the traceback in the log): never silence."""
import logging

import pytest
import socketio

from queue_server.engine import QueueEngine

from ..faults import limit_pages, unlimit_pages


@pytest.fixture
def kiosk_socket(live_centre):
    sio = socketio.Client(reconnection=False)
    sio.connect(live_centre.url, namespaces=["/kiosk"], auth={"token": live_centre.device("kiosk-1", "kiosk")},
                transports=["websocket"], wait_timeout=10)
    yield sio
    sio.disconnect()


def issue(sio):
    return sio.call("issue_ticket", {"service_id": "stp-hotich"}, namespace="/kiosk", timeout=10)


def test_realtime_full_disk_answers_503_then_recovers(live_centre, kiosk_socket):
    limit_pages(live_centre.service.store, room=1)
    for _ in range(1000):
        answer = issue(kiosk_socket)
        if not answer["ok"]:
            break
    assert answer["error"]["code"] == "storage_failed"
    assert answer["error"]["message"] and answer["error"]["message_en"]
    unlimit_pages(live_centre.service.store)
    assert issue(kiosk_socket)["ok"]


def test_realtime_unexpected_error_is_answered_and_logged(live_centre, kiosk_socket, monkeypatch, caplog):
    def issue_with_a_bug(self, *args, **kwargs):
        raise RuntimeError("dictionary changed size during iteration")
    monkeypatch.setattr(QueueEngine, "issue", issue_with_a_bug)
    with caplog.at_level(logging.ERROR):
        answer = issue(kiosk_socket)
    assert answer["ok"] is False and answer["error"]["code"] == "internal"
    assert "ngoài dự kiến" in answer["error"]["message"] and answer["error"]["message_en"]
    assert any(r.exc_info and "dictionary changed size" in str(r.exc_info[1]) for r in caplog.records)
