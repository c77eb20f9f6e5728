"""Report files. Phụ lục I as CSV (Vietnamese number format), JSON, text, and — as a Document with
the appendix's letterhead — XLSX and PDF; then the generic Document renderers every report uses
(XLSX with merged headers, numbers as numbers and a print setup; CSV; text; JSON; PDF in pdf.py).

>>> Path("phu-luc-1.xlsx").write_bytes(to_xlsx(report, "Trung tâm Phục vụ hành chính công tỉnh", head))
"""
from __future__ import annotations

import csv
import io
import json

from .hostile_text import spreadsheet_cell, spreadsheet_row, terminal_text
from .phu_luc_1 import COLUMNS, HEADER_COLUMNS, HEADER_GROUPS, NOTE_STAR_STAR, PhuLuc1, format_rows

TITLE = "PHỤ LỤC I"
SUBTITLE = "TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH"
FORMATS = ("table", "csv", "xlsx", "pdf", "json")


def period_line(report: PhuLuc1) -> str:
    """'Kỳ báo cáo: tháng 12 năm 2020 (từ 16/11/2020 đến 15/12/2020)'."""
    return f"Kỳ báo cáo: {report.period.label}"


def to_csv(report: PhuLuc1) -> str:
    """The formatted table (two header rows, rows, total, percentages), comma-separated, UTF-8 with BOM
    so that Excel opens the Vietnamese text correctly."""
    return "".join(csv_chunks([*format_rows(report), [NOTE_STAR_STAR]]))


def csv_chunks(rows, rows_per_chunk: int = 500):
    """Rows as CSV text in chunks (a download streams them): a BOM first so that Excel reads the
    Vietnamese text as UTF-8, every cell neutralised (hostile_text.spreadsheet_cell)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    for n, row in enumerate(rows, 1):
        writer.writerow(spreadsheet_row(row))
        if n % rows_per_chunk == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def to_json(report: PhuLuc1) -> str:
    return json.dumps({**report.as_dict(), "table": format_rows(report), "note": NOTE_STAR_STAR},
                      ensure_ascii=False, indent=1)


def to_table(report: PhuLuc1) -> str:
    """Plain text for a terminal: aligned columns, right-aligned numbers."""
    rows = [[terminal_text(c) for c in r] for r in format_rows(report)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [period_line(report)]
    for r in rows:
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    lines.append(NOTE_STAR_STAR)
    return "\n".join(lines) + "\n"


def _put(ws, row: int, column: int, value):
    """Write one cell of an exported sheet; every cell goes through here, so no text from the data
    (a comment, a name) ever becomes a live formula."""
    return ws.cell(row, column, spreadsheet_cell(value))


def phu_luc_1_table(report: PhuLuc1) -> "Table":
    """The Phụ lục I table as a document table: the column row, with the three groups merged above."""
    columns = [sub or group for group, sub in zip(HEADER_GROUPS, HEADER_COLUMNS)]
    return Table("Bảng tổng hợp theo đơn vị", [columns, *format_rows(report)[2:]], list(_P1_GROUPS), bold_last=2)


# the merged header groups of Phụ lục I: (text, first column, last column), 1-based over the 15 columns
_P1_GROUPS = (("Số hồ sơ tiếp nhận", 3, 5), ("Số hồ sơ đã giải quyết", 6, 9), ("Số hồ sơ đang giải quyết", 10, 12))


def phu_luc_1_document(report: PhuLuc1, centre_name: str = "", head=None) -> "Document":
    """Phụ lục I as a Document (page, XLSX, PDF), with the appendix's letterhead `head` if given."""
    return Document(centre_name, TITLE, SUBTITLE, report.period.label, [phu_luc_1_table(report)], [NOTE_STAR_STAR],
                    data={**report.as_dict(), "table": format_rows(report)}, letterhead=head)


def to_xlsx(report: PhuLuc1, centre_name: str = "", head=None) -> bytes:
    """A printable sheet: letterhead (if given), title, period in words, merged two-row header, borders."""
    return document_xlsx(phu_luc_1_document(report, centre_name, head))


def render(report: PhuLuc1, fmt: str, centre_name: str = "", head=None) -> bytes:
    """The report in `fmt` (one of FORMATS) as bytes; XLSX and PDF carry the letterhead `head`."""
    if fmt in ("xlsx", "pdf"):
        return render_document(phu_luc_1_document(report, centre_name, head), fmt)
    text = {"table": to_table, "csv": to_csv, "json": to_json}[fmt](report)
    return text.encode("utf-8")


__all__ = ["FORMATS", "COLUMNS", "HEADER_COLUMNS", "phu_luc_1_document", "render", "to_csv", "to_json", "to_table",
           "to_xlsx"]


# -- generic report documents (Phụ lục II, rating lists, queue statistics) ----------------------

import re  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

from .letterhead import Letterhead  # noqa: E402


@dataclass
class Table:
    """One table of a document: strings in Vietnamese format, the first `header_rows` are headers.

    `groups` merges a top header row: (text, first column, last column), 1-based; columns not
    covered span both header rows. Cells from column `numeric_from` (1-based) are numbers."""

    caption: str
    rows: list[list[str]]
    groups: list[tuple[str, int, int]] = field(default_factory=list)
    numeric_from: int = 3
    bold_last: int = 0  # the last rows in bold (total and percentage rows)
    total_rows: int | None = None  # body rows there are, when `rows` holds only the first of them (a page)


@dataclass
class Document:
    """A report ready to render: centre, title lines, period in words, tables, notes, charts (SVG
    specs from reporting.charts, drawn by the page and the PDF)."""

    centre: str
    title: str
    subtitle: str
    period_label: str
    tables: list[Table]
    notes: list[str] = field(default_factory=list)
    charts: list = field(default_factory=list)
    data: dict = field(default_factory=dict)  # the JSON form
    letterhead: Letterhead | None = None       # an official appendix's header and signatures

    @property
    def period_line(self) -> str:
        return f"Kỳ báo cáo: {self.period_label}"


def _header_rows(table: Table) -> list[list[str]]:
    """The header as written: a group row above the column row when the table has groups."""
    if not table.groups:
        return [table.rows[0]]
    top = list(table.rows[0])
    for text, a, b in table.groups:
        top[a - 1:b] = [text] + [""] * (b - a)
    sub = [c if any(a <= i <= b for _, a, b in table.groups) else "" for i, c in enumerate(table.rows[0], 1)]
    return [top, sub]


def document_csv_rows(doc: Document):
    """The rows of the CSV form: title lines, then each table with its caption, then the notes."""
    yield from ([doc.title], [doc.subtitle], [doc.period_line])
    for table in doc.tables:
        yield from ([], [table.caption], *_header_rows(table))
        yield from table.rows[1:]
    yield []
    yield from ([n] for n in doc.notes)


def document_csv(doc: Document) -> bytes:
    """All tables one after another with their captions, UTF-8 with BOM (Excel reads Vietnamese)."""
    return "".join(csv_chunks(document_csv_rows(doc))).encode("utf-8")


def document_table(doc: Document) -> bytes:
    """Plain text for a terminal: aligned columns, numbers right-aligned."""
    lines = [terminal_text(t) for t in (doc.title, doc.subtitle, doc.period_line)]
    for table in doc.tables:
        rows = [[terminal_text(c) for c in r] for r in table.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines += ["", terminal_text(table.caption)]
        for r in rows:
            lines.append("  ".join(c.rjust(w) if i >= table.numeric_from - 1 else c.ljust(w)
                                   for i, (c, w) in enumerate(zip(r, widths))).rstrip())
    lines += ["", *map(terminal_text, doc.notes)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def document_json(doc: Document) -> bytes:
    tables = [{"caption": t.caption, "rows": t.rows} for t in doc.tables]
    body = {**doc.data, "title": doc.title, "subtitle": doc.subtitle, "period_label": doc.period_label,
            "tables": tables, "notes": doc.notes}
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


_VN_NUMBER = re.compile(r"(?P<number>-?\d{1,3}(?:\.\d{3})*(?:,(?P<decimals>\d+))?)(?P<suffix> \(\*+\))?")


def cell_number(text: str) -> tuple[int | float, str] | None:
    """(value, Excel number format) of a Vietnamese-formatted figure, None for other text:
    '12.346' → (12346, '#,##0'); '23,04' → (23.04, '#,##0.00'); '12,50 (**)' keeps its mark in the
    format. Excel shows the separators of the reader's locale (12.346 · 23,04 in Vietnamese)."""
    found = _VN_NUMBER.fullmatch(text.strip())
    if found is None:
        return None
    plain = found["number"].replace(".", "").replace(",", ".")
    places = len(found["decimals"] or "")
    fmt = "#,##0" + ("." + "0" * places if places else "")
    if found["suffix"]:
        fmt += f'"{found["suffix"]}"'
    return (float(plain) if places else int(plain)), fmt


SHEET_FONT = "Times New Roman"
"""The typeface of administrative documents (Nghị định 30/2020/NĐ-CP); Excel and LibreOffice
substitute a metric-compatible one (Liberation Serif) where it is missing."""


def _font(size: float = 11, **style):
    from openpyxl.styles import Font
    return Font(name=SHEET_FONT, size=size, **style)


def _is_index(table: Table, column: int) -> bool:
    """The STT column: a row number, stored as a number too."""
    return column == 1 and table.rows[0][0] == "STT"


def _write_table(ws, top: int, table: Table, width: int) -> int:
    """Write one table at row `top` with borders and merged headers; every count and percentage as a
    number with a display format (text stays text: '-' for an undefined share). Returns the next free row."""
    from openpyxl.styles import Alignment, Border, Side
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    _put(ws, top, 1, table.caption).font = _font(bold=True, italic=True)
    top += 1
    heads = _header_rows(table)
    rows = [*heads, *table.rows[1:]]
    for r, values in enumerate(rows):
        body = r >= len(heads)
        for c, text in enumerate(values, 1):
            number = cell_number(text) if body and (c >= table.numeric_from or _is_index(table, c)) else None
            cell = _put(ws, top + r, c, text if number is None else number[0])
            cell.border = border
            if not body:
                cell.font = _font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                continue
            cell.font = _font(bold=r >= len(rows) - table.bold_last)
            if number is not None:
                cell.number_format = number[1]
            if c >= table.numeric_from or _is_index(table, c):
                cell.alignment = Alignment(horizontal="center" if c == 1 else "right", vertical="center")
            else:
                cell.alignment = Alignment(vertical="center", wrap_text=True)
    if len(heads) == 2:
        covered = set()
        for _, a, b in table.groups:
            ws.merge_cells(start_row=top, start_column=a, end_row=top, end_column=b)
            covered.update(range(a, b + 1))
        for c in set(range(1, len(table.rows[0]) + 1)) - covered:
            ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
        ws.row_dimensions[top + 1].height = 45     # wrapped column names under a group
    return top + len(rows) + 1


LEFT_BLOCK = 3
"""Columns under the issuing body and the left signature (STT, name, first figure); the right block
(motto, date, head's signature) takes the rest of the table's width."""


def _merged_line(ws, row: int, first: int, last: int, text: str, **font) -> None:
    from openpyxl.styles import Alignment
    cell = _put(ws, row, first, text)
    cell.font = _font(**font)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _write_letterhead(ws, head: Letterhead, width: int) -> int:
    """The issuing body (left) and the motto with the place-and-date line (right); the next free row."""
    split = min(LEFT_BLOCK, width - 1)
    for row, text in enumerate(head.left, 1):
        last = row == len(head.left)
        _merged_line(ws, row, 1, split, text, bold=last, underline="single" if last else None)
    _merged_line(ws, 1, split + 1, width, head.motto[0], bold=True)
    _merged_line(ws, 2, split + 1, width, head.motto[1], bold=True, underline="single")
    below = max(len(head.left), 2) + 1
    _merged_line(ws, below, split + 1, width, head.place_date, italic=True)
    return below + 2


def _write_signatures(ws, top: int, head: Letterhead, width: int) -> int:
    """The two signatures side by side: title, note, room to sign, name."""
    split = min(LEFT_BLOCK, width - 1)
    for (first, last), signer in zip(((1, split), (split + 1, width)), head.signers):
        _merged_line(ws, top, first, last, signer.title, bold=True)
        _merged_line(ws, top + 1, first, last, signer.note, italic=True)
        _merged_line(ws, top + 5, first, last, signer.name, bold=True)
    return top + 6


def _print_setup(ws, title_rows: str | None) -> None:
    """A4 landscape, one page wide (as many pages down as needed), the table's header repeated on
    every page, 'Trang 1/3' at the foot of each page."""
    from openpyxl.worksheet.page import PageMargins
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.6, bottom=0.7, header=0.3, footer=0.3)
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = Letterhead.page_label("&P", "&N")
    ws.oddFooter.center.size = 9


def document_xlsx(doc: Document) -> bytes:
    """A printable sheet like the official appendix: the letterhead if the document has one (else
    the centre's name), title, subtitle, the period in words, each table with a merged header and
    thin borders, the notes, the signatures; set up to print on A4 landscape."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = doc.title[:31]
    width = max(len(t.rows[0]) for t in doc.tables)
    top = _write_letterhead(ws, doc.letterhead, width) if doc.letterhead else 1
    lines = [doc.title, doc.subtitle, doc.period_line] if doc.letterhead else \
        [doc.centre, doc.title, doc.subtitle, doc.period_line]
    for text in lines:
        big = text == doc.title
        _merged_line(ws, top, 1, width, text, bold=text != doc.centre or bool(doc.letterhead), size=13 if big else 11)
        top += 1
    top += 1
    header_top = top + 1                  # the first table's header, below its caption
    title_rows = f"{header_top}:{header_top + len(_header_rows(doc.tables[0])) - 1}"
    for table in doc.tables:
        top = _write_table(ws, top, table, width)
    for note in doc.notes:
        _put(ws, top, 1, note).font = _font(italic=True)
        top += 1
    if doc.letterhead:
        _write_signatures(ws, top + 1, doc.letterhead, width)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 34
    for c in range(3, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 15 if width < 12 else 11
    _print_setup(ws, title_rows)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


DOCUMENT_FORMATS = ("table", "csv", "xlsx", "pdf", "json")


def render_document(doc: Document, fmt: str) -> bytes:
    """A document in one of DOCUMENT_FORMATS as bytes."""
    if fmt == "pdf":
        from .pdf import document_pdf
        return document_pdf(doc)
    writers = {"table": document_table, "csv": document_csv, "xlsx": document_xlsx, "json": document_json}
    return writers[fmt](doc)
