"""How much work one request may ask for: every size, depth, period and row limit in one place.

A centre's LAN is shared with citizens' phones; one request must not be able to stall the queue
(docs/security.md). Each limit is refused with a bilingual QueueError (400 or 413), never a 500.

>>> loads_json(b'{"code": "A1"}')
{'code': 'A1'}
"""
from __future__ import annotations

import json
import re
from datetime import date
from itertools import accumulate

from .engine.errors import QueueError

MAX_JSON_BYTES = 256 * 1024
"""A JSON request body (the largest real one, a dossier push, is about 2 KB)."""
MAX_JSON_DEPTH = 32
"""Nesting of arrays and objects in any JSON we parse (ours never go deeper than 4)."""

MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""A dossier export file as uploaded."""
MAX_IMPORT_UNZIPPED_BYTES = 64 * 1024 * 1024
"""An XLSX's parts once decompressed, as its zip directory declares them. openpyxl scans a whole
sheet that lacks a <dimension> element before the first row, so this bounds that scan too. A cell
takes about 70 bytes as openpyxl writes it (measured), about 35 as Excel does: 60,000 rows of
11 columns fit either way."""
MAX_IMPORT_ZIP_ENTRIES = 200
"""Parts in an XLSX (a workbook holds a dozen or so)."""
MAX_IMPORT_ROWS = 100_000
"""Rows of one import file (a busy province's month is about 60,000 dossiers)."""

FIRST_YEAR, LAST_YEAR = 2000, 2100
"""Reports cover days between these years."""
MAX_CUSTOM_DAYS = 366
"""A custom report period: at most a year (longer spans are asked as several years)."""
MAX_LIST_ROWS = 50_000
"""Rows of one list in a report (dissatisfied ratings, comments) in a file or an API answer."""
MAX_PDF_ROWS = 5_000
"""Rows of one list in a PDF (reportlab lays out about 1,000 rows a second); more: CSV or XLSX."""

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))
_STEP = [0] * 256
for _b in b"[{":
    _STEP[_b] = 1
for _b in b"]}":
    _STEP[_b] = -1


def json_depth(data: bytes) -> int:
    """The deepest nesting of arrays and objects in JSON text, found without parsing it (brackets
    inside strings do not count), so a 100,000-deep body costs one linear scan, not a recursion."""
    brackets = _STRING.sub(b'""', data).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


class InputError(QueueError, ValueError):
    """Input refused for its form or size: a bilingual QueueError, and a ValueError too, so that
    code catching bad values (Flask's `get_json(silent=True)`, period parsers) catches it."""


def loads_json(data: bytes | str, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH):
    """Parse JSON text within the size and depth limits; a clear InputError (400/413) otherwise."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise InputError("too_large", f"Dữ liệu JSON lớn quá {max_bytes // 1024} KB",
                             f"The JSON is larger than {max_bytes // 1024} KB", 413)
    if json_depth(raw) > max_depth:
        raise InputError("invalid", f"Dữ liệu JSON lồng nhau quá {max_depth} cấp",
                             f"The JSON is nested deeper than {max_depth} levels", 400)
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError("invalid", f"Dữ liệu JSON lỗi ở dòng {exc.lineno}", f"invalid JSON at line {exc.lineno}",
                         400) from None
    except (ValueError, RecursionError) as exc:   # not UTF-8; or nested past the interpreter's own limit
        raise InputError("invalid", "Dữ liệu JSON không hợp lệ", f"invalid JSON: {exc}", 400) from None


def check_year(year: int) -> None:
    """A named report period (month, quarter, half-year, year) of a year in FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError("invalid", f"Năm báo cáo phải trong khoảng {FIRST_YEAR}–{LAST_YEAR}",
                         f"The report year must be within {FIRST_YEAR}-{LAST_YEAR}", 400)


def check_range(first_day: date, last_day: date) -> None:
    """A custom report period: days within FIRST_YEAR..LAST_YEAR, at most MAX_CUSTOM_DAYS of them."""
    check_year(first_day.year)
    check_year(last_day.year)
    if (last_day - first_day).days + 1 > MAX_CUSTOM_DAYS:
        raise InputError("invalid", f"Khoảng ngày dài quá {MAX_CUSTOM_DAYS} ngày; vui lòng chọn theo năm hoặc "
                         "chia nhỏ khoảng ngày", f"A range of days may cover at most {MAX_CUSTOM_DAYS} days; "
                         "choose a year or split the range", 400)


def check_rows(rows: int, limit: int, what_vi: str, what_en: str) -> None:
    """Refuse (413) a list longer than `limit` rows."""
    if rows > limit:
        raise InputError("too_large", f"{what_vi} có {_vn(rows)} dòng, quá giới hạn {_vn(limit)} dòng; vui lòng "
                         "chọn kỳ ngắn hơn", f"{what_en} has {rows:,} rows, more than the limit of {limit:,}; "
                         "choose a shorter period", 413)


def _vn(n: int) -> str:
    return f"{n:,}".replace(",", ".")


__all__ = ["InputError", "check_range", "check_rows", "check_year", "json_depth", "loads_json"]
