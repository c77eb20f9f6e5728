"""Two officers at once: a counter held by one is refused to the other; each sees the other live."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import issue, open_console

pytestmark = pytest.mark.browser


def test_officers_counter_held_by_another_is_refused(live_centre, new_page):
    hoa, lan = new_page(), new_page()
    open_console(hoa, live_centre, "hoa", "Lê Thị Hoa", counter=1)
    open_console(lan, live_centre, "lan", "Trần Thị Lan")
    card = lan.locator(".counter-card[data-counter='1']")
    expect(card).to_contain_text("Đang làm việc: Lê Thị Hoa")
    card.click()
    expect(lan.locator("#error-vi")).to_have_text("Quầy 1 đang có cán bộ Lê Thị Hoa làm việc")
    expect(lan.locator("#error-en")).to_have_text("Counter 1 is in use by Lê Thị Hoa")
    expect(lan.locator("#picker")).to_be_visible()
    assert live_centre.service.engine.state.counters[1].officer_name == "Lê Thị Hoa"


def test_officers_cannot_act_at_anothers_counter_through_the_socket(live_centre, new_page):
    hoa, lan = new_page(), new_page()
    open_console(hoa, live_centre, "hoa", "Lê Thị Hoa", counter=1)
    open_console(lan, live_centre, "lan", "Trần Thị Lan", counter=2)
    issue(live_centre)
    reply = lan.evaluate("motcuaConsole.socket.emitWithAck('call_next', {counter: 1})")
    assert reply["ok"] is False
    assert reply["error"]["message"] == "Bạn không đăng nhập tại quầy 1"


def test_officers_see_each_others_changes_live(live_centre, new_page):
    hoa, lan = new_page(), new_page()
    open_console(hoa, live_centre, "hoa", "Lê Thị Hoa", counter=1)
    open_console(lan, live_centre, "lan", "Trần Thị Lan")
    expect(lan.locator(".counter-card[data-counter='1']")).to_contain_text("Lê Thị Hoa")
    lan.click(".counter-card[data-counter='2']")
    lan.locator("#desk").wait_for()                # as open_console does: counter 2 is open
    first, second = issue(live_centre), issue(live_centre)
    for page in (hoa, lan):  # both counters serve stp-hotich
        expect(page.locator("#waiting-body tr")).to_have_count(2)
    hoa.keyboard.press("n")
    expect(hoa.locator("#cur-number")).to_have_text(first)
    expect(lan.locator("#waiting-body tr")).to_have_count(1)
    expect(lan.locator("#waiting-body tr").first).to_contain_text(second)
    expect(hoa.locator("[data-action=transfer]")).to_be_enabled()
    hoa.keyboard.press("t")
    hoa.select_option("#transfer-counter", "2")
    hoa.click("#transfer-ok")
    rows = lan.locator("#waiting-body tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(first)  # keeps its place in the queue
    expect(rows.first).to_contain_text("chuyển riêng cho quầy này")
    expect(hoa.locator("#waiting-body tr")).to_have_count(1)  # sent to counter 2 only
    lan.keyboard.press("n")
    expect(lan.locator("#cur-number")).to_have_text(first)
    expect(lan.locator("#cur-status")).to_contain_text("được chuyển đến")
