"""End to end with the real serial backend (pyserial on a pty that answers like a TM-T20): the
printer unplugged is a fault screen and a device status, plugged back it is used again within
10 s, with no restart; a ticket touched while it is unplugged never leaves the kiosk waiting."""
import time

from hw.printer import open_printer
from hw.printer.doubles import PtyPrinter
from hw.scanner import FakeScanner
from kiosk.app import KioskApp
from kiosk.config import load_kiosk_config
from kiosk.flow import Screen

from ..helpers import decode_jobs, run_until, touch
from .conftest import open_counter
from .test_app_printer_states import device_status


def test_app_serial_printer_unplug_and_replug(live_centre, tmp_path, monkeypatch):
    from kiosk import app as kiosk_app
    monkeypatch.setattr(kiosk_app, "PRINTER_POLL_S", 0.2)
    open_counter(live_centre)
    double = PtyPrinter(tmp_path / "printer-kiosk", baudrate=2_000_000)
    config = load_kiosk_config(server=live_centre.url, token=live_centre.device("may-boc-so-1", "kiosk"))
    printer = open_printer({"backend": "serial", "device": str(double.path), "status_timeout_s": 0.3})
    kiosk = KioskApp(config, printer=printer, scanner=FakeScanner(), headless=True)
    kiosk.start()
    try:
        run_until(kiosk, lambda: device_status(live_centre).get("printer") == "online")
        for action in ("start", "dept:stp", "service:stp-hotich"):
            touch(kiosk, action)
        double.unplug()                                   # pulled while the citizen chooses
        touch(kiosk, "priority:no")
        run_until(kiosk, lambda: kiosk.flow.screen is Screen.PRINTER_FAULT)
        run_until(kiosk, lambda: device_status(live_centre).get("printer") == "not_found")
        kiosk.render()
        assert "Không kết nối được máy in" in " ".join(w.text for w in kiosk.widgets)
        assert live_centre.service.store.count_tickets(live_centre.config.centre.id) == 0
        time.sleep(1.0)                                   # a few failed reopens (backoff)
        double.plug()
        began = time.monotonic()
        run_until(kiosk, lambda: kiosk.flow.screen is Screen.ATTRACT)
        assert time.monotonic() - began < 10
        run_until(kiosk, lambda: device_status(live_centre).get("printer") == "online")
        for action in ("start", "dept:stp", "service:stp-hotich", "priority:no"):
            touch(kiosk, action)
        run_until(kiosk, lambda: kiosk.flow.screen is Screen.CONFIRMATION)
        assert kiosk.flow.session.result["printed"] is True
        run_until(kiosk, lambda: double.model.cuts == 1)
        assert len(decode_jobs(bytes(double.sent))) == 1
        assert kiosk.loops.summary() == "ok"
    finally:
        kiosk.stop()
        printer.close()
        double.unplug()
