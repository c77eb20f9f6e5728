"""Outside the centre's working hours the kiosk says so before the citizen chooses anything."""
from datetime import timedelta

from kiosk.flow import FlowSettings, KioskFlow, Screen
from tests.conftest import MONDAY_8AM

from .conftest import tap


def flow_at(live, clock, moment):
    flow = KioskFlow(live, FlowSettings(), clock=clock, now=lambda: moment)
    flow.set_connected(True)
    tap(flow, clock, "start")
    return flow


def test_flow_hours_lunch_break_shows_closed_and_issues_nothing(live, clock):
    flow = flow_at(live, clock, MONDAY_8AM.replace(hour=12))
    assert tap(flow, clock, "dept:stp") is None
    assert flow.screen is Screen.CLOSED


def test_flow_hours_sunday_shows_closed(live, clock):
    flow = flow_at(live, clock, MONDAY_8AM - timedelta(days=1))
    tap(flow, clock, "dept:stp")
    assert flow.screen is Screen.CLOSED


def test_flow_hours_working_time_goes_on_to_services(live, clock):
    flow = flow_at(live, clock, MONDAY_8AM)
    tap(flow, clock, "dept:stp")
    assert flow.screen is Screen.SERVICES


def test_flow_hours_not_enforced_is_always_open(live, clock):
    live.centre = dict(live.centre, hours=dict(live.centre["hours"], enforce=False))
    flow = flow_at(live, clock, MONDAY_8AM.replace(hour=21))
    tap(flow, clock, "dept:stp")
    assert flow.screen is Screen.SERVICES


def test_flow_hours_tet_weekday_shows_closed_and_saturday_worked_opens(live, clock):
    from datetime import datetime
    from tests.conftest import TZ
    tet = flow_at(live, clock, datetime(2026, 2, 17, 9, 0, tzinfo=TZ))        # Tết, a Tuesday
    tap(tet, clock, "dept:stp")
    assert tet.screen is Screen.CLOSED
    worked = flow_at(live, clock, datetime(2025, 4, 26, 9, 0, tzinfo=TZ))     # làm bù Saturday
    tap(worked, clock, "dept:stp")
    assert worked.screen is Screen.SERVICES
