"""Reading an export file (CSV, XLSX, JSON) into numbered rows of cells.

Each reader yields (line, cells) pairs: the CSV line where the record starts,
the worksheet row number, or the 1-based position of a JSON object.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator

from queue_server.dossiers.import_fields import Cell
from queue_server.limits import (MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_IMPORT_UNZIPPED_BYTES,
                                 MAX_IMPORT_ZIP_ENTRIES, InputError, loads_json)

NumberedRow = tuple[int, list[Cell]]


class ImportFileError(InputError):
    """The file as a whole cannot be imported; nothing from it is applied. A bilingual refusal
    (QueueError, also a ValueError) wherever it surfaces: 400 for an unusable file, 413 for one
    past the limits."""

    def __init__(self, reason_vi: str, reason_en: str, status: int = 400) -> None:
        super().__init__("too_large" if status == 413 else "invalid", reason_vi, reason_en, status)

    @property
    def reason_vi(self) -> str:
        return self.message_vi

    @property
    def reason_en(self) -> str:
        return self.message_en


def _too_large(reason_vi: str, reason_en: str) -> ImportFileError:
    return ImportFileError(reason_vi, reason_en, 413)


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


HEADER_SEARCH_LINES = 20
"""The header row is looked for among this many first non-blank lines (a title, the exporting
office, a blank line may come above it); the importer searches as many rows for its columns."""
DELIMITERS = (",", ";")


def _delimiter(text: str) -> str:
    """The separator that splits some line among the first ones into the most fields: that line is
    the header row. ';' in exports from Excel in vi-VN, ',' elsewhere; a title line above the
    header ("Danh sách hồ sơ tháng 3, 2025") does not decide."""
    lines = [line for line in text.splitlines()[:HEADER_SEARCH_LINES * 4] if line.strip()][:HEADER_SEARCH_LINES]
    widest = {d: _widest(lines, d) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (widest[d], d == ","))


def _widest(lines: list[str], delimiter: str) -> int:
    """The most fields any of `lines` splits into (0 for lines the csv module cannot read)."""
    try:
        return max((len(cells) for cells in csv.reader(lines, delimiter=delimiter)), default=0)
    except csv.Error:
        return 0


def csv_rows(data: bytes | str) -> Iterator[NumberedRow]:
    """Rows of a UTF-8 (with or without BOM) CSV, comma or semicolon separated."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    start = 1
    try:
        for cells in reader:
            yield start, list(cells)
            start = reader.line_num + 1
    except csv.Error as exc:    # a field over csv.field_size_limit (128 KB), a NUL byte…
        raise ImportFileError(f"Tệp CSV lỗi ở dòng {reader.line_num}", f"bad CSV at line {reader.line_num}: {exc}") \
            from None


def xlsx_rows(data: bytes) -> Iterator[NumberedRow]:
    """Rows of the first worksheet of an XLSX workbook; cells keep their types."""
    from openpyxl import load_workbook  # imported here: only XLSX imports need it

    check_zip(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException…
        raise ImportFileError("Không đọc được tệp Excel (.xlsx)", f"cannot read XLSX: {exc}") from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        number = 0
        while True:
            try:   # read-only sheets are parsed as they are read: a damaged part fails here, mid-way
                values = next(rows)
            except StopIteration:
                return
            except Exception as exc:
                raise ImportFileError(f"Tệp Excel bị hỏng sau dòng {number}",
                                      f"damaged XLSX after row {number}: {exc}") from None
            number += 1
            yield number, list(values)
    finally:
        book.close()


def check_zip(data: bytes) -> None:
    """Refuse an XLSX (a zip) whose directory declares too many parts or too many bytes once
    decompressed, before anything is decompressed: a 214 KB file can hold 1.5 million rows.
    (zipfile never inflates a part past the size its directory declares.)"""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ImportFileError("Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không đầy đủ",
                              f"cannot read XLSX (damaged or incomplete file): {exc}") from None
    if len(parts) > MAX_IMPORT_ZIP_ENTRIES:
        raise _too_large(f"Tệp Excel có {len(parts)} phần, quá {MAX_IMPORT_ZIP_ENTRIES}",
                         f"the XLSX has {len(parts)} parts, more than {MAX_IMPORT_ZIP_ENTRIES}")
    unzipped = sum(p.file_size for p in parts)
    if unzipped > MAX_IMPORT_UNZIPPED_BYTES:
        mb = MAX_IMPORT_UNZIPPED_BYTES // 2**20
        raise _too_large(f"Tệp Excel khi giải nén lớn quá {mb} MB ({unzipped // 2**20} MB); vui lòng chia nhỏ tệp",
                         f"the XLSX unzips to {unzipped // 2**20} MB, more than {mb} MB; split the file")


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
    """The file's JSON, parsed within the import's size and the common depth limit."""
    try:
        return loads_json(_decode(data), max_bytes=MAX_IMPORT_BYTES)
    except InputError as exc:
        raise ImportFileError(exc.message_vi, exc.message_en, exc.status) from None


def rows_for(data: bytes | str | list, fmt: str) -> Iterator[NumberedRow]:
    """Rows of `data` in format 'csv', 'xlsx' or 'json' (or a file name ending so)."""
    kind = fmt.lower().rsplit(".", 1)[-1]
    readers = {"csv": csv_rows, "xlsx": xlsx_rows, "json": json_rows}
    if kind not in readers:
        raise ImportFileError(f"Định dạng tệp không hỗ trợ: '{fmt}'", f"unsupported file format: '{fmt}'")
    if isinstance(data, (bytes, str)) and len(data) > MAX_IMPORT_BYTES:
        mb = MAX_IMPORT_BYTES // 2**20
        raise _too_large(f"Tệp lớn quá {mb} MB", f"the file is larger than {mb} MB")
    return _capped(readers[kind](data))


def _capped(rows: Iterator[NumberedRow]) -> Iterator[NumberedRow]:
    """The rows, refused (413) past MAX_IMPORT_ROWS: reading stops there, whatever the file holds."""
    for count, row in enumerate(rows, 1):
        if count > MAX_IMPORT_ROWS + 1:     # + 1: the header row
            raise _too_large(f"Tệp có hơn {MAX_IMPORT_ROWS:,} dòng; vui lòng chia nhỏ tệp".replace(",", "."),
                             f"the file has more than {MAX_IMPORT_ROWS:,} rows; split it")
        yield row
