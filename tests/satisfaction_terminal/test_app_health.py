"""The tablet reports its health to the server (the admin dashboard's device list): ratings that
keep failing, ratings refused and kept, a full outbox file, a failing part of the loop."""
from queue_server.engine import QueueError

from .test_app_end_to_end import terminal, wait_for  # noqa: F401 (fixture)
from .test_app_offline import make_app


def test_app_health_is_ok_and_reaches_the_server(live_centre, terminal):
    terminal.sender.wake()
    admin = live_centre.app.extensions["motcua.admin"]
    assert wait_for(lambda: any(d.get("status") for d in admin.devices()))
    status = next(d["status"] for d in admin.devices() if d["status"])
    assert status == terminal.health() and set(status.values()) == {"ok"}


def test_app_health_names_each_problem(tmp_path):
    app = make_app(tmp_path)
    app.outbox.add({"id": "rating-0001", "counter": 5, "ticket_id": None, "value": "5", "comment": ""})

    def refuse(payload):
        raise QueueError("error", "Lỗi", "Error", 500)
    for _ in range(6):
        app.outbox.retry_now()
        app.outbox.drain(refuse)
    app.unsaved.append({"id": "rating-0002"})
    app._failing.add("screen")
    health = app.health()
    assert health["ratings_outbox"].startswith("1 đánh giá chưa gửi được")
    assert health["ratings_storage"] != "ok" and "screen" in health["screen"] and health["ratings_refused"] == "ok"
    app.outbox.close()
