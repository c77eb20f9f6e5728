"""Phụ lục II: satisfaction ratings by department for a reporting period.

One row per department in the configured order (then any department met in the data but
not configured, by id), a total row, and a percentage row dividing each column's total by
the grand total. The columns are the options of the centre's rating style: the five
categories of DOMAIN.md, or Rất hài lòng / Hài lòng / Không hài lòng, or 1–5 stars (with
the average number of stars). Beside the table, the ratings as a share of the tickets
served and of the dossiers resolved in the period (the figure centres try to raise).

Input is plain `(department_id, value, count)` triples, what a SQL GROUP BY returns;
`count_ratings` makes them from rating rows for the pure path and the tests.

A period whose ratings were made under two styles (the centre changed its style, or a tablet
still showed the old one) reports both: `compute_all` gives the current style's table with one
more table per other style used (`other_styles`), and the shares count every rating.

>>> report = compute([("stp", "satisfied_service", 3)], period, departments, RatingStyle.CATEGORY)
>>> report.total, report.percentages[-1]
((3, 0, 0, 0, 0, 3), Decimal('100.00'))
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from ..config import RatingStyle
from ..ratings import RATING_OPTIONS
from .periods import Period
from .vn_format import format_decimal, format_int, format_percent, percent

UNKNOWN_DEPARTMENT = "Chưa xác định đơn vị"
"""Row name for ratings tied to no department (a walk-up rating at a general counter)."""

TITLE = "PHỤ LỤC II"
SUBTITLE = "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG THEO ĐƠN VỊ"
_STYLE_SUBTITLE = {
    RatingStyle.CATEGORY: SUBTITLE,
    RatingStyle.LEVEL: SUBTITLE + " (MỨC ĐỘ)",
    RatingStyle.STARS: SUBTITLE + " (SỐ SAO)",
}

RatingCount = tuple[str | None, str, int]
"""(department_id, value, number of ratings)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One department: its counts in the style's column order, their total, the star average."""

    department_id: str
    name: str
    counts: tuple[int, ...]
    total: int
    average: Decimal | None = None  # stars only; None when the row has no rating


@dataclass(frozen=True, slots=True)
class PhuLuc2:
    """The computed table and the two shares."""

    period: Period
    style: RatingStyle
    values: tuple[str, ...]          # column keys (rating values) in display order
    labels: tuple[str, ...]          # Vietnamese column headers
    rows: tuple[Row, ...]
    total: Row
    percentages: tuple[Decimal | None, ...]  # one per column, then the grand total's own (100,00)
    tickets_served: int
    dossiers_resolved: int | None    # None: the centre has no dossier data (never imported)
    other_styles: tuple["PhuLuc2", ...] = ()   # tables of the other styles used in the period

    @property
    def all_ratings(self) -> int:
        """Every rating of the period, whatever its style."""
        return self.total.total + sum(o.total.total for o in self.other_styles)

    @property
    def share_of_served(self) -> Decimal | None:
        """Ratings per ticket served, in %: None when nobody was served."""
        return percent(self.all_ratings, self.tickets_served)

    @property
    def share_of_resolved(self) -> Decimal | None:
        """Ratings per dossier resolved, in % (may exceed 100 when ratings outnumber dossiers); None
        when nothing was resolved or no dossier data exists."""
        return None if self.dossiers_resolved is None else percent(self.all_ratings, self.dossiers_resolved)

    def as_dict(self) -> dict:
        """JSON-ready form; percentages as floats, null where undefined."""
        def row(r: Row) -> dict:
            extra = {"average": _float(r.average)} if self.style is RatingStyle.STARS else {}
            return {"department_id": r.department_id, "name": r.name, **dict(zip(self.values, r.counts)),
                    "total": r.total, **extra}
        return {
            "period": {"first_day": self.period.first_day.isoformat(), "last_day": self.period.last_day.isoformat(),
                       "label": self.period.label},
            "style": self.style.value, "columns": dict(zip(self.values, self.labels)),
            "rows": [row(r) for r in self.rows], "total": row(self.total),
            "percentages": dict(zip((*self.values, "total"), map(_float, self.percentages))),
            "tickets_served": self.tickets_served, "dossiers_resolved": self.dossiers_resolved,
            "all_ratings": self.all_ratings,
            "share_of_served": _float(self.share_of_served), "share_of_resolved": _float(self.share_of_resolved),
            "other_styles": [{k: v for k, v in o.as_dict().items() if k in _STYLE_TABLE_KEYS}
                             for o in self.other_styles],
        }


_STYLE_TABLE_KEYS = ("style", "columns", "rows", "total", "percentages")


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def count_ratings(ratings: Iterable[Mapping]) -> list[RatingCount]:
    """(department_id, value, n) from rating rows (dicts with department_id and value): the pure
    counterpart of the SQL GROUP BY."""
    counts = Counter((r["department_id"], r["value"]) for r in ratings)
    return [(dept, value, n) for (dept, value), n in counts.items()]


def count_ratings_by_style(ratings: Iterable[Mapping]) -> dict[str, list[RatingCount]]:
    """{style: (department_id, value, n)} from rating rows (with a `style`)."""
    rows_of: dict[str, list[Mapping]] = {}
    for r in ratings:
        rows_of.setdefault(r["style"], []).append(r)
    return {style: count_ratings(rows) for style, rows in rows_of.items()}


def _star_average(values: Sequence[str], counts: Sequence[int]) -> Decimal | None:
    """Mean stars to two decimals, half up from the exact fraction."""
    n = sum(counts)
    if n == 0:
        return None
    stars = sum(int(v) * c for v, c in zip(values, counts))
    return (Decimal(stars) / Decimal(n)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _make_row(dept: str, name: str, counts: Sequence[int], style: RatingStyle, values: Sequence[str]) -> Row:
    average = _star_average(values, counts) if style is RatingStyle.STARS else None
    return Row(dept, name, tuple(counts), sum(counts), average)


def compute(counts: Iterable[RatingCount], period: Period, departments: Sequence, style: RatingStyle,
            tickets_served: int = 0, dossiers_resolved: int | None = 0) -> PhuLuc2:
    """Phụ lục II from (department_id, value, n) triples. `departments` are objects with `id` and
    `name`, in the centre's order. Values that are not options of `style` are left out (ratings made
    before the centre changed its style belong to another table)."""
    options = RATING_OPTIONS[RatingStyle(style)]
    values = tuple(options)
    column = {v: i for i, v in enumerate(values)}
    names = {d.id: d.name for d in departments}
    table: dict[str, list[int]] = {d.id: [0] * len(values) for d in departments}
    for dept, value, n in counts:
        if value in column:
            table.setdefault(dept or "", [0] * len(values))[column[value]] += n
    order = [d.id for d in departments] + sorted(set(table) - set(names))
    rows = tuple(_make_row(i, names.get(i, i or UNKNOWN_DEPARTMENT), table[i], style, values) for i in order)
    sums = [sum(r.counts[c] for r in rows) for c in range(len(values))]
    total = _make_row("", "Tổng cộng", sums, style, values)
    pcts = (*(percent(s, total.total) for s in sums), percent(total.total, total.total))
    return PhuLuc2(period, RatingStyle(style), values, tuple(options[v][0] for v in values), rows, total, pcts,
                   tickets_served, dossiers_resolved)


def compute_all(counts_by_style: Mapping[str, Iterable[RatingCount]], period: Period, departments: Sequence,
                current: RatingStyle, tickets_served: int = 0, dossiers_resolved: int | None = 0) -> PhuLuc2:
    """Phụ lục II of the current style, with a table for each other style that has ratings in the
    period (in the order of RatingStyle), so no rating drops out of the totals."""
    current = RatingStyle(current)
    others = tuple(compute(counts_by_style[style.value], period, departments, style)
                   for style in RatingStyle if style is not current and style.value in counts_by_style)
    main = compute(counts_by_style.get(current.value, []), period, departments, current, tickets_served,
                   dossiers_resolved)
    return replace(main, other_styles=tuple(o for o in others if o.total.total))


def header(report: PhuLuc2) -> list[str]:
    """STT, Tên đơn vị, the style's columns, Tổng cộng (and Điểm trung bình for stars)."""
    labels = [f"{v} sao ({label})" for v, label in zip(report.values, report.labels)] \
        if report.style is RatingStyle.STARS else list(report.labels)
    extra = ["Điểm trung bình (sao)"] if report.style is RatingStyle.STARS else []
    return ["STT", "Tên đơn vị", *labels, "Tổng cộng", *extra]


def _average_cell(report: PhuLuc2, row: Row) -> list[str]:
    if report.style is not RatingStyle.STARS:
        return []
    return ["-" if row.average is None else format_decimal(row.average, 2)]


def format_rows(report: PhuLuc2) -> list[list[str]]:
    """The table as strings in Vietnamese format: header, rows, total, percentage row."""
    body = [[str(i), r.name, *map(format_int, r.counts), format_int(r.total), *_average_cell(report, r)]
            for i, r in enumerate(report.rows, 1)]
    total = report.total
    pct = ["", "Tỷ lệ (%)", *map(format_percent, report.percentages)]
    pct += [""] if report.style is RatingStyle.STARS else []
    return [header(report), *body,
            ["", "Tổng cộng", *map(format_int, total.counts), format_int(total.total), *_average_cell(report, total)],
            pct]


def _share(value: Decimal | None) -> str:
    return "chưa tính được tỷ lệ" if value is None else f"tỷ lệ {format_percent(value)} %"


DOSSIER_SOURCE = "theo dữ liệu nhập từ phần mềm một cửa"
NO_DOSSIER_DATA = ("Số lượt đánh giá / hồ sơ đã giải quyết: chưa có dữ liệu hồ sơ — nhập danh sách hồ sơ "
                   "từ phần mềm một cửa (motcua dossiers import, hoặc tải lên /api/dossiers/import) "
                   "để tính tỷ lệ này")


def share_lines(report: PhuLuc2) -> list[str]:
    """The narrative figures: ratings as a share of tickets served and of dossiers resolved
    (no share, said in words, when nothing was served or resolved; where to get the dossiers
    when the centre has none)."""
    n = format_int(report.all_ratings)
    served = (f"Số lượt đánh giá: {n} / {format_int(report.tickets_served)} lượt được phục vụ "
              f"({_share(report.share_of_served)})")
    if report.dossiers_resolved is None:
        return [served, NO_DOSSIER_DATA]
    return [served, f"Số lượt đánh giá: {n} / {format_int(report.dossiers_resolved)} hồ sơ đã giải quyết trong kỳ "
                    f"{DOSSIER_SOURCE} ({_share(report.share_of_resolved)})"]


def subtitle(report: PhuLuc2) -> str:
    return _STYLE_SUBTITLE[report.style]


STYLE_NAMES = {RatingStyle.CATEGORY: "theo nhóm ý kiến", RatingStyle.LEVEL: "theo mức độ",
               RatingStyle.STARS: "theo số sao"}


def style_table_title(report: PhuLuc2) -> str:
    """Title of a table of another style: 'Đánh giá theo số sao (cách đánh giá trước đây)'."""
    return f"Đánh giá {STYLE_NAMES[report.style]} (cách đánh giá khác trong kỳ)"
