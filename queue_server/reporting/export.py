"""Phụ lục I as files: CSV (Vietnamese number format), JSON, XLSX with title and merged headers.

>>> Path("phu-luc-1.xlsx").write_bytes(to_xlsx(report, "Trung tâm Phục vụ hành chính công tỉnh"))
"""
from __future__ import annotations

import csv
import io
import json

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
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(format_rows(report))
    writer.writerow([NOTE_STAR_STAR])
    return out.getvalue()


def to_json(report: PhuLuc1) -> str:
    return json.dumps({**report.as_dict(), "table": format_rows(report), "note": NOTE_STAR_STAR},
                      ensure_ascii=False, indent=1)


def to_table(report: PhuLuc1) -> str:
    """Plain text for a terminal: aligned columns, right-aligned numbers."""
    rows = format_rows(report)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [period_line(report)]
    for r in rows:
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    lines.append(NOTE_STAR_STAR)
    return "\n".join(lines) + "\n"


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
        ws.cell(row, 1, text).font = Font(bold=row > 1, size=13 if row == 2 else 11)
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.cell(row, 1).alignment = Alignment(horizontal="center")
    top = len(head) + 2
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    table = format_rows(report)
    for r, values in enumerate(table):
        for c, value in enumerate(values, 1):
            cell = ws.cell(top + r, c, _number(value) if r >= 2 and c > 2 and r < len(table) - 1 else value)
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
    ws.cell(top + len(table) + 1, 1, NOTE_STAR_STAR).font = Font(italic=True)
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
