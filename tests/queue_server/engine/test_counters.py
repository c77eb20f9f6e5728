import pytest

from queue_server.engine import CounterStatus, QueueError

from .conftest import issue, open_counter


def test_open_counter_records_officer(engine, now):
    event = engine.open_counter(3, 7, "Trần Văn Bình", now())[0]
    assert event.counter.status is CounterStatus.OPEN and event.counter.officer_name == "Trần Văn Bình"


def test_open_counter_twice_by_same_officer_is_a_no_op(engine, now):
    engine.open_counter(3, 7, "Bình", now())
    assert engine.open_counter(3, 7, "Bình", now()) == []


def test_open_counter_held_by_another_officer_is_refused(engine, now):
    engine.open_counter(3, 7, "Bình", now())
    with pytest.raises(QueueError) as err:
        engine.open_counter(3, 8, "An", now())
    assert err.value.code == "counter_taken"


def test_officer_cannot_hold_two_counters(engine, now):
    engine.open_counter(3, 7, "Bình", now())
    with pytest.raises(QueueError) as err:
        engine.open_counter(4, 7, "Bình", now())
    assert err.value.code == "officer_elsewhere"


def test_close_counter_with_citizen_is_refused(engine, now):
    issue(engine, now)
    open_counter(engine, now, 1)
    engine.call_next(1, now())
    with pytest.raises(QueueError) as err:
        engine.close_counter(1, now())
    assert err.value.code == "ticket_at_counter"


def test_pause_and_resume(engine, now):
    open_counter(engine, now, 1)
    assert engine.pause(1, now())[0].counter.status is CounterStatus.PAUSED
    assert engine.resume(1, now())[0].counter.status is CounterStatus.OPEN
    with pytest.raises(QueueError):
        engine.resume(1, now())


def test_paused_counter_not_counted_as_open_for_estimates(engine, now):
    open_counter(engine, now, 1)
    open_counter(engine, now, 2)
    assert engine.open_counters_for("stp-hotich") == 2
    engine.pause(2, now())
    assert engine.open_counters_for("stp-hotich") == 1


def test_unknown_counter_is_not_found(engine, now):
    with pytest.raises(QueueError) as err:
        engine.open_counter(999, 1, "X", now())
    assert err.value.status == 404
