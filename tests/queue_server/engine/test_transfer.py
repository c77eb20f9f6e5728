import pytest

from queue_server.engine import QueueError, TicketStatus

from .conftest import issue, open_counter


def test_transfer_to_service_keeps_number_and_place(engine, now):
    early = issue(engine, now, "stp-hotich")
    issue(engine, now, "stp-lylich")
    issue(engine, now, "stp-lylich")
    open_counter(engine, now, 1)
    engine.call_next(1, now.advance(minutes=5))
    moved = engine.transfer(1, now.advance(minutes=1), to_service="stp-lylich")[-1].ticket
    assert moved.id == early.id and moved.label == "1001"
    assert moved.status is TicketStatus.WAITING and moved.service_id == "stp-lylich"
    # It was issued before both lý lịch tickets, so it is first in that queue.
    assert engine.waiting({"stp-lylich"})[0].id == early.id


def test_transfer_to_counter_waits_only_for_that_counter(engine, now):
    issue(engine, now, "stp-hotich")
    open_counter(engine, now, 1)
    open_counter(engine, now, 2)
    engine.call_next(1, now())
    moved = engine.transfer(1, now(), to_counter=2)[-1].ticket
    assert moved.target_counter == 2
    with pytest.raises(QueueError):
        engine.call_next(1, now())          # counter 1 serves the service but may not take it
    assert engine.call_next(2, now())[-1].ticket.id == moved.id


def test_transfer_to_another_department_changes_department(engine, now):
    issue(engine, now, "stp-hotich")
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    moved = engine.transfer(1, now(), to_counter=16)[-1].ticket   # counter 16 serves BHXH only
    assert (moved.service_id, moved.department_id) == ("bhxh-chung", "bhxh")


def test_transfer_frees_the_counter(engine, now):
    issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    event = engine.transfer(1, now(), to_service="stp-lylich")[-1]
    assert event.counter.ticket_id is None
    assert event.data == {"from_counter": 1, "from_service": "stp-hotich", "to_service": "stp-lylich", "to_counter": None}


@pytest.mark.parametrize("kwargs", [
    {},
    {"to_service": "nope"},
    {"to_service": "bhxh-chung", "to_counter": 1},
    {"to_counter": 21},   # general counter serves several services: the service must be named
])
def test_transfer_invalid_targets_are_refused(engine, now, kwargs):
    issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    with pytest.raises(QueueError):
        engine.transfer(1, now(), **kwargs)
    assert engine.state.counters[1].ticket_id is not None
