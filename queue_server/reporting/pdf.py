"""Printable PDF of a report document: landscape A4, title lines, tables with borders, charts.

reportlab (pure Python, on PyPI, BSD) draws the text with the DejaVu Sans TTF bundled in
`hw/fonts`, so Vietnamese diacritics print correctly with no system fonts and no browser on the
server; the charts are the same shapes as on the pages (reporting.charts).

>>> Path("phu-luc-2.pdf").write_bytes(document_pdf(doc))
"""
from __future__ import annotations

import io

from ..limits import MAX_PDF_ROWS, check_rows
from .charts import Chart
from .hostile_text import pdf_markup

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from hw.fonts import font_path
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, font_path()))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, font_path(bold=True)))


def _para(text: str, style):
    """A Paragraph of data text: escaped, so a comment is never read as reportlab markup."""
    from reportlab.platypus import Paragraph
    return Paragraph(pdf_markup(text), style)


def _drawing(chart: Chart, max_width: float):
    """The chart's shapes as a reportlab Drawing (y axis flipped: SVG grows down, PDF up)."""
    from reportlab.graphics.shapes import Drawing, Group, Line, PolyLine, Rect, String
    from reportlab.lib.colors import HexColor

    scale = min(1.0, max_width / chart.width)
    group = Group()
    flip = chart.height
    for s in chart.shapes:
        if s.kind == "rect" and s.w > 0:
            group.add(Rect(s.x, flip - s.y - s.h, s.w, s.h, fillColor=HexColor(s.fill), strokeColor=None))
        elif s.kind == "line":
            group.add(Line(s.x, flip - s.y, s.w, flip - s.h, strokeColor=HexColor(s.stroke), strokeWidth=0.5))
        elif s.kind == "polyline":
            pts = [v for x, y in s.points for v in (x, flip - y)]
            group.add(PolyLine(pts, strokeColor=HexColor(s.stroke), strokeWidth=1.5))
        elif s.kind == "text":
            group.add(String(s.x, flip - s.y, s.text, fontName=FONT, fontSize=s.size, fillColor=HexColor(s.fill),
                             textAnchor=s.anchor))
    group.scale(scale, scale)
    drawing = Drawing(chart.width * scale, chart.height * scale)
    drawing.add(group)
    return drawing


def _table(table, width: float):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    from .export import _header_rows
    heads = _header_rows(table)
    rows = [*heads, *table.rows[1:]]
    head_style = ParagraphStyle("h", fontName=FONT_BOLD, fontSize=7.5, leading=9, alignment=1)
    cell_style = ParagraphStyle("c", fontName=FONT, fontSize=7.5, leading=9)
    data = [[_para(c, head_style) for c in r] for r in heads]
    data += [[_para(c, cell_style) if i < table.numeric_from - 1 else c for i, c in enumerate(r)]
             for r in table.rows[1:]]
    n = len(rows[0])
    first = min(width * 0.3, 180) if n > 2 else width / n
    widths = [28, first - 28] + [(width - first) / max(1, n - 2)] * (n - 2) if n > 2 else [width / n] * n
    if table.numeric_from <= 2:
        widths = [first] + [(width - first) / max(1, n - 1)] * (n - 1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONT", (0, 0), (-1, -1), FONT, 7.5),
             ("ALIGN", (table.numeric_from - 1, len(heads)), (-1, -1), "RIGHT"),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if table.bold_last:
        style.append(("FONT", (0, len(rows) - table.bold_last), (-1, -1), FONT_BOLD, 7.5))
    if len(heads) == 2:
        covered = set()
        for _, a, b in table.groups:
            style.append(("SPAN", (a - 1, 0), (b - 1, 0)))
            covered.update(range(a - 1, b))
        style += [("SPAN", (c, 0), (c, 1)) for c in range(n) if c not in covered]
    return Table(data, colWidths=widths, style=TableStyle(style), repeatRows=len(heads))


def document_pdf(doc) -> bytes:
    """The document (reporting.export.Document) as PDF bytes."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    for t in doc.tables:
        check_rows(len(t.rows) - 1, MAX_PDF_ROWS, f"Bảng “{t.caption}” (PDF; tải CSV hoặc Excel để có đủ)",
                   f"The table '{t.caption}' (PDF; download CSV or XLSX for all of it)")
    _register_fonts()
    out = io.BytesIO()
    page = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                             topMargin=12 * mm, bottomMargin=12 * mm, title=f"{doc.title} — {doc.period_label}")
    centre = ParagraphStyle("centre", fontName=FONT_BOLD, fontSize=10, alignment=1, leading=13)
    title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=13, alignment=1, leading=17)
    plain = ParagraphStyle("plain", fontName=FONT, fontSize=9, alignment=1, leading=12)
    caption = ParagraphStyle("caption", fontName=FONT_BOLD, fontSize=9, leading=12, spaceBefore=6)
    note = ParagraphStyle("note", fontName=FONT, fontSize=8.5, leading=11)
    flow = [_para(doc.centre, centre), _para(doc.title, title), _para(doc.subtitle, centre),
            _para(doc.period_line, plain), Spacer(1, 4 * mm)]
    for t in doc.tables:
        flow += [_para(t.caption, caption), _table(t, page.width), Spacer(1, 3 * mm)]
    flow += [_para(n, note) for n in doc.notes]
    for chart in doc.charts:
        flow += [Spacer(1, 4 * mm), _drawing(chart, page.width)]
    page.build(flow)
    return out.getvalue()
