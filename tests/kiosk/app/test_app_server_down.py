"""End to end with a server process: killed → 'temporarily unavailable'; restarted → back, no duplicates."""
from hw.printer import FakePrinter
from hw.scanner import FakeScanner
from kiosk.app import KioskApp
from kiosk.config import load_kiosk_config
from kiosk.flow import Screen
from queue_server.config import load_config
from queue_server.setup import add_device
from queue_server.storage import Store

from ..helpers import decode_jobs, run_until, touch


def test_app_server_down_shows_offline_and_recovers(server_process):  # noqa: F811
    server_process.db.parent.mkdir(parents=True, exist_ok=True)
    store = Store(server_process.db)
    token = add_device(load_config(server_process.config), None, "may-boc-so-1", "kiosk", store=store)
    store.close()
    server_process.start()
    config = load_kiosk_config(server=server_process.url, token=token, require_open_counter=False)
    app = KioskApp(config, printer=FakePrinter(), scanner=FakeScanner(), headless=True)
    app.start()
    try:
        run_until(app, lambda: app.flow.screen is Screen.ATTRACT, 15)
        touch(app, "start")
        server_process.kill()
        run_until(app, lambda: app.flow.screen is Screen.OFFLINE, 15)
        assert "TẠM THỜI GIÁN ĐOẠN" in " ".join(w.text for w in app.widgets)
        assert not app.tap_action("dept:stp")
        server_process.start()
        run_until(app, lambda: app.flow.screen is Screen.ATTRACT, 30)
        for action in ("start", "dept:stp", "service:stp-hotich", "priority:no"):
            touch(app, action)
        run_until(app, lambda: app.flow.screen is Screen.CONFIRMATION, 15)
        assert app.flow.session.result["ticket"]["label"] == "1001"
        assert len(decode_jobs(bytes(app.printer.sent))) == 1
    finally:
        app.stop()
