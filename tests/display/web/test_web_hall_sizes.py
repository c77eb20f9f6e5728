"""The hall page and the dossier board on every common TV: 720p to 4K and a portrait screen.

The called number and the counter are never clipped (no ellipsis, no overflow), however long the
counter's name ("Quầy trả kết quả") and however many calls share the headline (issue #16).
"""
import pytest
from playwright.sync_api import expect

from ..helpers import SCREENSHOTS
from ..live import Officers
from .helpers import push_dossier

pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1366, 768), (1920, 1080), (3840, 2160), (1080, 1920)]

# Every element whose text must be shown whole, with the reason it could be cut.
WHOLE = "#title, .headline .number, .headline .to, #recent b, #recent span, .row .ticket"

FITS = """(selector) => Array.from(document.querySelectorAll(selector)).map(e => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return {text: e.textContent, cls: e.className,
            clipped: e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1
                     || s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth,
            outside: r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1 || r.top < -1,
            visible: r.width > 0 && r.height > 0};
})"""


def _calls(live_centre):
    """Three calls at once on long-named counters, then recent ones: the hardest headline."""
    officers = Officers(live_centre)
    officers.open(21, 22, 23, 1)
    for service in ("sct-chung", "stp-trakq", "buudien-chung", "stp-hotich"):
        officers.issue(service)
    for counter in (1, 21, 22, 23):
        officers.act("call_next", counter)


def _assert_whole(page, selector, width, height):
    items = page.evaluate(FITS, selector)
    assert items, selector
    bad = [i for i in items if i["visible"] and (i["clipped"] or i["outside"])]
    assert bad == [], f"{width}×{height}: cut or outside the screen: {bad}"


@pytest.mark.parametrize("width, height", SIZES)
def test_web_hall_number_and_counter_whole_at_every_size(live_centre, new_page, width, height):
    token = live_centre.device(f"tv-{width}", "display")
    page = new_page({"width": width, "height": height})
    page.goto(f"{live_centre.url}/hall#token={token}")
    page.locator("#counters .row").first.wait_for()
    _calls(live_centre)
    expect(page.locator(".headline .call")).to_have_count(4)
    expect(page.locator(".headline .to").filter(has_text="Quầy trả kết quả")).to_have_count(1)
    page.wait_for_timeout(300)
    _assert_whole(page, WHOLE, width, height)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth && "
                         "document.documentElement.scrollHeight <= innerHeight")
    page.screenshot(path=f"{SCREENSHOTS}/display-web-hall-{width}x{height}.png")


@pytest.mark.parametrize("width, height", SIZES)
def test_web_board_whole_at_every_size(live_centre, new_page, width, height):
    for n in range(12):
        push_dossier(live_centre, f"000.17.22.H56-2611{n:02}-0001", f"Nguyễn Văn An {n}", due_days=n % 3 - 1)
    token = live_centre.device(f"board-{width}", "display")
    page = new_page({"width": width, "height": height})
    page.goto(f"{live_centre.url}/board#token={token}")
    page.locator(".list li .who").first.wait_for()
    page.wait_for_timeout(300)
    _assert_whole(page, "#title, .list h2, .list .who span, .list .what", width, height)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth && "
                         "document.documentElement.scrollHeight <= innerHeight")
    page.screenshot(path=f"{SCREENSHOTS}/display-web-board-{width}x{height}.png")
