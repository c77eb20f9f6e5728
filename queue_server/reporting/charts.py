"""Report charts as plain shapes: horizontal bars, a line over days, a weekday × hour heat map.

A chart is a list of primitive shapes in a fixed coordinate box; `to_svg` draws it inline on the
report pages (no JS chart library, no CDN) and reporting.pdf draws the same shapes into the PDF,
so the page and the printout show one picture.

>>> svg = to_svg(bars("Số phát theo đơn vị", ["Sở Tư pháp", "Sở Tài chính"], [120, 80]))
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from .vn_format import format_int

INK, GRID, BAR, LINE = "#1f2933", "#c9d2dc", "#2f6fb3", "#c0392b"
HEAT = ("#f4f7fb", "#d6e4f3", "#a9c8e8", "#6fa3d6", "#3b7cc0", "#1d5696")


@dataclass(frozen=True, slots=True)
class Shape:
    """kind: rect (x, y, w, h), line (x, y, x2, y2), polyline (points), text (x, y, text)."""

    kind: str
    x: float = 0
    y: float = 0
    w: float = 0
    h: float = 0
    fill: str = ""
    stroke: str = ""
    text: str = ""
    size: float = 11
    anchor: str = "start"
    points: tuple = ()


@dataclass
class Chart:
    title: str
    width: int
    height: int
    shapes: list[Shape] = field(default_factory=list)


def _text(x, y, text, size=11, anchor="start", fill=INK) -> Shape:
    return Shape("text", x, y, text=text, size=size, anchor=anchor, fill=fill)


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def bars(title: str, labels: list[str], values: list[int], width: int = 640) -> Chart:
    """Horizontal bars, one per label, the value written at the end of each bar."""
    left, row, top = 210, 22, 34
    chart = Chart(title, width, top + row * max(1, len(labels)) + 10)
    chart.shapes.append(_text(0, 16, title, 13))
    peak = max(values, default=0) or 1
    span = width - left - 60
    for i, (label, value) in enumerate(zip(labels, values)):
        y = top + i * row
        chart.shapes.append(_text(left - 6, y + 14, _short(label), 11, "end"))
        chart.shapes.append(Shape("rect", left, y + 3, max(1.0, span * value / peak) if value else 0, row - 6, fill=BAR))
        chart.shapes.append(_text(left + span * value / peak + 4, y + 14, format_int(value), 10))
    return chart


def trend(title: str, labels: list[str], values: list[int], width: int = 640, height: int = 220) -> Chart:
    """A line over days: y from 0 to the peak, x labels thinned to about ten."""
    left, right, top, bottom = 50, 28, 30, 30  # room for the last day's label
    chart = Chart(title, width, height)
    chart.shapes.append(_text(0, 16, title, 13))
    peak = max(values, default=0) or 1
    plot_w, plot_h = width - left - right, height - top - bottom
    for frac in (0, 0.5, 1):
        y = top + plot_h * (1 - frac)
        chart.shapes.append(Shape("line", left, y, left + plot_w, y, stroke=GRID))
        chart.shapes.append(_text(left - 4, y + 4, format_int(round(peak * frac)), 10, "end"))
    n = len(values)
    xs = [left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2) for i in range(n)]
    points = tuple((x, top + plot_h * (1 - v / peak)) for x, v in zip(xs, values))
    if points:
        chart.shapes.append(Shape("polyline", points=points, stroke=LINE))
    step = max(1, n // 10)
    for i in range(0, n, step):
        chart.shapes.append(_text(xs[i], height - 10, labels[i], 10, "middle"))
    return chart


def heatmap(title: str, rows: list[str], columns: list[str], counts: list[list[int]], width: int = 960) -> Chart:
    """A grid of shaded cells (darker = more), numbers written in non-empty cells. Wide (960): the
    pages give it a whole row, so its numbers stay legible."""
    left, top, cell_h = 80, 40, 28
    cell_w = (width - left) / max(1, len(columns))
    chart = Chart(title, width, top + cell_h * len(rows) + 6)
    chart.shapes.append(_text(0, 16, title, 13))
    peak = max((max(r, default=0) for r in counts), default=0) or 1
    for j, col in enumerate(columns):
        chart.shapes.append(_text(left + cell_w * (j + 0.5), top - 6, col, 11, "middle"))
    for i, (name, row) in enumerate(zip(rows, counts)):
        y = top + i * cell_h
        chart.shapes.append(_text(left - 6, y + 18, name, 11, "end"))
        for j, value in enumerate(row):
            shade = HEAT[0] if value == 0 else HEAT[1 + min(4, int(4 * value / peak))]
            chart.shapes.append(Shape("rect", left + j * cell_w, y, cell_w - 1, cell_h - 1, fill=shade))
            if value:
                ink = "#ffffff" if shade in HEAT[4:] else INK
                chart.shapes.append(_text(left + cell_w * (j + 0.5), y + 18, format_int(value), 11, "middle", ink))
    return chart


def _svg_shape(s: Shape) -> str:
    if s.kind == "rect":
        return f'<rect x="{s.x:.1f}" y="{s.y:.1f}" width="{s.w:.1f}" height="{s.h:.1f}" fill="{s.fill}"/>'
    if s.kind == "line":
        return f'<line x1="{s.x:.1f}" y1="{s.y:.1f}" x2="{s.w:.1f}" y2="{s.h:.1f}" stroke="{s.stroke}"/>'
    if s.kind == "polyline":
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in s.points)
        return f'<polyline points="{pts}" fill="none" stroke="{s.stroke}" stroke-width="2"/>'
    return (f'<text x="{s.x:.1f}" y="{s.y:.1f}" font-size="{s.size}" text-anchor="{s.anchor}" '
            f'fill="{s.fill}">{escape(s.text)}</text>')


def to_svg(chart: Chart) -> str:
    """Inline SVG, scalable to its container, with the title for screen readers."""
    body = "".join(map(_svg_shape, chart.shapes))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {chart.width} {chart.height}" '
            f'role="img" aria-label="{escape(chart.title)}" class="chart" '
            f'font-family="DejaVu Sans, sans-serif">{body}</svg>')
