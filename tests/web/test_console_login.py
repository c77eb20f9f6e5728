"""Login page, redirects and sign-out."""
from __future__ import annotations

import pytest

from .helpers import login, open_console

pytestmark = pytest.mark.browser


def test_console_redirects_to_login_when_logged_out(live_centre, page):
    page.goto(live_centre.url + "/console")
    assert page.url == live_centre.url + "/login"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text().startswith("Đăng nhập quầy một cửa")


def test_login_wrong_password_shows_vietnamese_then_english(live_centre, page):
    live_centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    login(page, live_centre, "hoa", "sai-mat-khau")
    error = page.locator("#login-error")
    assert error.locator(".vi").inner_text() == "Sai tên đăng nhập hoặc mật khẩu"
    assert error.locator(".en").inner_text() == "Wrong username or password"
    assert page.input_value("#username") == "hoa"
    page.goto(live_centre.url + "/console")
    assert page.url.endswith("/login")


def test_login_success_goes_to_console_with_counter_list(live_centre, page):
    open_console(page, live_centre)
    assert page.locator("#officer").inner_text() == "Lê Thị Hoa"
    assert page.locator(".counter-card").count() == len(live_centre.config.counters)
    assert "Trống" in page.locator(".counter-card[data-counter='1']").inner_text()
    page.goto(live_centre.url + "/login")
    assert page.url.endswith("/console")


def test_logout_ends_the_session(live_centre, page):
    open_console(page, live_centre, counter=1)
    page.click("#logout")
    page.wait_for_url("**/login")
    assert live_centre.service.engine.state.counters[1].status.value == "closed"
    page.goto(live_centre.url + "/console")
    assert page.url.endswith("/login")
