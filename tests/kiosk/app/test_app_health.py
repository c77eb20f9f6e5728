"""The app's health in device_status names the failing part (a printer backend that raises
something unforeseen), and says "ok" again when it works; the screen never freezes meanwhile."""
from hw.printer import FakePrinter
from hw.scanner import FakeScanner
from kiosk.app import KioskApp
from kiosk.config import load_kiosk_config
from kiosk.flow import Screen

from ..helpers import run_until
from .test_app_printer_states import device_status


class BrokenBackend(FakePrinter):
    """A backend with a bug: its status raises a bare error while ``broken``."""

    broken = False

    def status(self):
        if self.broken:
            raise RuntimeError("backend bug")
        return super().status()


def test_app_failing_loop_is_reported_and_recovers(live_centre, monkeypatch):
    from kiosk import app as kiosk_app
    monkeypatch.setattr(kiosk_app, "PRINTER_POLL_S", 0.1)
    config = load_kiosk_config(server=live_centre.url, token=live_centre.device("may-boc-so-1", "kiosk"),
                               require_open_counter=False)
    printer = BrokenBackend()
    kiosk = KioskApp(config, printer=printer, scanner=FakeScanner(), headless=True)
    kiosk.start()
    try:
        run_until(kiosk, lambda: device_status(live_centre).get("app") == "ok")
        printer.broken = True
        run_until(kiosk, lambda: device_status(live_centre).get("app")
                  == "printer_monitor failing: RuntimeError")
        assert kiosk.loops.health["status_report"] == "ok" and kiosk.flow.screen is Screen.ATTRACT
        printer.broken = False
        printer.open_cover()                            # the monitor works again and sees the cover
        run_until(kiosk, lambda: device_status(live_centre).get("printer") == "cover_open")
        run_until(kiosk, lambda: device_status(live_centre).get("app") == "ok")
    finally:
        kiosk.stop()


def test_app_scanner_unplugged_reaches_the_dashboard_and_clears(live_centre, monkeypatch):
    """Issue #14: "scanner unplugged" is a state the admins see within 10 s, cleared on replug."""
    from kiosk import app as kiosk_app
    monkeypatch.setattr(kiosk_app, "PRINTER_POLL_S", 0.1)
    config = load_kiosk_config(server=live_centre.url, token=live_centre.device("may-boc-so-1", "kiosk"),
                               require_open_counter=False)
    scanner = FakeScanner()
    kiosk = KioskApp(config, printer=FakePrinter(), scanner=scanner, headless=True)
    kiosk.start()
    try:
        run_until(kiosk, lambda: device_status(live_centre).get("scanner") == "connected")
        scanner.unplug()
        run_until(kiosk, lambda: device_status(live_centre).get("scanner") not in (None, "connected"), timeout=10)
        scanner.plug()
        run_until(kiosk, lambda: device_status(live_centre).get("scanner") == "connected", timeout=10)
        assert kiosk.flow.screen is Screen.ATTRACT
    finally:
        kiosk.stop()
