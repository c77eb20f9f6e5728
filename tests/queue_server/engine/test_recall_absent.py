import pytest

from queue_server.engine import QueueError, TicketStatus

from .conftest import issue, open_counter


@pytest.fixture
def called(engine, now):
    ticket = issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    return ticket


def test_recall_counts_recalls(engine, now, called):
    events = engine.recall(1, now())
    assert events[0].type == "ticket.recalled" and events[0].ticket.recalls == 1


def test_absent_needs_the_configured_recalls_first(engine, now, called):
    with pytest.raises(QueueError) as err:
        engine.absent(1, now())
    assert err.value.code == "recall_first"
    engine.recall(1, now())
    assert engine.absent(1, now())[0].ticket.status is TicketStatus.ABSENT
    assert engine.state.counters[1].ticket_id is None


def test_recall_past_the_maximum_marks_absent(engine, now, called):
    for _ in range(engine.config.queue.max_recalls):
        engine.recall(1, now())
    event = engine.recall(1, now())[0]
    assert event.type == "ticket.absent" and event.data == {"reason": "max_recalls"}


def test_absent_ticket_can_be_called_again_by_number(engine, now, called):
    engine.recall(1, now())
    engine.absent(1, now())
    again = engine.call_number(1, called.label, now())[-1].ticket
    assert again.status is TicketStatus.CALLED and again.recalls == 0


def test_recall_after_service_started_is_refused(engine, now, called):
    engine.start(1, now())
    with pytest.raises(QueueError):
        engine.recall(1, now())
