"""QueueService: runs engine commands under one lock, stores their events, tells listeners.

Order of work for every change: engine command -> one SQLite transaction -> listeners (the
realtime layer). Because all three happen under the same lock, clients receive events in `seq`
order and a snapshot is always consistent with its `seq`.

Memory never runs ahead of disk (docs/architecture.md, "Server invariants"): when a change fails
anywhere between the engine command and the end of its transaction, the engine is reloaded from
the database before the lock is released, and `seq` and the recent calls move only after a commit.
"""
from __future__ import annotations

import json
import logging
import threading
from collections import deque
from contextlib import contextmanager
from datetime import datetime
from typing import Callable, TypeVar

from .auth import Authenticator, Principal
from .centre_calendar import calendar_of, tickets_open
from .clock import SystemClock
from .config import CentreConfig
from .engine import AlreadyQueued, CounterState, Event, QueueEngine, QueueError, Ticket, TicketStatus
from .engine.errors import invalid
from .rating_service import RatingInput, RatingService
from .storage import Store, StoreError
from .storage.accounts import Accounts
from .storage.ratings import Ratings
from .views import centre_view, service_stats, snapshot, ticket_view

RECENT_CALLS = 20
MAX_STATUS_BYTES = 4000
log = logging.getLogger(__name__)
R = TypeVar("R")


class ServiceListener:
    """Receives committed events; methods do nothing by default."""

    def on_events(self, events: list[Event], stats: dict) -> None:
        """`stats` holds the fresh service statistics of the services the events touched."""


class QueueService:
    """One centre's live queue.

    >>> service = QueueService(config, Store("var/centre.db"))
    >>> service.execute(lambda now: service.engine.issue("stp-hotich", now))
    """

    def __init__(self, config: CentreConfig, store: Store, clock: Callable[[], datetime] | None = None):
        self.config = config
        self.store = store
        self.clock = clock or SystemClock(config.centre.timezone)
        self.accounts = Accounts(store)
        self.ratings = Ratings(store)
        self.auth = Authenticator(self.accounts, self.clock)
        self.lock = threading.RLock()
        self.listeners: list[ServiceListener] = []
        self.engine = QueueEngine(config, store.load_state(config.centre.id))
        self._stale = False         # the engine may hold an unstored change: reload before any use
        self.recent_calls: deque[dict] = deque(self._load_recent_calls(), maxlen=RECENT_CALLS)
        self.seq = store.last_seq()
        try:
            self.roll_over()
        except StoreError as exc:       # a full disk must not keep the server down: retried by every action
            log.error("the new service day could not be stored (%s); retried with the next action", exc.reason)

    @property
    def centre_id(self) -> str:
        return self.config.centre.id

    def execute(self, command: Callable[[datetime], list[Event]],
                result: Callable[[list[Event]], R] | None = None) -> list[Event] | R:
        """Run an engine command at the current time; its events are on disk when this returns.

        `result(events)` builds the answer under the same lock, so it shows exactly the state
        after this change (with its `seq`) and never a dictionary another thread is changing.
        """
        with self.lock, self._changing():
            self._roll_over()
            events = self._commit(command(self.clock()))
            return events if result is None else result(events)

    def issue_once(self, request_id: str | None, command: Callable[[datetime], list[Event]],
                   result: Callable[[Event | None, Ticket], R] | None = None) -> tuple[Event | None, Ticket] | R:
        """Issue a ticket at most once per client `request_id` (a kiosk's retry after a lost answer).

        Returns (the ticket.issued event, ticket) when new, (None, the earlier ticket) when repeated,
        or what `result` makes of them under the lock.
        The key is stored with the ticket in the same transaction (tickets.request_id, unique).
        """
        with self.lock, self._changing():
            earlier = self.store.ticket_for_request(self.centre_id, request_id) if request_id else None
            if earlier is not None:
                issued, ticket = None, self.engine.state.tickets.get(earlier.id) or earlier
            else:
                self._roll_over()
                events = command(self.clock())
                issued = events[-1]
                self._commit(events, (issued.ticket.id, request_id) if request_id else None)
                ticket = issued.ticket
            return (issued, ticket) if result is None else result(issued, ticket)

    def roll_over(self) -> list[Event]:
        """Start a new service day when the date has changed (called on start and periodically)."""
        with self.lock, self._changing():
            return self._roll_over()

    def _roll_over(self) -> list[Event]:
        day = self.engine.state.service_day
        events = self.engine.roll_over(self.clock())
        if not events and self.engine.state.service_day != day:     # the very first day: no event to store
            self.store.commit_events(self.centre_id, [], self.engine.state.service_day)
        return self._commit(events)

    def record(self, event: Event, write: Callable[[Event], int]) -> Event:
        """Store an event that is not the engine's (ratings, device status) and publish it.

        `write` raises StoreError (a 503 QueueError) when nothing was stored; nothing moves then.
        """
        with self.lock:
            self.seq = write(event)
            self._publish([event])
            return event

    def apply_config(self, config: CentreConfig, write: Callable[[Event], int]) -> Event:
        """Swap in a new centre configuration while running; every client gets `config.changed`.

        `write(event)` stores the configuration, its audit row and the event in one transaction and
        returns the event's seq; only then does anything in memory change. A new counter starts
        closed; a removed counter's state goes. The event carries the new centre view, so clients
        need not refetch anything else.
        """
        with self.lock, self._changing():
            event = Event("config.changed", self.clock(), data={"centre": centre_view(config)})
            self.seq = write(event)
            self.config = self.engine.config = config
            counters = self.engine.state.counters
            for number in set(counters) - {c.number for c in config.counters}:
                del counters[number]
            for counter in config.counters:
                counters.setdefault(counter.number, CounterState(counter.number))
            self._publish([event])
            return event

    def is_open_now(self) -> bool:
        """May a kiosk issue a ticket now, by the centre's calendar (sessions, weekdays, holidays)?"""
        return tickets_open(calendar_of(self.config), self.config.hours.enforce, self.clock())

    def report_device_status(self, principal: Principal, status: dict) -> int:
        """Record a device's health; an event is stored only when the status changed."""
        if len(json.dumps(status)) > MAX_STATUS_BYTES:
            raise invalid("Trạng thái thiết bị quá lớn", "Device status too large")
        with self.lock:
            now = self.clock()
            if self.accounts.device_status(principal.id) == status:
                self.accounts.touch_device(principal.id, now)
                return self.seq
            data = {"device_id": principal.id, "name": principal.name, "role": principal.role.value,
                    "status": status}
            self.record(Event("device.status", now, data=data),
                        lambda event: self.accounts.record_status(self.centre_id, principal.id, status, event))
            return self.seq

    def snapshot(self) -> dict:
        with self.lock:
            self._fresh()
            return snapshot(self.engine, self.seq, list(self.recent_calls), self.clock())

    def public_ticket(self, ticket_id: str) -> dict:
        """What the holder of a ticket may see: its state, place and estimated wait."""
        with self.lock:
            self._fresh()
            ticket = self.engine.state.tickets.get(ticket_id) or self.store.ticket(ticket_id)
            if ticket is None:
                raise QueueError("not_found", "Không tìm thấy vé", "Ticket not found", 404)
            view = ticket_view(ticket)
            live = ticket.status is TicketStatus.WAITING and ticket.id in self.engine.state.tickets
            view["ahead"] = self.engine.ahead_of(ticket) if live else 0
            view["wait_minutes"] = self.engine.wait_minutes(ticket, self.clock()) if live else 0
            view["seq"] = self.seq
            return view

    def submit_rating(self, principal: Principal, rating: RatingInput) -> dict:
        """Store a tablet's rating or keep it in the quarantine (rating_service.py)."""
        return RatingService(self).submit(principal, rating)

    def _commit(self, events: list[Event], request: tuple[str, str] | None = None) -> list[Event]:
        """Store the events the engine just made, then publish them (seq and calls move only now)."""
        if not events:
            return events
        self.seq = self.store.commit_events(self.centre_id, events, self.engine.state.service_day, request)
        self._publish(events)
        return events

    @contextmanager
    def _changing(self):
        """Wrap a change: if it fails after the engine may have changed (a full disk, a bug), the
        engine is reloaded from disk, so memory never holds what the database refused.

        A refusal by the rules (a QueueError from the engine) changed nothing and needs no reload.
        """
        self._fresh()
        try:
            yield
        except StoreError:
            self._reload()
            raise
        except (QueueError, AlreadyQueued):
            raise
        except BaseException:
            self._reload()
            raise

    def _reload(self) -> None:
        """Take the engine back to what is on disk; if even that fails, retry before the next use."""
        self._stale = True
        try:
            self.engine = QueueEngine(self.config, self.store.load_state(self.centre_id))
        except Exception:
            log.exception("reloading the queue from the database failed; retried on the next action")
            return
        self._stale = False

    def _fresh(self) -> None:
        """Refuse to act on (or show) an engine that may hold a change the database refused."""
        if self._stale:
            self._reload()
        if self._stale:
            raise StoreError("the queue could not be reloaded from the database")

    def _publish(self, events: list[Event]) -> None:
        for event in events:
            if event.type in ("ticket.called", "ticket.recalled"):
                self.recent_calls.appendleft(_call_view(event))
        touched = sorted({e.ticket.service_id for e in events if e.ticket} |
                         {sid for e in events if e.counter for sid in self.config.counter(e.counter.number).services})
        stats = service_stats(self.engine, touched, self.clock()) if touched else {}
        for listener in self.listeners:
            listener.on_events(events, stats)

    def _load_recent_calls(self) -> list[dict]:
        day = self.engine.state.service_day
        if day is None:
            return []
        calls = []
        for row in self.store.recent_calls(self.centre_id, day, RECENT_CALLS):
            ticket = self.engine.state.tickets.get(row["ticket_id"])
            if ticket:
                calls.append({"seq": row["seq"], "at": row["at"], "type": row["type"], "label": ticket.label,
                              "counter": row["counter"], "service_id": ticket.service_id,
                              "department_id": ticket.department_id})
        return calls


def _call_view(event: Event) -> dict:
    t = event.ticket
    return {"seq": event.seq, "at": event.at.isoformat(), "type": event.type, "label": t.label,
            "counter": t.counter, "service_id": t.service_id, "department_id": t.department_id}
