"""Whatever a tablet sends, a rating never vanishes: after `submit` its id is in exactly one of the
ratings and the quarantine, and a resend gets the same outcome (property test, real SQLite store)."""
from datetime import timedelta
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from queue_server.auth import Principal, Role
from queue_server.config import RatingStyle
from queue_server.rating_service import RatingInput, RatingService

VALUES = ["satisfied_service", "dissatisfied_time", "very_satisfied", "dissatisfied", "1", "5", "great", ""]
IDS = count(1)

payloads = st.fixed_dictionaries({
    "value": st.sampled_from(VALUES),
    "style": st.one_of(st.none(), st.sampled_from(list(RatingStyle))),
    "counter": st.one_of(st.none(), st.sampled_from([1, 2, 30])),
    "ticket": st.sampled_from([None, "served", "unknown"]),
    "days_back": st.one_of(st.none(), st.integers(-2, 40)),
    "comment": st.text(max_size=20),
})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(payloads, min_size=1, max_size=6))
def test_rating_submit_always_stores_or_holds_exactly_once(centre, batch):
    service = centre.service
    served = _served_ticket(service)
    tablet = Principal("device", 7, Role.TERMINAL, "tablet-1", service.centre_id, counter=1)
    ratings = RatingService(service)
    for p in batch:
        rid = f"rating-{next(IDS):06d}"
        rated_at = None if p["days_back"] is None else service.clock() - timedelta(days=p["days_back"])
        ticket = {"served": served, "unknown": "khong-co", None: None}[p["ticket"]]
        rating = RatingInput(rid, p["value"], p["counter"], ticket, p["comment"], rated_at, p["style"])
        first = ratings.submit(tablet, rating)
        stored, held = service.ratings.get(rid), service.ratings.quarantined(rid)
        assert (stored is None) != (held is None)
        assert first["quarantined"] is (held is not None)
        again = ratings.submit(tablet, rating)
        assert again["duplicate"] and again["quarantined"] is first["quarantined"]
        if stored:
            assert stored["value"] in _options(stored["style"]) and stored["at"] <= service.clock().isoformat()


def _options(style: str):
    from queue_server.ratings import RATING_OPTIONS
    return RATING_OPTIONS[RatingStyle(style)]


def _served_ticket(service) -> str:
    """A ticket served and finished at counter 1 (made once per test)."""
    found = [t for t in service.engine.state.tickets.values() if t.status.value == "done"]
    if found:
        return found[0].id
    service.execute(lambda now: service.engine.open_counter(1, 7, "Lê Thị Hoa", now))
    ticket = service.execute(lambda now: service.engine.issue("stp-hotich", now))[-1].ticket
    service.execute(lambda now: service.engine.call_next(1, now))
    service.execute(lambda now: service.engine.finish(1, now))
    return ticket.id
