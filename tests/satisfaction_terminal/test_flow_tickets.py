"""Which finished tickets the tablet offers: its own counter's, each once, the newest first."""
from satisfaction_terminal.flow import Phase

from .helpers import finished, make_flow


def test_flow_offers_a_ticket_finished_at_its_counter():
    flow = make_flow(counter=5)
    assert flow.ticket_finished(finished("t1", "1023", counter=5), now=1.0)
    assert flow.phase is Phase.RATING and flow.state.offer.label == "1023"


def test_flow_ignores_other_counters_and_unfinished_tickets():
    flow = make_flow(counter=5)
    assert not flow.ticket_finished(finished("t1", counter=6), now=1.0)
    assert not flow.ticket_finished({**finished("t2"), "status": "absent"}, now=1.0)
    assert flow.phase is Phase.IDLE


def test_flow_offers_a_ticket_once():
    flow = make_flow()
    flow.ticket_finished(finished("t1"), now=1.0)
    flow.press("choose", "satisfied_service", now=2.0)
    flow.tick(now=10.0)
    assert flow.phase is Phase.IDLE
    assert not flow.ticket_finished(finished("t1"), now=11.0)
    assert flow.phase is Phase.IDLE


def test_flow_newer_ticket_replaces_an_untouched_offer():
    flow = make_flow()
    flow.ticket_finished(finished("t1", "1023"), now=1.0)
    flow.ticket_finished(finished("t2", "1024"), now=5.0)
    assert flow.state.offer.ticket_id == "t2"


def test_flow_ticket_finished_while_thanking_is_offered_next():
    flow = make_flow()
    flow.ticket_finished(finished("t1"), now=1.0)
    flow.press("choose", "satisfied_service", now=2.0)
    flow.ticket_finished(finished("t2", "1024"), now=3.0)
    assert flow.phase is Phase.THANKS
    flow.tick(now=7.5)
    assert flow.phase is Phase.RATING and flow.state.offer.label == "1024"


def test_flow_ticket_finished_during_a_comment_waits_for_it():
    flow = make_flow()
    flow.ticket_finished(finished("t1"), now=1.0)
    flow.press("choose", "dissatisfied_time", now=2.0)
    flow.ticket_finished(finished("t2", "1024"), now=3.0)
    assert flow.phase is Phase.COMMENT and flow.state.offer.ticket_id == "t1"
    assert flow.press("send", now=4.0).ticket_id == "t1"
    flow.tick(now=9.5)
    assert flow.state.offer.ticket_id == "t2"


def test_flow_each_rating_gets_its_own_id():
    flow = make_flow()
    ids = []
    for i, t in enumerate(["t1", "t2", "t3"]):
        flow.tick(now=100.0 * i)
        flow.ticket_finished(finished(t), now=100.0 * i)
        ids.append(flow.press("choose", "satisfied_service", now=100.0 * i + 1).id)
    assert len(set(ids)) == 3
