"""Closed hours, a department with no open counter, printer faults, lost connection."""
from kiosk.flow import IssueRequest, Message, Screen

from .conftest import tap

PAPER = Message("printer_title", "Máy in hết giấy", "Printer is out of paper")


def _issue(flow, clock):
    for action in ("start", "dept:stp", "service:stp-hotich"):
        tap(flow, clock, action)
    return tap(flow, clock, "priority:no")


def test_flow_server_closed_shows_closed_then_home(flow, clock):
    _issue(flow, clock)
    flow.issue_refused("closed", "Ngoài giờ làm việc", "Outside working hours")
    assert flow.screen is Screen.CLOSED and flow.pending is None
    clock.advance(8)
    flow.tick()
    assert flow.screen is Screen.ATTRACT


def test_flow_other_refusal_shows_server_message(flow, clock):
    _issue(flow, clock)
    flow.issue_refused("not_found", "Không tìm thấy dịch vụ", "No such service")
    assert flow.screen is Screen.MESSAGE and flow.session.message.body_vi == "Không tìm thấy dịch vụ"


def test_flow_department_without_open_counter_is_closed_for_the_day(flow, clock, live):
    for sid in ("stp-hotich", "stp-lylich", "stp-trakq"):
        live.services[sid]["open_counters"] = 0
    tap(flow, clock, "start")
    assert tap(flow, clock, "dept:stp") is None
    assert flow.screen is Screen.DEPT_CLOSED and flow.pending is None


def test_flow_open_counter_not_required_when_configured(make_flow, clock, live):
    flow = make_flow(require_open_counter=False)
    for sid in ("stp-hotich", "stp-lylich", "stp-trakq"):
        live.services[sid]["open_counters"] = 0
    assert isinstance(_issue(flow, clock), IssueRequest)


def test_flow_printer_fault_before_issue_issues_nothing(flow, clock):
    _issue(flow, clock)
    flow.printer_failed(PAPER)
    assert flow.screen is Screen.PRINTER_FAULT and flow.pending is None
    assert tap(flow, clock, "start") is None


def test_flow_printer_fault_blocks_new_requests_and_recovers(flow, clock):
    flow.set_printer(PAPER)
    assert flow.screen is Screen.PRINTER_FAULT
    flow.set_printer(None)
    assert flow.screen is Screen.ATTRACT


def test_flow_print_failure_after_issue_keeps_number_on_screen(flow, clock):
    _issue(flow, clock)
    flow.issued({"ticket": {"label": "1001"}}, printed=False)
    flow.set_printer(PAPER)
    assert flow.screen is Screen.CONFIRMATION and flow.session.result["printed"] is False
    tap(flow, clock, "done")
    assert flow.screen is Screen.PRINTER_FAULT


def test_flow_lost_connection_retries_same_request_on_reconnect(flow, clock):
    request = _issue(flow, clock)
    flow.issue_lost()
    assert flow.screen is Screen.OFFLINE
    retry = flow.set_connected(True)
    assert retry is request and flow.screen is Screen.ISSUING


def test_flow_stale_lost_request_is_dropped(flow, clock):
    _issue(flow, clock)
    flow.issue_lost()
    clock.advance(61)
    assert flow.set_connected(True) is None and flow.screen is Screen.ATTRACT and flow.pending is None


def test_flow_disconnect_shows_offline_and_ignores_touches(flow, clock):
    tap(flow, clock, "start")
    flow.set_connected(False)
    assert flow.screen is Screen.OFFLINE and tap(flow, clock, "dept:stp") is None
    flow.set_connected(True)
    assert flow.screen is Screen.ATTRACT
