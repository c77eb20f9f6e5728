"""Public-holiday data: the shipped TOML file, and the rule that computes a year.

The file is data a centre updates each year when the government announces the
year's days off and swaps; `computed_year` only fills years not announced yet.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from queue_server.dossiers.lunar import hung_kings_day, tet

DEFAULT_PATH = Path(__file__).with_name("holidays_vn.toml")
_WEEKEND = (5, 6)


@dataclass(frozen=True, slots=True)
class DayEntry:
    """One day off (holiday, nghỉ bù) or one extra working day (làm bù)."""

    day: date
    name: str
    source: str  # "announced" or "computed"


@dataclass(frozen=True, slots=True)
class HolidayData:
    """Days off and extra working days, as read from a holiday file."""

    holidays: tuple[DayEntry, ...]
    working_days: tuple[DayEntry, ...]


def load_holidays(path: Path | str = DEFAULT_PATH) -> HolidayData:
    """Read a holiday TOML file (`[[holiday]]` and `[[working_day]]` tables)."""
    with open(path, "rb") as f:
        return parse_holidays(tomllib.load(f))


def parse_holidays(data: dict) -> HolidayData:
    """Build HolidayData from already parsed TOML."""
    return HolidayData(
        holidays=tuple(_entry(e) for e in data.get("holiday", [])),
        working_days=tuple(_entry(e) for e in data.get("working_day", [])),
    )


def _entry(raw: dict) -> DayEntry:
    day = raw["date"]
    if not isinstance(day, date):
        raise ValueError(f"holiday date must be a TOML date (yyyy-mm-dd), got {day!r}")
    return DayEntry(day, str(raw.get("name", "")), str(raw.get("source", "announced")))


def _fixed_days(year: int) -> list[tuple[date, str]]:
    """The labour code's holidays (Article 112, 2019 code) for one solar year."""
    new_year = tet(year)
    days = [(date(year, 1, 1), "Tết Dương lịch")]
    days += [(new_year + timedelta(days=i), "Tết Nguyên đán") for i in range(-1, 4)]
    days.append((hung_kings_day(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"))
    days += [(date(year, 4, 30), "Ngày Chiến thắng 30/4"), (date(year, 5, 1), "Quốc tế Lao động 1/5")]
    days += _national_day(year)
    return sorted(days)


def _national_day(year: int) -> list[tuple[date, str]]:
    """2/9 plus 1/9 when that is a weekday, otherwise 3/9."""
    adjacent = date(year, 9, 1)
    if adjacent.weekday() in _WEEKEND:
        adjacent = date(year, 9, 3)
    return [(date(year, 9, 2), "Quốc khánh 2/9"), (adjacent, "Quốc khánh (ngày liền kề)")]


def computed_year(year: int) -> list[DayEntry]:
    """Holidays of `year` by rule, with a nghỉ bù for each one on a weekend.

    Tết is taken as the lunar New Year's Eve and mùng 1–4; a holiday falling on a
    Saturday or Sunday gives a day off on the next free weekday (Article 111(3)).
    """
    fixed = _fixed_days(year)
    taken = {d for d, _ in fixed}
    entries = [DayEntry(d, name, "computed") for d, name in fixed]
    for day, name in fixed:
        if day.weekday() in _WEEKEND:
            extra = _next_free_weekday(day, taken)
            taken.add(extra)
            entries.append(DayEntry(extra, f"Nghỉ bù: {name} ({day:%d/%m/%Y}) trùng ngày nghỉ hằng tuần", "computed"))
    return sorted(entries, key=lambda e: e.day)


def _next_free_weekday(day: date, taken: set[date]) -> date:
    day += timedelta(days=1)
    while day.weekday() in _WEEKEND or day in taken:
        day += timedelta(days=1)
    return day
