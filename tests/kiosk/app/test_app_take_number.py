"""End to end: touches on the kiosk issue a ticket on a real server; the printed bytes are that ticket."""
from hw.printer import render_ticket
from kiosk.flow import Screen
from kiosk.tickets import ticket_print

from ..helpers import decode_jobs, dots, run_until, touch


def _take_number(kiosk, service="stp-hotich", priority="priority:no"):
    for action in ("start", "dept:stp", f"service:{service}", priority):
        touch(kiosk, action)
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.CONFIRMATION)
    return kiosk.flow.session.result


def test_app_touches_print_the_issued_number(live_centre, kiosk):
    result = _take_number(kiosk)
    stored = live_centre.service.store.ticket(result["ticket"]["id"])
    assert stored.label == result["ticket"]["label"] == "1001" and stored.service_id == "stp-hotich"
    assert result["printed"] is True
    jobs = decode_jobs(bytes(kiosk.printer.sent))
    assert len(jobs) == 1
    expected = ticket_print(result, kiosk.client.state.centre, kiosk.config.server, "Quầy 1")
    assert dots(jobs[0]) == dots(render_ticket(expected, kiosk.printer.width_px))
    wrong = ticket_print(dict(result, ticket=dict(result["ticket"], label="1002")), kiosk.client.state.centre,
                         kiosk.config.server, "Quầy 1")
    assert dots(jobs[0]) != dots(render_ticket(wrong, kiosk.printer.width_px))


def test_app_second_ticket_counts_the_first_ahead(live_centre, kiosk):
    _take_number(kiosk)
    touch(kiosk, "done")
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.ATTRACT)
    second = _take_number(kiosk, priority="priority:yes")
    assert second["ticket"]["label"] == "1002" and second["ticket"]["priority"] is True
    assert live_centre.service.store.count_tickets(live_centre.config.centre.id) == 2


def test_app_double_tap_issues_one_ticket(live_centre, kiosk):
    for action in ("start", "dept:stp", "service:stp-hotich", "priority:no"):
        touch(kiosk, action)
    kiosk.tap_action("priority:no")             # the second tap of a double tap (or its mouse echo)
    run_until(kiosk, lambda: kiosk.flow.screen is Screen.CONFIRMATION)
    assert live_centre.service.store.count_tickets(live_centre.config.centre.id) == 1
    assert len(decode_jobs(bytes(kiosk.printer.sent))) == 1


def test_app_lost_answer_is_retried_without_a_duplicate(live_centre, kiosk):
    real_call, calls = kiosk.client.call, []

    def answer_lost_once(action, payload=None, timeout=10):
        result = real_call(action, payload, timeout)
        calls.append(action)
        if action == "issue_ticket" and calls.count("issue_ticket") == 1:
            raise TimeoutError("answer lost on the way back")
        return result

    kiosk.client.call = answer_lost_once
    result = _take_number(kiosk)
    assert calls.count("issue_ticket") == 2 and result["repeated"] is True
    assert live_centre.service.store.count_tickets(live_centre.config.centre.id) == 1
    assert len(decode_jobs(bytes(kiosk.printer.sent))) == 1
