"""Double taps and touch-plus-mouse echoes never issue two tickets."""
from kiosk.flow import IssueRequest, Screen

from .conftest import tap


def _to_priority(flow, clock):
    for action in ("start", "dept:stp", "service:stp-hotich"):
        tap(flow, clock, action)


def test_flow_second_tap_while_issuing_is_ignored(flow, clock):
    _to_priority(flow, clock)
    first = tap(flow, clock, "priority:no")
    assert isinstance(first, IssueRequest)
    assert tap(flow, clock, "priority:no") is None and flow.pending is first


def test_flow_echo_within_guard_time_is_ignored(flow, clock):
    tap(flow, clock, "start")
    clock.advance(0.05)                     # the mouse event pygame synthesises from the same touch
    assert flow.touch("dept:stp") is None and flow.screen is Screen.DEPARTMENTS


def test_flow_after_confirmation_a_new_request_gets_a_new_id(flow, clock):
    _to_priority(flow, clock)
    first = tap(flow, clock, "priority:no")
    flow.issued({"ticket": {"label": "1001"}}, printed=True)
    tap(flow, clock, "done")
    _to_priority(flow, clock)
    second = tap(flow, clock, "priority:no")
    assert second.request_id != first.request_id
