"""The hall page shows the admin's notice lines and applies a change live (config.changed)."""
import pytest

from ..helpers import SCREENSHOTS
from ..test_notice_lines import LUNCH, _admin
from .helpers import FULL_HD

pytestmark = pytest.mark.browser


def test_web_hall_notice_lines_follow_the_admin_settings(live_centre, new_page):
    set_notices = _admin(live_centre)
    set_notices(["Nộp hồ sơ đất đai tại quầy 22"])
    token = live_centre.device("tv-a", "display", group="A")
    page = new_page(FULL_HD)
    page.goto(f"{live_centre.url}/hall?notice=Wi-Fi: motcua-khach#token={token}")
    page.locator("#notice", has_text="quầy 22").wait_for()
    assert page.locator("#notice").text_content().endswith("Wi-Fi: motcua-khach")
    set_notices([LUNCH])
    page.locator("#notice", has_text="nghỉ trưa").wait_for()
    assert "quầy 22" not in page.locator("#notice").text_content()
    page.screenshot(path=f"{SCREENSHOTS}/display-web-hall-notices.png")
    set_notices([])
    page.goto(f"{live_centre.url}/hall#token={token}")
    page.locator(".row").first.wait_for()
    page.wait_for_function("document.getElementById('notice-bar').hidden")
