"""Reporting periods cut on a configurable day of the month (default the 15th).

"Tháng 12 năm 2020" with cut-off 15 runs from 16/11/2020 to 15/12/2020; a
quarter, half-year or year spans its months' periods. A cut-off past the end of a
short month is clamped to that month's last day (cut-off 31 → calendar months).
Boundaries are local midnights in Asia/Ho_Chi_Minh; `end_before` is exclusive.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from ..limits import check_range, check_year

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_CUTOFF = 15
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of local days with its label.

    >>> month(2020, 12).label
    'tháng 12 năm 2020 (từ 16/11/2020 đến 15/12/2020)'
    """

    kind: PeriodKind
    first_day: date
    last_day: date
    name: str

    @property
    def label(self) -> str:
        span = f"từ {self.first_day:%d/%m/%Y} đến {self.last_day:%d/%m/%Y}"
        return f"{self.name} ({span})" if self.name else span

    @property
    def start_at(self) -> datetime:
        """00:00 local on the first day."""
        return datetime.combine(self.first_day, time(), VN_TZ)

    @property
    def end_before(self) -> datetime:
        """00:00 local on the day after the last day (exclusive bound)."""
        return datetime.combine(self.last_day + timedelta(days=1), time(), VN_TZ)

    def contains(self, moment: datetime | date) -> bool:
        """Whether a local day, or an aware instant, lies in the period."""
        if isinstance(moment, datetime):
            return self.start_at <= moment < self.end_before
        return self.first_day <= moment <= self.last_day


def _check_cutoff(cutoff: int) -> None:
    if not 1 <= cutoff <= 31:
        raise ValueError(f"cut-off day must be 1–31, got {cutoff}")


def month_end(year: int, month_no: int, cutoff: int = DEFAULT_CUTOFF) -> date:
    """Last day of the reporting month: the cut-off day, clamped to the month's length."""
    _check_cutoff(cutoff)
    return date(year, month_no, min(cutoff, calendar.monthrange(year, month_no)[1]))


def _previous(year: int, month_no: int) -> tuple[int, int]:
    return (year - 1, 12) if month_no == 1 else (year, month_no - 1)


def _month_start(year: int, month_no: int, cutoff: int) -> date:
    return month_end(*_previous(year, month_no), cutoff) + timedelta(days=1)


def _span(kind: PeriodKind, year: int, first: int, last: int, cutoff: int, name: str) -> Period:
    check_year(year)
    return Period(kind, _month_start(year, first, cutoff), month_end(year, last, cutoff), name)


def month(year: int, month_no: int, cutoff: int = DEFAULT_CUTOFF) -> Period:
    """Reporting month `month_no` of `year`."""
    return _span(PeriodKind.MONTH, year, month_no, month_no, cutoff, f"tháng {month_no} năm {year}")


def quarter(year: int, number: int, cutoff: int = DEFAULT_CUTOFF) -> Period:
    """Quarter 1–4: its three reporting months."""
    if number not in _ROMAN:
        raise ValueError(f"quarter must be 1–4, got {number}")
    first = 3 * number - 2
    return _span(PeriodKind.QUARTER, year, first, first + 2, cutoff, f"quý {_ROMAN[number]} năm {year}")


def half_year(year: int, number: int, cutoff: int = DEFAULT_CUTOFF) -> Period:
    """Half 1 (months 1–6, '6 tháng đầu năm') or 2 (months 7–12, '6 tháng cuối năm')."""
    if number not in (1, 2):
        raise ValueError(f"half-year must be 1 or 2, got {number}")
    which = "đầu" if number == 1 else "cuối"
    first = 1 if number == 1 else 7
    return _span(PeriodKind.HALF_YEAR, year, first, first + 5, cutoff, f"6 tháng {which} năm {year}")


def year(year_no: int, cutoff: int = DEFAULT_CUTOFF) -> Period:
    """The reporting year: its twelve reporting months."""
    return _span(PeriodKind.YEAR, year_no, 1, 12, cutoff, f"năm {year_no}")


def custom(first_day: date, last_day: date) -> Period:
    """Any inclusive range of days, labelled 'từ dd/mm/yyyy đến dd/mm/yyyy'."""
    if last_day < first_day:
        raise ValueError(f"period ends ({last_day}) before it starts ({first_day})")
    check_range(first_day, last_day)
    return Period(PeriodKind.CUSTOM, first_day, last_day, "")


def month_of(day: date | datetime, cutoff: int = DEFAULT_CUTOFF) -> Period:
    """The reporting month containing a local day (or an aware instant)."""
    if isinstance(day, datetime):
        day = day.astimezone(VN_TZ).date()
    if day <= month_end(day.year, day.month, cutoff):
        return month(day.year, day.month, cutoff)
    return month(day.year + (day.month == 12), day.month % 12 + 1, cutoff)


def period_of(kind: PeriodKind | str, day: date | datetime, cutoff: int = DEFAULT_CUTOFF) -> Period:
    """The month / quarter / half-year / year period containing `day`."""
    m = month_of(day, cutoff)
    y, mo = m.last_day.year, m.last_day.month
    kind = PeriodKind(kind)
    if kind is PeriodKind.MONTH:
        return m
    if kind is PeriodKind.QUARTER:
        return quarter(y, (mo - 1) // 3 + 1, cutoff)
    if kind is PeriodKind.HALF_YEAR:
        return half_year(y, 1 if mo <= 6 else 2, cutoff)
    if kind is PeriodKind.YEAR:
        return year(y, cutoff)
    raise ValueError("a custom period is not determined by a day")
