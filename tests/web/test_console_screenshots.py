"""Screenshots of the login page and the console in use, at 1366×768.

Saved in a temporary folder; set MOTCUA_SCREENSHOTS=1 to refresh docs/screenshots/console-*.png:

    MOTCUA_SCREENSHOTS=1 .venv/bin/python -m pytest tests/web/test_console_screenshots.py
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import screenshots_dir

from .helpers import issue, login, open_console

pytestmark = pytest.mark.browser

@pytest.fixture
def shots():
    folder = screenshots_dir()

    def save(page, name):
        path = folder / f"console-{name}.png"
        page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000
        return path
    return save


def test_screenshots_login_and_console(live_centre, new_page, shots):
    page = new_page()
    live_centre.officer("hoa", "Lê Thị Hoa")
    login(page, live_centre, "hoa", "sai")
    expect(page.locator("#login-error")).to_be_visible()
    shots(page, "login")

    other = new_page()
    open_console(other, live_centre, "lan", "Trần Thị Lan", counter=3)
    page.fill("#password", "matkhau1")
    page.click("button[type=submit]")
    page.locator("body.is-online").wait_for()
    shots(page, "counters")

    page.click(".counter-card[data-counter='2']")
    for service, priority in [("stp-hotich", False), ("stp-lylich", False), ("stp-hotich", True),
                              ("stp-hotich", False), ("stp-lylich", False), ("stp-hotich", False)]:
        issue(live_centre, service, priority)
    expect(page.locator("#waiting-body tr")).to_have_count(6)
    page.keyboard.press("n")
    page.keyboard.press("r")
    expect(page.locator("#notice")).to_have_text("Đã gọi lại")
    page.locator("body:not(.is-busy)").wait_for()
    page.wait_for_timeout(300)
    shots(page, "desk")

    page.keyboard.press("t")
    page.select_option("#transfer-counter", "1")
    shots(page, "transfer")
    page.keyboard.press("Escape")
    expect(page.locator("#transfer-dialog")).to_be_hidden()

    page.keyboard.press("n")                          # the recalled number never came
    expect(page.locator("#arrival-dialog")).to_be_visible()
    shots(page, "arrival")
    page.keyboard.press("k")
    expect(page.locator("#absent-body tr")).to_have_count(1)
    page.locator("body:not(.is-busy)").wait_for()
    shots(page, "absent")

    page.keyboard.press("s")                          # the next one came
    expect(page.locator("#cur-status")).to_contain_text("Đang phục vụ")
    page.fill("#call-label", "9999")
    page.click("[data-action=call_number]")
    expect(page.locator("#error")).to_be_visible()
    shots(page, "error")
    page.click("#error-close")

    page.route("**/socket.io/**", lambda route: route.abort())
    page.evaluate("motcuaConsole.socket.io.engine.close()")
    expect(page.locator("#conn")).to_contain_text("Mất kết nối")
    shots(page, "offline")
    page.unroute("**/socket.io/**")

    tablet = new_page(viewport={"width": 800, "height": 1280})
    open_console(tablet, live_centre, "mai", "Phạm Thị Mai", counter=1)
    expect(tablet.locator("#waiting-body tr")).to_have_count(2)     # one more was called above
    shots(tablet, "tablet")
