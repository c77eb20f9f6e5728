import pytest

from queue_server.clock import FakeClock
from queue_server.engine import QueueEngine
from tests.conftest import MONDAY_8AM


@pytest.fixture
def now():
    return FakeClock(MONDAY_8AM)


@pytest.fixture
def engine(demo_config):
    return QueueEngine(demo_config)


def issue(engine, now, service="stp-hotich", priority=False, minutes=1):
    """Issue a ticket `minutes` after the previous one and return it."""
    at = now.advance(minutes=minutes)
    return engine.issue(service, at, priority=priority)[-1].ticket


def open_counter(engine, now, number, officer_id=None):
    engine.open_counter(number, officer_id or 100 + number, f"Cán bộ {number}", now())
