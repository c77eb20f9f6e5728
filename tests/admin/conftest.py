"""Admin test helpers: a logged-in browserless client per role, and the admin library of a centre."""
from __future__ import annotations

import re

import pytest

from queue_server.auth import Principal, Role


def login_client(centre, username: str, password: str):
    """A Flask test client logged in through the real login form; returns (client, csrf)."""
    client = centre.app.test_client()
    page = client.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"username": username, "password": password, "csrf": csrf})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client, client.get("/api/me").get_json()["csrf"]      # a new token per login session


@pytest.fixture
def admin_client(centre):
    centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    return login_client(centre, "quantri", "matkhau-qt")


@pytest.fixture
def supervisor_client(centre):
    centre.officer("giamsat", "Trần Thị Giám", "matkhau-gs", role="supervisor")
    return login_client(centre, "giamsat", "matkhau-gs")


@pytest.fixture
def officer_client(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    return login_client(centre, "hoa", "matkhau1")


@pytest.fixture
def admin_lib(centre):
    return centre.app.extensions["motcua.admin"]


@pytest.fixture
def admin_principal(centre):
    return Principal("user", 99, Role.ADMIN, "Quản trị thử", centre.service.centre_id)


from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, new_page  # noqa: E402,F401  (shared page fixture)


def _running_browser():
    """The Chromium of tests/web's session fixture when it is already running in this process.

    Playwright's sync API allows one instance per thread, so a second launch while tests/web's
    session browser lives would fail ("Sync API inside the asyncio loop"): reuse that browser.
    """
    import gc

    from playwright.sync_api import Browser
    for obj in gc.get_objects():
        if isinstance(obj, Browser) and obj.is_connected():
            return obj
    return None


@pytest.fixture(scope="module")
def browser():
    """One headless Debian Chromium per admin test module (closed before tests/web starts its own)."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium or set MOTCUA_CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    running = _running_browser()
    if running is not None:
        yield running
        return
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()
