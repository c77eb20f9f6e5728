"""Rating lists for a period: every dissatisfied rating (what centres report monthly against the
officer and counter concerned), ratings per counter and per officer, and the comments.

Inputs are plain rows (dicts) and `(key, value, n)` triples from storage, so these functions
know nothing of SQL or Flask. Each rating is read under the style it was made in (its row's
`style`), so a period rated under two styles lists and labels every rating; tallies are per style.

>>> items = dissatisfied(rows, RatingStyle.CATEGORY, names)
>>> items[0].cells()
['16/11/2020 08:05', '1023', 'Quầy 5', 'Lê Thị Hoa', 'Sở Tư pháp', 'Không hài lòng về thời gian giao dịch', '…']
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from ..config import RatingStyle
from ..ratings import RATING_OPTIONS
from .vn_format import format_int, format_percent, percent

LIST_HEADER = ["STT", "Thời gian", "Số thứ tự", "Quầy", "Cán bộ", "Đơn vị", "Đánh giá", "Ý kiến"]


@dataclass(frozen=True, slots=True)
class Names:
    """Display names for ids: departments, counters (number → name), officers (user id → name)."""

    departments: Mapping[str, str] = field(default_factory=dict)
    counters: Mapping[int, str] = field(default_factory=dict)
    officers: Mapping[int, str] = field(default_factory=dict)

    def counter(self, number: int | None) -> str:
        return "" if number is None else self.counters.get(number, f"Quầy {number}")

    def officer(self, officer_id: int | None) -> str:
        return "" if officer_id is None else self.officers.get(officer_id, f"#{officer_id}")

    def department(self, dept: str | None) -> str:
        return "" if not dept else self.departments.get(dept, dept)


@dataclass(frozen=True, slots=True)
class Item:
    """One rating in a list."""

    at: datetime
    ticket: str
    counter: str
    officer: str
    department: str
    label: str
    comment: str

    def cells(self) -> list[str]:
        return [f"{self.at:%d/%m/%Y %H:%M}", self.ticket, self.counter, self.officer, self.department,
                self.label, self.comment]

    def as_dict(self) -> dict:
        return {"at": self.at.isoformat(), "ticket": self.ticket, "counter": self.counter, "officer": self.officer,
                "department": self.department, "rating": self.label, "comment": self.comment}


def style_of_row(row: Mapping, default: RatingStyle) -> RatingStyle:
    """The style a rating was made in (rows from before styles were recorded: `default`)."""
    return RatingStyle(row.get("style") or default)


def _item(row: Mapping, style: RatingStyle, names: Names) -> Item:
    option = RATING_OPTIONS[style_of_row(row, style)].get(row["value"])
    return Item(datetime.fromisoformat(row["at"]), row.get("ticket_label") or "", names.counter(row["counter"]),
                names.officer(row["officer_id"]), names.department(row["department_id"]),
                option[0] if option else row["value"], row["comment"] or "")


def is_dissatisfied(style: RatingStyle, value: str) -> bool:
    """Whether a value is a 'không hài lòng' of the style (unknown values are not)."""
    option = RATING_OPTIONS[style].get(value)
    return bool(option and option[2])


def dissatisfied(rows: Iterable[Mapping], style: RatingStyle, names: Names) -> list[Item]:
    """Every dissatisfied rating, each judged by the style it was made in (`style` for rows
    without one), oldest first."""
    style = RatingStyle(style)
    picked = [r for r in rows if is_dissatisfied(style_of_row(r, style), r["value"])]
    return [_item(r, style, names) for r in sorted(picked, key=lambda r: (r["at"], r["id"]))]


def comments(rows: Iterable[Mapping], style: RatingStyle, names: Names) -> list[Item]:
    """Every rating with a comment, oldest first (the comment is the point; the rating gives context)."""
    style = RatingStyle(style)
    picked = [r for r in rows if (r["comment"] or "").strip()]
    return [_item(r, style, names) for r in sorted(picked, key=lambda r: (r["at"], r["id"]))]


@dataclass(frozen=True, slots=True)
class Tally:
    """Ratings of one counter or officer: per value, the total, the dissatisfied ones."""

    key: int | None
    name: str
    counts: tuple[int, ...]
    total: int
    dissatisfied: int

    @property
    def dissatisfied_share(self) -> Decimal | None:
        return percent(self.dissatisfied, self.total)


def tallies(counts: Iterable[tuple[int | None, str, int]], style: RatingStyle, name_of) -> list[Tally]:
    """Per counter or officer from (key, value, n) triples, ordered by key; values of another style
    are left out. `name_of(key)` gives the row's name."""
    style = RatingStyle(style)
    values = list(RATING_OPTIONS[style])
    table: dict = {}
    for key, value, n in counts:
        if value in RATING_OPTIONS[style]:
            table.setdefault(key, Counter())[value] += n
    result = []
    for key in sorted(table, key=lambda k: (k is None, k or 0)):
        row = tuple(table[key][v] for v in values)
        bad = sum(c for v, c in zip(values, row) if is_dissatisfied(style, v))
        result.append(Tally(key, name_of(key), row, sum(row), bad))
    return result


def dissatisfied_values() -> list[str]:
    """The 'không hài lòng' values of every style (the styles' values are disjoint)."""
    return [v for style in RatingStyle for v in RATING_OPTIONS[style] if is_dissatisfied(style, v)]


def count_by(rows: Iterable[Mapping], column: str) -> list[tuple[int | None, str, int]]:
    """(key, value, n) from rating rows: the pure counterpart of storage's GROUP BY."""
    counts = Counter((r[column], r["value"]) for r in rows)
    return [(k, v, n) for (k, v), n in counts.items()]


def tally_header(style: RatingStyle, who: str) -> list[str]:
    labels = [label for label, _, _ in RATING_OPTIONS[RatingStyle(style)].values()]
    return [who, *labels, "Tổng số", "Không hài lòng (%)"]


def format_tallies(items: list[Tally], style: RatingStyle, who: str) -> list[list[str]]:
    return [tally_header(style, who),
            *([t.name, *map(format_int, t.counts), format_int(t.total), format_percent(t.dissatisfied_share)]
              for t in items)]


def format_items(items: list[Item]) -> list[list[str]]:
    return [LIST_HEADER, *([str(i), *item.cells()] for i, item in enumerate(items, 1))]
