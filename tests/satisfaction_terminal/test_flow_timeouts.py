"""Screens time out by the injected clock: nobody rating → idle; an abandoned comment still counts."""
from satisfaction_terminal.flow import Phase, Timing

from .helpers import finished, make_flow

TIMING = Timing(rating_timeout=30, comment_timeout=60, thanks_seconds=5)


def test_flow_rating_screen_returns_to_idle_without_a_rating():
    flow = make_flow(timing=TIMING)
    flow.ticket_finished(finished(), now=0.0)
    assert flow.tick(now=29.9) is None and flow.phase is Phase.RATING
    assert flow.tick(now=30.0) is None and flow.phase is Phase.IDLE


def test_flow_thanks_returns_to_idle():
    flow = make_flow(timing=TIMING)
    flow.press("start", now=1.0)
    flow.press("choose", "satisfied_service", now=2.0)
    flow.tick(now=6.9)
    assert flow.phase is Phase.THANKS
    flow.tick(now=7.0)
    assert flow.phase is Phase.IDLE


def test_flow_abandoned_comment_is_sent_with_what_was_typed():
    flow = make_flow(timing=TIMING)
    flow.ticket_finished(finished(), now=0.0)
    flow.press("choose", "dissatisfied_competence", now=1.0)
    flow.press("key", "a", now=2.0)
    flow.press("key", "s", now=3.0)
    assert flow.tick(now=62.9) is None
    rating = flow.tick(now=63.0)
    assert (rating.value, rating.comment) == ("dissatisfied_competence", "á")
    assert flow.phase is Phase.THANKS


def test_flow_typing_keeps_the_comment_open():
    flow = make_flow(timing=TIMING)
    flow.press("start", now=1.0)
    flow.press("choose", "suggestion", now=2.0)
    for t in range(3, 200, 20):
        flow.press("key", "a" if t % 40 else "b", now=float(t))
        assert flow.tick(now=t + 19.0) is None
    assert flow.phase is Phase.COMMENT


def test_flow_idle_never_times_out():
    flow = make_flow(timing=TIMING)
    assert flow.tick(now=10_000.0) is None and flow.phase is Phase.IDLE
