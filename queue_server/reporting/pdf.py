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
from .letterhead import Letterhead

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from hw.fonts import font_path
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, font_path()))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, font_path(bold=True)))


def _para(text: str, style, underline: bool = False):
    """A Paragraph of data text: escaped, so a comment is never read as reportlab markup; our own
    markup (an underline) goes around the escaped text only."""
    from reportlab.platypus import Paragraph
    markup = pdf_markup(text)
    return Paragraph(f"<u>{markup}</u>" if underline and markup else markup, style)


def _numbered_canvas():
    """A canvas class that writes 'Trang n/N' at the foot of every page once the page count is known
    (the pages are kept until `save`, then numbered)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for n, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.setFont(FONT, 8)
                self.drawCentredString(width / 2, 7 * mm, Letterhead.page_label(n, len(self._pages)))
                super().showPage()
            super().save()

    return NumberedCanvas


def _two_blocks(left: list, right: list, width: float, left_share: float = 0.42):
    """Two columns of paragraphs without borders (issuing body | motto; the two signatures)."""
    from reportlab.platypus import Table, TableStyle
    rows = [[a, b] for a, b in zip(left + [""] * (len(right) - len(left)), right + [""] * (len(left) - len(right)))]
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    return Table(rows, colWidths=[width * left_share, width * (1 - left_share)], style=style)


def _letterhead_flow(head: Letterhead, width: float) -> list:
    """Issuing body on the left (the unit bold, underlined), the motto and the date on the right."""
    from reportlab.lib.styles import ParagraphStyle
    plain = ParagraphStyle("lh", fontName=FONT, fontSize=10, leading=13, alignment=1)
    bold = ParagraphStyle("lhb", parent=plain, fontName=FONT_BOLD)
    italic = ParagraphStyle("lhi", parent=plain, fontName=FONT, fontSize=10, textColor="#000000")
    left = [_para(text, bold if n == len(head.left) else plain, underline=n == len(head.left))
            for n, text in enumerate(head.left, 1)]
    right = [_para(head.motto[0], bold), _para(head.motto[1], bold, underline=True)]
    while len(right) < len(left):
        right.append("")
    right.append(_para(head.place_date, italic))
    return [_two_blocks(left, right, width)]


def _signatures_flow(head: Letterhead, width: float) -> list:
    """The two signatures side by side (one table: never split across pages)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer
    bold = ParagraphStyle("sb", fontName=FONT_BOLD, fontSize=10, leading=13, alignment=1)
    note = ParagraphStyle("sn", fontName=FONT, fontSize=9, leading=12, alignment=1)
    blocks = [[_para(s.title, bold), _para(s.note, note), Spacer(1, 15 * mm), _para(s.name, bold)]
              for s in head.signers]
    return [Spacer(1, 3 * mm), _two_blocks(*blocks, width, left_share=0.5)]


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
    number_style = ParagraphStyle("n", parent=cell_style, alignment=2)   # right; '64,60 (**)' may wrap
    text_kinds = (cell_style, ParagraphStyle("cb", parent=cell_style, fontName=FONT_BOLD))
    number_kinds = (number_style, ParagraphStyle("nb", parent=number_style, fontName=FONT_BOLD))
    body = table.rows[1:]
    data = [[_para(c, head_style) for c in r] for r in heads]
    for n, r in enumerate(body):
        strong = int(n >= len(body) - table.bold_last)
        data.append([_para(c, (number_kinds if i >= table.numeric_from - 1 else text_kinds)[strong])
                     for i, c in enumerate(r)])
    n = len(rows[0])
    first = min(width * 0.3, 175) if n > 2 else width / n
    widths = [28, first - 28] + [(width - first) / max(1, n - 2)] * (n - 2) if n > 2 else [width / n] * n
    if table.numeric_from <= 2:
        widths = [first] + [(width - first) / max(1, n - 1)] * (n - 1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
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
    from reportlab.platypus import KeepTogether, PageBreak, SimpleDocTemplate, Spacer

    for t in doc.tables:
        check_rows(len(t.rows) - 1, MAX_PDF_ROWS, f"Bảng “{t.caption}” (PDF; tải CSV hoặc Excel để có đủ)",
                   f"The table '{t.caption}' (PDF; download CSV or XLSX for all of it)")
    _register_fonts()
    out = io.BytesIO()
    page = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                             topMargin=10 * mm, bottomMargin=12 * mm, title=f"{doc.title} — {doc.period_label}")
    centre = ParagraphStyle("centre", fontName=FONT_BOLD, fontSize=10, alignment=1, leading=13)
    title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=13, alignment=1, leading=17)
    plain = ParagraphStyle("plain", fontName=FONT, fontSize=9, alignment=1, leading=12)
    caption = ParagraphStyle("caption", fontName=FONT_BOLD, fontSize=9, leading=12, spaceBefore=6)
    note = ParagraphStyle("note", fontName=FONT, fontSize=8.5, leading=11)
    top = _letterhead_flow(doc.letterhead, page.width) + [Spacer(1, 3 * mm)] if doc.letterhead \
        else [_para(doc.centre, centre)]
    flow = [*top, _para(doc.title, title), _para(doc.subtitle, centre), _para(doc.period_line, plain),
            Spacer(1, 4 * mm)]
    for t in doc.tables:
        flow += [_para(t.caption, caption), _table(t, page.width), Spacer(1, 3 * mm)]
    notes = [_para(n, note) for n in doc.notes]
    if doc.letterhead:   # the signed appendix ends here, never with the signatures alone on a page
        flow += [KeepTogether(notes + _signatures_flow(doc.letterhead, page.width))]
        flow += [PageBreak()] if doc.charts else []                  # the charts follow on their own page
    else:
        flow += notes
    for chart in doc.charts:
        flow += [Spacer(1, 4 * mm), _drawing(chart, page.width)]
    page.build(flow, canvasmaker=_numbered_canvas())
    return out.getvalue()
