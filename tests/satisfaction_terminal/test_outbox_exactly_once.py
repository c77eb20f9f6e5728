"""The outbox delivers every rating exactly once: through failures, lost acks and reopening the file."""
from satisfaction_terminal.outbox import Outbox, backoff

from .helpers import FakeServer, ManualClock, rating


def test_outbox_keeps_ratings_while_the_server_is_down_then_delivers_them(tmp_path):
    clock, server = ManualClock(), FakeServer()
    box = Outbox(tmp_path / "outbox.db", clock)
    server.down = True
    for n in range(3):
        box.add(rating(n))
    assert box.drain(server, link_up=lambda: not server.down).failed == 1 and len(box) == 3  # link down: pass ends
    server.down = False
    assert box.drain(server).sent == 2          # the first backs off alone; the others were never tried
    clock.now += backoff(1)
    assert box.drain(server).sent == 1
    assert len(box) == 0 and sorted(server.stored) == [f"rating-{n:04d}" for n in range(3)]


def test_outbox_survives_reopening_the_file(tmp_path):
    path = tmp_path / "outbox.db"
    box = Outbox(path)
    box.add(rating(1, "t1"))
    box.add(rating(2))
    box.close()                                  # the tablet is switched off
    reopened = Outbox(path)
    assert [p["id"] for p in reopened.pending()] == ["rating-0001", "rating-0002"]
    server = FakeServer()
    assert reopened.drain(server).sent == 2
    assert Outbox(path).pending() == []
    assert server.stored["rating-0001"]["comment"] == "Cán bộ nhiệt tình"


def test_outbox_lost_acknowledgement_is_resent_and_stored_once(tmp_path):
    clock, server = ManualClock(), FakeServer()
    box = Outbox(tmp_path / "outbox.db", clock)
    box.add(rating(1))
    server.lose_acks = 1
    assert box.drain(server).failed == 1 and len(box) == 1
    clock.now += 60
    assert box.drain(server).sent == 1
    assert server.calls == ["rating-0001", "rating-0001"] and len(server.stored) == 1 and len(box) == 0


def test_outbox_adding_the_same_rating_twice_keeps_one(tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    box.add(rating(1))
    box.add(rating(1))
    assert len(box) == 1


def test_outbox_backoff_grows_to_a_minute():
    assert [backoff(n) for n in (1, 2, 3, 4, 7, 20)] == [1, 2, 4, 8, 60, 60]


def test_outbox_retry_now_makes_waiting_ratings_due(tmp_path):
    clock, server = ManualClock(), FakeServer()
    box = Outbox(tmp_path / "outbox.db", clock)
    box.add(rating(1))
    server.down = True
    box.drain(server)
    server.down = False
    box.retry_now()
    assert box.drain(server).sent == 1


def test_outbox_sends_oldest_first(tmp_path):
    clock, server = ManualClock(), FakeServer()
    box = Outbox(tmp_path / "outbox.db", clock)
    for n in (3, 1, 2):
        clock.now += 1
        box.add(rating(n))
    box.drain(server)
    assert server.calls == ["rating-0003", "rating-0001", "rating-0002"]
