"""End to end: every printer fault a person can cause is its own screen (citizen and staff text),
reaches the server as a device status within 10 s, and clears itself when the fault does."""
import time

import pytest

from hw.printer import fault_for
from kiosk.flow import Screen

from ..helpers import run_until, touch


def device_status(centre):
    device = centre.service.store.query("SELECT id FROM devices WHERE name = 'may-boc-so-1'")[0]["id"]
    return centre.service.accounts.device_status(device) or {}


FAULTS = [
    ("cover_open", lambda p: p.open_cover(), lambda p: p.close_cover()),
    ("paper_out", lambda p: p.set_paper_out(True), lambda p: p.set_paper_out(False)),
    ("offline", lambda p: p.set_offline(True), lambda p: p.set_offline(False)),
    ("feed_button", lambda p: p.press_feed(True), lambda p: p.press_feed(False)),
    ("cutter_error", lambda p: p.cutter_error(True), lambda p: p.cutter_error(False)),
    ("unrecoverable_error", lambda p: p.set_error("unrecoverable"), lambda p: p.set_error(None)),
    ("auto_recoverable_error", lambda p: p.set_error("auto_recoverable"), lambda p: p.set_error(None)),
    ("no_answer", lambda p: p.set_answering(False), lambda p: p.set_answering(True)),
    ("not_found", lambda p: p.unplug(), lambda p: p.plug()),
]


@pytest.mark.parametrize("state, inject, clear", FAULTS, ids=[f[0] for f in FAULTS])
def test_app_printer_fault_shown_reported_and_cleared(live_centre, kiosk, state, inject, clear):
    run_until(kiosk, lambda: device_status(live_centre).get("printer") == "online")
    inject(kiosk.printer)
    began = time.monotonic()
    run_until(kiosk, lambda: device_status(live_centre).get("printer") == state)
    assert time.monotonic() - began < 10
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.PRINTER_FAULT)
    texts = " ".join(w.text for w in kiosk.widgets)
    fault = fault_for(kiosk.printer_status)
    assert "lấy số ở máy khác" in texts and fault.message_vi in texts and fault.action_vi in texts
    assert not kiosk.tap_action("start")
    clear(kiosk.printer)
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.ATTRACT)
    run_until(kiosk, lambda: device_status(live_centre).get("printer") == "online")
    assert live_centre.service.store.count_tickets(live_centre.config.centre.id) == 0


def test_app_near_end_prints_but_is_reported(live_centre, kiosk):
    kiosk.printer.set_paper_near_end(True)
    run_until(kiosk, lambda: device_status(live_centre).get("printer") == "paper_near_end")
    assert kiosk.flow.screen is Screen.ATTRACT
    for action in ("start", "dept:stp", "service:stp-hotich", "priority:no"):
        touch(kiosk, action)
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.CONFIRMATION)
    assert kiosk.flow.session.result["printed"] is True


def test_app_english_fault_screen_says_what_to_do(live_centre, kiosk):
    kiosk.printer.open_cover()
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.PRINTER_FAULT)
    touch(kiosk, "lang")
    kiosk.render()
    texts = " ".join(w.text for w in kiosk.widgets)
    assert "another kiosk" in texts and "Close the printer cover" in texts
