"""Report pages and APIs: admin and supervisor only; officers and devices refused; logged out → login."""
from __future__ import annotations

import pytest

PAGES = ["/admin/reports/", "/admin/reports/satisfaction", "/admin/reports/dissatisfied", "/admin/reports/tallies",
         "/admin/reports/comments", "/admin/reports/queue", "/admin/reports/satisfaction.csv"]
APIS = ["/api/reports/satisfaction", "/api/reports/ratings", "/api/reports/queue"]


def _client_as(centre, role):
    client = centre.app.test_client()
    if role:
        username, password = centre.officer(f"u_{role}", f"Người {role}", role=role)
        with client.session_transaction() as s:
            s["token"] = centre.login_token(username, password)
    return client


@pytest.mark.parametrize("role", ["admin", "supervisor"])
def test_reports_web_readers_see_pages_and_apis(centre, role):
    client = _client_as(centre, role)
    for url in PAGES:
        answer = client.get(url)
        assert answer.status_code == 200, url
    assert "Phụ lục II" in client.get("/admin/reports/satisfaction").get_data(as_text=True)
    with client.session_transaction() as s:
        bearer = s["token"]
    for url in APIS:
        answer = client.get(url, headers={"Authorization": f"Bearer {bearer}"})
        assert answer.status_code == 200, (url, answer.get_data(as_text=True))
        assert answer.get_json()["tables"]


def test_reports_web_officer_is_refused(centre):
    client = _client_as(centre, "officer")
    for url in PAGES:
        assert client.get(url).status_code == 403, url
    with client.session_transaction() as s:
        bearer = s["token"]
    for url in APIS:
        assert client.get(url, headers={"Authorization": f"Bearer {bearer}"}).status_code == 403, url


def test_reports_web_device_is_refused(centre):
    token = centre.device("tablet-1", "terminal", counter=1)
    client = centre.app.test_client()
    for url in APIS:
        assert client.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 403, url


def test_reports_web_logged_out_is_redirected_to_login(centre):
    client = centre.app.test_client()
    for url in PAGES:
        answer = client.get(url)
        assert answer.status_code == 302 and "/login" in answer.headers["Location"], url
