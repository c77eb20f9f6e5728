import pytest

from queue_server.centre_calendar import DeadlineUnit
from .helpers import at


@pytest.mark.parametrize(
    "received, amount, unit, expected",
    [
        ("2025-03-03 09:00", 4, "working_hours", "2025-03-03 15:00"),
        ("2025-03-03 09:00", 3, "working_days", "2025-03-06 09:00"),
        ("2025-03-03 09:00", 4, "calendar_days", "2025-03-07 17:00"),
        ("2025-03-03 09:00", 5, "calendar_days", "2025-03-10 17:00"),  # Saturday → Monday's closing
    ],
)
def test_calendar_due_date_units(cal, received, amount, unit, expected):
    assert cal.due_date(at(received), amount, unit) == at(expected)


@pytest.mark.parametrize(
    "received, days, expected",
    [
        ("2025-03-03 09:00", 2, "2025-03-05 17:00"),
        ("2025-01-20 09:00", 7, "2025-02-03 17:00"),   # lands in Tết → first day back
        ("2025-04-24 09:00", 2, "2025-04-26 17:00"),   # làm bù Saturday is a working day
        ("2025-03-03 18:00", 1, "2025-03-04 17:00"),   # calendar days ignore closing time
    ],
)
def test_calendar_due_date_calendar_days(cal, received, days, expected):
    assert cal.due_date(at(received), days, DeadlineUnit.CALENDAR_DAYS) == at(expected)


def test_calendar_due_date_rejects_unknown_unit(cal):
    with pytest.raises(ValueError):
        cal.due_date(at("2025-03-03 09:00"), 1, "weeks")
