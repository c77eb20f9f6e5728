"""Queue statistics for a period: tickets issued / served / absent / transferred, waiting and
service times (mean and 90th percentile), per department, service and officer, by hour of day
and weekday (heat map), and the trend over days. Definitions are in docs/reports.md.

A ticket is counted on its service day, under the department and service it ended in (a
transfer moves it). Waiting time is issued → (last) called; service time is started → finished
of a served ticket; both in whole seconds. Means are exact; the 90th percentile is the
nearest-rank one over times rounded up to `STEP` seconds, so the SQL path can send a compact
histogram instead of every time and both paths give the same figure.

Input is two lists of plain tuples, what storage's GROUP BY queries return (`Cell`, `Bucket`);
`cells_of` / `buckets_of` make them from ticket rows for the pure path and the tests.

>>> stats = compute(cells_of(tickets), buckets_of(tickets), period, departments, services, officers)
>>> stats.total.served, stats.total.p90_wait
(812, 1320)
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .periods import Period
from .vn_format import format_decimal, format_int

STEP = 10
"""Seconds: the 90th percentiles are given to this step (rounded up)."""
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

Cell = tuple[str, str, str, int | None, str, int, bool, int, int, int, int, int]
"""(service_day ISO, department_id, service_id, officer_id, status, hour issued, transferred,
tickets, wait seconds sum, waits counted, service seconds sum, services counted)."""
Bucket = tuple[str, str, int | None, str, int, int]
"""(department_id, service_id, officer_id, 'wait' | 'serve', ceil(seconds / STEP), tickets)."""


@dataclass(slots=True)
class Figures:
    """Counts and times of one group of tickets (a department, service, officer, day or all)."""

    issued: int = 0
    served: int = 0
    absent: int = 0
    transferred: int = 0
    wait_sum: int = 0
    wait_n: int = 0
    serve_sum: int = 0
    serve_n: int = 0
    wait_hist: Counter = field(default_factory=Counter)
    serve_hist: Counter = field(default_factory=Counter)

    @property
    def mean_wait(self) -> Decimal | None:
        return _mean(self.wait_sum, self.wait_n)

    @property
    def mean_serve(self) -> Decimal | None:
        return _mean(self.serve_sum, self.serve_n)

    @property
    def p90_wait(self) -> int | None:
        return percentile(self.wait_hist, 90)

    @property
    def p90_serve(self) -> int | None:
        return percentile(self.serve_hist, 90)

    def as_dict(self) -> dict:
        return {"issued": self.issued, "served": self.served, "absent": self.absent,
                "transferred": self.transferred, "mean_wait_s": _f(self.mean_wait), "p90_wait_s": self.p90_wait,
                "mean_serve_s": _f(self.mean_serve), "p90_serve_s": self.p90_serve}


@dataclass(frozen=True, slots=True)
class Line:
    """A named row of the report: a department, a service (with its department) or an officer."""

    key: str
    name: str
    figures: Figures
    parent: str = ""


@dataclass(frozen=True, slots=True)
class QueueStats:
    period: Period
    departments: tuple[Line, ...]
    services: tuple[Line, ...]
    officers: tuple[Line, ...]
    total: Figures
    heatmap: tuple[tuple[int, ...], ...]   # 7 weekdays (Mon..Sun) × 24 hours: tickets issued
    trend: tuple[tuple[date, Figures], ...]  # every day of the period, in order

    def as_dict(self) -> dict:
        def lines(items):
            return [{"id": x.key, "name": x.name, **({"department_id": x.parent} if x.parent else {}),
                     **x.figures.as_dict()} for x in items]
        return {
            "period": {"first_day": self.period.first_day.isoformat(), "last_day": self.period.last_day.isoformat(),
                       "label": self.period.label},
            "departments": lines(self.departments), "services": lines(self.services),
            "officers": lines(self.officers), "total": self.total.as_dict(),
            "heatmap": {"weekdays": list(WEEKDAYS), "hours": list(range(24)), "counts": [list(r) for r in self.heatmap]},
            "trend": [{"day": d.isoformat(), **f.as_dict()} for d, f in self.trend],
        }


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _mean(total: int, n: int) -> Decimal | None:
    """Mean seconds to 0,1 s, half up; None for no data."""
    if n == 0:
        return None
    return (Decimal(total) / Decimal(n)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percentile(histogram: Mapping[int, int], p: int) -> int | None:
    """Nearest-rank p-th percentile (seconds) of a {bucket: count} histogram of STEP-second buckets."""
    n = sum(histogram.values())
    if n == 0:
        return None
    rank = -(-p * n // 100)  # ceil(p·n/100): the smallest value with at least p % at or below it
    seen = 0
    for bucket in sorted(histogram):
        seen += histogram[bucket]
        if seen >= rank:
            return bucket * STEP
    raise AssertionError("unreachable")


def bucket_of(seconds: int) -> int:
    """ceil(seconds / STEP): 0 → 0, 1..10 → 1, 11..20 → 2."""
    return -(-seconds // STEP)


# -- the pure path: cells and buckets from ticket rows -----------------------------------------

def _seconds(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    return int((datetime.fromisoformat(end) - datetime.fromisoformat(start)) // timedelta(seconds=1))


def _times(t: Mapping) -> tuple[int | None, int | None]:
    wait = _seconds(t["issued_at"], t["called_at"])
    serve = _seconds(t["started_at"], t["finished_at"]) if t["status"] == "done" else None
    return wait, serve


def cells_of(tickets: Iterable[Mapping]) -> list[Cell]:
    """Cells from ticket rows (dicts with the tickets table's columns): the pure GROUP BY."""
    groups: dict[tuple, list[int]] = {}
    for t in tickets:
        wait, serve = _times(t)
        key = (t["service_day"], t["department_id"], t["service_id"], t["officer_id"], t["status"],
               int(t["issued_at"][11:13]), t["transfers"] > 0)
        g = groups.setdefault(key, [0, 0, 0, 0, 0])
        g[0] += 1
        if wait is not None:
            g[1] += wait
            g[2] += 1
        if serve is not None:
            g[3] += serve
            g[4] += 1
    return [(*k, *v) for k, v in groups.items()]


def buckets_of(tickets: Iterable[Mapping]) -> list[Bucket]:
    """Time histograms from ticket rows: the pure counterpart of storage's bucket query."""
    counts: Counter = Counter()
    for t in tickets:
        wait, serve = _times(t)
        base = (t["department_id"], t["service_id"], t["officer_id"])
        if wait is not None:
            counts[(*base, "wait", bucket_of(wait))] += 1
        if serve is not None:
            counts[(*base, "serve", bucket_of(serve))] += 1
    return [(*k, n) for k, n in counts.items()]


# -- the computation ---------------------------------------------------------------------------

def _add_cell(f: Figures, status: str, transferred: bool, n: int, ws: int, wn: int, ss: int, sn: int) -> None:
    f.issued += n
    f.served += n if status == "done" else 0
    f.absent += n if status == "absent" else 0
    f.transferred += n if transferred else 0
    f.wait_sum, f.wait_n, f.serve_sum, f.serve_n = f.wait_sum + ws, f.wait_n + wn, f.serve_sum + ss, f.serve_n + sn


def _groups(cells: Iterable[Cell], buckets: Iterable[Bucket], period: Period):
    """One pass over cells, one over buckets: figures by group key, the heat map, the days."""
    groups: dict[tuple, Figures] = {}
    heat = [[0] * 24 for _ in range(7)]
    days: dict[str, Figures] = {}

    def of(key):
        f = groups.get(key)
        if f is None:
            f = groups[key] = Figures()
        return f

    first, last = period.first_day.isoformat(), period.last_day.isoformat()
    for day, dept, service, officer, status, hour, transferred, n, ws, wn, ss, sn in cells:
        if not first <= day <= last:
            continue
        for f in (of(("total",)), of(("dept", dept)), of(("service", dept, service)), of(("officer", officer)),
                  days.setdefault(day, Figures())):
            _add_cell(f, status, transferred, n, ws, wn, ss, sn)
        heat[date.fromisoformat(day).weekday()][hour] += n
    for dept, service, officer, kind, bucket, n in buckets:
        for key in (("total",), ("dept", dept), ("service", dept, service), ("officer", officer)):
            f = of(key)
            (f.wait_hist if kind == "wait" else f.serve_hist)[bucket] += n
    return groups, heat, days


def compute(cells: Iterable[Cell], buckets: Iterable[Bucket], period: Period, departments: Sequence,
            services: Mapping[str, str] | None = None, officers: Mapping[int, str] | None = None) -> QueueStats:
    """Queue statistics from cells and buckets of the period. `departments` have `id` and `name`
    (the configured order); `services` and `officers` map ids to names. Buckets must come from the
    same tickets as the cells (storage filters both on the period)."""
    services, officers = services or {}, officers or {}
    groups, heat, days = _groups(cells, buckets, period)
    names = {d.id: d.name for d in departments}
    met = {k[1] for k in groups if k[0] == "dept"}
    dept_order = [d.id for d in departments] + sorted(met - set(names), key=str)
    dept_lines = tuple(Line(d, names.get(d, d), groups.get(("dept", d), Figures())) for d in dept_order)
    rank = {d: i for i, d in enumerate(dept_order)}
    service_keys = sorted((k for k in groups if k[0] == "service"), key=lambda k: (rank.get(k[1], 0), str(k[2])))
    service_lines = tuple(Line(k[2], services.get(k[2], k[2]), groups[k], k[1]) for k in service_keys)
    officer_keys = sorted((k for k in groups if k[0] == "officer" and k[1] is not None),
                          key=lambda k: (officers.get(k[1], ""), k[1]))
    officer_lines = tuple(Line(str(k[1]), officers.get(k[1], f"#{k[1]}"), groups[k]) for k in officer_keys)
    span = (period.last_day - period.first_day).days + 1
    trend = tuple((d, days.get(d.isoformat(), Figures()))
                  for d in (period.first_day + timedelta(days=i) for i in range(span)))
    return QueueStats(period, dept_lines, service_lines, officer_lines, groups.get(("total",), Figures()),
                      tuple(map(tuple, heat)), trend)


# -- formatting --------------------------------------------------------------------------------

def minutes(seconds: Decimal | int | None) -> str:
    """Seconds as minutes with one decimal, Vietnamese format: 754 → '12,6'; None → '-'."""
    return "-" if seconds is None else format_decimal(Decimal(seconds) / 60, 1)


HEADER = ["Đơn vị / dịch vụ", "Số phát", "Đã phục vụ", "Vắng mặt", "Chuyển", "Chờ TB (phút)",
          "Chờ P90 (phút)", "Phục vụ TB (phút)", "Phục vụ P90 (phút)"]
OFFICER_HEADER = ["Cán bộ", "Số gọi", "Đã phục vụ", "Vắng mặt", "Chuyển", "Chờ TB (phút)",
                  "Chờ P90 (phút)", "Phục vụ TB (phút)", "Phục vụ P90 (phút)"]


def figure_cells(f: Figures) -> list[str]:
    return [format_int(f.issued), format_int(f.served), format_int(f.absent), format_int(f.transferred),
            minutes(f.mean_wait), minutes(f.p90_wait), minutes(f.mean_serve), minutes(f.p90_serve)]


def format_rows(stats: QueueStats) -> list[list[str]]:
    """Departments with their services indented beneath, then the total: strings, Vietnamese format."""
    rows = [HEADER]
    for d in stats.departments:
        rows.append([d.name, *figure_cells(d.figures)])
        rows += [[f"   · {s.name}", *figure_cells(s.figures)] for s in stats.services if s.parent == d.key]
    rows.append(["Tổng cộng", *figure_cells(stats.total)])
    return rows


def format_officers(stats: QueueStats) -> list[list[str]]:
    return [OFFICER_HEADER, *([o.name, *figure_cells(o.figures)] for o in stats.officers)]
