"""A rating at 23:59:59 on the cut-off day is in the month; one at 00:00 the next day is not."""
from __future__ import annotations

from queue_server.reporting import periods
from queue_server.storage import Store
from queue_server.storage.reports import Reports

from .helpers import write


def _rating(rid: str, at: str) -> dict:
    return {"id": rid, "centre_id": "c", "ticket_id": None, "service_id": None, "department_id": "stp",
            "counter": 1, "officer_id": None, "style": "category", "value": "satisfied_service", "comment": "",
            "at": at, "device_id": None}


def test_period_boundaries_at_local_midnight_of_cutoff_day(tmp_path):
    store = Store(tmp_path / "b.db")
    write(store, "ratings", [
        _rating("before-start", "2020-11-15T23:59:59+07:00"),
        _rating("start", "2020-11-16T00:00:00+07:00"),
        _rating("last-second", "2020-12-15T23:59:59.999000+07:00"),
        _rating("next-month", "2020-12-16T00:00:00+07:00"),
    ])
    reports = Reports(store)
    december = periods.month(2020, 12, 15)
    assert reports.rating_counts("c", "category", december) == [("stp", "satisfied_service", 2)]
    ids = {r["id"] for r in reports.rating_rows("c", december)}
    assert ids == {"start", "last-second"}
    january = periods.month(2021, 1, 15)
    assert {r["id"] for r in reports.rating_rows("c", january)} == {"next-month"}
    store.close()


def test_period_boundaries_cutoff_25_month():
    p = periods.month(2021, 3, 25)
    assert (p.first_day.isoformat(), p.last_day.isoformat()) == ("2021-02-26", "2021-03-25")
    assert p.start_at.isoformat() == "2021-02-26T00:00:00+07:00"
