"""Screenshots of the admin pages in use, at 1366×768 (full page).

Saved in a temporary folder; set MOTCUA_SCREENSHOTS=1 to refresh docs/screenshots/admin-*.png:

    MOTCUA_SCREENSHOTS=1 .venv/bin/python -m pytest tests/admin/test_admin_screenshots.py
"""
from __future__ import annotations

import pytest
import socketio
from playwright.sync_api import expect

from queue_server.admin import configedit
from queue_server.auth import Principal, Role
from tests.conftest import screenshots_dir
from tests.web.helpers import issue

from .test_admin_browser import admin_page

pytestmark = pytest.mark.browser

@pytest.fixture
def shots():
    folder = screenshots_dir()

    def save(page, name, full_page=False):
        path = folder / f"admin-{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 10_000
        return path
    return save


def _busy_centre(centre):
    """Open counters with officers, a paused one, tickets waiting and served, devices with news."""
    service, engine = centre.service, centre.service.engine
    for number, name in ((1, "Lê Thị Hoa"), (2, "Nguyễn Văn Bình"), (3, "Trần Minh Châu")):
        service.execute(lambda now, n=number, who=name: engine.open_counter(n, n, who, now))
    for service_id in ["stp-hotich"] * 4 + ["stp-lylich"] * 3 + ["stc-dkkd"] * 5 + ["sxd-gplx"] * 2:
        issue(centre, service_id)
    for number in (1, 2):
        service.execute(lambda now, n=number: engine.call_next(n, now))
    service.execute(lambda now: engine.finish(1, now))
    service.execute(lambda now: engine.call_next(1, now))
    service.execute(lambda now: engine.pause(3, now))
    admin = centre.app.extensions["motcua.admin"]
    centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    me = service.auth.principal(centre.login_token("quantri", "matkhau-qt"))
    admin.create_user(me, "hoa", "Lê Thị Hoa", "officer", "matkhau-hoa", "Chuyên viên", "stp")
    admin.create_user(me, "binh", "Nguyễn Văn Bình", "officer", "matkhau-binh", "Chuyên viên", "stc")
    admin.create_user(me, "giamsat", "Trần Thị Giám", "supervisor", "matkhau-gs", "Phó Giám đốc")
    admin.create_device(me, "may-boc-so-sanh-a", "kiosk")
    _, display = admin.create_device(me, "man-hinh-phong-a", "display", group="A")
    admin.create_device(me, "may-danh-gia-quay-1", "terminal", counter=1)
    kiosk_id, _ = admin.create_device(me, "may-boc-so-sanh-b", "kiosk")
    service.report_device_status(Principal("device", kiosk_id, Role.KIOSK, "may-boc-so-sanh-b", service.centre_id),
                                 {"printer": "paper_out"})
    admin.change_config(me, "centre.notices", "centre", lambda d: configedit.update_centre(
        d, {"notices": ["Trung tâm nghỉ trưa từ 11 giờ 30 đến 13 giờ 30"]}))
    client = socketio.Client(reconnection=False)
    client.connect(centre.url, namespaces=["/display"], auth={"token": display}, transports=["websocket"])
    return client


def test_screenshots_admin_pages(live_centre, new_page, shots):
    client = _busy_centre(live_centre)
    try:
        page = admin_page(new_page, live_centre, create=False)
        expect(page.locator("#live")).to_have_text("Trực tiếp")
        expect(page.locator("tr[data-device='man-hinh-phong-a'] td.ok")).to_be_visible()
        shots(page, "dashboard", full_page=True)
        page.goto(live_centre.url + "/admin/counters")
        shots(page, "counters")
        page.goto(live_centre.url + "/admin/devices")
        shots(page, "devices")
        page.goto(live_centre.url + "/admin/audit")
        shots(page, "audit")
        page.goto(live_centre.url + "/admin/departments")
        shots(page, "departments")
        page.goto(live_centre.url + "/admin/officers")
        shots(page, "officers")
        page.goto(live_centre.url + "/admin/settings")
        shots(page, "settings")
    finally:
        client.disconnect()
