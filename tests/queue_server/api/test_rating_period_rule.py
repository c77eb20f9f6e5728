"""A rating's time never lands in a reporting period before the current one (its appendix may be
published): such a rating is held in the quarantine; an admin may accept it into the current one."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from queue_server.auth import Principal, Role
from queue_server.engine import QueueError
from queue_server.rating_service import RatingService
from queue_server.ratings import earliest_rating_time, rating_time

from .conftest import Client

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ADMIN = Principal("user", 99, Role.ADMIN, "Quản trị thử", "tphcc-demo")


@pytest.fixture
def terminal(centre, officer):
    officer.post("/api/counters/1/open")
    return Client(centre.app, centre.device("tablet-1", "terminal", counter=1))


def rate(terminal, rid, at: datetime):
    return terminal.post("/api/ratings", {"id": rid, "value": "satisfied_service", "rated_at": at.isoformat()})


def test_rating_made_before_the_current_period_is_held(centre, terminal):
    # The clock: Monday 23/11/2026; cut-off 15, so the period "tháng 12" began 16/11 00:00.
    body = rate(terminal, "rating-0001", datetime(2026, 11, 15, 16, 30, tzinfo=TZ)).get_json()
    assert body["quarantined"] and body["reason"]["code"] == "too_late"
    assert centre.service.ratings.get("rating-0001") is None


def test_rating_made_on_the_first_minute_of_the_period_counts(centre, terminal):
    made = datetime(2026, 11, 16, 0, 0, tzinfo=TZ)
    assert rate(terminal, "rating-0002", made).get_json()["quarantined"] is False
    assert centre.service.ratings.get("rating-0002")["at"] == made.isoformat()


def test_rating_sent_just_after_the_cutoff_is_held_for_the_admin(centre, terminal):
    centre.clock.now = datetime(2026, 12, 16, 7, 30, tzinfo=TZ)        # offline over the cut-off night
    made = datetime(2026, 12, 15, 16, 55, tzinfo=TZ)
    assert rate(terminal, "rating-0003", made).get_json()["quarantined"] is True
    service = RatingService(centre.service)
    with pytest.raises(QueueError) as late:                            # same rule for the admin's time
        service.accept(ADMIN, "rating-0003", 1, made)
    assert late.value.code == "too_late"
    row = service.accept(ADMIN, "rating-0003", 1, centre.clock())
    assert centre.service.ratings.get("rating-0003")["at"] == row["at"] == centre.clock().isoformat()


NOW = datetime(2026, 12, 2, 10, 0, tzinfo=TZ)


@settings(max_examples=200, deadline=None)
@given(back=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)), cutoff=st.integers(1, 31))
def test_rating_time_is_kept_exactly_when_in_the_current_period(back, cutoff):
    earliest = earliest_rating_time(NOW, cutoff)
    claimed = NOW - back
    try:
        at = rating_time(claimed, NOW, None, earliest)
    except QueueError as exc:
        assert exc.code == "too_late" and claimed < earliest
    else:
        assert at == claimed and earliest <= at <= NOW
    assert earliest >= NOW - timedelta(days=30)
