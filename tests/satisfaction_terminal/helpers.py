"""Shared test data for the rating tablet: the demo centre as the server's snapshot shows it."""
from __future__ import annotations

import os
from itertools import count

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from queue_server.config import DEMO_CONFIG, RatingStyle, load_config  # noqa: E402
from queue_server.views import centre_view  # noqa: E402
from satisfaction_terminal.flow import Flow, Option, Timing  # noqa: E402
from satisfaction_terminal.info import options_of  # noqa: E402


def centre(style: str = "category") -> dict:
    """The demo centre's `centre` snapshot part, with the given rating style."""
    config = load_config(DEMO_CONFIG)
    info = config.centre.model_copy(update={"rating_style": RatingStyle(style)})
    return centre_view(config.model_copy(update={"centre": info}))


def options(style: str = "category") -> list[Option]:
    return options_of(centre(style))


def make_flow(style: str = "category", counter: int = 5, timing: Timing = Timing()) -> Flow:
    """A flow at t=0 whose rating ids are r-0001, r-0002, ..."""
    ids = count(1)
    return Flow(counter, options(style), now=0.0, timing=timing, new_id=lambda: f"r-{next(ids):04d}")


def finished(ticket_id: str = "t1", label: str = "1023", counter: int = 5) -> dict:
    """A ticket as a ticket.finished event carries it."""
    return {"id": ticket_id, "label": label, "counter": counter, "status": "done"}


class FakeServer:
    """A stand-in for `submit_rating`: idempotent by id like the real one, and able to fail on purpose.

    `down` makes every call raise ConnectionError; `lose_acks` stores the rating but loses the answer
    (the server crashed after committing); `refuse` maps a rating id to a QueueError code.
    """

    def __init__(self):
        self.stored: dict[str, dict] = {}
        self.calls: list[str] = []
        self.down = False
        self.lose_acks = 0
        self.refuse: dict[str, str] = {}

    def __call__(self, payload: dict) -> dict:
        from queue_server.engine import QueueError
        self.calls.append(payload["id"])
        if self.down:
            raise ConnectionError("server unreachable")
        if payload["id"] in self.refuse:
            code = self.refuse[payload["id"]]
            raise QueueError(code, "Bị từ chối", "Refused")
        duplicate = payload["id"] in self.stored
        self.stored.setdefault(payload["id"], payload)
        if self.lose_acks:
            self.lose_acks -= 1
            raise TimeoutError("acknowledgement lost")
        return {"seq": len(self.stored), "rating": payload, "duplicate": duplicate}


class ManualClock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def rating(n: int, ticket_id: str | None = None) -> dict:
    return {"id": f"rating-{n:04d}", "counter": 1, "ticket_id": ticket_id, "value": "satisfied_service",
            "comment": "Cán bộ nhiệt tình"}
