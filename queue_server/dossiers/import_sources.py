"""Reading an export file (CSV, XLSX, JSON) into numbered rows of cells.

Each reader yields (line, cells) pairs: the CSV line where the record starts,
the worksheet row number, or the 1-based position of a JSON object.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from queue_server.dossiers.import_fields import Cell

NumberedRow = tuple[int, list[Cell]]


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; nothing from it is applied."""

    def __init__(self, reason_vi: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_vi, self.reason_en = reason_vi, reason_en


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"Tệp không phải mã UTF-8 (byte lỗi ở vị trí {exc.start})",
            f"file is not UTF-8 (bad byte at offset {exc.start})",
        ) from None


def _delimiter(text: str) -> str:
    """';' when the first non-blank line has more semicolons than commas (Excel in vi-VN)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if first.count(";") > first.count(",") else ","


def csv_rows(data: bytes | str) -> Iterator[NumberedRow]:
    """Rows of a UTF-8 (with or without BOM) CSV, comma or semicolon separated."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    start = 1
    for cells in reader:
        yield start, list(cells)
        start = reader.line_num + 1


def xlsx_rows(data: bytes) -> Iterator[NumberedRow]:
    """Rows of the first worksheet of an XLSX workbook; cells keep their types."""
    from openpyxl import load_workbook  # imported here: only XLSX imports need it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException…
        raise ImportFileError("Không đọc được tệp Excel (.xlsx)", f"cannot read XLSX: {exc}") from None
    try:
        for number, values in enumerate(book.worksheets[0].iter_rows(values_only=True), 1):
            yield number, list(values)
    finally:
        book.close()


def json_rows(data: bytes | str | list) -> Iterator[NumberedRow]:
    """A JSON list of objects: the first row is the union of keys, then one row per object."""
    items = data if isinstance(data, list) else _load_json(data)
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ImportFileError("Tệp JSON phải là một danh sách các đối tượng", "JSON must be a list of objects")
    keys = list(dict.fromkeys(k for item in items for k in item))
    yield 0, keys
    for number, item in enumerate(items, 1):
        yield number, [item.get(k) for k in keys]


def _load_json(data: bytes | str) -> object:
    try:
        return json.loads(_decode(data))
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"Tệp JSON lỗi ở dòng {exc.lineno}", f"invalid JSON at line {exc.lineno}") from None


def rows_for(data: bytes | str | list, fmt: str) -> Iterator[NumberedRow]:
    """Rows of `data` in format 'csv', 'xlsx' or 'json' (or a file name ending so)."""
    kind = fmt.lower().rsplit(".", 1)[-1]
    readers = {"csv": csv_rows, "xlsx": xlsx_rows, "json": json_rows}
    if kind not in readers:
        raise ImportFileError(f"Định dạng tệp không hỗ trợ: '{fmt}'", f"unsupported file format: '{fmt}'")
    return readers[kind](data)
