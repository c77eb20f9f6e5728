"""The report queries: per-day summaries that feed the pure report functions.

Phụ lục II needs (department, value, n); the queue statistics need fine cells and STEP-second
time histograms (see reporting/queue_stats.py for the tuple layouts). A province's month (1.5 M
ratings, 2 M tickets) never crosses into Python row by row, and is not even scanned: the
triggers of migration `_v9_report_summaries` keep per-day summaries exact on every write, so a
report reads a few thousand summary rows (bench/bench_reports.py).

Days are local service days. A rating's day is the date part of `at`, an ISO local time with the
centre's offset (+07:00), so "day between first and last" is exactly "at in [start_at,
end_before)" of the period. In the summaries officer -1 and department '' stand for NULL.

>>> Reports(store).rating_counts("tphcc-demo", "category", period)
[('stp', 'satisfied_service', 412), ...]
"""
from __future__ import annotations

import json

from ..reporting.periods import Period
from .store import Store

_CELLS = """
SELECT service_day, department_id, service_id, NULLIF(officer, -1), status, hour, transferred, n,
       wait_sum, wait_n, serve_sum, serve_n
FROM report_ticket_cells WHERE centre_id = ? AND service_day BETWEEN ? AND ? AND n <> 0"""

_HISTOGRAMS = """
SELECT department_id, service_id, NULLIF(officer, -1), kind, counts
FROM report_ticket_hist WHERE centre_id = ? AND service_day BETWEEN ? AND ?"""

_RATING_KEYS = {"department_id": "NULLIF(department, '')", "counter": "counter", "officer_id": "NULLIF(officer, -1)"}
_RATING_COLUMNS = "r.id, r.at, r.counter, r.officer_id, r.department_id, r.value, r.comment, r.style"
_RATING_NAMES = (*(c.removeprefix("r.") for c in _RATING_COLUMNS.split(", ")), "ticket_label")


def merge_histograms(rows) -> list[tuple]:
    """Bucket tuples (reporting.queue_stats.Bucket) from per-day JSON histograms: the days of one
    department, service, officer and kind added up; empty buckets left out."""
    merged: dict[tuple, dict[str, int]] = {}
    for dept, service, officer, kind, counts in rows:
        into = merged.setdefault((dept, service, officer, kind), {})
        for bucket, n in json.loads(counts).items():
            into[bucket] = into.get(bucket, 0) + n
    return [(*key, int(bucket), n) for key, counts in merged.items() for bucket, n in counts.items() if n]


class Reports:
    """Read-only report queries over one store.

    >>> cells = Reports(store).ticket_cells("tphcc-demo", period)
    """

    def __init__(self, store: Store):
        self.store = store

    def _rows(self, sql: str, params) -> list[tuple]:
        return self.store.read(sql, params)

    @staticmethod
    def _at(period: Period) -> tuple[str, str]:
        return period.start_at.isoformat(), period.end_before.isoformat()

    @staticmethod
    def _days(period: Period) -> tuple[str, str]:
        return period.first_day.isoformat(), period.last_day.isoformat()

    def rating_counts(self, centre_id: str, style: str, period: Period, column: str = "department_id") -> list[tuple]:
        """(department_id | counter | officer_id, value, n) of the period's ratings of `style`."""
        if column not in _RATING_KEYS:
            raise ValueError(f"cannot group ratings by {column}")
        return self._rows(f"SELECT {_RATING_KEYS[column]}, value, SUM(n) FROM report_rating_days "
                          "WHERE centre_id = ? AND style = ? AND day BETWEEN ? AND ? GROUP BY 1, 2 HAVING SUM(n) <> 0",
                          (centre_id, style, *self._days(period)))

    def rating_styles(self, centre_id: str, period: Period) -> list[str]:
        """The rating styles the period's ratings were made in."""
        return [r[0] for r in self._rows("SELECT style FROM report_rating_days WHERE centre_id = ? AND day BETWEEN ? "
                                         "AND ? GROUP BY style HAVING SUM(n) <> 0 ORDER BY style",
                                         (centre_id, *self._days(period)))]

    def _rating_filter(self, centre_id: str, period: Period, values: list[str] | None,
                       with_comment: bool) -> tuple[str, list]:
        where = ["r.centre_id = ?", "r.at >= ?", "r.at < ?"]
        params: list = [centre_id, *self._at(period)]
        if values is not None:
            where.append(f"r.value IN ({', '.join('?' * len(values))})")
            params += values
        if with_comment:
            where.append("r.comment <> ''")
        return " AND ".join(where), params

    def rating_count(self, centre_id: str, period: Period, values: list[str] | None = None,
                     with_comment: bool = False) -> int:
        """How many ratings `rating_rows` would list without a limit."""
        where, params = self._rating_filter(centre_id, period, values, with_comment)
        return self._rows(f"SELECT COUNT(*) FROM ratings r WHERE {where}", params)[0][0]

    def rating_rows(self, centre_id: str, period: Period, values: list[str] | None = None,
                    with_comment: bool = False, limit: int | None = None) -> list[dict]:
        """Ratings of the period with their ticket's number, oldest first: only `values` if given,
        only those with a comment if `with_comment`, only the first `limit` if given."""
        where, params = self._rating_filter(centre_id, period, values, with_comment)
        sql = (f"SELECT {_RATING_COLUMNS}, t.label AS ticket_label FROM ratings r "
               f"LEFT JOIN tickets t ON t.id = r.ticket_id WHERE {where} ORDER BY r.at, r.id")
        if limit is not None:
            sql, params = sql + " LIMIT ?", [*params, limit]
        # On the read connection (not store.query, which holds the writer's lock): a month's list
        # can take seconds and must not hold up the live queue.
        return [dict(zip(_RATING_NAMES, row)) for row in self._rows(sql, params)]

    def ticket_cells(self, centre_id: str, period: Period) -> list[tuple]:
        """Queue-statistics cells (reporting.queue_stats.Cell) of the period's service days."""
        return self._rows(_CELLS, (centre_id, *self._days(period)))

    def time_buckets(self, centre_id: str, period: Period) -> list[tuple]:
        """Waiting / service time histograms (reporting.queue_stats.Bucket) of the period."""
        return merge_histograms(self._rows(_HISTOGRAMS, (centre_id, *self._days(period))))

    def officer_names(self, centre_id: str) -> dict[int, str]:
        return {r[0]: r[1] for r in self._rows("SELECT id, name FROM users WHERE centre_id = ?", (centre_id,))}

    def tickets_served(self, centre_id: str, period: Period) -> int:
        """Tickets finished as served ('done') on the period's service days."""
        return self._rows("SELECT IFNULL(SUM(n), 0) FROM report_ticket_cells WHERE centre_id = ? "
                          "AND service_day BETWEEN ? AND ? AND status = 'done'", (centre_id, *self._days(period)))[0][0]
