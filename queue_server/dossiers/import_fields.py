"""Parsing one cell of a dossier export: header keys, dates, status, channel, level.

Each parser returns the value or raises FieldProblem with a Vietnamese and an
English reason, which the importer turns into a rejection report.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from queue_server.dossiers.model import Channel, DossierStatus

Cell = str | int | float | date | datetime | None


class FieldProblem(ValueError):
    """A cell that cannot be used, with reasons in Vietnamese and English."""

    def __init__(self, reason_vi: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_vi, self.reason_en = reason_vi, reason_en


def text_key(text: str) -> str:
    """Loose comparison key: NFC/NFD-insensitive, no diacritics, case-folded, single spaces.

    'Ngày  Hẹn Trả' and 'ngay hen tra' give the same key.
    """
    decomposed = unicodedata.normalize("NFD", str(text).replace("\ufeff", ""))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("đ", "d").replace("Đ", "D").casefold()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def cell_text(value: Cell) -> str:
    """A cell as stripped NFC text; integral floats lose their '.0' (XLSX numbers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:hH](\d{2})(?::(\d{2}))?)?")
_TIME_FIRST = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\d{1,2})/(\d{1,2})/(\d{4})")
MIN_YEAR, MAX_YEAR = 1990, 2100


def _from_groups(d: str, m: str, y: str, hh: str | None, mm: str | None, ss: str | None) -> datetime:
    return datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0), int(ss or 0))


def _parse_date_text(text: str) -> datetime:
    if match := _DMY.fullmatch(text):
        return _from_groups(*match.groups())
    if match := _TIME_FIRST.fullmatch(text):
        hh, mm, ss, d, m, y = match.groups()
        return _from_groups(d, m, y, hh, mm, ss)
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        return datetime.fromisoformat(text)
    raise ValueError(text)


def parse_datetime(value: Cell, tz: ZoneInfo, label_vi: str, label_en: str) -> datetime:
    """dd/mm/yyyy [HH:MM[:SS]], HH:MM dd/mm/yyyy, ISO 8601, or an XLSX date; naive → `tz`.

    A date without a time is taken as 00:00 local: deadlines are judged by day.
    """
    try:
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            moment = datetime.combine(value, time())
        else:
            moment = _parse_date_text(cell_text(value))
    except ValueError:
        raise FieldProblem(f"{label_vi} không hợp lệ: '{cell_text(value)}'",
                           f"invalid {label_en}: '{cell_text(value)}'") from None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise FieldProblem(f"{label_vi} không hợp lệ: '{cell_text(value)}'",
                           f"invalid {label_en}: '{cell_text(value)}' (year out of range)")
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


_STATUS_WORDS = {
    DossierStatus.RECEIVED: ["Mới tiếp nhận", "Tiếp nhận", "Chờ xử lý"],
    DossierStatus.IN_PROGRESS: ["Đang xử lý", "Đang thụ lý", "Đang giải quyết"],
    DossierStatus.SUPPLEMENT_REQUESTED: ["Chờ bổ sung", "Bổ sung hồ sơ", "Yêu cầu bổ sung hồ sơ"],
    DossierStatus.STOPPED: ["Dừng xử lý"],
    DossierStatus.REFUSED: ["Từ chối", "Từ chối giải quyết", "Trả lại hồ sơ"],
    DossierStatus.WITHDRAWN: ["Công dân rút hồ sơ", "Đã rút hồ sơ"],
    DossierStatus.RESULT_READY: ["Đã có kết quả", "Chờ trả kết quả", "Đã giải quyết"],
    DossierStatus.RESULT_RETURNED: ["Trả kết quả", "Hoàn thành", "Đã hoàn thành", "returned"],
}
STATUS_BY_KEY = {
    text_key(word): status
    for status, words in _STATUS_WORDS.items()
    for word in [status.value, status.label_vi, *words]
}

_CHANNEL_WORDS = {
    Channel.IN_PERSON: ["Trực tiếp", "Tại quầy", "Nộp trực tiếp", "in_person", "in person"],
    Channel.ONLINE: ["Trực tuyến", "Online", "Qua mạng", "Dịch vụ công trực tuyến", "DVC trực tuyến"],
    Channel.POST: ["Bưu chính", "Qua bưu chính", "Bưu điện", "Qua bưu điện", "Bưu chính công ích", "post"],
}
CHANNEL_BY_KEY = {text_key(w): ch for ch, words in _CHANNEL_WORDS.items() for w in words}


def parse_status(value: Cell) -> DossierStatus:
    """A status given as our value, its Vietnamese label or a common synonym."""
    try:
        return STATUS_BY_KEY[text_key(cell_text(value))]
    except KeyError:
        raise FieldProblem(f"Trạng thái không xác định: '{cell_text(value)}'",
                           f"unknown status: '{cell_text(value)}'") from None


def parse_channel(value: Cell) -> Channel:
    """Filing channel; an empty cell means in person (the usual case)."""
    text = cell_text(value)
    if not text:
        return Channel.IN_PERSON
    try:
        return CHANNEL_BY_KEY[text_key(text)]
    except KeyError:
        raise FieldProblem(f"Hình thức nộp không xác định: '{text}'", f"unknown channel: '{text}'") from None


def parse_level(value: Cell) -> int | None:
    """Service level 1–4 ('3', 'Mức độ 4', 'Toàn trình' = 4, 'Một phần' = 3); empty → None."""
    text = cell_text(value)
    if not text:
        return None
    key = text_key(text)
    if "toan trinh" in key:
        return 4
    if "mot phan" in key:
        return 3
    digits = re.findall(r"\d+", key)
    if len(digits) == 1 and 1 <= int(digits[0]) <= 4:
        return int(digits[0])
    raise FieldProblem(f"Mức độ không hợp lệ: '{text}'", f"invalid level: '{text}'")
