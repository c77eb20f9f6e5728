"""Security headers on every response, a polyglot photo served as an image only, and every page
working under the Content-Security-Policy in a real Chromium (no violation reported)."""
from __future__ import annotations

import re
from io import BytesIO

import pytest

from queue_server.web.headers import SECURITY_HEADERS
from tests.admin.conftest import login_client
from tests.web.helpers import issue, login

# A PNG that is also an HTML page with a script: what an attacker would upload as a "photo".
POLYGLOT = b"\x89PNG\r\n\x1a\n<html><body><script>alert(document.cookie)</script></body></html>" + b"\x00" * 32


def _secure(response) -> bool:
    return all(response.headers.get(name) == value for name, value in SECURITY_HEADERS.items())


def test_every_kind_of_response_carries_the_headers(centre):
    http = centre.app.test_client()
    for path in ("/login", "/api/openapi.json", "/api/me", "/no-such-page", "/hall", "/healthz",
                 "/static/console/console.js", "/admin/"):
        response = http.get(path)
        assert _secure(response), f"{path} ({response.status_code}) lacks a security header"
    policy = SECURITY_HEADERS["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy


def test_a_polyglot_photo_is_served_as_an_image_that_is_never_sniffed(centre):
    centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    client, csrf = login_client(centre, "quantri", "matkhau-qt")
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    user_id = centre.service.accounts.user_by_name("hoa")["id"]
    client.post(f"/admin/officers/{user_id}/photo", data={"csrf": csrf, "photo": (BytesIO(POLYGLOT), "hoa.png")},
                content_type="multipart/form-data")
    for response in (client.get(f"/api/officers/{user_id}/photo"),
                     centre.app.test_client().get(f"/api/officers/{user_id}/photo", headers={
                         "Authorization": f"Bearer {centre.device('may-danh-gia-1', 'terminal', counter=1)}"})):
        assert response.status_code == 200 and response.mimetype == "image/png"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]


CSP_WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""


@pytest.mark.browser
def test_every_page_works_under_the_content_security_policy(live_centre, new_page):
    live_centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    page = new_page()
    page.add_init_script(CSP_WATCH)
    console_errors = []
    page.on("console", lambda m: "Content Security Policy" in m.text and console_errors.append(m.text))
    login(page, live_centre, "quantri", "matkhau-qt")
    page.wait_for_url("**/console")
    page.locator("body.is-online").wait_for()                     # the console's script and socket ran
    issue(live_centre)
    ticket = next(iter(live_centre.service.engine.state.tickets.values()))
    display = live_centre.device("man-hinh-a", "display", group="A")
    paths = ["/admin/", "/admin/officers", "/admin/devices", "/admin/counters", "/admin/departments",
             "/admin/calendar", "/admin/settings", "/admin/audit", "/admin/reports/",
             f"/hall#token={display}", f"/board#token={display}", f"/t/{ticket.id}", "/console"]
    for path in paths:
        page.goto(live_centre.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], f"{path}: {page.evaluate('window.__csp')}"
    page.goto(live_centre.url + "/admin/reports/")
    kind = page.locator("#kind")
    if kind.count():                                                # the picker's script is a file now
        kind.select_option("custom")
        assert page.locator("input[type=date]").first.is_enabled()
    assert page.evaluate("window.__csp") == [] and not console_errors, console_errors
    assert re.search(r"frame-ancestors 'none'", SECURITY_HEADERS["Content-Security-Policy"])
