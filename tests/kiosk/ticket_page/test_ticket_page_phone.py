"""The ticket QR's page `/t/<id>` on a phone: this ticket's status, live, and nothing about others."""
import urllib.request

import pytest

from queue_server.actions import perform
from queue_server.auth import Principal, Role
from tests.kiosk.app.conftest import open_counter
from tests.conftest import screenshots_dir

PHONE = {"width": 360, "height": 740}
SCREENSHOT = str(screenshots_dir() / "kiosk-ticket-page.png")


def _issue(centre, service_id="stp-hotich", priority=False):
    kiosk = Principal("device", 0, Role.KIOSK, "test kiosk", centre.service.centre_id)
    return perform(centre.service, kiosk, "issue_ticket", {"service_id": service_id, "priority": priority})


@pytest.fixture
def ticket_page_poll(monkeypatch):
    from queue_server.web import ticket_page
    monkeypatch.setattr(ticket_page, "POLL_SECONDS", 0.3)


def test_ticket_page_shows_number_place_and_wait(live_centre, new_page, ticket_page_poll):
    open_counter(live_centre, 1)
    first = _issue(live_centre)
    mine = _issue(live_centre)
    page = new_page(viewport=PHONE)
    page.goto(f"{live_centre.url}/t/{mine['ticket']['id']}")
    assert page.locator("#label").inner_text() == "1002"
    assert "Đang chờ đến lượt" in page.locator("#status").inner_text()
    assert page.locator("#ahead").inner_text() == "1"
    assert "Sở Tư pháp — Hộ tịch, quốc tịch" in page.locator("#service").inner_text()
    body = page.content()
    assert first["ticket"]["id"] not in body and "1001" not in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]     # no sideways scrolling
    page.screenshot(path=SCREENSHOT, full_page=True)


def test_ticket_page_updates_when_called(live_centre, new_page, ticket_page_poll):
    open_counter(live_centre, 1)
    mine = _issue(live_centre)
    page = new_page(viewport=PHONE)
    page.goto(f"{live_centre.url}/t/{mine['ticket']['id']}")
    officer = live_centre.service.auth.principal(live_centre.login_token("canbo1", "matkhau1"))
    perform(live_centre.service, officer, "call_next", {"counter": 1})
    page.locator("#status[data-status=called]").wait_for()
    assert "Mời quý ông/bà đến Quầy 1" in page.locator("#status").inner_text()
    assert page.locator("#ahead-row").is_hidden()


def test_ticket_page_unknown_ticket_is_404(live_centre):
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{live_centre.url}/t/not-a-ticket-id")
    assert info.value.code == 404 and "Không tìm thấy phiếu" in info.value.read().decode()
