from datetime import date

import pytest

from queue_server.centre_calendar import CentreCalendar


@pytest.mark.parametrize(
    "day, working",
    [
        (date(2025, 1, 24), True),   # Friday before Tết
        (date(2025, 1, 25), False),  # Saturday
        (date(2025, 1, 27), False),  # Tết (announced 27–31/1)
        (date(2025, 1, 31), False),
        (date(2025, 2, 3), True),    # back to work
        (date(2025, 4, 26), True),   # Saturday worked instead (làm bù)
        (date(2025, 5, 2), False),   # swapped day off
        (date(2024, 5, 4), True),    # làm bù 2024
        (date(2024, 4, 29), False),  # nghỉ hoán đổi 2024
        (date(2024, 9, 3), False),   # National Day's second day
        (date(2027, 2, 10), False),  # computed nghỉ bù for Tết on a weekend
        (date(2027, 2, 12), True),
    ],
)
def test_calendar_is_working_day(cal, day, working):
    assert cal.is_working_day(day) is working


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (date(2025, 1, 20), 0, date(2025, 1, 20)),
        (date(2025, 1, 25), 0, date(2025, 2, 3)),   # Saturday before Tết → first day back
        (date(2025, 1, 23), 1, date(2025, 1, 24)),
        (date(2025, 1, 23), 2, date(2025, 2, 3)),   # across Tết and two weekends
        (date(2025, 4, 24), 2, date(2025, 4, 26)),  # the làm bù Saturday counts
        (date(2025, 4, 29), 1, date(2025, 5, 5)),   # 30/4, 1/5, 2/5 off, weekend
        (date(2024, 12, 31), 1, date(2025, 1, 2)),  # New Year
        (date(2026, 2, 13), 1, date(2026, 2, 23)),  # computed Tết 2026: 16–20/2
    ],
)
def test_calendar_shift_working_days(cal, start, days, expected):
    assert cal.shift_working_days(start, days) == expected


def test_calendar_without_data_only_skips_weekends():
    cal = CentreCalendar()
    assert cal.shift_working_days(date(2025, 1, 24), 1) == date(2025, 1, 27)


def test_calendar_custom_weekend_and_extra_days():
    cal = CentreCalendar(weekdays=frozenset({1, 2, 3, 4, 5, 6}), extra_working_days=frozenset({date(2025, 1, 26)}))
    assert cal.is_working_day(date(2025, 1, 25)) and cal.is_working_day(date(2025, 1, 26))
    assert not cal.is_working_day(date(2025, 2, 2))


def test_calendar_rejects_overlapping_sessions():
    from datetime import time

    with pytest.raises(ValueError):
        CentreCalendar(sessions=((time(7), time(12)), (time(11), time(17))))


def test_calendar_vietnam_reads_a_centre_file(tmp_path):
    path = tmp_path / "h.toml"
    path.write_text('[[holiday]]\ndate = 2025-03-03\nname = "Ngày nghỉ riêng"\n', encoding="utf-8")
    cal = CentreCalendar.vietnam(path)
    assert not cal.is_working_day(date(2025, 3, 3))
    assert cal.is_working_day(date(2025, 1, 27))  # this file has no Tết
