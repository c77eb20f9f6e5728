"""Tile grids for portrait and landscape screens, and fitting long Vietnamese names into boxes (pure).

Text is measured through an injected `measure(text, size) -> width in px`, so the same code serves
pygame fonts on screen and a fixed-width stand-in in tests.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, NamedTuple

Measure = Callable[[str, int], float]
LINE_SPACING = 1.2          # line height as a multiple of the font size
MAX_GRID = {False: (3, 3), True: (2, 5)}     # landscape / portrait: (columns, rows) per page


class Box(NamedTuple):
    """A rectangle in screen pixels."""

    x: int
    y: int
    w: int
    h: int

    @property
    def center(self) -> tuple[int, int]:
        return self.x + self.w // 2, self.y + self.h // 2

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h

    def inset(self, d: int) -> "Box":
        return Box(self.x + d, self.y + d, max(0, self.w - 2 * d), max(0, self.h - 2 * d))


@dataclass(frozen=True)
class Fitted:
    """Text fitted into a box: the font size and the wrapped lines."""

    size: int
    lines: tuple[str, ...]

    @property
    def height(self) -> int:
        return int(len(self.lines) * self.size * LINE_SPACING)


def per_page(portrait: bool) -> int:
    """How many tiles one page holds (big enough for a finger and a long name)."""
    cols, rows = MAX_GRID[portrait]
    return cols * rows


def grid_shape(n: int, portrait: bool) -> tuple[int, int]:
    """Columns and rows for `n` tiles: few tiles get wide ones, many fill the page's grid."""
    max_cols, max_rows = MAX_GRID[portrait]
    n = max(1, min(n, max_cols * max_rows))
    few = 4 if portrait else 2           # up to this many tiles: one column
    cols = 1 if n <= few else (2 if n <= 4 or portrait else max_cols)
    return cols, math.ceil(n / cols)


def tile_grid(n: int, area: Box, portrait: bool, gap: int = 16) -> list[Box]:
    """Boxes of `n` tiles filling `area` row by row."""
    cols, rows = grid_shape(n, portrait)
    w = (area.w - gap * (cols - 1)) // cols
    h = min((area.h - gap * (rows - 1)) // rows, max(w // 2, 120))
    return [Box(area.x + (i % cols) * (w + gap), area.y + (i // cols) * (h + gap), w, h) for i in range(n)]


def pages(items: list, portrait: bool) -> list[list]:
    """Split items into pages of `per_page` tiles (always at least one page)."""
    size = per_page(portrait)
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def wrap(text: str, size: int, width: float, measure: Measure) -> list[str]:
    """Greedy word wrap; a word wider than the line is cut between characters."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
            continue
        while measure(word, size) > width and len(word) > 1:
            cut = _longest_prefix(word, size, width, measure)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines or [""]


def _longest_prefix(word: str, size: int, width: float, measure: Measure) -> int:
    """Characters of `word` that fit `width` (at least one)."""
    cut = 1
    while cut < len(word) and measure(word[:cut + 1], size) <= width:
        cut += 1
    return cut


def fit_text(text: str, box: Box, measure: Measure, max_size: int, min_size: int = 18) -> Fitted:
    """The largest size (down to `min_size`) at which `text`, wrapped, fits in `box`.

    At `min_size` the text may still overflow in height; lines past the box then end with "…" so a
    tile never spills over its neighbour.
    """
    for size in range(max_size, min_size - 1, -2):
        lines = wrap(text, size, box.w, measure)
        if len(lines) * size * LINE_SPACING <= box.h and all(measure(l, size) <= box.w for l in lines):
            return Fitted(size, tuple(lines))
    lines = wrap(text, min_size, box.w, measure)
    keep = max(1, int(box.h // (min_size * LINE_SPACING)))
    if len(lines) > keep:
        last = lines[keep - 1].rstrip()
        while len(last) > 1 and measure(last + "…", min_size) > box.w:
            last = last[:-1].rstrip()
        lines = lines[:keep - 1] + [last + "…"]
    return Fitted(min_size, tuple(lines))
