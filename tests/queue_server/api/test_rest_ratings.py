import pytest

from .conftest import Client


@pytest.fixture
def served(centre, officer, kiosk):
    """A ticket served and finished at counter 1; returns its id."""
    ticket = kiosk.post("/api/tickets", {"service_id": "stp-hotich"}).get_json()["ticket"]
    officer.post("/api/counters/1/open")
    officer.post("/api/counters/1/call-next")
    officer.post("/api/counters/1/finish")
    return ticket["id"]


@pytest.fixture
def terminal(centre):
    return Client(centre.app, centre.device("tablet-1", "terminal", counter=1))


def rate(terminal, rid, value="satisfied_service", **kw):
    return terminal.post("/api/ratings", {"id": rid, "value": value, **kw})


def test_rating_lands_with_counter_officer_department(centre, served, terminal):
    r = rate(terminal, "rating-0001", ticket_id=served, comment="Cán bộ nhiệt tình")
    assert r.status_code == 200
    row = centre.service.ratings.get("rating-0001")
    assert (row["counter"], row["department_id"], row["ticket_id"]) == (1, "stp", served)
    assert row["officer_id"] == centre.service.accounts.user_by_name("hoa")["id"]


def test_rating_resent_is_accepted_once(centre, served, terminal):
    assert rate(terminal, "rating-0001", ticket_id=served).get_json()["duplicate"] is False
    assert rate(terminal, "rating-0001", ticket_id=served).get_json()["duplicate"] is True
    assert len(centre.service.store.query("SELECT * FROM ratings")) == 1


def held(centre, rid) -> dict | None:
    return centre.service.ratings.quarantined(rid)


def assert_held(centre, r, rid, code):
    """Refused for good: answered 200 `quarantined` (the tablet forgets it), kept for the admins."""
    body = r.get_json()
    assert r.status_code == 200 and body["quarantined"] is True and body["reason"]["code"] == code, body
    assert held(centre, rid)["code"] == code and held(centre, rid)["status"] == "open"
    assert centre.service.ratings.get(rid) is None


def test_rating_second_rating_of_a_ticket_is_quarantined(centre, served, terminal):
    rate(terminal, "rating-0001", ticket_id=served)
    assert_held(centre, rate(terminal, "rating-0002", ticket_id=served), "rating-0002", "already_rated")


def test_rating_of_ticket_served_elsewhere_is_quarantined(centre, served):
    other = Client(centre.app, centre.device("tablet-2", "terminal", counter=2))
    assert_held(centre, rate(other, "rating-0003", ticket_id=served), "rating-0003", "not_served_here")


def test_rating_of_ticket_not_finished_is_quarantined(centre, kiosk, terminal):
    ticket = kiosk.post("/api/tickets", {"service_id": "stp-hotich"}).get_json()["ticket"]
    assert_held(centre, rate(terminal, "rating-0004", ticket_id=ticket["id"]), "rating-0004", "not_served_here")


@pytest.mark.parametrize("payload", [
    {"id": "short", "value": "satisfied_service"},
    {"id": "rating-0005", "value": "suggestion", "comment": "x" * 1001},
])
def test_rating_malformed_is_refused_and_stores_nothing(centre, terminal, payload):
    assert terminal.post("/api/ratings", payload).status_code == 400
    assert centre.service.store.query("SELECT COUNT(*) AS n FROM ratings")[0]["n"] == 0


@pytest.mark.parametrize("payload, code", [
    ({"value": "great"}, "invalid"),
    ({"value": "satisfied_service", "ticket_id": "nope"}, "not_found"),
    ({"value": "5", "style": "category"}, "invalid"),
])
def test_rating_breaking_a_rule_is_quarantined(centre, terminal, payload, code):
    assert_held(centre, terminal.post("/api/ratings", {"id": "rating-0005", **payload}), "rating-0005", code)
    again = terminal.post("/api/ratings", {"id": "rating-0005", **payload}).get_json()
    assert again["quarantined"] and again["duplicate"]
    assert centre.service.store.query("SELECT COUNT(*) AS n FROM rating_quarantine")[0]["n"] == 1


def test_rating_walk_up_without_ticket(centre, officer, terminal):
    officer.post("/api/counters/1/open")
    assert rate(terminal, "rating-0006", value="dissatisfied_time").status_code == 200
    row = centre.service.ratings.get("rating-0006")
    assert row["ticket_id"] is None and row["department_id"] == "stp" and row["officer_id"] is not None


def test_rating_terminal_rating_for_another_counter_is_quarantined(centre, terminal):
    assert_held(centre, rate(terminal, "rating-0007", counter=2), "rating-0007", "other_counter")


def test_rating_sent_late_keeps_the_time_it_was_made(centre, served, terminal):
    finished = centre.service.store.ticket(served).finished_at
    centre.clock.advance(days=2)                       # the tablet was offline for two days
    made = finished.replace(microsecond=0) + __import__("datetime").timedelta(minutes=1)
    assert rate(terminal, "rating-0100", ticket_id=served, rated_at=made.isoformat()).status_code == 200
    assert centre.service.ratings.get("rating-0100")["at"] == made.isoformat()


@pytest.mark.parametrize("shift, expected", [("future", "now"), ("before_finish", "finished")])
def test_rating_implausible_time_is_clamped(centre, served, terminal, shift, expected):
    from datetime import timedelta
    finished = centre.service.store.ticket(served).finished_at
    claimed = centre.clock() + timedelta(days=1) if shift == "future" else finished - timedelta(hours=3)
    assert rate(terminal, "rating-0101", ticket_id=served, rated_at=claimed.isoformat()).status_code == 200
    want = centre.clock() if expected == "now" else finished
    assert centre.service.ratings.get("rating-0101")["at"] == want.isoformat()


@pytest.mark.parametrize("payload, style", [
    ({"value": "very_satisfied", "style": "level"}, "level"),    # the tablet says what it showed
    ({"value": "4"}, "stars"),                                   # an older tablet: the one style holding it
    ({"value": "satisfied_service"}, "category"),                # the current style
])
def test_rating_is_recorded_under_the_style_it_was_made_in(centre, officer, terminal, payload, style):
    officer.post("/api/counters/1/open")
    body = terminal.post("/api/ratings", {"id": "rating-0200", **payload}).get_json()
    assert body["quarantined"] is False and body["rating"]["style"] == style
    assert centre.service.ratings.get("rating-0200")["style"] == style
