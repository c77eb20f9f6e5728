"""The per-service waiting index always agrees with a scan of every ticket, whatever happens."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from queue_server.clock import FakeClock
from queue_server.engine import QueueEngine, QueueError, TicketStatus
from tests.conftest import MONDAY_8AM

SERVICES = ["stp-hotich", "stp-lylich", "stc-dkkd"]
COUNTERS = [1, 2, 3]

ops = st.lists(st.one_of(
    st.tuples(st.just("issue"), st.sampled_from(SERVICES), st.booleans()),
    st.tuples(st.sampled_from(["call_next", "recall", "absent", "finish", "start", "pause", "resume"]),
              st.sampled_from(COUNTERS)),
    st.tuples(st.just("transfer"), st.sampled_from(COUNTERS), st.sampled_from(SERVICES + [None]),
              st.sampled_from(COUNTERS + [None])),
    st.tuples(st.just("call_number"), st.sampled_from(COUNTERS), st.integers(1001, 1006)),
    st.tuples(st.just("end_day")),
    st.tuples(st.just("next_day")),
), max_size=60)


def run(engine, clock, op):
    now = clock.advance(minutes=1)
    name, *args = op
    if name == "issue":
        engine.issue(args[0], now, priority=args[1])
    elif name == "transfer":
        engine.transfer(args[0], now, to_service=args[1], to_counter=args[2])
    elif name == "call_number":
        engine.call_number(args[0], str(args[1]), now)
    elif name == "end_day":
        engine.end_day(now)
    elif name == "next_day":
        engine.roll_over(clock.advance(days=1))
    else:
        getattr(engine, name)(args[0], now)


def scanned(engine):
    return {t.id for t in engine.state.tickets.values() if t.status is TicketStatus.WAITING}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops)
def test_waiting_index_matches_a_full_scan(demo_config, sequence):
    engine, clock = QueueEngine(demo_config), FakeClock(MONDAY_8AM)
    for number in COUNTERS:
        engine.open_counter(number, number, f"Cán bộ {number}", clock())
    for op in sequence:
        try:
            run(engine, clock, op)
        except QueueError:
            pass
        indexed = {tid for queue in engine.queues.values() for tid in queue}
        assert indexed == scanned(engine)
        for service, queue in engine.queues.items():
            assert all(t.service_id == service for t in queue.values())
    rebuilt = QueueEngine(demo_config, engine.state)
    assert {s: set(q) for s, q in rebuilt.queues.items() if q} == {s: set(q) for s, q in engine.queues.items() if q}
