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


def issuing(flow, clock):
    for action in ("start", "dept:stp", "service:stp-hotich"):
        tap(flow, clock, action)
    return tap(flow, clock, "priority:no")


def test_flow_issuing_times_out_with_a_message_and_a_way_back(flow, clock):
    request = issuing(flow, clock)
    clock.advance(14)
    flow.tick()
    assert flow.screen is Screen.ISSUING
    clock.advance(2)
    flow.tick()
    assert flow.screen is Screen.MESSAGE and "Chưa cấp số" in flow.session.message.body_vi
    flow.printing({"ticket": {"label": "1001"}}, request)          # a late answer shows nothing
    assert flow.screen is Screen.MESSAGE and flow.pending is None
    clock.advance(8)
    flow.tick()
    assert flow.screen is Screen.ATTRACT


def test_flow_printing_times_out_showing_the_number_once(flow, clock):
    request = issuing(flow, clock)
    result = {"ticket": {"label": "1001", "service_id": "stp-hotich"}}
    flow.printing(result, request)
    assert flow.screen is Screen.PRINTING
    clock.advance(21)
    flow.tick()
    assert flow.screen is Screen.CONFIRMATION and flow.session.result["printed"] is False
    tap(flow, clock, "done")
    flow.issued(result, True, request)                               # the print ended late
    assert flow.screen is Screen.ATTRACT


def test_flow_looking_up_times_out(flow, clock):
    from hw.codes import CodeConfig
    from hw.scanner.base import make_scan
    flow.scan(make_scan("000.17.22.H56-261120-0007", CodeConfig()))
    assert flow.screen is Screen.LOOKING_UP
    clock.advance(11)
    flow.tick()
    assert flow.screen is Screen.MESSAGE
    flow.dossier_found({"code": "x"})                                 # late: ignored
    assert flow.screen is Screen.MESSAGE


def test_flow_every_waiting_screen_has_a_timeout(flow):
    from kiosk.flow import BUSY
    for screen in BUSY:
        flow.screen = screen
        assert flow._timeout() is not None, screen
