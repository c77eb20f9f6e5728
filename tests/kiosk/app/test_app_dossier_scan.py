"""End to end: a scanned receipt shows the dossier (masked name, no phone) and takes a result-return number."""
from datetime import datetime, timedelta

from kiosk.flow import Screen
from queue_server.dossier_service import DossierService

from ..helpers import decode_jobs, run_until, touch
from .conftest import open_counter

CODE = "000.17.22.H56-261120-0007"


def _push(centre, status):
    due = (datetime.now() + timedelta(days=3)).strftime("%d/%m/%Y")
    DossierService.of(centre.service).push({
        "code": CODE, "status": status, "procedure": "Cấp phiếu lý lịch tư pháp số 1", "department": "stp",
        "applicant_name": "Nguyễn Văn An", "applicant_phone": "0912345678", "due_at": due}, actor="test")


def test_app_scan_result_ready_issues_result_return_ticket(live_centre, kiosk):
    open_counter(live_centre, 22)                 # Quầy trả kết quả
    _push(live_centre, "result_ready")
    kiosk.scanner.scan(CODE)
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.DOSSIER)
    texts = " ".join(w.text for w in kiosk.widgets)
    assert "Nguyễn V*** A" in texts and "Đã có kết quả" in texts and "Sở Tư pháp" in texts
    assert "0912345678" not in texts and "Nguyễn Văn An" not in texts
    touch(kiosk, "take_result")
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.CONFIRMATION)
    ticket = live_centre.service.store.ticket(kiosk.flow.session.result["ticket"]["id"])
    assert ticket.service_id == "stp-trakq" and ticket.dossier_code == CODE and ticket.source.value == "dossier_scan"
    assert len(decode_jobs(bytes(kiosk.printer.sent))) == 1


def test_app_scan_in_progress_offers_no_ticket(live_centre, kiosk):
    _push(live_centre, "in_progress")
    kiosk.scanner.scan(CODE)
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.DOSSIER)
    assert not kiosk.tap_action("take_result")


def test_app_scan_unknown_dossier_then_garbage_show_messages(live_centre, kiosk):
    kiosk.scanner.scan("000.17.22.H56-261120-9999")
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.MESSAGE)
    assert kiosk.flow.session.message.body_vi
    touch(kiosk, "home")
    kiosk.scanner.scan("@@not a code@@")
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.MESSAGE)
    assert kiosk.flow.session.message.title == "scan_error_title"
    assert live_centre.service.store.count_tickets(live_centre.config.centre.id) == 0
