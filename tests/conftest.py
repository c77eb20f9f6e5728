"""Shared fixtures: a demo config, an in-process app, and a real server on a loopback port."""
from __future__ import annotations

import os
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from queue_server.app import NoDelayRequestHandler, create_app  # noqa: E402
from queue_server.clock import FakeClock  # noqa: E402
from queue_server.config import DEMO_CONFIG, Hours, load_config  # noqa: E402
from queue_server.setup import add_device, add_user  # noqa: E402

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def screenshots_dir() -> Path:
    """Where tests save screenshots: docs/screenshots with MOTCUA_SCREENSHOTS=1 (to refresh the
    docs), else a temporary folder, so running the suite never rewrites tracked files."""
    folder = DOCS_SCREENSHOTS if os.environ.get("MOTCUA_SCREENSHOTS") else Path(tempfile.gettempdir()) / "motcua-shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
def wait_until(condition, timeout: float = 10.0) -> float:
    """Poll `condition()` until it holds and return the seconds it took; fail after `timeout`."""
    start = time.monotonic()
    while time.monotonic() < start + timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


MONDAY_8AM = datetime(2026, 11, 23, 8, 0, tzinfo=TZ)


@pytest.fixture(scope="session")
def demo_config():
    return load_config(DEMO_CONFIG)


@pytest.fixture
def clock():
    return FakeClock(MONDAY_8AM)


@dataclass
class Centre:
    """A server under test with helpers to make accounts."""

    app: object
    config: object
    clock: FakeClock
    url: str = ""

    @property
    def service(self):
        return self.app.extensions["motcua"]

    def officer(self, username: str = "hoa", name: str = "Lê Thị Hoa", password: str = "matkhau1", role="officer"):
        add_user(self.config, None, username, name, role, password, store=self.service.store)
        return username, password

    def device(self, name: str, role: str, counter: int | None = None, group: str | None = None) -> str:
        return add_device(self.config, None, name, role, counter=counter, display_group=group,
                          store=self.service.store)

    def login_token(self, username: str, password: str) -> str:
        token, _ = self.service.auth.login(username, password)
        return token


@pytest.fixture
def centre(tmp_path, demo_config, clock):
    """An in-process app (Flask test client / Socket.IO test client)."""
    app = create_app(demo_config, tmp_path / "centre.db", clock=clock, secret="test-secret")
    yield Centre(app, demo_config, clock)
    app.extensions["motcua"].store.close()


@pytest.fixture
def server_process(tmp_path):
    """`motcua server` as a real process (demo centre, hours not enforced), to stop or kill."""
    from tests.queue_server.process.conftest import ServerProcess
    config = tmp_path / "centre.toml"
    config.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace("enforce = true", "enforce = false"),
                      encoding="utf-8")
    server = ServerProcess(config, tmp_path / "data" / "centre.db")
    yield server
    server.stop()


@pytest.fixture
def always_open_config(demo_config):
    """The demo centre with opening hours not enforced, for tests that run at any hour."""
    return demo_config.model_copy(update={"hours": Hours(enforce=False)})


@pytest.fixture
def live_centre(tmp_path, always_open_config):
    """A real server on a loopback port, serving the demo centre with the system clock."""
    from werkzeug.serving import make_server

    app = create_app(always_open_config, tmp_path / "centre.db", secret="test-secret")
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=NoDelayRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Centre(app, always_open_config, None, url=f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    app.extensions["motcua"].store.close()


# -- browser tests: one headless Debian Chromium per test session, a fresh context per page ------
# Playwright's own browser download is not used (`playwright install` cannot run here); the tests
# drive /usr/bin/chromium (or $MOTCUA_CHROMIUM) and skip cleanly when it is missing. Playwright's
# sync API allows one instance per thread, so every browser test shares this session fixture.

CHROMIUM = Path(os.environ.get("MOTCUA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=vi-VN"]
VIEWPORT = {"width": 1366, "height": 768}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium or set MOTCUA_CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (separate cookies: separate officers).

    Any uncaught JavaScript error on a page fails the test.
    """
    contexts, errors = [], []

    def make(viewport=VIEWPORT, timezone_id="Asia/Ho_Chi_Minh"):
        context = browser.new_context(viewport=viewport, locale="vi-VN", timezone_id=timezone_id)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def page(new_page):
    return new_page()
