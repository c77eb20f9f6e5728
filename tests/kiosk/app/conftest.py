"""A kiosk app with the fake printer and fake scanner, connected to a real server on loopback."""
import pytest

from hw.printer import FakePrinter
from hw.scanner import FakeScanner
from kiosk import app as kiosk_app
from kiosk.app import KioskApp
from kiosk.config import load_kiosk_config
from kiosk.flow import Screen
from queue_server.actions import perform

from ..helpers import run_until


def open_counter(centre, number: int = 1):
    """An officer logs in at a counter, so its departments are open."""
    username, password = centre.officer(f"canbo{number}", "Lê Thị Hoa", "matkhau1")
    principal = centre.service.auth.principal(centre.login_token(username, password))
    perform(centre.service, principal, "open_counter", {"counter": number})


@pytest.fixture
def make_kiosk(monkeypatch):
    monkeypatch.setattr(kiosk_app, "PRINTER_POLL_S", 0.1)
    apps = []

    def make(url: str, token: str, **options):
        config = load_kiosk_config(server=url, token=token, **options)
        app = KioskApp(config, printer=FakePrinter(), scanner=FakeScanner(), headless=True)
        app.start()
        apps.append(app)
        run_until(app, lambda: app.flow.screen is Screen.ATTRACT)
        return app

    yield make
    for app in apps:
        app.stop()


@pytest.fixture
def kiosk(live_centre, make_kiosk):
    open_counter(live_centre)
    return make_kiosk(live_centre.url, live_centre.device("may-boc-so-1", "kiosk"))
