"""The admin pages in Debian Chromium: log in, change a counter's services and see it live,
create a device (token shown once), pair and revoke it, read the audit log."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.helpers import issue, login, open_console

pytestmark = pytest.mark.browser


def admin_page(new_page, centre, path="/admin/", create=True):
    """An administrator's page, reached through /login?next=..."""
    if create:
        centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    page = new_page()
    page.goto(centre.url + path)
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.fill("#username", "quantri")
    page.fill("#password", "matkhau-qt")
    page.click("button[type=submit]")
    page.wait_for_url(centre.url + path)
    return page


def test_admin_counter_services_change_shows_live_and_calls(live_centre, new_page):
    dashboard = admin_page(new_page, live_centre)
    expect(dashboard.locator("#live")).to_have_text("Trực tiếp")
    card = dashboard.locator(".counter[data-counter='1'] .c-services")
    expect(card).to_have_attribute("data-services", "stp-hotich")
    console = open_console(new_page(), live_centre, counter=1)
    label = issue(live_centre, "stp-lylich")                 # counter 1 does not serve it yet

    editor = dashboard.context.new_page()
    editor.goto(live_centre.url + "/admin/counters")
    form = editor.locator("#counter-1")
    form.locator("summary").click()                           # one line per counter: open it to edit
    form.locator("input[name=services][value='stp-lylich']").check()
    form.locator("button[type=submit]").first.click()
    expect(editor.locator(".flash-ok")).to_contain_text("Đã lưu quầy 1")

    expect(card).to_have_attribute("data-services", "stp-hotich stp-lylich")   # heard over Socket.IO
    expect(card).to_have_text("Hộ tịch, quốc tịch, Lý lịch tư pháp")
    console.wait_for_function("window.motcuaConsole.state.config[1].services.includes('stp-lylich')")
    console.click("[data-action=call_next]")
    expect(console.locator("#cur-number")).to_have_text(label)


def test_admin_device_token_once_pair_code_and_revoke(live_centre, new_page):
    page = admin_page(new_page, live_centre, "/admin/devices")
    page.fill("input[name=name]", "kiosk-sanh-a")
    page.select_option("select[name=role]", "kiosk")
    page.click("text=Tạo và lấy mã")
    token = page.locator("#device-token").inner_text().strip()
    assert len(token) > 30
    page.goto(live_centre.url + "/admin/devices")
    assert token not in page.content()                       # shown once, never again
    row = page.locator("tr[data-device='kiosk-sanh-a']")
    expect(row.locator(".conn")).to_have_text("Ngoại tuyến")

    row.locator("text=Mã ghép nối").click()
    code = page.locator("#pairing-code").inner_text().strip()
    assert len(code) == 8
    paired = page.request.post(live_centre.url + "/api/devices/pair", data={"code": code})
    assert paired.ok

    page.goto(live_centre.url + "/admin/devices")
    page.on("dialog", lambda dialog: dialog.accept())
    page.locator("tr[data-device='kiosk-sanh-a']").locator("text=Thu hồi").click()
    expect(page.locator(".flash-ok")).to_contain_text("Đã thu hồi 2 mã của thiết bị kiosk-sanh-a")
    expect(page.locator("tr[data-device='kiosk-sanh-a'] .conn")).to_have_text("Đã thu hồi")
    denied = page.request.get(live_centre.url + "/api/me", headers={"Authorization": f"Bearer {token}"})
    assert denied.status == 401

    page.goto(live_centre.url + "/admin/audit")
    actions = page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.action)")
    assert actions[:4] == ["device.revoke", "device.pair", "device.pairing_code", "device.create"]


def test_admin_supervisor_sees_pages_without_changing_forms(live_centre, new_page):
    live_centre.officer("giamsat", "Trần Thị Giám", "matkhau-gs", role="supervisor")
    page = new_page()
    login(page, live_centre, "giamsat", "matkhau-gs")
    page.goto(live_centre.url + "/admin/counters")
    expect(page.locator(".notice-ro")).to_be_visible()
    assert page.locator("main form").count() == 0
    expect(page.locator("#counter-1 input[name=room]")).to_be_disabled()


def test_admin_counters_page_is_short_grouped_and_searchable(live_centre, new_page):
    """24 counters on one screen or two, grouped by floor and room, found by typing (issue #16)."""
    page = admin_page(new_page, live_centre, "/admin/counters")
    page.set_viewport_size({"width": 1366, "height": 768})
    assert page.evaluate("document.documentElement.scrollHeight") < 3000       # was 18,000 px
    rows = page.locator(".counter-row")
    expect(rows).to_have_count(len(live_centre.service.config.counters))
    expect(page.locator("section.group h2").first).to_contain_text("Tầng 1")
    page.fill("#filter", "tong hop")                          # without diacritics, as people type
    expect(page.locator(".counter-row:not([hidden])")).to_have_count(1)
    expect(page.locator(".counter-row:not([hidden])")).to_contain_text("Quầy tổng hợp")
    page.fill("#filter", "ho tich")
    visible = page.locator(".counter-row:not([hidden])")
    assert 1 <= visible.count() < rows.count()
    page.goto(live_centre.url + "/admin/counters#counter-21")
    expect(page.locator("#counter-21 input[name=room]")).to_be_visible()    # named in the address: open


def test_admin_departments_page_is_short_and_searchable(live_centre, new_page):
    page = admin_page(new_page, live_centre, "/admin/departments")
    page.set_viewport_size({"width": 1366, "height": 768})
    assert page.evaluate("document.documentElement.scrollHeight") < 3000       # was 7,000 px
    page.fill("#filter", "bao hiem")
    expect(page.locator(".dept-row:not([hidden])")).to_have_count(1)
