"""Idle screens go back to the attract screen; the language resets for the next citizen."""
from kiosk.flow import Screen

from .conftest import tap


def test_flow_choice_screen_times_out(flow, clock):
    tap(flow, clock, "start")
    tap(flow, clock, "lang")
    clock.advance(29)
    flow.tick()
    assert flow.screen is Screen.DEPARTMENTS
    clock.advance(2)
    flow.tick()
    assert flow.screen is Screen.ATTRACT and flow.lang == "vi"


def test_flow_touch_restarts_the_timeout(flow, clock):
    tap(flow, clock, "start")
    clock.advance(25)
    tap(flow, clock, "more")
    clock.advance(25)
    flow.tick()
    assert flow.screen is Screen.DEPARTMENTS


def test_flow_confirmation_times_out_sooner(flow, clock):
    flow.issued({"ticket": {"label": "1"}}, printed=True)
    clock.advance(15)
    flow.tick()
    assert flow.screen is Screen.ATTRACT


def test_flow_issuing_never_times_out(flow, clock):
    for action in ("start", "dept:stp", "service:stp-hotich", "priority:no"):
        tap(flow, clock, action)
    clock.advance(600)
    flow.tick()
    assert flow.screen is Screen.ISSUING
