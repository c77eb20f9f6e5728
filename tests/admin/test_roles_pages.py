"""Who may reach the admin side: administrators change, supervisors read, nobody else gets in."""
from __future__ import annotations

import re

import pytest

PAGES = ["/admin/", "/admin/departments", "/admin/counters", "/admin/officers", "/admin/devices",
         "/admin/calendar", "/admin/settings", "/admin/audit"]
CHANGE = ("/admin/counters/1", {"room": "Phòng Z", "services": ["stp-hotich"]})


@pytest.mark.parametrize("path", PAGES)
def test_admin_pages_open_for_an_administrator_in_vietnamese(admin_client, path):
    client, _ = admin_client
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="vi">' in html and "Đăng xuất" in html and 'href="/admin/reports/"' in html


@pytest.mark.parametrize("path", PAGES)
def test_admin_pages_readonly_for_a_supervisor(supervisor_client, path):
    client, _ = supervisor_client
    html = client.get(path).get_data(as_text=True)
    forms = re.findall(r'<form method="post" action="([^"]+)"', html)
    assert forms == ["/logout"]
    assert "chỉ xem" in html


def test_admin_change_refused_for_a_supervisor(supervisor_client, centre):
    client, csrf = supervisor_client
    response = client.post(CHANGE[0], data={**CHANGE[1], "csrf": csrf})
    assert response.status_code == 403
    assert centre.service.config.counter(1).room != "Phòng Z"


@pytest.mark.parametrize("path", PAGES)
def test_admin_pages_forbidden_for_an_officer(officer_client, path):
    client, _ = officer_client
    assert client.get(path).status_code == 403


def test_admin_api_forbidden_for_an_officer_and_a_device(officer_client, centre):
    client, csrf = officer_client
    assert client.get("/admin/api/dashboard").status_code == 403
    assert client.post(CHANGE[0], data={**CHANGE[1], "csrf": csrf}).status_code == 403
    token = centre.device("kiosk-1", "kiosk")
    device = centre.app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    assert device.get("/admin/api/dashboard", headers=headers).status_code == 403
    assert device.get("/admin/", headers=headers).status_code == 302      # pages need a person's login
    assert device.post(CHANGE[0], data=CHANGE[1], headers=headers).status_code == 302
    assert centre.service.config.counter(1).room != "Phòng Z"


@pytest.mark.parametrize("path", PAGES)
def test_admin_pages_send_a_logged_out_visitor_to_login_and_back(centre, path):
    response = centre.app.test_client().get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_admin_api_refuses_a_logged_out_visitor(centre):
    assert centre.app.test_client().get("/admin/api/dashboard").status_code == 401


def test_admin_form_without_csrf_is_refused_and_changes_nothing(admin_client, centre):
    client, csrf = admin_client
    assert client.post(CHANGE[0], data=CHANGE[1]).status_code == 400
    assert client.post(CHANGE[0], data={**CHANGE[1], "csrf": "wrong"}).status_code == 400
    assert centre.service.config.counter(1).room != "Phòng Z"
    assert client.post(CHANGE[0], data={**CHANGE[1], "csrf": csrf}).status_code == 302
    assert centre.service.config.counter(1).room == "Phòng Z"


def test_admin_change_is_audited_with_the_username(admin_client, centre):
    client, csrf = admin_client
    client.post(CHANGE[0], data={**CHANGE[1], "csrf": csrf})
    html = client.get("/admin/audit").get_data(as_text=True)
    assert "quantri (Nguyễn Văn Quản)" in html and "Sửa quầy" in html and "Phòng Z" in html
