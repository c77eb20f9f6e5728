from datetime import date

import pytest

from queue_server.dossiers.lunar import hung_kings_day, lunar_to_solar, solar_to_lunar, tet


@pytest.mark.parametrize(
    "year, expected",
    [
        (2023, date(2023, 1, 22)),
        (2024, date(2024, 2, 10)),
        (2025, date(2025, 1, 29)),
        (2026, date(2026, 2, 17)),
        (2027, date(2027, 2, 6)),
        # Vietnam's calendar (UTC+7) starts 2030 a day before China's (UTC+8).
        (2030, date(2030, 2, 2)),
    ],
)
def test_tet_known_dates(year, expected):
    assert tet(year) == expected


@pytest.mark.parametrize(
    "year, expected",
    [(2021, date(2021, 4, 21)), (2022, date(2022, 4, 10)), (2023, date(2023, 4, 29)),
     (2024, date(2024, 4, 18)), (2025, date(2025, 4, 7))],
)
def test_hung_kings_day_known_dates(year, expected):
    assert hung_kings_day(year) == expected


def test_lunar_leap_month_2023():
    # 2023 had a leap 2nd month (tháng 2 nhuận) starting 22/3/2023.
    assert lunar_to_solar(1, 2, 2023, leap=True) == date(2023, 3, 22)
    assert solar_to_lunar(date(2023, 3, 22)) == (1, 2, 2023, True)


def test_lunar_rejects_missing_leap_month():
    with pytest.raises(ValueError):
        lunar_to_solar(1, 5, 2024, leap=True)


def test_lunar_round_trip_over_years():
    day = date(2023, 12, 1)
    while day < date(2031, 1, 1):
        d, m, y, leap = solar_to_lunar(day)
        assert lunar_to_solar(d, m, y, leap) == day
        day = date.fromordinal(day.toordinal() + 7)


def test_lunar_new_year_eve_is_last_day_of_year():
    d, m, y, _ = solar_to_lunar(date(2025, 1, 28))
    assert (m, y) == (12, 2024) and d in (29, 30)
