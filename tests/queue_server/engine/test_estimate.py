import pytest

from queue_server.engine.estimate import ServiceTimes, estimated_wait_minutes

from .conftest import issue, open_counter


@pytest.mark.parametrize("ahead, seconds, counters, minutes", [
    (0, 300, 1, 0), (1, 300, 1, 5), (4, 300, 2, 10), (3, 100, 0, 5), (1, 61, 1, 2),
])
def test_estimated_wait_table(ahead, seconds, counters, minutes):
    assert estimated_wait_minutes(ahead, seconds, counters) == minutes


def test_service_times_window_keeps_recent_only():
    times = ServiceTimes(window=2)
    for s in (100, 200, 400):
        times.add("x", s)
    assert times.average("x", default=1) == 300
    assert times.average("other", default=42) == 42


def test_estimate_uses_default_until_real_times_are_known(engine, now):
    for _ in range(3):
        issue(engine, now)
    open_counter(engine, now, 1)
    default_minutes = engine.config.queue.default_service_minutes
    assert engine.estimate_for("stp-hotich", 3) == 3 * default_minutes
