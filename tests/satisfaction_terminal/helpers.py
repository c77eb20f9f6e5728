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
