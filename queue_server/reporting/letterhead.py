"""What an official appendix carries around its table, as plain text: the issuing body on the left and
the national motto on the right, the place-and-date line, the two signatures, the page-number text.

Built from the `[report_header]` section (config.ReportHeader); blank fields come from the centre's
name. Renderers (reporting.export XLSX, reporting.pdf) only lay these strings out.

>>> head = letterhead(ReportHeader(), "Trung tâm Phục vụ hành chính công tỉnh Hòa Bình", date(2026, 11, 28))
>>> head.left, head.place_date
(('UBND TỈNH HÒA BÌNH', 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'), 'Hòa Bình, ngày 28 tháng 11 năm 2026')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..config import ReportHeader

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
HEAD_SIGN_NOTE = "(Ký, ghi rõ họ tên, đóng dấu)"
BLANK_PLACE = "……………"

# "… tỉnh Hòa Bình", "… thành phố Hải Phòng", "… TP. Hồ Chí Minh": the province-level unit at the end.
_PROVINCE = re.compile(r"\b(tỉnh|thành phố|tp\.)\s+(?P<place>[^,()]+?)\s*$", re.IGNORECASE)
_UNIT_OF = {"tỉnh": "UBND TỈNH", "thành phố": "UBND THÀNH PHỐ", "tp.": "UBND THÀNH PHỐ"}


@dataclass(frozen=True)
class Signer:
    """One signature: title (bold), the note under it, blank room, then the name if configured."""

    title: str
    note: str
    name: str


@dataclass(frozen=True)
class Letterhead:
    """The texts around an appendix's table; the last of `left` is the unit (bold, underlined)."""

    left: tuple[str, ...]
    motto: tuple[str, str]
    place_date: str
    signers: tuple[Signer, Signer]

    @staticmethod
    def page_label(page: int, pages: int) -> str:
        """'Trang 1/3': the footer of every page."""
        return f"Trang {page}/{pages}"


def _province(centre_name: str) -> tuple[str, str] | None:
    """('tỉnh', 'Hòa Bình') from a centre name ending with its province or city, else None."""
    found = _PROVINCE.search(centre_name.strip())
    return (found.group(1).lower(), found.group("place")) if found else None


def _unit(centre_name: str, under_province: bool) -> str:
    """The centre's name in capitals, without its province when the line above already names it."""
    name = _PROVINCE.sub("", centre_name.strip()).strip() if under_province else centre_name.strip()
    return (name or centre_name).upper()


def date_line(place: str, day: date) -> str:
    """'Hòa Bình, ngày 28 tháng 11 năm 2026' (day and month in two digits below 10, as in the forms:
    'ngày 05 tháng 03')."""
    return f"{place or BLANK_PLACE}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def letterhead(settings: ReportHeader, centre_name: str, day: date) -> Letterhead:
    """The letterhead of the centre's appendices signed on `day`."""
    province = _province(centre_name)
    body = tuple(settings.issuing_body) if settings.issuing_body else (
        (f"{_UNIT_OF[province[0]]} {province[1].upper()}",) if province else ())
    unit = settings.unit_name or _unit(centre_name, province is not None)
    place = settings.place or (province[1] if province else "")
    signers = (Signer(settings.preparer_title, SIGN_NOTE, settings.preparer_name),
               Signer(settings.head_title, HEAD_SIGN_NOTE, settings.head_name))
    return Letterhead((*body, unit), MOTTO, date_line(place, day), signers)
