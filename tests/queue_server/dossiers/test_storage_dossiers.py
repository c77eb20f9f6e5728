"""The dossier tables: rows, local days, fingerprints, the Phụ lục I fact query."""
from dataclasses import replace
from datetime import date, timezone

from queue_server.dossiers.model import DossierStatus, StatusChange
from queue_server.reporting.phu_luc_1 import OPEN_DAY, facts_of
from queue_server.storage import Store
from queue_server.storage.dossiers import COLUMNS, Dossiers, HistoryEntry, fingerprint, row_of

from .conftest import at, make_dossier

NOW = at("2026-11-23 08:00")


def _store(tmp_path):
    store = Store(tmp_path / "d.db")
    return store, Dossiers(store)


def test_storage_dossier_round_trip(tmp_path):
    store, dossiers = _store(tmp_path)
    d = make_dossier(status=DossierStatus.RESULT_READY, resolved="2026-11-22 10:00", level=3)
    with store.transaction() as conn:
        dossiers.upsert(conn, [row_of("c1", d, "import", NOW)])
        dossiers.add_history(conn, "c1", [HistoryEntry(d.code, d.status, d.resolved_at, "import")])
    back = dossiers.get("c1", d.code)
    assert back.history[0].status is DossierStatus.RESULT_READY
    assert back == d.__class__(**{**{f: getattr(d, f) for f in d.__slots__}, "history": back.history})
    assert dossiers.get("c2", d.code) is None  # every row carries its centre


def test_storage_days_are_local_not_utc(tmp_path):
    # 00:30 in Hà Nội is 17:30 UTC the day before: SQLite's julianday() would count the wrong day.
    d = make_dossier(received="2026-11-20 00:30", due="2026-11-27 00:10")
    row = dict(zip(COLUMNS, row_of("c", d, "x", NOW)))
    assert row["received_day"] == date(2026, 11, 20).toordinal()
    assert row["due_day"] == date(2026, 11, 27).toordinal()
    assert row["closed_day"] == OPEN_DAY


def test_storage_fingerprint_ignores_zone_representation():
    d = make_dossier()
    utc = d.__class__(**{**{f: getattr(d, f) for f in d.__slots__},
                         "received_at": d.received_at.astimezone(timezone.utc)})
    assert utc == d and fingerprint(utc) == fingerprint(d)
    assert fingerprint(make_dossier(due="2026-11-28 17:00")) != fingerprint(d)


def test_storage_facts_match_facts_of(tmp_path):
    store, dossiers = _store(tmp_path)
    items = [make_dossier(code=f"A-{i}", status=s, resolved="2026-11-21 23:30" if not s.is_open else None,
                          level=[None, 2, 3, 4][i % 4]) for i, s in enumerate(DossierStatus)]
    items = [replace(d, history=(StatusChange(d.status, d.resolved_at or NOW),)) for d in items]
    with store.transaction() as conn:
        dossiers.upsert(conn, [row_of("c", d, "import", NOW) for d in items])
        dossiers.add_history(conn, "c", [HistoryEntry(d.code, c.status, c.at, "import") for d in items for c in d.history])
    got = dossiers.facts("c", date(2026, 11, 16), date(2026, 12, 15))
    assert sorted(tuple(f) for f in got) == sorted(
        (f[0], f[1], f[2], f[3], f[4], int(f[5]), int(f[6]), f[7]) for f in map(facts_of, items))
    returned = [f for f in got if f[7]]
    # refused on 21/11 and more documents asked for on 23/11
    assert sorted(f[7] for f in returned) == [(date(2026, 11, 21).toordinal(),), (date(2026, 11, 23).toordinal(),)]


def test_storage_facts_select_the_period(tmp_path):
    store, dossiers = _store(tmp_path)
    before = make_dossier(code="OLD", status=DossierStatus.RESULT_RETURNED, received="2026-10-01 08:00",
                          due="2026-10-05 08:00", resolved="2026-10-04 08:00")
    after = make_dossier(code="LATER", received="2026-12-20 08:00", due="2026-12-25 08:00")
    inside = make_dossier(code="IN")
    with store.transaction() as conn:
        dossiers.upsert(conn, [row_of("c", d, "import", NOW) for d in (before, after, inside)])
    assert [f[1] for f in dossiers.facts("c", date(2026, 11, 16), date(2026, 12, 15))] == [
        date(2026, 11, 20).toordinal()]


def test_storage_board_lists(tmp_path):
    store, dossiers = _store(tmp_path)
    items = [make_dossier(code="DUE", due="2026-11-23 17:00"), make_dossier(code="LATE", due="2026-11-20 17:00"),
             make_dossier(code="READY", status=DossierStatus.RESULT_READY, resolved="2026-11-22 09:00"),
             make_dossier(code="GONE", status=DossierStatus.RESULT_RETURNED, resolved="2026-11-22 09:00"),
             make_dossier(code="OTHER", due="2026-11-20 17:00", department="cat")]
    with store.transaction() as conn:
        dossiers.upsert(conn, [row_of("c", d, "import", NOW) for d in items])
    board = dossiers.board("c", date(2026, 11, 23), "stp", 10)
    assert {k: [d.code for d in v] for k, v in board.items()} == {
        "result_ready": ["READY"], "due_today": ["DUE"], "overdue": ["LATE"]}
    counts = {r["department_id"]: (r["result_ready"], r["due_today"], r["overdue"])
              for r in dossiers.board_counts("c", date(2026, 11, 23))}
    assert counts == {"cat": (0, 0, 1), "stp": (1, 1, 1)}
