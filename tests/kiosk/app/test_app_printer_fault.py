"""End to end: paper out / unplugged printer: said on screen, reported to the server, no ticket, recovery."""
from kiosk.flow import Screen

from ..helpers import run_until, touch


def _printer_status(centre):
    device = centre.service.store.query("SELECT id FROM devices WHERE name = 'may-boc-so-1'")[0]["id"]
    return centre.service.accounts.device_status(device).get("printer")


def test_app_paper_out_shows_fault_reports_it_and_recovers(live_centre, kiosk):
    run_until(kiosk, lambda: _printer_status(live_centre) == "online")
    kiosk.printer.set_paper_out(True)
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.PRINTER_FAULT)
    assert "hết giấy" in " ".join(w.text for w in kiosk.widgets)
    run_until(kiosk, lambda: _printer_status(live_centre) == "paper_out")
    assert not kiosk.tap_action("start")
    kiosk.printer.set_paper_out(False)
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.ATTRACT)
    run_until(kiosk, lambda: _printer_status(live_centre) == "online")
    assert live_centre.service.store.count_tickets(live_centre.config.centre.id) == 0


def test_app_printer_unplugged_during_choice_issues_nothing(live_centre, kiosk):
    for action in ("start", "dept:stp", "service:stp-hotich"):
        touch(kiosk, action)
    kiosk.printer.unplug()
    touch(kiosk, "priority:no")
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.PRINTER_FAULT)
    assert live_centre.service.store.count_tickets(live_centre.config.centre.id) == 0
    kiosk.printer.plug()
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.ATTRACT)


def test_app_print_failure_after_issue_shows_number(live_centre, kiosk, monkeypatch):
    for action in ("start", "dept:stp", "service:stp-hotich"):
        touch(kiosk, action)
    real_print = kiosk.printer.print_ticket

    def jam(ticket):
        kiosk.printer.set_paper_out(True)        # the roll ran out between the check and the job
        real_print(ticket)

    monkeypatch.setattr(kiosk.printer, "print_ticket", jam)
    touch(kiosk, "priority:no")
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.CONFIRMATION)
    assert kiosk.flow.session.result["printed"] is False
    texts = " ".join(w.text for w in kiosk.widgets)
    assert "1001" in texts and "ghi nhớ số" in texts
