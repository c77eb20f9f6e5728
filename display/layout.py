"""Where things go on the screen and how big: pure arithmetic, tested without a window.

The hall screen (1920×1080 by default, everything scales with the height):

    ┌───────────────────────── top bar: centre name · group · clock · connection mark ┐
    │ headline: "MỜI SỐ 1023 → QUẦY 5" (1–4 fresh calls) │ counters table (grid)      │
    │ "Vừa gọi": the last calls                           │ waiting per department     │
    └───────────────────────── notice line (scrolling) ────────────────────────────────┘
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

Rect = tuple[int, int, int, int]        # x, y, width, height

MIN_ROW_PX = 46         # below this a counters row is too small to read from 10 m; add a column
MAX_COLUMNS = 4
ELLIPSIS = "…"


@dataclass(frozen=True)
class Grid:
    """Rows of the counters table laid out in columns (filled top to bottom, then left to right)."""

    area: Rect
    columns: int
    rows: int
    cell_w: int
    cell_h: int
    font_px: int

    def cell(self, index: int) -> Rect:
        col, row = divmod(index, self.rows)
        x, y, _, _ = self.area
        return (x + col * self.cell_w, y + row * self.cell_h, self.cell_w, self.cell_h)


@dataclass(frozen=True)
class HallLayout:
    width: int
    height: int
    top: Rect
    headline: Rect
    recent: Rect
    table_head: Rect
    table: Grid
    waiting: Rect
    notice: Rect
    unit: int               # a base size in pixels (1/100 of the height)


def counters_grid(area: Rect, count: int, min_row: int = MIN_ROW_PX, max_row: int | None = None) -> Grid:
    """The fewest columns that keep rows readable (≥ `min_row` px), up to MAX_COLUMNS."""
    x, y, w, h = area
    count = max(count, 1)
    max_row = max_row or h // 6
    for columns in range(1, MAX_COLUMNS + 1):
        rows = -(-count // columns)
        if h // rows >= min_row or columns == MAX_COLUMNS:
            break
    cell_h = min(h // rows, max_row)
    font = max(12, min(int(cell_h * 0.52), w // columns // 9))
    return Grid(area, columns, rows, w // columns, cell_h, font)


def hall_layout(width: int, height: int, counters: int, notice: bool = True) -> HallLayout:
    """Split the screen for a hall display with `counters` counters in its group."""
    u = max(1, height // 100)
    top_h = 9 * u
    notice_h = 7 * u if notice else 0
    body_y, body_h = top_h, height - top_h - notice_h
    left_w = int(width * 0.42)
    right_x, right_w = left_w + 2 * u, width - left_w - 3 * u
    headline_h = int(body_h * 0.56)
    waiting_h = 15 * u
    head_h = 5 * u
    table_area = (right_x, body_y + u + head_h, right_w, body_h - waiting_h - 3 * u - head_h)
    return HallLayout(
        width, height,
        top=(0, 0, width, top_h),
        headline=(u, body_y + u, left_w - u, headline_h - u),
        recent=(u, body_y + headline_h + u, left_w - u, body_h - headline_h - 2 * u),
        table_head=(right_x, body_y + u, right_w, head_h),
        table=counters_grid(table_area, counters, max_row=12 * u),
        waiting=(right_x, height - notice_h - waiting_h - u, right_w, waiting_h),
        notice=(0, height - notice_h, width, notice_h),
        unit=u)


def headline_rows(area: Rect, calls: int) -> list[Rect]:
    """The headline area split evenly between 1–4 simultaneous calls, newest on top."""
    x, y, w, h = area
    calls = max(calls, 1)
    row_h = h // calls
    return [(x, y + i * row_h, w, row_h) for i in range(calls)]


def ellipsize(text: str, width: int, measure: Callable[[str], int]) -> str:
    """`text`, cut with "…" so that `measure(result) <= width` (binary search on the length)."""
    if measure(text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid].rstrip() + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ""


def fit_font(text: str, width: int, start_px: int, measure_at: Callable[[str, int], int], min_px: int = 10) -> int:
    """The largest font size ≤ `start_px` at which `text` fits in `width` (for numbers: never cut)."""
    size = start_px
    while size > min_px and measure_at(text, size) > width:
        size = max(min_px, int(size * 0.9))
    return size
