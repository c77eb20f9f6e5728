"""QueueService: runs engine commands under one lock, stores their events, tells listeners.

Order of work for every change: engine command -> one SQLite transaction -> listeners (the
realtime layer). Because all three happen under the same lock, clients receive events in `seq`
order and a snapshot is always consistent with its `seq`.
"""
from __future__ import annotations

import json
import threading
from collections import deque
from datetime import datetime
from typing import Callable

from .auth import Authenticator, Principal
from .centre_calendar import calendar_of, tickets_open
from .clock import SystemClock
from .config import CentreConfig
from .engine import CounterState, Event, QueueEngine, QueueError, Ticket, TicketStatus
from .engine.errors import invalid
from .ratings import check_rating, rating_time
from .storage import Store, StoreError
from .storage.accounts import Accounts
from .storage.ratings import Ratings
from .views import centre_view, service_stats, snapshot, ticket_view

RECENT_CALLS = 20
MAX_STATUS_BYTES = 4000


class ServiceListener:
    """Receives committed events; methods do nothing by default."""

    def on_events(self, events: list[Event], stats: dict) -> None:
        """`stats` holds the fresh service statistics of the services the events touched."""


def unavailable(exc: Exception) -> QueueError:
    return QueueError("storage_failed", "Máy chủ tạm thời không lưu được dữ liệu, vui lòng thử lại",
                      f"The server could not store this change, please retry ({exc})", 503)


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
        self.recent_calls: deque[dict] = deque(self._load_recent_calls(), maxlen=RECENT_CALLS)
        self.seq = store.last_seq()
        self.roll_over()

    @property
    def centre_id(self) -> str:
        return self.config.centre.id

    def execute(self, command: Callable[[datetime], list[Event]]) -> list[Event]:
        """Run an engine command at the current time; its events are on disk when this returns."""
        with self.lock:
            self.roll_over()
            return self._commit(command(self.clock()))

    def issue_once(self, request_id: str | None, command: Callable[[datetime], list[Event]]) -> tuple[Event | None, Ticket]:
        """Issue a ticket at most once per client `request_id` (a kiosk's retry after a lost answer).

        Returns (the ticket.issued event, ticket) when new, (None, the earlier ticket) when repeated.
        The key is stored with the ticket in the same transaction (tickets.request_id, unique).
        """
        with self.lock:
            earlier = self.store.ticket_for_request(self.centre_id, request_id) if request_id else None
            if earlier is not None:
                return None, self.engine.state.tickets.get(earlier.id) or earlier
            self.roll_over()
            events = command(self.clock())
            issued = events[-1]
            self._commit(events, (issued.ticket.id, request_id) if request_id else None)
            return issued, issued.ticket

    def roll_over(self) -> list[Event]:
        """Start a new service day when the date has changed (called on start and periodically)."""
        with self.lock:
            return self._commit(self.engine.roll_over(self.clock()))

    def record(self, event: Event, write: Callable[[Event], int]) -> Event:
        """Store an event that is not the engine's (ratings, device status) and publish it."""
        with self.lock:
            try:
                self.seq = write(event)
            except StoreError as exc:
                raise unavailable(exc) from exc
            self._publish([event])
            return event

    def apply_config(self, config: CentreConfig, write: Callable[[Event], int]) -> Event:
        """Swap in a new centre configuration while running; every client gets `config.changed`.

        `write(event)` stores the configuration, its audit row and the event in one transaction and
        returns the event's seq. A new counter starts closed; a removed counter's state goes. The
        event carries the new centre view, so clients need not refetch anything else.
        """
        with self.lock:
            event = Event("config.changed", self.clock(), data={"centre": centre_view(config)})
            try:
                self.seq = write(event)
            except StoreError as exc:
                raise unavailable(exc) from exc
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
            return snapshot(self.engine, self.seq, list(self.recent_calls), self.clock())

    def public_ticket(self, ticket_id: str) -> dict:
        """What the holder of a ticket may see: its state, place and estimated wait."""
        with self.lock:
            ticket = self.engine.state.tickets.get(ticket_id) or self.store.ticket(ticket_id)
            if ticket is None:
                raise QueueError("not_found", "Không tìm thấy vé", "Ticket not found", 404)
            view = ticket_view(ticket)
            live = ticket.status is TicketStatus.WAITING and ticket.id in self.engine.state.tickets
            view["ahead"] = self.engine.ahead_of(ticket) if live else 0
            view["wait_minutes"] = self.engine.wait_minutes(ticket, self.clock()) if live else 0
            view["seq"] = self.seq
            return view

    def submit_rating(self, principal: Principal, counter: int, rating_id: str, value: str,
                      comment: str = "", ticket_id: str | None = None,
                      rated_at: datetime | None = None) -> tuple[dict, bool]:
        """Store one rating, idempotently by its id; returns (rating, was_new)."""
        with self.lock:
            existing = self.ratings.get(rating_id)
            if existing is not None:
                return existing, False
            ticket = None
            if ticket_id is not None:
                ticket = self.engine.state.tickets.get(ticket_id) or self.store.ticket(ticket_id)
                if ticket is None:
                    raise QueueError("not_found", "Không tìm thấy vé", "Ticket not found", 404)
            check_rating(self.config.centre.rating_style, value, comment, counter, ticket,
                         ticket is not None and self.ratings.for_ticket(ticket.id) is not None)
            at = rating_time(rated_at, self.clock(), ticket.finished_at if ticket else None)
            rating = self._rating_row(principal, counter, rating_id, value, comment, ticket, at)
            data = {k: rating[k] for k in ("id", "ticket_id", "counter", "officer_id", "department_id", "value")}
            self.record(Event("rating.submitted", self.clock(), data=data),
                        lambda event: self.ratings.add(rating, event))
            return rating, True

    def _rating_row(self, principal, counter, rating_id, value, comment, ticket, at: datetime) -> dict:
        officer = ticket.officer_id if ticket else self.engine.state.counters[counter].officer_id
        return {
            "id": rating_id, "centre_id": self.centre_id, "ticket_id": ticket.id if ticket else None,
            "service_id": ticket.service_id if ticket else None,
            "department_id": ticket.department_id if ticket else self._counter_department(counter),
            "counter": counter, "officer_id": officer, "style": self.config.centre.rating_style.value,
            "value": value, "comment": comment.strip(), "at": at.isoformat(),
            "device_id": principal.id if principal.kind == "device" else None,
        }

    def _counter_department(self, counter: int) -> str | None:
        departments = {self.config.department_of(s).id for s in self.config.counter(counter).services}
        return departments.pop() if len(departments) == 1 else None

    def _commit(self, events: list[Event], request: tuple[str, str] | None = None) -> list[Event]:
        if not events:
            return events
        try:
            self.seq = self.store.commit_events(self.centre_id, events, self.engine.state.service_day, request)
        except StoreError as exc:
            # The engine already changed; take it back to what is on disk.
            self.engine = QueueEngine(self.config, self.store.load_state(self.centre_id))
            raise unavailable(exc) from exc
        self._publish(events)
        return events

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
