"""Properties of working-time arithmetic over random instants around Tết 2025 and 2027."""

from datetime import datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from queue_server.centre_calendar import VN_TZ, CentreCalendar

CAL = CentreCalendar.vietnam()
STARTS = st.datetimes(min_value=datetime(2025, 1, 10), max_value=datetime(2027, 3, 1)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=VN_TZ))
MINUTES = st.integers(min_value=1, max_value=30 * 8 * 60)


@settings(max_examples=80, deadline=None)
@given(STARTS, MINUTES)
def test_calendar_working_time_between_inverts_add(start, minutes):
    end = CAL.add_working_time(start, timedelta(minutes=minutes))
    assert CAL.working_time_between(start, end) == timedelta(minutes=minutes)


@settings(max_examples=80, deadline=None)
@given(STARTS, MINUTES)
def test_calendar_add_ends_inside_a_session_of_a_working_day(start, minutes):
    end = CAL.add_working_time(start, timedelta(minutes=minutes))
    assert CAL.is_working_day(end.date())
    assert any(a < end.time() <= b for a, b in CAL.sessions)


@settings(max_examples=60, deadline=None)
@given(STARTS, st.integers(1, 200), st.integers(0, 200))
@example(datetime(2025, 3, 3, 11, 0, tzinfo=VN_TZ), 30, 0)  # first step ends on the lunch break's edge
def test_calendar_add_is_additive(start, m1, m2):
    first = CAL.add_working_time(start, timedelta(minutes=m1))
    assert CAL.add_working_time(first, timedelta(minutes=m2)) == CAL.add_working_time(
        start, timedelta(minutes=m1 + m2))
