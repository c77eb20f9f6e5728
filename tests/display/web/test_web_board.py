"""The board page in a real Chromium: masked names, and live updates when a dossier changes."""
import pytest

from ..helpers import SCREENSHOTS
from .helpers import FULL_HD, push_dossier, push_status

pytestmark = pytest.mark.browser


def test_web_board_lists_masked_and_updates_live(live_centre, new_page):
    push_dossier(live_centre, "000.17.22.H56-261120-0001", "Nguyễn Văn An", status="result_ready")
    push_dossier(live_centre, "000.17.22.H56-261120-0002", "Trần Thị Bình", due_days=-2)
    push_dossier(live_centre, "000.17.22.H56-261120-0003", "Lê Hoàng Cường", due_days=5, department="cat")
    token = live_centre.device("tv-board", "display")
    page = new_page(FULL_HD)
    page.goto(f"{live_centre.url}/board#token={token}")
    ready = page.locator(".list.ready li .who")
    ready.first.wait_for()
    assert "Nguyễn V. A." in ready.first.text_content()
    assert "Trần T. B." in page.locator(".list.overdue li .who").first.text_content()
    html = page.content()
    assert "Nguyễn Văn An" not in html and "0912345678" not in html
    push_status(live_centre, "000.17.22.H56-261120-0003", "result_ready")
    page.locator(".list.ready .total", has_text="2").wait_for()
    assert page.locator(".list.ready li .who", has_text="Lê H. C.").count() == 1
    page.screenshot(path=f"{SCREENSHOTS}/display-web-board.png")
