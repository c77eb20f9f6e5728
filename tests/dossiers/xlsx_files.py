"""XLSX files for import tests made byte by byte: a real workbook, one with a sheet of many rows
(a decompression bomb), and damaged ones."""
from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook

HEADER = ["Mã hồ sơ", "Tên thủ tục", "Đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả", "Trạng thái"]
ROW = ["000.17.22.H56-250303-0001", "Cấp giấy phép xây dựng", "Sở Xây dựng", "03/03/2025 08:00", "17/03/2025",
       "Đang giải quyết"]
SHEET = "xl/worksheets/sheet1.xml"


def workbook(rows: int = 3) -> bytes:
    """A genuine small export: the header and `rows` identical-looking dossiers with their own codes."""
    book = Workbook()
    book.active.append(HEADER)
    for n in range(1, rows + 1):
        book.active.append([ROW[0][:-4] + f"{n:04}", *ROW[1:]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bomb(rows: int) -> bytes:
    """A workbook whose sheet holds `rows` rows of one short text: megabytes become hundreds."""
    source = zipfile.ZipFile(io.BytesIO(workbook(0)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            if item.filename != SHEET:
                target.writestr(item, source.read(item))
                continue
            with target.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
                            b'.org/spreadsheetml/2006/main"><sheetData>')
                row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
                for _ in range(rows // 10_000):
                    sheet.write(row * 10_000)
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def damaged_sheet(data: bytes) -> bytes:
    """The workbook with its sheet's compressed bytes overwritten half-way: the zip directory is
    intact (openpyxl opens it), the sheet fails while it is read."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + bytes(64) + data[middle + 64:]
