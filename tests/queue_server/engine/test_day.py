from queue_server.engine import TicketStatus

from .conftest import issue, open_counter


def test_roll_over_expires_leftovers_and_restarts_numbering(engine, now):
    issue(engine, now)
    left = issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    events = engine.roll_over(now.advance(days=1))
    types = [e.type for e in events]
    assert types.count("ticket.expired") == 2 and types[-1] == "day.ended"
    assert any(e.ticket and e.ticket.id == left.id and e.ticket.status is TicketStatus.EXPIRED for e in events)
    assert engine.state.counters[1].ticket_id is None
    assert issue(engine, now).label == "1001"


def test_roll_over_same_day_does_nothing(engine, now):
    issue(engine, now)
    assert engine.roll_over(now.advance(hours=2)) == []


def test_end_day_keeps_numbering_within_the_same_date(engine, now):
    issue(engine, now)
    issue(engine, now)
    engine.end_day(now())
    assert issue(engine, now).label == "1003"        # never reuse a number the same day


def test_end_day_keeps_served_tickets(engine, now):
    served = issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    engine.finish(1, now())
    engine.end_day(now())
    assert engine.ticket(served.id).status is TicketStatus.DONE
