"""The Vietnamese user guide served at /help, reachable from the console and the admin pages."""
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import screenshots_dir

from .helpers import open_console


def test_help_pages_render_the_guide_with_screenshots(centre):
    client = centre.app.test_client()
    index = client.get("/help/")
    assert index.status_code == 200 and "Hướng dẫn sử dụng motcua" in index.get_data(as_text=True)
    officer = client.get("/help/can-bo").get_data(as_text=True)
    assert "<table>" in officer and "Công dân đã đến hay không đến?" in officer
    images = re.findall(r'src="(/help/screenshots/[\w.-]+)"', officer)
    assert len(images) >= 5
    for src in images:
        got = client.get(src)
        assert got.status_code == 200 and got.mimetype == "image/png", src
    assert 'href="/help/quan-tri"' in index.get_data(as_text=True)     # links between pages work
    assert client.get("/help/../../etc/passwd").status_code == 404
    assert client.get("/help/screenshots/../../pyproject.toml").status_code == 404
    assert client.get("/help/khong-co").status_code == 404


@pytest.mark.browser
def test_help_link_from_the_console(live_centre, page):
    open_console(page, live_centre, counter=1)
    link = page.locator("#help")
    expect(link).to_have_attribute("href", "/help/can-bo")
    with page.context.expect_page() as guide:
        link.click()
    expect(guide.value.locator("h1")).to_have_text("Hướng dẫn cho cán bộ tại quầy")
    assert guide.value.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    guide.value.screenshot(path=str(screenshots_dir() / "help-can-bo.png"))
