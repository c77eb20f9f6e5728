"""The per-day report summaries (migration 9's triggers) stay exact through a ticket's life:
inserts, updates (called, done, transferred to another department), deletes; and the migration
fills them from rows written before it. Checked against the pure path over the rows as they stand."""
from __future__ import annotations

import random
import sqlite3
from datetime import date

from sqlite_utils import Database

from queue_server.config import RatingStyle
from queue_server.reporting import periods, phu_luc_2, queue_stats, ratings_lists
from queue_server.storage import Store
from queue_server.storage.migrations import MIGRATIONS, migrate
from queue_server.storage.reports import Reports

from .helpers import rating_rows, ticket_rows, write

PERIOD = periods.month(2026, 11)
CID = "tphcc-demo"


def _norm(rows):
    return sorted((tuple(int(v) if isinstance(v, bool) else v for v in r) for r in rows), key=repr)


def _assert_matches_pure(store: Store) -> None:
    """Every summary-backed query equals the pure computation over the rows now in the tables."""
    tickets = store.query("SELECT * FROM tickets WHERE service_day BETWEEN ? AND ?",
                          (PERIOD.first_day.isoformat(), PERIOD.last_day.isoformat()))
    ratings = store.query("SELECT * FROM ratings WHERE at >= ? AND at < ?",
                          (PERIOD.start_at.isoformat(), PERIOD.end_before.isoformat()))
    reports = Reports(store)
    assert _norm(reports.ticket_cells(CID, PERIOD)) == _norm(queue_stats.cells_of(tickets))
    assert _norm(reports.time_buckets(CID, PERIOD)) == _norm(queue_stats.buckets_of(tickets))
    assert reports.tickets_served(CID, PERIOD) == sum(t["status"] == "done" for t in tickets)
    assert _norm(reports.rating_counts(CID, "category", PERIOD)) == _norm(phu_luc_2.count_ratings(ratings))
    for column in ("counter", "officer_id"):
        assert _norm(reports.rating_counts(CID, "category", PERIOD, column)) == \
            _norm(ratings_lists.count_by(ratings, column))


def _rows(demo_config, seed=3):
    rng = random.Random(seed)
    departments = demo_config.departments[:4]
    tickets = ticket_rows(rng, 400, date(2026, 10, 12), 36, departments)
    ratings = rating_rows(rng, 300, date(2026, 10, 12), 36, [d.id for d in departments], RatingStyle.CATEGORY)
    return rng, tickets, ratings


def test_summaries_follow_updates_and_deletes(tmp_path, demo_config):
    store = Store(tmp_path / "s.db")
    rng, tickets, ratings = _rows(demo_config)
    write(store, "tickets", tickets)
    write(store, "ratings", ratings)
    _assert_matches_pure(store)
    with store.transaction() as conn:
        for t in rng.sample(tickets, 120):  # a later call, a finish, a transfer, an officer change
            conn.execute("UPDATE tickets SET status = 'done', called_at = issued_at, started_at = issued_at, "
                         "finished_at = ?, transfers = transfers + 1, department_id = ?, officer_id = ? WHERE id = ?",
                         (t["finished_at"] or t["issued_at"], rng.choice(["stp", "stc", "zzz"]),
                          rng.choice([None, 1, 7]), t["id"]))
        for t in rng.sample(tickets, 40):
            conn.execute("UPDATE tickets SET status = 'waiting', called_at = NULL, started_at = NULL, "
                         "finished_at = NULL WHERE id = ?", (t["id"],))
        conn.execute("DELETE FROM tickets WHERE id IN (SELECT id FROM tickets ORDER BY random() LIMIT 50)")
        conn.execute("UPDATE ratings SET value = 'dissatisfied_time', department_id = NULL WHERE rowid % 7 = 0")
        conn.execute("DELETE FROM ratings WHERE rowid % 5 = 0")
    _assert_matches_pure(store)
    store.close()


def test_summaries_hold_no_rows_once_everything_is_deleted(tmp_path, demo_config):
    store = Store(tmp_path / "s.db")
    _, tickets, ratings = _rows(demo_config, seed=4)
    write(store, "tickets", tickets)
    write(store, "ratings", ratings)
    with store.transaction() as conn:
        conn.execute("DELETE FROM tickets")
        conn.execute("DELETE FROM ratings")
    reports = Reports(store)
    assert reports.ticket_cells(CID, PERIOD) == [] and reports.time_buckets(CID, PERIOD) == []
    assert reports.rating_counts(CID, "category", PERIOD) == [] and reports.tickets_served(CID, PERIOD) == 0
    store.close()


def test_migration_9_fills_summaries_from_earlier_rows(tmp_path, demo_config):
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path, isolation_level=None))
    migrate(db, migrations=MIGRATIONS[:8])
    _, tickets, ratings = _rows(demo_config, seed=5)
    db["tickets"].insert_all(tickets)
    db["ratings"].insert_all(ratings)
    db.conn.close()
    store = Store(path)   # migrates to the current version
    assert store.schema_version == len(MIGRATIONS)
    _assert_matches_pure(store)
    store.close()
