"""The SQL aggregates (storage/reports.py) give what the pure functions compute from the same rows."""
from __future__ import annotations

import random
from datetime import date

import pytest

from queue_server.config import RatingStyle
from queue_server.reporting import periods, phu_luc_2, queue_stats, ratings_lists
from queue_server.storage import Store
from queue_server.storage.reports import Reports

from .helpers import rating_rows, ticket_rows, write

PERIOD = periods.month(2026, 11)   # 16/10/2026 – 15/11/2026; the rows span a wider range


@pytest.fixture
def filled(tmp_path, demo_config):
    store = Store(tmp_path / "r.db")
    rng = random.Random(8)
    tickets = ticket_rows(rng, 600, date(2026, 10, 10), 40, demo_config.departments[:4])
    ratings = rating_rows(rng, 500, date(2026, 10, 10), 40, [d.id for d in demo_config.departments[:4]],
                          RatingStyle.CATEGORY)
    write(store, "tickets", tickets)
    write(store, "ratings", ratings)
    yield store, tickets, ratings
    store.close()


def _in_period(rows, key):
    return [r for r in rows if PERIOD.start_at.isoformat() <= r[key] < PERIOD.end_before.isoformat()]


def test_reports_rating_counts_match_pure_count(filled):
    store, _, ratings = filled
    sql = Reports(store).rating_counts("tphcc-demo", "category", PERIOD)
    assert sorted(sql, key=repr) == sorted(phu_luc_2.count_ratings(_in_period(ratings, "at")), key=repr)


def test_reports_counts_by_counter_and_officer_match(filled):
    store, _, ratings = filled
    for column in ("counter", "officer_id"):
        sql = Reports(store).rating_counts("tphcc-demo", "category", PERIOD, column)
        assert sorted(sql, key=repr) == sorted(ratings_lists.count_by(_in_period(ratings, "at"), column), key=repr)


def test_reports_ticket_cells_and_buckets_match_pure(filled):
    store, tickets, _ = filled
    days = [t for t in tickets if PERIOD.first_day.isoformat() <= t["service_day"] <= PERIOD.last_day.isoformat()]
    reports = Reports(store)
    norm = lambda rows: sorted((tuple(int(v) if isinstance(v, bool) else v for v in r) for r in rows), key=repr)  # noqa: E731
    assert norm(reports.ticket_cells("tphcc-demo", PERIOD)) == norm(queue_stats.cells_of(days))
    assert norm(reports.time_buckets("tphcc-demo", PERIOD)) == norm(queue_stats.buckets_of(days))
    assert reports.tickets_served("tphcc-demo", PERIOD) == sum(t["status"] == "done" for t in days)


def test_reports_rating_rows_filter_values_and_comments(filled):
    store, _, ratings = filled
    reports = Reports(store)
    bad = reports.rating_rows("tphcc-demo", PERIOD, ["dissatisfied_time"])
    assert {r["id"] for r in bad} == {r["id"] for r in _in_period(ratings, "at") if r["value"] == "dissatisfied_time"}
    noted = reports.rating_rows("tphcc-demo", PERIOD, with_comment=True)
    assert {r["id"] for r in noted} == {r["id"] for r in _in_period(ratings, "at") if r["comment"]}


def test_reports_rating_rows_limit_is_the_head_and_count_the_whole(filled):
    store, _, _ = filled
    reports = Reports(store)
    for kwargs in ({"values": ["dissatisfied_time", "dissatisfied_competence"]}, {"with_comment": True}):
        everything = reports.rating_rows("tphcc-demo", PERIOD, **kwargs)
        assert len(everything) > 12
        assert reports.rating_rows("tphcc-demo", PERIOD, limit=12, **kwargs) == everything[:12]
        assert reports.rating_count("tphcc-demo", PERIOD, **kwargs) == len(everything)
