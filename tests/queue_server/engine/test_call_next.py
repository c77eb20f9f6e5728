import pytest

from queue_server.engine import QueueError, TicketStatus

from .conftest import issue, open_counter


def test_call_next_calls_the_oldest_ticket(engine, now):
    first, second = issue(engine, now), issue(engine, now)
    open_counter(engine, now, 1)
    called = engine.call_next(1, now())[-1].ticket
    assert called.id == first.id
    assert called.status is TicketStatus.CALLED and called.counter == 1
    assert engine.ticket(second.id).status is TicketStatus.WAITING


def test_call_next_priority_first(engine, now):
    issue(engine, now)
    urgent = issue(engine, now, priority=True)
    open_counter(engine, now, 1)
    assert engine.call_next(1, now())[-1].ticket.id == urgent.id


def test_call_next_is_fair_across_the_counters_services(engine, now):
    # Counter 2 serves both services of Sở Tư pháp: the longest-waiting ticket wins, whatever its service.
    a = issue(engine, now, "stp-lylich")
    b = issue(engine, now, "stp-hotich")
    c = issue(engine, now, "stp-lylich")
    open_counter(engine, now, 2)
    called = [engine.call_next(2, now.advance(minutes=1))[-1].ticket.id for _ in range(3)]
    assert called == [a.id, b.id, c.id]


def test_call_next_only_takes_services_the_counter_serves(engine, now):
    issue(engine, now, "stp-lylich")
    open_counter(engine, now, 1)          # counter 1 serves stp-hotich only
    with pytest.raises(QueueError) as err:
        engine.call_next(1, now())
    assert err.value.code == "no_waiting"


def test_call_next_finishes_the_current_ticket(engine, now):
    first, _ = issue(engine, now), issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    events = engine.call_next(1, now.advance(minutes=5))
    assert [e.type for e in events] == ["ticket.finished", "ticket.called"]
    assert engine.ticket(first.id).status is TicketStatus.DONE


def test_call_next_with_nobody_waiting_keeps_the_current_ticket(engine, now):
    first = issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    with pytest.raises(QueueError):
        engine.call_next(1, now())
    assert engine.ticket(first.id).status is TicketStatus.CALLED


@pytest.mark.parametrize("setup, code", [
    (lambda e, n: None, "counter_closed"),
    (lambda e, n: (open_counter(e, n, 1), e.pause(1, n())), "counter_paused"),
])
def test_call_next_refused_at_closed_or_paused_counter(engine, now, setup, code):
    issue(engine, now)
    setup(engine, now)
    with pytest.raises(QueueError) as err:
        engine.call_next(1, now())
    assert err.value.code == code


def test_call_number_calls_a_given_ticket(engine, now):
    issue(engine, now)
    later = issue(engine, now)
    open_counter(engine, now, 1)
    assert engine.call_number(1, " 1002 ", now())[-1].ticket.id == later.id


def test_call_number_unknown_label_is_not_found(engine, now):
    open_counter(engine, now, 1)
    with pytest.raises(QueueError) as err:
        engine.call_number(1, "9999", now())
    assert err.value.status == 404


def test_start_then_finish_records_service_time(engine, now):
    issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    engine.start(1, now.advance(minutes=1))
    done = engine.finish(1, now.advance(minutes=10))[-1].ticket
    assert done.status is TicketStatus.DONE
    assert engine.times.average("stp-hotich", default=0) == 600


def test_finish_without_ticket_is_refused(engine, now):
    open_counter(engine, now, 1)
    with pytest.raises(QueueError) as err:
        engine.finish(1, now())
    assert err.value.code == "no_current"
