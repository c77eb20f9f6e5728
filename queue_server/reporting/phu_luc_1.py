"""Phụ lục I: dossier handling by department for a reporting period.

Every dossier received on or before the period's last day and not closed
before its first day is counted once as received, and lands in exactly one
of: resolved (closed, with or without a result) in the period, or still in
progress at its end. So, per row and in total:
received = carried over + new = resolved + in progress.
"Hồ sơ bị trả lại" (returned) overlaps them: among the received dossiers,
those sent back to the applicant within the period (more documents asked
for, or refused), as the appendices centres publish count it.

The computation is one pass over plain tuples (`DossierFacts`) with days as
ordinals, so storage can feed it straight from SQL without building objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

from queue_server.dossiers.model import RETURN_STATUSES, Department, Dossier
from queue_server.dossiers.timeliness import local_day
from queue_server.reporting.periods import Period
from queue_server.reporting.vn_format import format_int, format_percent, percent


class Outcome(IntEnum):
    """Where a dossier stands now, for the report: still open, resolved, closed without result."""

    OPEN = 0
    RESOLVED = 1
    UNRESOLVED = 2


OPEN_DAY = 10**9
"""closed_day of a dossier that is still open: later than any period."""

DossierFacts = tuple[str, int, int, int, int, bool, bool, tuple[int, ...]]
"""(department_id, received_day, due_day, closed_day, outcome, online, level_3_4, returned_days).

Days are `date.toordinal()` of the local (Asia/Ho_Chi_Minh) day; in SQLite,
`CAST(julianday(day) - 1721424.5 AS INTEGER)`. closed_day is OPEN_DAY when open.
returned_days: the days the dossier was sent back to the applicant; storage may
pass only those within the period (at most one is needed).
"""

COLUMNS = (
    "received", "carried_over", "new", "resolved", "early", "on_time", "late",
    "in_progress", "within_deadline", "overdue", "returned", "online", "level_3_4",
)
(RECEIVED, CARRIED, NEW, RESOLVED, EARLY, ON_TIME, LATE,
 IN_PROGRESS, WITHIN, OVERDUE, RETURNED, ONLINE, LEVEL34) = range(len(COLUMNS))

# Which column each percentage divides by (DOMAIN.md); LEVEL34's cell is online / level-3/4 (**).
_DENOMINATORS = {
    RECEIVED: RECEIVED, CARRIED: RECEIVED, NEW: RECEIVED, RESOLVED: RECEIVED,
    EARLY: RESOLVED, ON_TIME: RESOLVED, LATE: RESOLVED, IN_PROGRESS: RECEIVED,
    WITHIN: IN_PROGRESS, OVERDUE: IN_PROGRESS, RETURNED: RECEIVED, ONLINE: RECEIVED,
}

# Situation codes of the single pass: where a counted dossier falls.
_EARLY, _ON_TIME, _LATE, _WITHIN, _OVERDUE = range(5)
_SITUATION_COLUMNS = {
    _EARLY: (RESOLVED, EARLY), _ON_TIME: (RESOLVED, ON_TIME), _LATE: (RESOLVED, LATE),
    _WITHIN: (IN_PROGRESS, WITHIN), _OVERDUE: (IN_PROGRESS, OVERDUE),
}


@dataclass(frozen=True, slots=True)
class Row:
    """One department's counts, in COLUMNS order."""

    department_id: str
    name: str
    counts: tuple[int, ...]

    def __getitem__(self, column: str) -> int:
        return self.counts[COLUMNS.index(column)]


@dataclass(frozen=True, slots=True)
class PhuLuc1:
    """The computed table: rows in the configured order, the total row, the percentage row."""

    period: Period
    rows: tuple[Row, ...]
    total: tuple[int, ...]
    percentages: tuple[Decimal | None, ...]  # half-up to 0,01; None where the denominator is 0

    def as_dict(self) -> dict:
        """JSON-ready form: counts by column name, percentages as floats (null when undefined)."""
        return {
            "period": {"first_day": self.period.first_day.isoformat(), "last_day": self.period.last_day.isoformat(),
                       "label": self.period.label},
            "rows": [{"department_id": r.department_id, "name": r.name, **dict(zip(COLUMNS, r.counts))}
                     for r in self.rows],
            "total": dict(zip(COLUMNS, self.total)),
            "percentages": {c: None if p is None else float(p) for c, p in zip(COLUMNS, self.percentages)},
        }


def returned_days(dossier: Dossier) -> tuple[int, ...]:
    """The local days on which the dossier was sent back to the applicant (RETURN_STATUSES)."""
    days = {local_day(change.at).toordinal() for change in dossier.history if change.status in RETURN_STATUSES}
    if dossier.status in RETURN_STATUSES and dossier.resolved_at is not None:
        days.add(local_day(dossier.resolved_at).toordinal())
    return tuple(sorted(days))


def facts_of(dossier: Dossier) -> DossierFacts:
    """The plain tuple the report needs from a Dossier."""
    status = dossier.status
    outcome = Outcome.RESOLVED if status.is_resolved else (
        Outcome.UNRESOLVED if status.is_unresolved_close else Outcome.OPEN)
    closed = OPEN_DAY if outcome is Outcome.OPEN or dossier.resolved_at is None else (
        local_day(dossier.resolved_at).toordinal())
    return (
        dossier.department_id,
        local_day(dossier.received_at).toordinal(),
        local_day(dossier.due_at).toordinal(),
        closed,
        int(outcome),
        dossier.channel == "online",
        dossier.level in (3, 4),
        returned_days(dossier),
    )


def _situation_counts(facts: Iterable[DossierFacts], first: int, last: int) -> dict:
    """Count dossiers by (department, carried over, situation, online, level 3/4, returned): the hot loop."""
    counts: dict = {}
    get = counts.get
    for dept, received, due, closed, _outcome, online, l34, returns in facts:
        if received > last or closed < first:
            continue
        if closed > last:
            situation = _OVERDUE if last > due else _WITHIN
        else:
            situation = _EARLY if closed < due else (_ON_TIME if closed == due else _LATE)
        returned = any(first <= day <= last for day in returns) if returns else False
        key = (dept, received < first, situation, online, l34, returned)
        counts[key] = get(key, 0) + 1
    return counts


def _rows_from_counts(counts: dict, departments: Sequence[Department]) -> dict[str, list[int]]:
    table = {d.id: [0] * len(COLUMNS) for d in departments}
    for (dept, carried, situation, online, l34, returned), n in counts.items():
        row = table.setdefault(dept, [0] * len(COLUMNS))
        for column in (RECEIVED, CARRIED if carried else NEW, *_SITUATION_COLUMNS[situation]):
            row[column] += n
        row[RETURNED] += n if returned else 0
        row[ONLINE] += n if online else 0
        row[LEVEL34] += n if l34 else 0
    return table


def _percentages(total: Sequence[int]) -> tuple[Decimal | None, ...]:
    cells = [percent(total[c], total[d]) for c, d in sorted(_DENOMINATORS.items())]
    return (*cells, percent(total[ONLINE], total[LEVEL34]))


def compute_from_facts(
    facts: Iterable[DossierFacts], period: Period, departments: Sequence[Department]
) -> PhuLuc1:
    """Phụ lục I from plain tuples. Departments not in `departments` get rows after them, by id."""
    counts = _situation_counts(facts, period.first_day.toordinal(), period.last_day.toordinal())
    table = _rows_from_counts(counts, departments)
    names = {d.id: d.name for d in departments}
    order = [d.id for d in departments] + sorted(set(table) - set(names))
    rows = tuple(Row(i, names.get(i, i), tuple(table[i])) for i in order)
    total = tuple(sum(col) for col in zip(*(r.counts for r in rows))) if rows else (0,) * len(COLUMNS)
    return PhuLuc1(period, rows, total, _percentages(total))


def compute(dossiers: Iterable[Dossier], period: Period, departments: Sequence[Department]) -> PhuLuc1:
    """Phụ lục I from Dossier objects (convenient; storage should prefer compute_from_facts)."""
    return compute_from_facts(map(facts_of, dossiers), period, departments)


HEADER_GROUPS = (
    "STT", "Đơn vị", "Số hồ sơ tiếp nhận", "", "", "Số hồ sơ đã giải quyết", "", "", "",
    "Số hồ sơ đang giải quyết", "", "", "Hồ sơ bị trả lại", "Hồ sơ nhận qua trực tuyến",
    "Số hồ sơ mức độ 3, 4",
)
HEADER_COLUMNS = (
    "", "", "Tổng số", "Kỳ trước chuyển qua", "Số mới tiếp nhận", "Tổng số", "Trước hạn",
    "Đúng hạn", "Quá hạn", "Tổng số", "Còn hạn", "Quá hạn", "", "", "",
)
NOTE_STAR_STAR = "(**) Tỷ lệ hồ sơ nhận qua trực tuyến trên tổng số hồ sơ mức độ 3, 4."


def format_rows(report: PhuLuc1) -> list[list[str]]:
    """The table as strings in Vietnamese format: two header rows, rows, total, percentages."""
    body = [[str(i), r.name, *map(format_int, r.counts)] for i, r in enumerate(report.rows, 1)]
    pct = [format_percent(p) for p in report.percentages]
    pct[LEVEL34] += " (**)"
    return [
        list(HEADER_GROUPS),
        list(HEADER_COLUMNS),
        *body,
        ["", "Tổng cộng", *map(format_int, report.total)],
        ["", "Tỷ lệ (%)", *pct],
    ]
