"""/login?next=...: back to the page asked for after logging in, local paths only."""
from __future__ import annotations

import re

import pytest

from queue_server.web import safe_next


def _login(client, username, password, next_path):
    page = client.get(f"/login?next={next_path}").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return client.post("/login", data={"username": username, "password": password, "csrf": csrf})


def test_login_next_returns_to_the_admin_page(centre):
    centre.officer("quantri", "Quản Trị", "matkhau-qt", role="admin")
    response = _login(centre.app.test_client(), "quantri", "matkhau-qt", "/admin/devices")
    assert response.headers["Location"] == "/admin/devices"


def test_login_next_ignores_another_host(centre):
    centre.officer("quantri", "Quản Trị", "matkhau-qt", role="admin")
    response = _login(centre.app.test_client(), "quantri", "matkhau-qt", "//evil.example/x")
    assert response.headers["Location"] == "/console"


@pytest.mark.parametrize("target,expected", [
    ("/admin/?x=1", "/admin/?x=1"), ("/admin/?", "/admin/"), ("https://evil.example/", None), ("//evil.example", None),
    ("/\\evil.example", None), ("admin/", None), ("", None), (None, None), ("/a b", None)])
def test_safe_next_keeps_local_paths_only(target, expected):
    assert safe_next(target) == expected
