from datetime import date, datetime, timezone

import pytest

from queue_server.reporting.periods import (
    VN_TZ,
    PeriodKind,
    custom,
    half_year,
    month,
    month_of,
    period_of,
    quarter,
    year,
)


@pytest.mark.parametrize(
    "args, first, last",
    [
        ((2020, 12), date(2020, 11, 16), date(2020, 12, 15)),
        ((2021, 1), date(2020, 12, 16), date(2021, 1, 15)),
        ((2021, 3, 25), date(2021, 2, 26), date(2021, 3, 25)),
        ((2021, 3, 26), date(2021, 2, 27), date(2021, 3, 26)),
        ((2021, 3, 31), date(2021, 3, 1), date(2021, 3, 31)),      # cut-off 31 = calendar month
        ((2021, 2, 31), date(2021, 2, 1), date(2021, 2, 28)),      # clamped to February's end
        ((2024, 3, 30), date(2024, 3, 1), date(2024, 3, 30)),      # Feb 2024 ends on the 29th
        ((2021, 3, 30), date(2021, 3, 1), date(2021, 3, 30)),
        ((2021, 2, 30), date(2021, 1, 31), date(2021, 2, 28)),
        ((2021, 1, 1), date(2020, 12, 2), date(2021, 1, 1)),
    ],
)
def test_periods_month_bounds(args, first, last):
    p = month(*args)
    assert (p.first_day, p.last_day) == (first, last)


def test_periods_month_label_exact():
    assert month(2020, 12).label == "tháng 12 năm 2020 (từ 16/11/2020 đến 15/12/2020)"


@pytest.mark.parametrize(
    "period, label",
    [
        (quarter(2020, 4), "quý IV năm 2020 (từ 16/09/2020 đến 15/12/2020)"),
        (quarter(2021, 1), "quý I năm 2021 (từ 16/12/2020 đến 15/03/2021)"),
        (half_year(2020, 1), "6 tháng đầu năm 2020 (từ 16/12/2019 đến 15/06/2020)"),
        (half_year(2020, 2), "6 tháng cuối năm 2020 (từ 16/06/2020 đến 15/12/2020)"),
        (year(2020), "năm 2020 (từ 16/12/2019 đến 15/12/2020)"),
        (year(2020, 31), "năm 2020 (từ 01/01/2020 đến 31/12/2020)"),
        (custom(date(2020, 1, 1), date(2020, 1, 10)), "từ 01/01/2020 đến 10/01/2020"),
    ],
)
def test_periods_labels(period, label):
    assert period.label == label


def test_periods_instants_are_local_midnights():
    p = month(2020, 12)
    assert p.start_at == datetime(2020, 11, 16, tzinfo=VN_TZ)
    assert p.end_before == datetime(2020, 12, 16, tzinfo=VN_TZ)
    assert p.contains(datetime(2020, 12, 15, 23, 59, 59, 999000, tzinfo=VN_TZ))
    assert not p.contains(datetime(2020, 12, 16, tzinfo=VN_TZ))
    # 16/12 00:30 in Hanoi is 15/12 17:30 UTC: outside.
    assert not p.contains(datetime(2020, 12, 15, 17, 30, tzinfo=timezone.utc))
    assert p.contains(datetime(2020, 11, 15, 17, 0, tzinfo=timezone.utc))


@pytest.mark.parametrize(
    "day, cutoff, expected",
    [
        (date(2020, 12, 15), 15, (2020, 12)),
        (date(2020, 12, 16), 15, (2021, 1)),    # crosses the year
        (date(2020, 11, 16), 15, (2020, 12)),
        (date(2021, 2, 26), 25, (2021, 3)),
        (date(2021, 2, 25), 25, (2021, 2)),
        (date(2021, 2, 28), 30, (2021, 2)),
        (date(2021, 1, 31), 30, (2021, 2)),
        (date(2021, 12, 31), 31, (2021, 12)),
    ],
)
def test_periods_month_of(day, cutoff, expected):
    p = month_of(day, cutoff)
    assert p == month(*expected, cutoff)
    assert p.contains(day)


def test_periods_month_of_aware_instant_uses_local_day():
    assert month_of(datetime(2020, 12, 15, 18, 0, tzinfo=timezone.utc)) == month(2021, 1)


@pytest.mark.parametrize("cutoff", [1, 15, 25, 26, 28, 29, 30, 31])
def test_periods_months_tile_the_years(cutoff):
    """Consecutive months touch with no gap or overlap, and so do quarters and years."""
    months = [month(y, m, cutoff) for y in (2023, 2024, 2025) for m in range(1, 13)]
    for a, b in zip(months, months[1:]):
        assert (b.first_day - a.last_day).days == 1
    assert quarter(2024, 1, cutoff).first_day == months[12].first_day
    assert year(2024, cutoff).last_day == months[23].last_day
    assert year(2025, cutoff).first_day == months[23].last_day.fromordinal(months[23].last_day.toordinal() + 1)


@pytest.mark.parametrize(
    "kind, day, expected",
    [
        (PeriodKind.QUARTER, date(2020, 12, 16), quarter(2021, 1)),
        (PeriodKind.QUARTER, date(2020, 9, 15), quarter(2020, 3)),
        (PeriodKind.HALF_YEAR, date(2020, 6, 16), half_year(2020, 2)),
        (PeriodKind.YEAR, date(2020, 12, 16), year(2021)),
        ("month", date(2020, 5, 1), month(2020, 5)),
    ],
)
def test_periods_period_of(kind, day, expected):
    assert period_of(kind, day) == expected


@pytest.mark.parametrize("bad", [lambda: month(2020, 1, 0), lambda: month(2020, 1, 32), lambda: quarter(2020, 5),
                                 lambda: half_year(2020, 3), lambda: custom(date(2020, 2, 1), date(2020, 1, 1)),
                                 lambda: period_of("custom", date(2020, 1, 1))])
def test_periods_reject_bad_arguments(bad):
    with pytest.raises(ValueError):
        bad()
