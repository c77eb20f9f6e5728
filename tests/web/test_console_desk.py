"""Working a counter: the waiting list, calling, recall, absent, transfer, finish, pause."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import issue, open_console

pytestmark = pytest.mark.browser


def counter_state(centre, number):
    return centre.service.engine.state.counters[number]


def test_desk_opens_counter_and_shows_where(live_centre, page):
    open_console(page, live_centre, counter=2)
    expect(page.locator("#where")).to_contain_text("Quầy 2")
    assert counter_state(live_centre, 2).officer_name == "Lê Thị Hoa"
    expect(page.locator("#cur-number")).to_have_text("—")
    expect(page.locator("[data-action=call_next]")).to_be_disabled()
    expect(page.locator("#waiting-empty")).to_be_visible()


def test_desk_ticket_issued_meanwhile_appears_live(live_centre, page):
    open_console(page, live_centre, counter=2)
    first = issue(live_centre, "stp-hotich")
    second = issue(live_centre, "stp-lylich", priority=True)
    issue(live_centre, "stc-dkkd")  # another counter's service: not listed here
    rows = page.locator("#waiting-body tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(second)  # priority first
    expect(rows.nth(0)).to_contain_text("★ Ưu tiên")
    expect(rows.nth(0)).to_contain_text("Lý lịch tư pháp")
    expect(rows.nth(1)).to_contain_text(first)
    expect(rows.nth(1)).to_contain_text("< 1 phút")
    expect(page.locator("#count-waiting")).to_have_text("2")


def test_desk_call_next_by_click_then_by_keyboard(live_centre, page):
    open_console(page, live_centre, counter=1)
    first, second = issue(live_centre), issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(2)
    page.click("[data-action=call_next]")
    expect(page.locator("#cur-number")).to_have_text(first)
    expect(page.locator("#cur-status")).to_contain_text("Đang gọi")
    expect(page.locator("#cur-service")).to_contain_text("Hộ tịch, quốc tịch")
    expect(page.locator("#cur-service")).to_contain_text("Sở Tư pháp")
    expect(page.locator("#notice")).to_have_text(f"Đã gọi số {first}")
    page.keyboard.press("n")                      # the first was never started: came or not?
    expect(page.locator("#arrival-dialog")).to_be_visible()
    expect(page.locator("#arrival-label")).to_have_text(first)
    page.keyboard.press("Enter")                  # came: served
    expect(page.locator("#cur-number")).to_have_text(second)
    expect(page.locator("#count-served")).to_have_text("1")
    expect(page.locator("#waiting-body tr")).to_have_count(0)


def test_desk_space_calls_next(live_centre, page):
    open_console(page, live_centre, counter=1)
    label = issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("Space")
    expect(page.locator("#cur-number")).to_have_text(label)


def test_desk_absent_only_after_recall(live_centre, page):
    open_console(page, live_centre, counter=1)
    label = issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    expect(page.locator("#cur-number")).to_have_text(label)
    absent = page.locator("[data-action=absent]")
    expect(absent).to_be_disabled()
    page.keyboard.press("a")  # refused, and the officer is told why
    expect(page.locator("#error-vi")).to_have_text("Cần gọi lại 1 lần trước khi đánh dấu vắng mặt (bấm R)")
    expect(page.locator("#cur-number")).to_have_text(label)
    page.keyboard.press("Escape")
    page.click("[data-action=recall]")
    expect(page.locator("#cur-status")).to_contain_text("đã gọi lại 1 lần")
    expect(absent).to_be_enabled()
    page.keyboard.press("a")
    expect(page.locator("#cur-number")).to_have_text("—")
    expect(page.locator("#count-absent")).to_have_text("1")
    assert live_centre.service.engine.state.tickets and all(
        t.status.value == "absent" for t in live_centre.service.engine.state.tickets.values())


def test_desk_call_absent_number_again(live_centre, page):
    open_console(page, live_centre, counter=1)
    label = issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    expect(page.locator("#cur-number")).to_have_text(label)
    page.keyboard.press("r")
    expect(page.locator("[data-action=absent]")).to_be_enabled()
    page.keyboard.press("a")
    expect(page.locator("#cur-number")).to_have_text("—")
    page.keyboard.press("g")
    page.keyboard.type(label)
    page.keyboard.press("Enter")
    expect(page.locator("#cur-number")).to_have_text(label)
    expect(page.locator("#call-label")).to_have_value("")


def test_desk_call_unknown_number_shows_error(live_centre, page):
    open_console(page, live_centre, counter=1)
    page.fill("#call-label", "9999")
    page.click("[data-action=call_number]")
    expect(page.locator("#error-vi")).to_have_text("Không tìm thấy số thứ tự đang chờ 9999")
    expect(page.locator("#error-en")).to_have_text("waiting ticket 9999 not found")
    page.click("#error-close")
    expect(page.locator("#error")).to_be_hidden()


def test_desk_start_then_finish_with_enter(live_centre, page):
    open_console(page, live_centre, counter=1)
    label = issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    expect(page.locator("#cur-number")).to_have_text(label)
    page.keyboard.press("s")
    expect(page.locator("#cur-status")).to_contain_text("Đang phục vụ")
    expect(page.locator("[data-action=recall]")).to_be_disabled()
    page.keyboard.press("Enter")
    expect(page.locator("#cur-number")).to_have_text("—")
    expect(page.locator("#count-served")).to_have_text("1")
    expect(page.locator("#notice")).to_have_text("Đã hoàn thành")


def test_desk_finish_by_click(live_centre, page):
    open_console(page, live_centre, counter=1)
    issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.click("[data-action=call_next]")
    page.click("[data-action=finish]")  # waits until enabled
    expect(page.locator("#count-served")).to_have_text("1")
    expect(page.locator("[data-action=finish]")).to_be_disabled()


def test_desk_transfer_to_another_counter(live_centre, page):
    open_console(page, live_centre, counter=2)
    label = issue(live_centre, "stp-lylich")
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    expect(page.locator("#cur-number")).to_have_text(label)
    page.keyboard.press("t")
    dialog = page.locator("#transfer-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#transfer-label")).to_have_text(label)
    page.click("#transfer-ok")  # nothing chosen yet
    expect(page.locator("#transfer-error")).to_contain_text("Chọn dịch vụ hoặc quầy")
    page.select_option("#transfer-service", "stc-dkkd")
    page.select_option("#transfer-counter", "3")
    page.click("#transfer-ok")
    expect(dialog).to_be_hidden()
    expect(page.locator("#cur-number")).to_have_text("—")
    expect(page.locator("#notice")).to_have_text("Đã chuyển")
    ticket = next(iter(live_centre.service.engine.state.tickets.values()))
    assert (ticket.status.value, ticket.service_id, ticket.target_counter) == ("waiting", "stc-dkkd", 3)


def test_desk_transfer_refused_shows_server_message(live_centre, page):
    open_console(page, live_centre, counter=2)
    issue(live_centre, "stp-lylich")
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    expect(page.locator("[data-action=transfer]")).to_be_enabled()
    page.keyboard.press("t")
    page.select_option("#transfer-service", "stp-lylich")
    page.select_option("#transfer-counter", "1")  # counter 1 serves only stp-hotich
    page.click("#transfer-ok")
    expect(page.locator("#error-vi")).to_have_text("Quầy 1 không phục vụ dịch vụ này")
    expect(page.locator("#cur-number")).not_to_have_text("—")


def test_desk_transfer_dialog_escape_cancels(live_centre, page):
    open_console(page, live_centre, counter=1)
    label = issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    page.keyboard.press("t")
    expect(page.locator("#transfer-dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#transfer-dialog")).to_be_hidden()
    expect(page.locator("#cur-number")).to_have_text(label)


def test_desk_pause_and_resume(live_centre, page):
    open_console(page, live_centre, counter=1)
    issue(live_centre)
    pause = page.locator("[data-action=pause_toggle]")
    expect(pause).to_contain_text("Tạm nghỉ")
    page.keyboard.press("p")
    expect(pause).to_contain_text("Tiếp tục")
    expect(page.locator("#cur-service")).to_contain_text("Quầy đang tạm nghỉ")
    expect(page.locator("[data-action=call_next]")).to_be_disabled()
    assert counter_state(live_centre, 1).status.value == "paused"
    pause.click()
    expect(pause).to_contain_text("Tạm nghỉ")
    expect(page.locator("[data-action=call_next]")).to_be_enabled()
    assert counter_state(live_centre, 1).status.value == "open"


def test_desk_pause_disabled_while_a_ticket_is_called(live_centre, page):
    open_console(page, live_centre, counter=1)
    issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    expect(page.locator("[data-action=pause_toggle]")).to_be_disabled()
    expect(page.locator("#leave")).to_be_disabled()


def test_desk_leave_counter_returns_to_picker(live_centre, page):
    open_console(page, live_centre, counter=1)
    page.click("#leave")
    expect(page.locator("#picker")).to_be_visible()
    expect(page.locator(".counter-card[data-counter='1']")).to_contain_text("Trống")
    assert counter_state(live_centre, 1).status.value == "closed"


def test_desk_reload_returns_to_the_held_counter(live_centre, page):
    open_console(page, live_centre, counter=2)
    label = issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    expect(page.locator("#cur-number")).to_have_text(label)
    page.reload()
    expect(page.locator("#cur-number")).to_have_text(label)
    expect(page.locator("#where")).to_contain_text("Quầy 2")


def test_desk_escape_closes_the_error(live_centre, page):
    open_console(page, live_centre, counter=1)
    page.fill("#call-label", "9999")
    page.press("#call-label", "Enter")
    expect(page.locator("#error")).to_be_visible()
    page.keyboard.press("Escape")  # also leaves the text box
    expect(page.locator("#call-label")).not_to_be_focused()
    expect(page.locator("#error")).to_be_hidden()


def test_desk_did_not_come_goes_to_the_absent_list_and_back(live_centre, page):
    open_console(page, live_centre, counter=1)
    first, second = issue(live_centre), issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(2)
    page.keyboard.press("n")
    expect(page.locator("#cur-number")).to_have_text(first)
    page.keyboard.press("r")
    expect(page.locator("#cur-status")).to_contain_text("đã gọi lại 1 lần")
    page.keyboard.press("n")
    expect(page.locator("#arrival-dialog")).to_be_visible()
    page.keyboard.press("k")                      # did not come: absent, the next is called
    expect(page.locator("#cur-number")).to_have_text(second)
    expect(page.locator("#notice")).to_have_text(f"Số {first} vắng mặt. Đã gọi số {second}")
    expect(page.locator("#count-served")).to_have_text("0")
    expect(page.locator("#count-absent")).to_have_text("1")
    rows = page.locator("#absent-body tr")
    expect(rows).to_have_count(1)
    expect(rows.nth(0)).to_contain_text(first)
    page.keyboard.press("s")                      # the second arrived
    rows.nth(0).locator("button").click()         # call the first back: the second was served
    expect(page.locator("#cur-number")).to_have_text(first)
    expect(page.locator("#absent-body tr")).to_have_count(0)
    expect(page.locator("#count-served")).to_have_text("1")


def test_desk_arrival_question_escape_changes_nothing(live_centre, page):
    open_console(page, live_centre, counter=1)
    first = issue(live_centre)
    issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(2)
    page.keyboard.press("n")
    page.keyboard.press("n")
    expect(page.locator("#arrival-dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#arrival-dialog")).to_be_hidden()
    expect(page.locator("#cur-number")).to_have_text(first)


def test_desk_recall_past_the_maximum_says_absent(live_centre, page):
    open_console(page, live_centre, counter=1)
    label = issue(live_centre)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    page.keyboard.press("n")
    expect(page.locator("#cur-number")).to_have_text(label)
    for n in range(1, 4):
        page.keyboard.press("r")
        expect(page.locator("#cur-status")).to_contain_text(f"đã gọi lại {n} lần")
    page.keyboard.press("r")
    expect(page.locator("#notice")).to_have_text(f"Đã gọi lại quá 3 lần: số {label} được đánh dấu vắng mặt")
    expect(page.locator("#cur-number")).to_have_text("—")
