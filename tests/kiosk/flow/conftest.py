"""A flow over the demo centre, with a hand-driven clock and every service's counters open."""
from datetime import date
from types import SimpleNamespace

import pytest

from kiosk.flow import FlowSettings, KioskFlow
from queue_server.views import centre_view
from tests.conftest import MONDAY_8AM


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def live(demo_config):
    centre = centre_view(demo_config)
    services = {s["id"]: {"waiting": 0, "open_counters": 1, "wait_minutes": 0}
                for d in centre["departments"] for s in d["services"]}
    return SimpleNamespace(centre=centre, services=services)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def make_flow(live, clock):
    def make(**settings):
        ids = iter(f"req-{i:08d}" for i in range(1, 1000))
        flow = KioskFlow(live, FlowSettings(**settings), clock=clock, today=lambda: date(2026, 11, 23),
                         new_id=lambda: next(ids), now=lambda: MONDAY_8AM)
        flow.set_connected(True)
        return flow
    return make


@pytest.fixture
def flow(make_flow):
    return make_flow()


def tap(flow, clock, action):
    """A deliberate touch: after the touch guard of the previous screen change."""
    clock.advance(1)
    return flow.touch(action)
