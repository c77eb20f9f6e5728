"""Admin test helpers: a logged-in browserless client per role, and the admin library of a centre."""
from __future__ import annotations

import re

import pytest

from queue_server.auth import Principal, Role


def login_client(centre, username: str, password: str):
    """A Flask test client logged in through the real login form; returns (client, csrf)."""
    client = centre.app.test_client()
    page = client.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"username": username, "password": password, "csrf": csrf})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client, client.get("/api/me").get_json()["csrf"]      # a new token per login session


@pytest.fixture
def admin_client(centre):
    centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    return login_client(centre, "quantri", "matkhau-qt")


@pytest.fixture
def supervisor_client(centre):
    centre.officer("giamsat", "Trần Thị Giám", "matkhau-gs", role="supervisor")
    return login_client(centre, "giamsat", "matkhau-gs")


@pytest.fixture
def officer_client(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    return login_client(centre, "hoa", "matkhau1")


@pytest.fixture
def admin_lib(centre):
    return centre.app.extensions["motcua.admin"]


@pytest.fixture
def admin_principal(centre):
    return Principal("user", 99, Role.ADMIN, "Quản trị thử", centre.service.centre_id)
