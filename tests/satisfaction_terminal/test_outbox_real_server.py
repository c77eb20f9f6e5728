"""The tablet's outbox against a real server (Socket.IO, real client, real outbox file): no rating
blocks another, and what the server refuses for good lands in its quarantine, never the bin."""
import time

import pytest

from queue_server.admin import configedit
from queue_server.auth import Principal, Role
from queue_server.client import RealtimeClient, close_all
from satisfaction_terminal.outbox import Outbox
from satisfaction_terminal.sender import OutboxSender

ADMIN = Principal("user", 99, Role.ADMIN, "Quản trị thử", "tphcc-demo")


def wait_for(check, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def walk_up(n: int, counter: int, value: str = "satisfied_service") -> dict:
    return {"id": f"rating-{n:04d}", "counter": counter, "ticket_id": None, "value": value, "comment": ""}


@pytest.fixture
def tablet(live_centre, tmp_path):
    """A tablet's client and outbox; `tablet(counter)` connects it as the terminal of `counter`."""
    made = []

    def connect(counter: int):
        token = live_centre.device(f"danh-gia-{counter}", "terminal", counter=counter)
        client = RealtimeClient(live_centre.url, "/terminal", token)
        client.connect()
        client.wait_ready()
        box = Outbox(tmp_path / "outbox.db")
        sender = OutboxSender(box, lambda p: client.call("submit_rating", p, timeout=10), lambda: client.connected)
        made.append((client, sender, box))
        return box, sender
    yield connect
    for client, sender, box in made:
        sender.stop()
        box.close()
    close_all([c for c, _, _ in made])


def test_rating_from_the_tablets_old_counter_does_not_block_the_rest(live_centre, tablet):
    """Made at counter 1, the tablet now at counter 2: seen 0 of 3 delivered after 45 s."""
    box, sender = tablet(2)
    box.add(walk_up(1, counter=1))                 # made while the tablet stood at counter 1
    box.add(walk_up(2, counter=2))
    box.add(walk_up(3, counter=2))
    sender.start()
    sender.wake()
    assert wait_for(lambda: len(box) == 0), box.pending()
    ratings = live_centre.service.ratings
    assert ratings.get("rating-0002") and ratings.get("rating-0003")
    assert ratings.quarantined("rating-0001")["code"] == "other_counter"


def test_rating_from_a_tablet_whose_counter_was_removed_is_quarantined_not_a_500(live_centre, tablet):
    box, sender = tablet(3)
    live_centre.app.extensions["motcua.admin"].change_config(
        ADMIN, "counter.delete", "counter:3", lambda d: configedit.remove_counter(d, 3))
    box.add(walk_up(1, counter=3))
    box.add(walk_up(2, counter=3, value="5"))
    sender.start()
    sender.wake()
    assert wait_for(lambda: len(box) == 0), box.pending()
    held = [live_centre.service.ratings.quarantined(f"rating-{n:04d}") for n in (1, 2)]
    assert [h["code"] for h in held] == ["unknown_counter", "unknown_counter"]
    assert box.refused() == []
