"""Taking a number: department → service → priority → one IssueRequest → confirmation."""
from kiosk.flow import IssueRequest, Screen

from .conftest import tap


def test_flow_starts_on_attract_when_connected(flow):
    assert flow.screen is Screen.ATTRACT


def test_flow_department_service_priority_issues_one_request(flow, clock):
    tap(flow, clock, "start")
    assert flow.screen is Screen.DEPARTMENTS
    tap(flow, clock, "dept:stp")
    assert flow.screen is Screen.SERVICES
    tap(flow, clock, "service:stp-lylich")
    assert flow.screen is Screen.PRIORITY
    effect = tap(flow, clock, "priority:yes")
    assert isinstance(effect, IssueRequest) and flow.screen is Screen.ISSUING
    assert effect.payload() == {"service_id": "stp-lylich", "priority": True, "source": "kiosk",
                                "request_id": "req-00000001"}


def test_flow_single_service_department_skips_service_screen(flow, clock, live):
    single = next(d for d in live.centre["departments"] if len(d["services"]) == 1)
    tap(flow, clock, "start")
    tap(flow, clock, f"dept:{single['id']}")
    assert flow.screen is Screen.PRIORITY and flow.session.service_id == single["services"][0]["id"]


def test_flow_without_priority_question_issues_on_service(make_flow, clock):
    flow = make_flow(ask_priority=False)
    tap(flow, clock, "start")
    tap(flow, clock, "dept:stp")
    effect = tap(flow, clock, "service:stp-hotich")
    assert isinstance(effect, IssueRequest) and effect.priority is False


def test_flow_issued_shows_confirmation_then_done_returns_home(flow, clock):
    for action in ("start", "dept:stp", "service:stp-hotich"):
        tap(flow, clock, action)
    tap(flow, clock, "priority:no")
    flow.issued({"ticket": {"label": "1001"}, "ahead": 0, "wait_minutes": 0}, printed=True)
    assert flow.screen is Screen.CONFIRMATION and flow.session.result["printed"] is True
    assert flow.pending is None
    tap(flow, clock, "done")
    assert flow.screen is Screen.ATTRACT and flow.session.result is None


def test_flow_back_goes_one_step_up(flow, clock):
    for action in ("start", "dept:stp", "service:stp-hotich"):
        tap(flow, clock, action)
    tap(flow, clock, "back")
    assert flow.screen is Screen.SERVICES
    tap(flow, clock, "back")
    assert flow.screen is Screen.DEPARTMENTS
    tap(flow, clock, "back")
    assert flow.screen is Screen.ATTRACT


def test_flow_unknown_department_is_ignored(flow, clock):
    tap(flow, clock, "start")
    assert tap(flow, clock, "dept:no-such") is None and flow.screen is Screen.DEPARTMENTS


def test_flow_pages_through_departments(flow, clock):
    tap(flow, clock, "start")
    tap(flow, clock, "more")
    assert flow.session.page == 1
    tap(flow, clock, "less")
    tap(flow, clock, "less")
    assert flow.session.page == 0
