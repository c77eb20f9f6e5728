"""The hall page when the server cannot be reached: the offline mark shows, the last state stays,
and the page catches up by itself when the link is back."""
from urllib.parse import urlparse

import pytest

from ..helpers import SCREENSHOTS
from ..live import Officers
from ..proxy import TcpProxy
from .helpers import FULL_HD

pytestmark = pytest.mark.browser


def test_web_hall_offline_mark_and_recovery(live_centre, new_page):
    target = urlparse(live_centre.url)
    proxy = TcpProxy((target.hostname, target.port))
    officers = Officers(live_centre)
    officers.open(1, 2)
    officers.issue("stp-hotich", 3)
    officers.act("call_next", 1)
    token = live_centre.device("tv-a", "display", group="A")
    page = new_page(FULL_HD)
    try:
        page.goto(f"{proxy.url}/hall#token={token}")
        page.locator(".row[data-counter='1'] .ticket", has_text="1001").wait_for()
        assert page.locator("#offline").is_hidden()
        proxy.cut()
        page.locator("#offline").wait_for(state="visible")
        officers.act("call_next", 2)                         # made while the TV is cut off
        assert page.locator(".row[data-counter='1'] .ticket").text_content() == "1001"   # last state kept
        page.screenshot(path=f"{SCREENSHOTS}/display-web-hall-offline.png")
        proxy.restore()
        page.locator("#offline").wait_for(state="hidden", timeout=20_000)
        page.locator(".row[data-counter='2'] .ticket", has_text="1002").wait_for()
    finally:
        proxy.close()
