"""One centre calendar: the kiosk's hours, wait estimates and dossier deadlines follow the same
sessions, weekdays, holidays, nghỉ bù and làm bù, in the centre's time zone."""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st

from queue_server.centre_calendar import CentreCalendar, calendar_of, kiosk_open, tickets_open
from queue_server.config import parse_config
from queue_server.engine.estimate import wall_clock_minutes
from queue_server.views import centre_view
from tests.conftest import TZ

TET_TUESDAY = datetime(2026, 2, 17, 9, 0, tzinfo=TZ)        # Tết Bính Ngọ 2026, mùng 1
SATURDAY_WORKED = datetime(2025, 4, 26, 9, 0, tzinfo=TZ)    # làm bù for 2/5/2025
SWAPPED_FRIDAY = datetime(2025, 5, 2, 9, 0, tzinfo=TZ)      # the day off it bought


def config_with(**sections):
    data = {"centre": {"name": "Trung tâm thử"},
            "departments": [{"id": "d", "name": "Sở", "services": [{"id": "s", "name": "Dịch vụ"}]}],
            "counters": [{"number": 1, "services": ["s"]}]}
    for key, value in sections.items():
        data.setdefault(key, {}).update(value)
    return parse_config(data)


def test_calendar_demo_open_closed_lunch_sunday(demo_config):
    cal = calendar_of(demo_config)
    assert cal.is_open(datetime(2026, 11, 23, 8, 0, tzinfo=TZ))
    assert not cal.is_open(datetime(2026, 11, 23, 12, 0, tzinfo=TZ))     # lunch
    assert not cal.is_open(datetime(2026, 11, 22, 9, 0, tzinfo=TZ))      # Sunday
    assert not cal.is_open(datetime(2026, 11, 23, 17, 0, tzinfo=TZ))     # closing instant


def test_calendar_holidays_and_swaps_from_the_holiday_file(demo_config):
    cal = calendar_of(demo_config)
    assert not cal.is_open(TET_TUESDAY)
    assert cal.is_open(SATURDAY_WORKED)
    assert not cal.is_open(SWAPPED_FRIDAY)


def test_calendar_takes_sessions_weekdays_and_zone_from_the_config():
    cal = calendar_of(config_with(centre={"timezone": "Asia/Tokyo"},
                                  hours={"sessions": [["08:00", "12:00"]], "weekdays": [1, 2, 3, 4, 5, 6]}))
    tokyo = ZoneInfo("Asia/Tokyo")
    assert cal.is_open(datetime(2026, 11, 28, 8, 0, tzinfo=tokyo))                # a Saturday, open here
    assert not cal.is_open(datetime(2026, 11, 23, 13, 0, tzinfo=tokyo))           # no afternoon session
    assert cal.is_open(datetime(2026, 11, 23, 6, 30, tzinfo=TZ))                  # 08:30 in Tokyo
    assert cal.closing_time(date(2026, 11, 23)) == datetime(2026, 11, 23, 12, 0, tzinfo=tokyo)


def test_calendar_admin_days_off_and_days_worked():
    cal = calendar_of(config_with(dossiers={"extra_holidays": ["2026-11-23"], "extra_working_days": ["2026-11-28"]}))
    assert not cal.is_open(datetime(2026, 11, 23, 9, 0, tzinfo=TZ))
    assert cal.is_open(datetime(2026, 11, 28, 9, 0, tzinfo=TZ))


def test_calendar_is_built_once_per_config_and_again_for_a_new_one(demo_config):
    assert calendar_of(demo_config) is calendar_of(demo_config)
    changed = demo_config.model_copy(update={"dossiers": demo_config.dossiers.model_copy(
        update={"extra_holidays": [date(2026, 11, 23)]})})
    assert not calendar_of(changed).is_open(datetime(2026, 11, 23, 9, 0, tzinfo=TZ))


def test_calendar_enforce_off_issues_at_any_time(demo_config):
    assert tickets_open(calendar_of(demo_config), False, TET_TUESDAY)
    assert not tickets_open(calendar_of(demo_config), True, TET_TUESDAY)


def test_calendar_the_kiosk_applies_the_servers_rule_from_the_snapshot(demo_config):
    hours = centre_view(demo_config)["hours"]
    assert "2026-02-17" in hours["holidays"] and "2025-04-26" in hours["working_days"]
    assert not kiosk_open(hours, TET_TUESDAY)
    assert kiosk_open(hours, SATURDAY_WORKED)
    assert kiosk_open(hours, SATURDAY_WORKED.replace(tzinfo=None))         # a naive local clock
    assert kiosk_open(dict(hours, enforce=False), TET_TUESDAY)
    assert kiosk_open({"sessions": [["07:00", "11:30"]], "weekdays": [1], "enforce": True},
                      datetime(2026, 11, 23, 8, 0, tzinfo=TZ))             # an older server's view


def test_calendar_next_opening_after_lunch_and_across_tet(demo_config):
    cal = calendar_of(demo_config)
    assert cal.next_opening(datetime(2026, 11, 23, 11, 30, tzinfo=TZ)) == datetime(2026, 11, 23, 13, 30, tzinfo=TZ)
    assert cal.next_opening(TET_TUESDAY) == datetime(2026, 2, 23, 7, 0, tzinfo=TZ)
    assert cal.next_opening(SATURDAY_WORKED) == SATURDAY_WORKED


def test_estimate_wait_runs_across_lunch(demo_config):
    cal = calendar_of(demo_config)
    eleven_twenty = datetime(2026, 11, 23, 11, 20, tzinfo=TZ)
    assert wall_clock_minutes(cal, eleven_twenty, 30) == 150       # 10 min, lunch 11:30-13:30, 20 min
    assert wall_clock_minutes(cal, eleven_twenty, 5) == 5
    assert wall_clock_minutes(cal, TET_TUESDAY, 30) == 30          # closed: an always-open centre's estimate


def test_estimate_through_the_engine_counts_the_lunch_break(demo_config):
    from queue_server.engine import QueueEngine
    engine = QueueEngine(demo_config)
    now = datetime(2026, 11, 23, 11, 20, tzinfo=TZ)
    for _ in range(5):                                  # 5 × 6 min ahead, no counter open: 30 working minutes
        engine.issue("stp-hotich", now)
    assert engine.estimate_for("stp-hotich", 5) == 30
    assert engine.estimate_for("stp-hotich", 5, now) == 150
    [*_, issued] = engine.issue("stp-hotich", now)
    assert issued.data["wait_minutes"] == 150


moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=TZ))


@settings(max_examples=300, deadline=None)
@given(moments)
def test_calendar_property_next_opening_is_the_first_open_instant(moment):
    cal = calendar_of(_demo())
    opens = cal.next_opening(moment)
    assert opens >= moment and cal.is_open(opens)
    assert (opens == moment) == cal.is_open(moment)
    if opens > moment:                                   # nothing open in between (sampled)
        step = (opens - moment) / 7
        assert not any(cal.is_open(moment + step * i) for i in range(7))


@settings(max_examples=300, deadline=None)
@given(moments)
def test_calendar_property_the_kiosk_copy_agrees_with_the_server(moment):
    config = _demo()
    hours = centre_view(config)["hours"]
    assert kiosk_open(hours, moment) == tickets_open(calendar_of(config), config.hours.enforce, moment)
    assert CentreCalendar.from_view(hours) == calendar_of(config)


@settings(max_examples=200, deadline=None)
@given(moments, st.integers(min_value=0, max_value=600))
def test_estimate_property_never_shorter_than_the_work_and_ends_in_a_session(moment, minutes):
    cal = calendar_of(_demo())
    wall = wall_clock_minutes(cal, moment, minutes)
    assert wall >= minutes
    if cal.is_open(moment) and minutes:
        end = moment + timedelta(minutes=wall)
        assert cal.working_time_between(moment, end) == timedelta(minutes=minutes)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)))
def test_calendar_property_working_day_iff_some_session_is_open(day):
    cal = calendar_of(_demo())
    noon_sessions = [datetime.combine(day, time(8, 0), TZ), datetime.combine(day, time(14, 0), TZ)]
    assert cal.is_working_day(day) == any(cal.is_open(m) for m in noon_sessions)


def _demo():
    from queue_server.config import DEMO_CONFIG, load_config
    global _DEMO
    try:
        return _DEMO
    except NameError:
        _DEMO = load_config(DEMO_CONFIG)
        return _DEMO
