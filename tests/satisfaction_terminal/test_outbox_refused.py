"""A rating the server refuses by rule leaves the outbox (kept in `refused`); other errors retry."""
import logging

import pytest

from satisfaction_terminal.outbox import Outbox

from .helpers import FakeServer, ManualClock, rating


@pytest.mark.parametrize("code", ["already_rated", "not_served_here", "invalid", "not_found"])
def test_outbox_rule_refusal_is_dropped_and_kept_for_the_technician(tmp_path, code):
    logged = Records()
    logging.getLogger("satisfaction_terminal.outbox").addHandler(logged)
    server = FakeServer()
    server.refuse["rating-0001"] = code
    box = Outbox(tmp_path / "outbox.db")
    box.add(rating(1, "t1"))
    box.add(rating(2))
    result = box.drain(server)
    assert (result.sent, result.refused, len(box)) == (1, 1, 0)
    assert box.refused() == [{"id": "rating-0001", "code": code, "message": "Refused"}]
    assert any("rating-0001 refused" in m for m in logged.messages)
    logging.getLogger("satisfaction_terminal.outbox").removeHandler(logged)


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.mark.parametrize("code", ["unavailable", "forbidden", "unauthenticated", "error"])
def test_outbox_other_server_errors_are_retried(tmp_path, code):
    clock, server = ManualClock(), FakeServer()
    server.refuse["rating-0001"] = code
    box = Outbox(tmp_path / "outbox.db", clock)
    box.add(rating(1))
    assert box.drain(server).failed == 1 and len(box) == 1 and box.refused() == []
    del server.refuse["rating-0001"]
    clock.now += 5
    assert box.drain(server).sent == 1 and len(box) == 0
