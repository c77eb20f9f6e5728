"""The report queries: GROUP BY aggregates that feed the pure report functions.

Phụ lục II needs (department, value, n); the queue statistics need fine cells and STEP-second
time histograms (see reporting/queue_stats.py for the tuple layouts). The heavy lifting stays in
SQLite so a province's month (1.5 M ratings, 2 M tickets) never crosses into Python row by row;
the indexes of migration `_v6_report_indexes` keep the scans inside covering indexes.

Ratings are filtered on `at`, an ISO local time with the centre's offset (+07:00): comparing
the strings compares the instants because every row carries the same offset. Tickets are
filtered on their local service day.

>>> Reports(store).rating_counts("tphcc-demo", "category", period)
[('stp', 'satisfied_service', 412), ...]
"""
from __future__ import annotations

from ..reporting.periods import Period
from ..reporting.queue_stats import STEP
from .store import Store

# Whole seconds between two ISO times (julianday is exact to the millisecond; round that first).
_SECONDS = "(CAST(round((julianday({end}) - julianday({start})) * 86400000) AS INTEGER) / 1000)"
_WAIT = _SECONDS.format(start="issued_at", end="called_at")
_SERVE_RAW = _SECONDS.format(start="started_at", end="finished_at")
_SERVE = f"CASE WHEN status = 'done' THEN {_SERVE_RAW} END"

_CELLS = f"""
SELECT service_day, department_id, service_id, officer_id, status, hour, transferred, COUNT(*),
       COALESCE(SUM(w), 0), COUNT(w), COALESCE(SUM(s), 0), COUNT(s)
FROM (SELECT service_day, department_id, service_id, officer_id, status,
             CAST(substr(issued_at, 12, 2) AS INTEGER) AS hour, transfers > 0 AS transferred,
             {_WAIT} AS w, {_SERVE} AS s
      FROM tickets WHERE centre_id = ? AND service_day BETWEEN ? AND ?)
GROUP BY 1, 2, 3, 4, 5, 6, 7"""

_BUCKETS = f"""
SELECT department_id, service_id, officer_id, kind, (t + {STEP - 1}) / {STEP}, COUNT(*)
FROM (SELECT department_id, service_id, officer_id, 'wait' AS kind, {_WAIT} AS t
      FROM tickets WHERE centre_id = ? AND service_day BETWEEN ? AND ? AND called_at IS NOT NULL
      UNION ALL
      SELECT department_id, service_id, officer_id, 'serve', {_SERVE_RAW}
      FROM tickets WHERE centre_id = ? AND service_day BETWEEN ? AND ? AND status = 'done'
                         AND started_at IS NOT NULL AND finished_at IS NOT NULL)
GROUP BY 1, 2, 3, 4, 5"""

_RATING_COLUMNS = "r.id, r.at, r.counter, r.officer_id, r.department_id, r.value, r.comment, r.style"


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

    def rating_counts(self, centre_id: str, style: str, period: Period, column: str = "department_id") -> list[tuple]:
        """(department_id | counter | officer_id, value, n) of the period's ratings of `style`."""
        if column not in ("department_id", "counter", "officer_id"):
            raise ValueError(f"cannot group ratings by {column}")
        return self._rows(f"SELECT {column}, value, COUNT(*) FROM ratings WHERE centre_id = ? AND style = ? "
                          f"AND at >= ? AND at < ? GROUP BY 1, 2", (centre_id, style, *self._at(period)))

    def rating_rows(self, centre_id: str, period: Period, values: list[str] | None = None,
                    with_comment: bool = False) -> list[dict]:
        """Ratings of the period with their ticket's number, oldest first: only `values` if given,
        only those with a comment if `with_comment`."""
        where = ["r.centre_id = ?", "r.at >= ?", "r.at < ?"]
        params: list = [centre_id, *self._at(period)]
        if values is not None:
            where.append(f"r.value IN ({', '.join('?' * len(values))})")
            params += values
        if with_comment:
            where.append("r.comment <> ''")
        sql = (f"SELECT {_RATING_COLUMNS}, t.label AS ticket_label FROM ratings r "
               f"LEFT JOIN tickets t ON t.id = r.ticket_id WHERE {' AND '.join(where)} ORDER BY r.at, r.id")
        return self.store.query(sql, params)

    def ticket_cells(self, centre_id: str, period: Period) -> list[tuple]:
        """Queue-statistics cells (reporting.queue_stats.Cell) of the period's service days."""
        return self._rows(_CELLS, (centre_id, period.first_day.isoformat(), period.last_day.isoformat()))

    def time_buckets(self, centre_id: str, period: Period) -> list[tuple]:
        """Waiting / service time histograms (reporting.queue_stats.Bucket) of the period."""
        days = (period.first_day.isoformat(), period.last_day.isoformat())
        return self._rows(_BUCKETS, (centre_id, *days, centre_id, *days))

    def officer_names(self, centre_id: str) -> dict[int, str]:
        return {r[0]: r[1] for r in self._rows("SELECT id, name FROM users WHERE centre_id = ?", (centre_id,))}

    def tickets_served(self, centre_id: str, period: Period) -> int:
        """Tickets finished as served ('done') on the period's service days."""
        return self._rows("SELECT COUNT(*) FROM tickets WHERE centre_id = ? AND service_day BETWEEN ? AND ? "
                          "AND status = 'done'",
                          (centre_id, period.first_day.isoformat(), period.last_day.isoformat()))[0][0]
