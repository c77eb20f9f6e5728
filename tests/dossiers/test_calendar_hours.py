from datetime import timedelta

import pytest

from .helpers import at


@pytest.mark.parametrize(
    "start, hours, expected",
    [
        ("2025-03-03 07:00", 8, "2025-03-03 17:00"),      # a full day ends at closing
        ("2025-03-03 09:00", 8, "2025-03-04 09:00"),
        ("2025-03-03 07:00", 4.5, "2025-03-03 11:30"),    # ends on the lunch break's edge
        ("2025-03-03 11:00", 1, "2025-03-03 14:00"),      # lunch break skipped
        ("2025-03-03 12:00", 1, "2025-03-03 14:30"),      # received at lunch: counts from 13:30
        ("2025-03-03 06:00", 1, "2025-03-03 08:00"),      # before opening
        ("2025-03-03 17:30", 1, "2025-03-04 08:00"),      # after closing: next morning
        ("2025-03-07 17:30", 8, "2025-03-10 17:00"),      # Friday evening → Monday
        ("2025-01-24 18:00", 8, "2025-02-03 17:00"),      # Friday evening before Tết
        ("2025-01-24 16:00", 2, "2025-02-03 08:00"),      # Tết in the middle of the count
        ("2025-04-25 16:00", 2, "2025-04-26 08:00"),      # into the làm bù Saturday
        ("2025-03-03 07:00", 0, "2025-03-03 07:00"),
        ("2025-03-03 17:00", 0, "2025-03-03 17:00"),      # zero from closing stays put
        ("2025-03-03 17:00", 1, "2025-03-04 08:00"),
        ("2025-03-03 11:30", 0, "2025-03-03 11:30"),
    ],
)
def test_calendar_add_working_hours(cal, start, hours, expected):
    assert cal.add_working_hours(at(start), hours) == at(expected)


@pytest.mark.parametrize(
    "start, days, expected",
    [
        ("2025-03-03 09:00", 1, "2025-03-04 09:00"),
        ("2025-03-03 09:00", 5, "2025-03-10 09:00"),
        ("2025-01-22 10:00", 3, "2025-02-03 10:00"),      # Wed + 3 days across Tết 2025
        ("2024-02-07 15:00", 1, "2024-02-15 15:00"),      # Tết 2024: 8–14/2 off
        ("2025-04-29 09:00", 2, "2025-05-06 09:00"),      # 30/4–2/5 off
        ("2025-08-29 09:00", 1, "2025-09-03 09:00"),      # National Day 1–2/9/2025
        ("2025-03-03 18:00", 1, "2025-03-04 17:00"),      # after closing: the next day counts whole
    ],
)
def test_calendar_add_working_days(cal, start, days, expected):
    assert cal.add_working_days(at(start), days) == at(expected)


def test_calendar_accepts_other_time_zones(cal):
    # 02:00 UTC is 09:00 in Hanoi.
    from datetime import datetime, timezone

    start = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)
    assert cal.add_working_hours(start, 1) == at("2025-03-03 10:00")


def test_calendar_rejects_naive_datetimes(cal):
    from datetime import datetime

    with pytest.raises(ValueError):
        cal.add_working_hours(datetime(2025, 3, 3, 9), 1)


@pytest.mark.parametrize(
    "start, end, hours",
    [
        ("2025-03-03 07:00", "2025-03-03 17:00", 8),
        ("2025-03-03 11:00", "2025-03-03 14:00", 1),
        ("2025-03-03 12:00", "2025-03-03 13:00", 0),
        ("2025-03-07 16:00", "2025-03-10 08:00", 2),
        ("2025-01-24 09:00", "2025-02-03 09:00", 8),
        ("2025-03-03 20:00", "2025-03-04 06:00", 0),
        ("2025-03-04 09:00", "2025-03-03 09:00", -8),
    ],
)
def test_calendar_working_time_between(cal, start, end, hours):
    assert cal.working_time_between(at(start), at(end)) == timedelta(hours=hours)


def test_calendar_working_time_between_inverts_add(cal):
    start = at("2025-01-20 10:15")
    for hours in (1, 7.5, 8, 20, 43):
        end = cal.add_working_hours(start, hours)
        assert cal.working_time_between(start, end) == timedelta(hours=hours)
