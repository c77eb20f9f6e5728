from datetime import date

from queue_server.dossiers.holidays import computed_year, load_holidays


def test_holidays_file_covers_2024_to_2030():
    data = load_holidays()
    years = {e.day.year for e in data.holidays}
    assert years == set(range(2024, 2031))
    assert all(e.source in {"announced", "computed"} for e in data.holidays + data.working_days)


def test_holidays_file_computed_entries_match_the_rule():
    """A year still entirely 'computed' in the file must be exactly what the rule gives."""
    data = load_holidays()
    computed_years = {e.day.year for e in data.holidays} - {
        e.day.year for e in data.holidays + data.working_days if e.source == "announced"}
    assert computed_years  # 2026–2030 at the time of writing
    for year in computed_years:
        in_file = [(e.day, e.name) for e in data.holidays if e.day.year == year]
        assert in_file == [(e.day, e.name) for e in computed_year(year)]


def test_holidays_file_announced_swaps_2024_2025():
    data = load_holidays()
    days = {e.day for e in data.holidays}
    assert {date(2024, 4, 29), date(2025, 5, 2)} <= days
    assert {e.day for e in data.working_days} == {date(2024, 5, 4), date(2025, 4, 26)}


def test_holidays_file_has_five_tet_days_each_year():
    data = load_holidays()
    for year in range(2024, 2031):
        tet_days = [e for e in data.holidays if e.day.year == year and e.name.startswith("Tết Nguyên đán")]
        assert len(tet_days) == 5, year


def test_computed_year_gives_nghi_bu_for_weekend_holiday():
    # 2028-01-01 is a Saturday: the next Monday is off.
    days = {e.day: e.name for e in computed_year(2028)}
    assert date(2028, 1, 3) in days and days[date(2028, 1, 3)].startswith("Nghỉ bù")


def test_computed_year_national_day_picks_3_9_when_1_9_is_weekend():
    days = {e.day for e in computed_year(2029)}  # 1/9/2029 is a Saturday
    assert date(2029, 9, 3) in days and date(2029, 9, 1) not in days


def test_computed_year_counts_labour_code_days():
    # 1 + 5 + 1 + 1 + 1 + 2 = 11 holidays in 2026 plus one nghỉ bù (Hùng Kings' day on a Sunday).
    entries = computed_year(2026)
    assert len(entries) == 12
    assert sum(e.name.startswith("Nghỉ bù") for e in entries) == 1
