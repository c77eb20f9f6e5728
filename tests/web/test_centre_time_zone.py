"""Every page shows times in the centre's time zone, whatever the viewing device's own (an
officer's laptop set to another zone, a citizen's phone abroad) (issue #16)."""
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from queue_server.actions import perform
from queue_server.auth import Principal, Role
from tests.admin.test_admin_browser import admin_page

pytestmark = pytest.mark.browser
CENTRE_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ELSEWHERE = "America/New_York"


def test_admin_dashboard_shows_device_contact_in_the_centres_zone(live_centre, new_page):
    token = live_centre.device("may-boc-so-2", "kiosk")
    device = live_centre.service.auth.principal(token)
    seen = datetime.now(CENTRE_TZ).replace(second=0, microsecond=0) - timedelta(hours=3)
    live_centre.service.accounts.touch_device(device.id, seen)
    page = admin_page(lambda: new_page(timezone_id=ELSEWHERE), live_centre)
    assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == ELSEWHERE
    row = page.locator("tr[data-device='may-boc-so-2']")
    expect(row).to_contain_text(seen.strftime("%H:%M %d/%m"))
    expect(row).to_contain_text("Mất liên lạc")                  # heard from once, quiet for 3 hours


def test_admin_dashboard_a_device_never_connected_is_not_lost(live_centre, new_page):
    live_centre.device("danh-gia-9", "terminal", counter=9)
    page = admin_page(new_page, live_centre)
    row = page.locator("tr[data-device='danh-gia-9']")
    expect(row).to_contain_text("Chưa kết nối")
    assert "Mất liên lạc" not in row.inner_text()


def test_ticket_page_updated_time_is_the_centres(live_centre, new_page):
    kiosk = Principal("device", 0, Role.KIOSK, "test kiosk", live_centre.service.centre_id)
    ticket = perform(live_centre.service, kiosk, "issue_ticket", {"service_id": "stp-hotich"})["ticket"]
    page = new_page(viewport={"width": 360, "height": 740}, timezone_id=ELSEWHERE)
    page.goto(f"{live_centre.url}/t/{ticket['id']}")
    expect(page.locator("#updated")).to_contain_text("Cập nhật lúc")
    shown = re.search(r"(\d\d):(\d\d)", page.locator("#updated").inner_text())
    now = datetime.now(CENTRE_TZ)
    assert shown and int(shown.group(1)) in {now.hour, (now - timedelta(minutes=1)).hour}, shown
