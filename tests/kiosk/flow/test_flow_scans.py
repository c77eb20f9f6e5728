"""Scans: dossier receipt → lookup → status → result-return ticket; CCCD; garbage."""
from hw.codes import CodeConfig
from hw.scanner.base import make_scan
from kiosk.flow import IssueRequest, Lookup, Screen

from .conftest import tap

CODE = "000.17.22.H56-261120-0007"
CCCD = "001052001234|012345678|Nguyễn Văn An|{birth}|Nam|Hà Nội|01012021"


def scan(flow, text):
    return flow.scan(make_scan(text, CodeConfig()))


def test_flow_dossier_scan_looks_up_then_shows_status(flow):
    effect = scan(flow, CODE)
    assert effect == Lookup(CODE) and flow.screen is Screen.LOOKING_UP
    flow.dossier_found({"code": CODE, "status": "in_progress", "department_id": "stp"})
    assert flow.screen is Screen.DOSSIER


def test_flow_result_ready_takes_result_return_ticket(flow, clock):
    scan(flow, CODE)
    flow.dossier_found({"code": CODE, "status": "result_ready", "department_id": "stp"})
    effect = tap(flow, clock, "take_result")
    assert isinstance(effect, IssueRequest)
    assert effect.payload()["service_id"] == "stp-trakq"
    assert effect.source == "dossier_scan" and effect.dossier_code == CODE


def test_flow_result_not_ready_offers_no_ticket(flow, clock):
    scan(flow, CODE)
    flow.dossier_found({"code": CODE, "status": "in_progress", "department_id": "stp"})
    assert tap(flow, clock, "take_result") is None and flow.screen is Screen.DOSSIER


def test_flow_unknown_dossier_shows_message(flow):
    scan(flow, CODE)
    flow.lookup_failed("Không tìm thấy hồ sơ", "Dossier not found")
    assert flow.screen is Screen.MESSAGE and flow.session.message.body_vi == "Không tìm thấy hồ sơ"


def test_flow_garbled_scan_shows_reason_then_home(flow, clock):
    assert scan(flow, "%%garbage%%") is None
    assert flow.screen is Screen.MESSAGE and flow.session.message.title == "scan_error_title"
    clock.advance(9)
    flow.tick()
    assert flow.screen is Screen.ATTRACT


def test_flow_cccd_aged_60_is_offered_priority_and_card_is_not_kept(make_flow, clock):
    flow = make_flow(citizen_id_scan=True, ask_priority=False)
    scan(flow, CCCD.format(birth="23111966"))          # 60 today (2026-11-23)
    assert flow.screen is Screen.DEPARTMENTS and flow.session.priority_offered is True
    assert "Nguyễn" not in repr(vars(flow.session)) and "001052001234" not in repr(vars(flow.session))
    tap(flow, clock, "dept:stp")
    tap(flow, clock, "service:stp-hotich")
    assert flow.screen is Screen.PRIORITY


def test_flow_cccd_under_60_gets_no_offer(make_flow):
    flow = make_flow(citizen_id_scan=True)
    scan(flow, CCCD.format(birth="24111966"))          # 60 tomorrow
    assert flow.session.priority_offered is False


def test_flow_cccd_refused_when_not_enabled(flow):
    scan(flow, CCCD.format(birth="01011950"))
    assert flow.screen is Screen.MESSAGE


def test_flow_scan_ignored_while_issuing(flow, clock):
    for action in ("start", "dept:stp", "service:stp-hotich", "priority:no"):
        tap(flow, clock, action)
    assert scan(flow, CODE) is None and flow.screen is Screen.ISSUING
