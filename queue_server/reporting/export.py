"""Phụ lục I as files: CSV (Vietnamese number format), JSON, XLSX with title and merged headers.

>>> Path("phu-luc-1.xlsx").write_bytes(to_xlsx(report, "Trung tâm Phục vụ hành chính công tỉnh"))
"""
from __future__ import annotations

import csv
import io
import json

from .hostile_text import spreadsheet_cell, spreadsheet_row, terminal_text
from .phu_luc_1 import COLUMNS, HEADER_COLUMNS, HEADER_GROUPS, NOTE_STAR_STAR, PhuLuc1, format_rows

TITLE = "PHỤ LỤC I"
SUBTITLE = "TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH"
FORMATS = ("table", "csv", "xlsx", "json")


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


# (first column, last column) of each merged header group, 1-based over the 15 columns
_GROUPS = ((1, 1), (2, 2), (3, 5), (6, 9), (10, 12), (13, 13), (14, 14), (15, 15))


def to_xlsx(report: PhuLuc1, centre_name: str = "") -> bytes:
    """A printable sheet: centre name, title, period in words, merged two-row header, borders."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục I"
    width = len(HEADER_GROUPS)
    last = get_column_letter(width)
    head = [centre_name, TITLE, SUBTITLE, period_line(report)]
    for row, text in enumerate(head, 1):
        _put(ws, row, 1, text).font = Font(bold=row > 1, size=13 if row == 2 else 11)
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.cell(row, 1).alignment = Alignment(horizontal="center")
    top = len(head) + 2
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    table = format_rows(report)
    for r, values in enumerate(table):
        for c, value in enumerate(values, 1):
            cell = _put(ws, top + r, c, _number(value) if r >= 2 and c > 2 and r < len(table) - 1
                           else value)
            cell.border = border
            if r < 2:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif r >= len(table) - 2:
                cell.font = Font(bold=True)
    for a, b in _GROUPS:
        if a == b:  # a column without sub-headers spans both header rows
            ws.merge_cells(start_row=top, start_column=a, end_row=top + 1, end_column=a)
        else:
            ws.merge_cells(start_row=top, start_column=a, end_row=top, end_column=b)
    for r in range(top + 2, top + len(table)):
        for c in range(3, width + 1):
            ws.cell(r, c).number_format = "#,##0"
            ws.cell(r, c).alignment = Alignment(horizontal="right")
    _put(ws, top + len(table) + 1, 1, NOTE_STAR_STAR).font = Font(italic=True)
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 36
    for c in range(3, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 12
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _number(text: str) -> int | str:
    """Count cells as numbers so Excel can sum them; '12.346' → 12346."""
    digits = text.replace(".", "")
    return int(digits) if digits.isdigit() else text


def render(report: PhuLuc1, fmt: str, centre_name: str = "") -> bytes:
    """The report in `fmt` (one of FORMATS) as bytes."""
    if fmt == "xlsx":
        return to_xlsx(report, centre_name)
    text = {"table": to_table, "csv": to_csv, "json": to_json}[fmt](report)
    return text.encode("utf-8")


__all__ = ["FORMATS", "COLUMNS", "HEADER_COLUMNS", "render", "to_csv", "to_json", "to_table", "to_xlsx"]


# -- generic report documents (Phụ lục II, rating lists, queue statistics) ----------------------

from dataclasses import dataclass, field  # noqa: E402


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


def _cell_value(text: str, numeric: bool):
    """Counts as ints, '23,04' as floats, so Excel can compute with them; other text as is."""
    if not numeric:
        return text
    plain = text.replace(".", "")
    if plain.lstrip("-").isdigit():
        return int(plain)
    try:
        return float(plain.replace(",", "."))
    except ValueError:
        return text


def _write_table(ws, top: int, table: Table, width: int) -> int:
    """Write one table at row `top` with borders and merged headers; return the next free row."""
    from openpyxl.styles import Alignment, Border, Font, Side
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    _put(ws, top, 1, table.caption).font = Font(bold=True, italic=True)
    top += 1
    heads = _header_rows(table)
    rows = [*heads, *table.rows[1:]]
    for r, values in enumerate(rows):
        body = r >= len(heads)
        for c, text in enumerate(values, 1):
            cell = _put(ws, top + r, c, _cell_value(text, body and c >= table.numeric_from))
            cell.border = border
            if not body:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            else:
                cell.font = Font(bold=r >= len(rows) - table.bold_last)
                if c >= table.numeric_from:
                    cell.alignment = Alignment(horizontal="right")
                    if isinstance(cell.value, int):
                        cell.number_format = "#,##0"
                    elif isinstance(cell.value, float):
                        cell.number_format = "#,##0.00"
    if len(heads) == 2:
        covered = set()
        for _, a, b in table.groups:
            ws.merge_cells(start_row=top, start_column=a, end_row=top, end_column=b)
            covered.update(range(a, b + 1))
        for c in set(range(1, len(table.rows[0]) + 1)) - covered:
            ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
    return top + len(rows) + 1


def document_xlsx(doc: Document) -> bytes:
    """A printable sheet like the official appendix: centre, title, subtitle, the period in words
    (merged across the table), then each table with a merged header and thin borders."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = doc.title[:31]
    width = max(len(t.rows[0]) for t in doc.tables)
    last = get_column_letter(width)
    for row, text in enumerate([doc.centre, doc.title, doc.subtitle, doc.period_line], 1):
        _put(ws, row, 1, text).font = Font(bold=row > 1, size=13 if row == 2 else 11)
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.cell(row, 1).alignment = Alignment(horizontal="center", wrap_text=True)
    top = 6
    for table in doc.tables:
        top = _write_table(ws, top, table, width)
    for note in doc.notes:
        _put(ws, top, 1, note).font = Font(italic=True)
        top += 1
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 34
    for c in range(3, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 15
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
