"""The rating tablet's flow: Idle → Rating → (Comment) → Thanks → Idle, as a pure state machine.

No window, no sockets, no clock of its own: the app feeds it presses and server events with the
time (`now`, seconds), and enqueues the ratings it returns. That keeps every rule testable:
timeouts, one rating per ticket, and double touch events that must never submit twice.

What the admin settings decide (rating style and options, prepared phrases, the counter) arrives
as a `Setup`; it applies at once between citizens and waits while one is rating, so a citizen
never sees the options change under their finger. Each rating carries the style it was shown.
"""
from __future__ import annotations

import uuid
from collections import deque
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from . import telex

MAX_COMMENT = 1000      # the server's limit
MAX_TYPED = 300         # what fits the comment box on screen


class Phase(str, Enum):
    IDLE = "idle"
    RATING = "rating"
    COMMENT = "comment"
    THANKS = "thanks"


@dataclass(frozen=True)
class Option:
    """One rating option as the server's snapshot gives it (`centre.rating_options`)."""

    value: str
    label: str
    label_en: str
    dissatisfied: bool

    @classmethod
    def from_server(cls, data: dict) -> "Option":
        return cls(data["value"], data["label"], data.get("label_en", ""), bool(data.get("dissatisfied")))


@dataclass(frozen=True)
class Timing:
    """How long each screen waits, in seconds (see TerminalSettings)."""

    rating_timeout: float = 30.0
    comment_timeout: float = 90.0
    thanks_seconds: float = 5.0
    debounce: float = 0.25       # the same button again within this is a double event
    screen_guard: float = 0.4    # presses this soon after a screen change belong to the old screen


@dataclass(frozen=True)
class Setup:
    """What the centre's settings decide on this tablet: its counter, the rating style and options
    shown, the prepared comment phrases."""

    counter: int
    options: tuple[Option, ...] = ()
    style: str | None = None
    phrases: tuple[str, ...] = ()


@dataclass
class Rating:
    """A rating ready for the outbox; `payload()` is what `submit_rating` takes."""

    id: str
    counter: int
    ticket_id: str | None
    ticket_label: str | None
    value: str
    comment: str
    style: str | None = None      # the style whose options the citizen was shown

    def payload(self) -> dict:
        style = {"style": self.style} if self.style else {}
        return {"id": self.id, "counter": self.counter, "ticket_id": self.ticket_id,
                "value": self.value, "comment": self.comment, **style}


@dataclass
class Offer:
    """The ticket being rated (None fields: a walk-up rating without a ticket)."""

    ticket_id: str | None = None
    label: str | None = None
    rating_id: str = ""


@dataclass
class FlowState:
    phase: Phase = Phase.IDLE
    offer: Offer | None = None
    choice: Option | None = None
    comment: str = ""
    phrases: list[str] = field(default_factory=list)
    since: float = 0.0           # when this screen appeared (guards against presses meant for the last one)
    active: float = 0.0          # last touch on this screen (timeouts count from here)


def new_rating_id() -> str:
    return uuid.uuid4().hex


class Flow:
    """The tablet's state machine for one counter.

    >>> flow = Flow(5, options, now=0.0)
    >>> flow.ticket_finished({"id": "t1", "label": "1023", "counter": 5}, now=1.0)
    >>> flow.press("choose", "satisfied", now=2.0)       # returns the Rating to enqueue
    """

    def __init__(self, counter: int, options: list[Option], now: float, timing: Timing = Timing(),
                 new_id: Callable[[], str] = new_rating_id, telex_modern: bool = True,
                 style: str | None = None, phrases: tuple[str, ...] = ()):
        self.setup = Setup(counter, tuple(options), style, tuple(phrases))
        self.pending: Setup | None = None      # settings waiting for the citizen to finish
        self.timing = timing
        self.new_id = new_id
        self.telex_modern = telex_modern
        self.state = FlowState(since=now)
        self.next_offer: Offer | None = None
        self.rated: deque[str] = deque(maxlen=200)
        self._last_press: tuple[str, object, float] | None = None

    @property
    def phase(self) -> Phase:
        return self.state.phase

    @property
    def counter(self) -> int:
        return self.setup.counter

    @property
    def options(self) -> list[Option]:
        return list(self.setup.options)

    @property
    def style(self) -> str | None:
        return self.setup.style

    @property
    def phrases(self) -> list[str]:
        return list(self.setup.phrases)

    def configure(self, setup: Setup) -> None:
        """New settings: applied now between citizens, else when this citizen is done."""
        if self.phase is Phase.IDLE:
            self.setup, self.pending = setup, None
        else:
            self.pending = setup

    def _apply_pending(self) -> None:
        if self.pending is not None:
            self.setup, self.pending = self.pending, None

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    # -- server events ----------------------------------------------------------------------------

    def ticket_finished(self, ticket: dict, now: float) -> bool:
        """A ticket was finished somewhere; offer it if it was served at this counter and is unrated."""
        if ticket.get("counter") != self.counter or ticket.get("status", "done") != "done":
            return False
        if ticket["id"] in self.rated or self._offered(ticket["id"]) or not self.options:
            return False
        offer = Offer(ticket["id"], ticket.get("label"), self.new_id())
        if self.phase in (Phase.IDLE, Phase.RATING):
            self._begin(offer, now)                        # a newer ticket replaces an untouched one
        else:
            self.next_offer = offer                        # the citizen is still busy: offer it next
        return True

    def _offered(self, ticket_id: str) -> bool:
        offers = (self.state.offer, self.next_offer)
        return any(o is not None and o.ticket_id == ticket_id for o in offers)

    # -- presses ----------------------------------------------------------------------------------

    def press(self, action: str, arg=None, now: float = 0.0) -> Rating | None:
        """A button was touched; returns a Rating when this press completes one."""
        if self._is_bounce(action, arg, now):
            return None
        self._last_press = (action, arg, now)
        self.state.active = now
        handler = getattr(self, f"_on_{self.phase.value}_{action}", None)
        return handler(arg, now) if handler else None

    def _is_bounce(self, action: str, arg, now: float) -> bool:
        if now - self.state.since < self.timing.screen_guard:
            return True
        last = self._last_press
        return last is not None and last[:2] == (action, arg) and now - last[2] < self.timing.debounce

    def _on_idle_start(self, arg, now):
        if not self.options:          # never reached the server: nothing to choose from yet
            return
        self._begin(Offer(None, None, self.new_id()), now)

    def _on_rating_choose(self, value, now):
        option = self.option(value)
        if option is None:
            return None
        self.state.choice = option
        if option.dissatisfied or option.value == "suggestion":
            self._go(Phase.COMMENT, now, offer=self.state.offer, choice=option)
            return None
        return self._finish(now)

    def _on_rating_cancel(self, arg, now):
        self._go(Phase.IDLE, now)

    def _on_comment_phrase(self, phrase, now):
        phrases = self.state.phrases
        if phrase in phrases:
            phrases.remove(phrase)
        else:
            phrases.append(phrase)

    def _on_comment_key(self, key, now):
        text = telex.type_key(self.state.comment, key, self.telex_modern)
        if len(text) <= MAX_TYPED:
            self.state.comment = text

    def _on_comment_backspace(self, arg, now):
        self.state.comment = self.state.comment[:-1]

    def _on_comment_send(self, arg, now):
        return self._finish(now)

    def _on_comment_back(self, arg, now):
        self._go(Phase.RATING, now, offer=self.state.offer)

    # -- time -------------------------------------------------------------------------------------

    def tick(self, now: float) -> Rating | None:
        """Let time pass: screens time out. A chosen rating still counts when the comment times out."""
        waited = now - max(self.state.since, self.state.active)
        if self.phase is Phase.RATING and waited >= self.timing.rating_timeout:
            self._go(Phase.IDLE, now)
        elif self.phase is Phase.COMMENT and waited >= self.timing.comment_timeout:
            return self._finish(now)
        elif self.phase is Phase.THANKS and waited >= self.timing.thanks_seconds:
            self._after_thanks(now)
        return None

    def comment_text(self) -> str:
        """Chosen phrases, then the typed text, as one comment."""
        parts = list(self.state.phrases) + ([self.state.comment.strip()] if self.state.comment.strip() else [])
        return "; ".join(parts)[:MAX_COMMENT]

    # -- internals --------------------------------------------------------------------------------

    def _finish(self, now: float) -> Rating:
        offer, choice = self.state.offer, self.state.choice
        rating = Rating(offer.rating_id, self.counter, offer.ticket_id, offer.label, choice.value,
                        self.comment_text(), self.style)
        if offer.ticket_id:
            self.rated.append(offer.ticket_id)
        self._go(Phase.THANKS, now, offer=offer, choice=choice)
        return rating

    def _after_thanks(self, now: float) -> None:
        offer, self.next_offer = self.next_offer, None
        if offer is not None and offer.ticket_id not in self.rated:
            self._begin(offer, now)
        else:
            self._go(Phase.IDLE, now)

    def _begin(self, offer: Offer, now: float) -> None:
        """A new citizen: settings that waited apply first (their options, phrases, counter)."""
        self._apply_pending()
        if not self.options:
            self._go(Phase.IDLE, now)
            return
        self._go(Phase.RATING, now, offer=offer)

    def _go(self, phase: Phase, now: float, offer: Offer | None = None, choice: Option | None = None) -> None:
        if phase is Phase.IDLE:
            self._apply_pending()
        self.state = FlowState(phase, offer, choice, since=now, active=now)
