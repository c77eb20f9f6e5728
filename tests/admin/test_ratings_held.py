"""Held ratings on the admin pages: counted on the dashboard, listed with the reason, accepted into
the ratings or dismissed with a reason — never deleted, always audited."""
import pytest

from tests.queue_server.api.conftest import Client


@pytest.fixture
def held(centre):
    """Two ratings the server held: a value no style knows, and one for a counter removed later."""
    tablet = Client(centre.app, centre.device("tablet-1", "terminal", counter=1))
    for rid, value in (("rating-bad-1", "great"), ("rating-bad-2", "tuyet_voi")):
        assert tablet.post("/api/ratings", {"id": rid, "value": value, "comment": "Cảm ơn"}).get_json()["quarantined"]
    return ["rating-bad-1", "rating-bad-2"]


def dashboard_held(client) -> int:
    return client.get("/admin/api/dashboard").get_json()["ratings_held"]


def test_held_ratings_are_counted_on_the_dashboard_and_listed(admin_client, held):
    client, _ = admin_client
    assert dashboard_held(client) == 2
    page = client.get("/admin/ratings/held").get_data(as_text=True)
    assert all(f'data-rating="{rid}"' in page for rid in held)
    assert "Lựa chọn đánh giá không hợp lệ" in page and 'Đánh giá bị giữ lại chờ xử lý' in \
        client.get("/admin/").get_data(as_text=True)


def test_held_rating_dismissed_needs_a_reason_and_stays_on_record(centre, admin_client, admin_lib, held):
    client, csrf = admin_client
    r = client.post("/admin/ratings/held/rating-bad-1/dismiss", data={"csrf": csrf, "reason": " "})
    assert r.status_code == 302 and centre.service.ratings.quarantined("rating-bad-1")["status"] == "open"
    client.post("/admin/ratings/held/rating-bad-1/dismiss", data={"csrf": csrf, "reason": "Thử máy"})
    row = centre.service.ratings.quarantined("rating-bad-1")
    assert (row["status"], row["resolution"]) == ("dismissed", "Thử máy")
    assert dashboard_held(client) == 1
    entry = admin_lib.audit_log()[0]
    assert (entry["action"], entry["target"], entry["after"]) == ("rating.dismiss", "rating:rating-bad-1",
                                                                 {"reason": "Thử máy"})
    assert "Thử máy" in client.get("/admin/ratings/held?status=all").get_data(as_text=True)


def test_held_rating_with_a_known_value_is_accepted_at_a_chosen_counter(centre, admin_client, admin_lib):
    tablet = Client(centre.app, centre.device("tablet-2", "terminal", counter=2))
    assert tablet.post("/api/ratings", {"id": "rating-move-1", "value": "satisfied", "counter": 1}).get_json()[
        "quarantined"]                                               # sent for counter 1 by counter 2's tablet
    client, csrf = admin_client
    at = centre.clock().strftime("%Y-%m-%dT%H:%M")
    r = client.post("/admin/ratings/held/rating-move-1/accept", data={"csrf": csrf, "counter": "1", "at": at})
    assert r.status_code == 302
    rating = centre.service.ratings.get("rating-move-1")
    assert (rating["counter"], rating["style"], rating["value"], rating["at"][:16]) == (1, "level", "satisfied", at)
    assert centre.service.ratings.quarantined("rating-move-1")["status"] == "accepted"
    assert admin_lib.audit_log()[0]["action"] == "rating.accept"
    again = client.post("/admin/ratings/held/rating-move-1/accept", data={"csrf": csrf, "counter": "1", "at": at})
    assert again.status_code == 302 and len(centre.service.store.query("SELECT id FROM ratings")) == 1


def test_held_rating_cannot_be_resolved_by_a_supervisor(centre, supervisor_client, held):
    client, csrf = supervisor_client
    r = client.post("/admin/ratings/held/rating-bad-2/dismiss", data={"csrf": csrf, "reason": "x"})
    assert r.status_code == 403 and centre.service.ratings.quarantined("rating-bad-2")["status"] == "open"
    assert dashboard_held(client) == 2
