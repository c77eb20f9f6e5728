"""No rating blocks another: a rating that keeps failing backs off alone while the rest go on."""
from hypothesis import given, settings
from hypothesis import strategies as st

from satisfaction_terminal.outbox import Outbox

from .helpers import FakeServer, ManualClock, rating


def test_outbox_a_failing_rating_does_not_stop_later_ones(tmp_path):
    clock, server = ManualClock(), FakeServer()
    server.refuse["rating-0001"] = "storage_failed"          # transient, for this one only
    box = Outbox(tmp_path / "outbox.db", clock)
    for n in range(1, 4):
        clock.now += 1
        box.add(rating(n))
    result = box.drain(server)
    assert (result.sent, result.failed) == (2, 1)
    assert [p["id"] for p in box.pending()] == ["rating-0001"]


def test_outbox_backoff_is_per_rating(tmp_path):
    clock, server = ManualClock(), FakeServer()
    server.refuse["rating-0001"] = "error"
    box = Outbox(tmp_path / "outbox.db", clock)
    box.add(rating(1))
    for _ in range(5):                                         # rating 1 fails again and again
        clock.now += 61
        box.drain(server)
    box.add(rating(2))                                          # a new rating is due at once
    assert box.drain(server).sent == 1 and server.stored.keys() == {"rating-0002"}
    assert [p["id"] for p in box.pending()] == ["rating-0001"] and box.next_due() > clock.now
    del server.refuse["rating-0001"]
    clock.now += 60
    assert box.drain(server).sent == 1 and len(box) == 0


def test_outbox_transport_failure_with_the_link_up_goes_on(tmp_path):
    """A timeout on one rating (the server slow on it) while the link is up: the rest still go."""
    clock, server = ManualClock(), FakeServer()
    box = Outbox(tmp_path / "outbox.db", clock)
    box.add(rating(1))
    box.add(rating(2))
    server.lose_acks = 1                                        # rating 1 stored, answer lost
    result = box.drain(server, link_up=lambda: True)
    assert (result.sent, result.failed) == (1, 1) and len(server.stored) == 2


def test_outbox_quarantined_answer_counts_as_delivered(tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    box.add(rating(1))
    result = box.drain(lambda p: {"rating": None, "duplicate": False, "quarantined": True,
                                  "reason": {"code": "invalid"}})
    assert (result.sent, result.held, len(box)) == (1, 1, 0)


def test_outbox_refused_ratings_are_offered_again_on_reconnect(tmp_path):
    server = FakeServer()
    server.refuse["rating-0001"] = "invalid"                    # an older server refusing by rule
    box = Outbox(tmp_path / "outbox.db")
    box.add(rating(1))
    assert box.drain(server).refused == 1 and len(box) == 0 and len(box.refused()) == 1
    del server.refuse["rating-0001"]                            # upgraded: quarantines instead
    box.retry_now()
    assert box.drain(server).sent == 1 and box.refused() == [] and "rating-0001" in server.stored


class Flaky:
    """A server on which each rating fails a given number of times (or forever: None) first."""

    def __init__(self, failures: dict[str, int | None]):
        self.failures, self.stored = dict(failures), {}

    def __call__(self, payload: dict) -> dict:
        from queue_server.engine import QueueError
        left = self.failures.get(payload["id"], 0)
        if left is None or left > 0:
            self.failures[payload["id"]] = None if left is None else left - 1
            raise QueueError("storage_failed", "Tạm thời không lưu được", "Storage busy", 503)
        self.stored[payload["id"]] = self.stored.get(payload["id"], 0) + 1
        return {"rating": payload, "duplicate": False, "quarantined": False}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 6)), min_size=1, max_size=12))
def test_outbox_every_rating_that_can_be_delivered_is_despite_any_other(tmp_path_factory, failures):
    clock = ManualClock()
    box = Outbox(tmp_path_factory.mktemp("box") / "outbox.db", clock)
    plan = {f"rating-{n:04d}": f for n, f in enumerate(failures)}
    for n in range(len(failures)):
        box.add(rating(n))
    server = Flaky(plan)
    for _ in range(10):
        box.drain(server)
        clock.now += 61                                       # past the longest backoff
    deliverable = {rid for rid, f in plan.items() if f is not None}
    assert server.stored == {rid: 1 for rid in deliverable}
    assert {p["id"] for p in box.pending()} == set(plan) - deliverable
    box.close()
