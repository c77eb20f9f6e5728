"""Tickets, counters and events: the state the engine keeps and the changes it emits."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum


class TicketStatus(str, Enum):
    WAITING = "waiting"      # in the queue (also after a transfer)
    CALLED = "called"        # called to a counter, citizen not yet seen
    SERVING = "serving"      # the officer is serving the citizen
    DONE = "done"            # served and finished
    ABSENT = "absent"        # called but did not come (no-show); can be called again today
    EXPIRED = "expired"      # left over at the end of the day

    @property
    def at_counter(self) -> bool:
        return self in (TicketStatus.CALLED, TicketStatus.SERVING)


class CounterStatus(str, Enum):
    CLOSED = "closed"        # no officer logged in
    OPEN = "open"            # officer present, calling tickets
    PAUSED = "paused"        # officer present, not calling (tạm nghỉ)


class TicketSource(str, Enum):
    KIOSK = "kiosk"
    WEB = "web"
    DOSSIER_SCAN = "dossier_scan"
    OFFICER = "officer"


@dataclass
class Ticket:
    """One queue ticket of one service day."""

    id: str
    centre_id: str
    service_day: date
    service_id: str           # the service it waits for now (changes on transfer)
    department_id: str
    issued_service_id: str    # the service whose series gave the number (never changes)
    number: int
    label: str                # the number as printed and called, e.g. "1023" or "A012"
    priority: bool
    source: TicketSource
    issued_at: datetime
    queue_at: datetime        # orders the queue; kept on transfer so nobody loses their place
    status: TicketStatus = TicketStatus.WAITING
    called_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    counter: int | None = None
    officer_id: int | None = None
    recalls: int = 0
    target_counter: int | None = None
    transfers: int = 0
    dossier_code: str | None = None

    def copy(self) -> "Ticket":
        return dataclasses.replace(self)

    def to_dict(self) -> dict:
        return _fields(self)


@dataclass
class CounterState:
    """The live state of a counter."""

    number: int
    status: CounterStatus = CounterStatus.CLOSED
    officer_id: int | None = None
    officer_name: str = ""
    ticket_id: str | None = None
    officer_title: str = ""
    since: datetime | None = None

    def copy(self) -> "CounterState":
        return dataclasses.replace(self)

    def to_dict(self) -> dict:
        return _fields(self)


@dataclass
class Event:
    """One state change. `seq` is given by the store when the event is written."""

    type: str
    at: datetime
    ticket: Ticket | None = None
    counter: CounterState | None = None
    data: dict = field(default_factory=dict)
    seq: int | None = None

    def to_dict(self) -> dict:
        return {
            "seq": self.seq,
            "type": self.type,
            "at": self.at.isoformat(),
            "ticket": self.ticket.to_dict() if self.ticket else None,
            "counter": self.counter.to_dict() if self.counter else None,
            "data": _plain(self.data),
        }


def _fields(obj) -> dict:
    """A flat dataclass's fields as a JSON-ready dict (dataclasses.asdict deep-copies every value:
    a third of an action's CPU in a 40-counter centre)."""
    return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _plain(value):
    """JSON-ready copy: enums to values, dates to ISO strings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value
