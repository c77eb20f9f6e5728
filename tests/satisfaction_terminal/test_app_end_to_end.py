"""End to end with a real server: an officer finishes a ticket, the tablet offers it, the rating lands."""
import time

import pytest

from queue_server.client import RealtimeClient, close_all
from satisfaction_terminal.app import TerminalApp
from satisfaction_terminal.config import TerminalSettings
from satisfaction_terminal.flow import Phase

from .helpers import ManualClock

SIZE = (1024, 600)


def wait_for(check, timeout=10.0, step=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if step:
            step()
        if check():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def officer(live_centre):
    live_centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    client = RealtimeClient(live_centre.url, "/counter", live_centre.login_token("hoa", "matkhau1"))
    client.connect()
    client.wait_ready()
    client.call("open_counter", {"counter": 1})
    yield client
    close_all([client])


@pytest.fixture
def terminal(live_centre, tmp_path):
    token = live_centre.device("danh-gia-1", "terminal", counter=1)
    settings = TerminalSettings(server=live_centre.url, token=token, counter=1, outbox=str(tmp_path / "out.db"))
    app = TerminalApp(settings, clock=ManualClock(0.0))
    app.start()
    assert wait_for(lambda: app.client.connected and app.client.state.ready)
    yield app
    app.stop()


def serve_one(officer) -> dict:
    """Issue a ticket at counter 1's service, call it and finish it; returns the ticket."""
    ticket = officer.call("issue_ticket", {"service_id": "stp-hotich"})["ticket"]
    officer.call("call_next", {"counter": 1})
    officer.call("finish", {"counter": 1})
    return ticket


def tap(app, action, arg=None):
    """Touch the middle of the button doing `action` (the way a finger does), 1 s after the last."""
    app.clock.now += 1.0
    button = next(b for b in app.buttons(SIZE) if b.action == action and b.arg == arg)
    app.touch(button.rect.x + button.rect.w / 2, button.rect.y + button.rect.h / 2, SIZE)


def test_terminal_rates_a_finished_ticket_into_the_server_store(live_centre, officer, terminal):
    ticket = serve_one(officer)
    assert wait_for(lambda: terminal.flow.phase is Phase.RATING, step=terminal.step)
    assert terminal.flow.state.offer.ticket_id == ticket["id"]
    assert terminal.info().officer_name == "Lê Thị Hoa"

    rating_id = terminal.flow.state.offer.rating_id
    tap(terminal, "choose", "dissatisfied_time")
    tap(terminal, "phrase", "Thời gian chờ lâu")
    tap(terminal, "send")
    assert terminal.flow.phase is Phase.THANKS

    service = live_centre.service
    assert wait_for(lambda: service.ratings.get(rating_id) is not None)
    row = service.ratings.get(rating_id)
    officer_id = service.auth.principal(officer.token).id
    assert (row["ticket_id"], row["counter"], row["officer_id"], row["department_id"], row["value"]) == (
        ticket["id"], 1, officer_id, "stp", "dissatisfied_time")
    assert row["comment"] == "Thời gian chờ lâu"
    assert wait_for(lambda: len(terminal.outbox) == 0)


def test_terminal_walk_up_rating_is_recorded_for_the_counter(live_centre, officer, terminal):
    assert wait_for(lambda: terminal.info().open, step=terminal.step)
    tap(terminal, "start")
    rating_id = terminal.flow.state.offer.rating_id
    tap(terminal, "choose", "satisfied_attitude")
    assert wait_for(lambda: live_centre.service.ratings.get(rating_id) is not None)
    row = live_centre.service.ratings.get(rating_id)
    assert (row["ticket_id"], row["counter"], row["department_id"]) == (None, 1, "stp")
    assert row["officer_id"] is not None


def test_terminal_rating_the_server_refuses_goes_to_its_quarantine_without_troubling_the_citizen(
        live_centre, officer, terminal):
    ticket = serve_one(officer)
    assert wait_for(lambda: terminal.flow.phase is Phase.RATING, step=terminal.step)
    tap(terminal, "choose", "satisfied_service")
    # A second rating of the same ticket (e.g. from a restored backup of the tablet) is refused by rule.
    terminal.outbox.add({"id": "second-rating-1", "counter": 1, "ticket_id": ticket["id"],
                         "value": "satisfied_service", "comment": ""})
    terminal.sender.wake()
    assert wait_for(lambda: len(terminal.outbox) == 0)
    assert terminal.outbox.refused() == []
    assert live_centre.service.ratings.quarantined("second-rating-1")["code"] == "already_rated"
    assert terminal.flow.phase is Phase.THANKS
    assert live_centre.service.ratings.for_ticket(ticket["id"])["id"] != "second-rating-1"
