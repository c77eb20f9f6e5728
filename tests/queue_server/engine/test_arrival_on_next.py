"""'Call next' while the called citizen never came: the officer says came / did not come (issue #16)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from queue_server.engine import QueueEngine, QueueError, TicketStatus

from .conftest import issue, open_counter


def _with_rule(demo_config, rule: str) -> QueueEngine:
    queue = demo_config.queue.model_copy(update={"unstarted_on_next": rule})
    return QueueEngine(demo_config.model_copy(update={"queue": queue}))


@pytest.fixture
def two_waiting(engine, now):
    first, second = issue(engine, now), issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    return first, second


def test_came_finishes_the_called_ticket_as_served(engine, now, two_waiting):
    first, second = two_waiting
    events = engine.call_next(1, now(), arrived=True)
    assert [e.type for e in events] == ["ticket.finished", "ticket.called"]
    assert engine.state.tickets[first.id].status is TicketStatus.DONE
    assert engine.state.tickets[first.id].started_at == engine.state.tickets[first.id].called_at


def test_did_not_come_marks_absent_after_the_required_recall(engine, now, two_waiting):
    first, _ = two_waiting
    with pytest.raises(QueueError) as err:
        engine.call_next(1, now(), arrived=False)
    assert err.value.code == "recall_first" and first.label in err.value.message_vi
    assert engine.state.counters[1].ticket_id == first.id          # nothing changed
    engine.recall(1, now())
    events = engine.call_next(1, now(), arrived=False)
    assert [e.type for e in events] == ["ticket.absent", "ticket.called"]
    assert events[0].data == {"reason": "no_show"}
    assert [t.id for t in engine.absent_tickets(1)] == [first.id]


def test_a_started_ticket_is_served_whatever_is_said(engine, now, two_waiting):
    first, _ = two_waiting
    engine.start(1, now())
    assert engine.call_next(1, now(), arrived=False)[0].type == "ticket.finished"


@pytest.mark.parametrize("rule, first_event", [("served", "ticket.finished"), ("absent", "ticket.absent")])
def test_unsaid_follows_the_centre_rule(demo_config, now, rule, first_event):
    engine = _with_rule(demo_config.model_copy(update={"queue": demo_config.queue.model_copy(
        update={"recalls_before_absent": 0})}), rule)
    issue(engine, now), issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    assert engine.call_next(1, now())[0].type == first_event


def test_ask_refuses_until_the_officer_says(demo_config, now):
    engine = _with_rule(demo_config, "ask")
    first, _ = issue(engine, now), issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    with pytest.raises(QueueError) as err:
        engine.call_next(1, now())
    assert err.value.code == "arrival_unknown" and err.value.status == 409
    assert "Đã đến" in err.value.message_vi and engine.state.counters[1].ticket_id == first.id
    assert engine.call_next(1, now(), arrived=True)[0].type == "ticket.finished"


def test_call_number_asks_the_same(demo_config, now):
    engine = _with_rule(demo_config, "ask")
    issue(engine, now)
    second = issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    with pytest.raises(QueueError):
        engine.call_number(1, second.label, now())
    assert engine.call_number(1, second.label, now(), arrived=True)[-1].ticket.id == second.id


def test_absent_list_is_this_counters_services_latest_first(engine, now):
    tickets = [issue(engine, now) for _ in range(3)]
    open_counter(engine, now, 1)
    for _ in tickets:
        engine.call_next(1, now.advance(minutes=1))
        engine.recall(1, now())
        engine.absent(1, now())
    assert [t.id for t in engine.absent_tickets(1)] == [t.id for t in reversed(tickets)]
    engine.call_number(1, tickets[0].label, now())
    assert tickets[0].id not in [t.id for t in engine.absent_tickets(1)]
    with pytest.raises(QueueError):
        engine.absent_tickets(998)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["next_came", "next_gone", "recall", "start", "next"]), max_size=25))
def test_every_called_ticket_ends_served_or_absent_never_both(demo_config, steps):
    """Whatever the officer presses, statistics and rating prompts follow what happened."""
    from queue_server.clock import FakeClock
    from tests.conftest import MONDAY_8AM
    now = FakeClock(MONDAY_8AM)
    engine = QueueEngine(demo_config)
    for _ in range(30):
        issue(engine, now)
    open_counter(engine, now, 1)
    started = set()
    for step in steps:
        try:
            if step == "recall":
                engine.recall(1, now())
            elif step == "start":
                engine.start(1, now())
                started.add(engine.state.counters[1].ticket_id)
            else:
                arrived = {"next_came": True, "next_gone": False, "next": None}[step]
                engine.call_next(1, now.advance(minutes=1), arrived)
        except QueueError:
            pass
    for ticket in engine.state.tickets.values():
        if ticket.id in started:
            assert ticket.status in (TicketStatus.SERVING, TicketStatus.DONE)
        if ticket.status is TicketStatus.ABSENT:
            assert ticket.started_at is None and ticket.recalls >= demo_config.queue.recalls_before_absent
        if ticket.status is TicketStatus.DONE:
            assert ticket.started_at is not None and ticket.finished_at is not None
