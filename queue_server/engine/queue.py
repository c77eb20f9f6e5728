"""QueueEngine: every rule of the queue, as commands that change state and return events.

The engine is pure: time comes from the caller, persistence is the caller's job (each command's
events are written in one transaction by the store). Rules, in short:

- call next: priority tickets first, then the longest-waiting ticket (oldest `queue_at`) among all
  services the counter serves; a ticket transferred to a named counter waits only for that counter;
- transfer keeps the ticket's number and its `queue_at`, so the citizen keeps their place in the
  new queue: they are placed where they would be had they taken a ticket for it at first;
- a ticket can be marked absent once recalled `recalls_before_absent` times; a recall past
  `max_recalls` marks it absent; an absent ticket can be called again by number the same day;
- calling the next number while the called citizen was never marked arrived asks whether they
  came: `arrived=True` finishes the ticket as served, `arrived=False` marks it absent (no-show, the
  recall rule above applies); unsaid, `unstarted_on_next` decides (served, absent, or refuse);
- a new service day expires leftover tickets and restarts every series;
- one dossier has at most one live ticket: a receipt scanned again while its ticket waits, is
  called or is being served gets that ticket back (`AlreadyQueued`); a new one only once it is
  done, absent or expired.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from ..centre_calendar import calendar_of
from ..config import CentreConfig
from .errors import QueueError, invalid, not_found
from .estimate import ServiceTimes, estimated_wait_minutes, wall_clock_minutes
from .model import CounterState, CounterStatus, Event, Ticket, TicketSource, TicketStatus
from .numbering import label, next_number


@dataclass
class EngineState:
    """What the engine needs to resume after a restart: the day, its tickets, counters, series."""

    service_day: date | None = None
    tickets: dict[str, Ticket] = field(default_factory=dict)
    counters: dict[int, CounterState] = field(default_factory=dict)
    last_numbers: dict[str, int] = field(default_factory=dict)


LIVE_STATUSES = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)


class AlreadyQueued(Exception):
    """Not an error: the dossier's ticket is still live, so the citizen gets it back, not a new
    number. Nothing has changed when it is raised."""

    def __init__(self, ticket: Ticket):
        super().__init__(ticket.label)
        self.ticket = ticket


class QueueEngine:
    """The rules of one centre's queue.

    >>> engine = QueueEngine(config)
    >>> [issued] = engine.issue("stp-hotich", now=now)
    >>> engine.open_counter(1, officer_id=7, officer_name="Lê Thị Hoa", now=now)
    >>> engine.call_next(1, now=now)[-1].ticket.label
    '1001'
    """

    def __init__(self, config: CentreConfig, state: EngineState | None = None):
        self.config = config
        self.state = state or EngineState()
        for counter in config.counters:
            self.state.counters.setdefault(counter.number, CounterState(counter.number))
        self.times = ServiceTimes(config.queue.estimate_window)
        # Waiting tickets by service, so queue questions need not scan the whole day.
        self.queues: dict[str, dict[str, Ticket]] = {}
        for ticket in self.state.tickets.values():
            self._record_service_time(ticket)
            if ticket.status is TicketStatus.WAITING:
                self._enqueue(ticket)

    # -- tickets -------------------------------------------------------------------------------

    def issue(self, service_id: str, now: datetime, priority: bool = False,
              source: TicketSource = TicketSource.KIOSK, dossier_code: str | None = None) -> list[Event]:
        """Issue the next number of a service."""
        if not self.config.has_service(service_id):
            raise not_found("dịch vụ", "service", service_id)
        events = self.roll_over(now)
        # After a roll-over no ticket is live, so nothing is lost by raising here.
        if dossier_code and (live := self.live_ticket_for_dossier(dossier_code)) is not None:
            raise AlreadyQueued(live)
        series = self.config.service(service_id).series
        number = next_number(series, self.state.last_numbers.get(service_id))
        ticket = Ticket(
            id=secrets.token_urlsafe(9), centre_id=self.config.centre.id, service_day=now.date(),
            service_id=service_id, department_id=self.config.department_of(service_id).id,
            issued_service_id=service_id, number=number, label=label(series, number),
            priority=priority, source=TicketSource(source), issued_at=now, queue_at=now,
            dossier_code=dossier_code,
        )
        self.state.last_numbers[service_id] = number
        self.state.tickets[ticket.id] = ticket
        self._enqueue(ticket)
        data = {"ahead": self.ahead_of(ticket), "wait_minutes": self.wait_minutes(ticket, now)}
        return events + [Event("ticket.issued", now, ticket.copy(), data=data)]

    def live_ticket_for_dossier(self, dossier_code: str) -> Ticket | None:
        """Today's ticket for a dossier that is still waiting, called or being served."""
        for ticket in self.state.tickets.values():
            if ticket.dossier_code == dossier_code and ticket.status in LIVE_STATUSES:
                return ticket
        return None

    def ticket(self, ticket_id: str) -> Ticket:
        try:
            return self.state.tickets[ticket_id]
        except KeyError:
            raise not_found("vé", "ticket", ticket_id) from None

    def waiting(self, service_ids=None, for_counter: int | None = None) -> list[Ticket]:
        """Waiting tickets in the order they will be called (by `for_counter`, if given)."""
        queues = self.queues.values() if service_ids is None else (self.queues.get(s, {}) for s in service_ids)
        tickets = [t for queue in queues for t in queue.values()
                   if for_counter is None or t.target_counter in (None, for_counter)]
        return sorted(tickets, key=_queue_order)

    def waiting_count(self, service_id: str) -> int:
        return len(self.queues.get(service_id, ()))

    def ahead_of(self, ticket: Ticket) -> int:
        """How many waiting tickets of the same service will be called before this one."""
        key = _queue_order(ticket)
        return sum(1 for t in self.queues.get(ticket.service_id, {}).values()
                   if t.id != ticket.id and _queue_order(t) < key)

    def wait_minutes(self, ticket: Ticket, now: datetime | None = None) -> int:
        return self.estimate_for(ticket.service_id, self.ahead_of(ticket), now)

    def estimate_for(self, service_id: str, ahead: int, now: datetime | None = None) -> int:
        """Minutes a new ticket with `ahead` before it waits; from `now`, breaks and closing count."""
        average = self.times.average(service_id, self.config.queue.default_service_minutes * 60)
        minutes = estimated_wait_minutes(ahead, average, self.open_counters_for(service_id))
        return minutes if now is None else wall_clock_minutes(calendar_of(self.config), now, minutes)

    def open_counters_for(self, service_id: str) -> int:
        return sum(1 for c in self.config.counters if service_id in c.services
                   and self.state.counters[c.number].status is CounterStatus.OPEN)

    # -- counters ------------------------------------------------------------------------------

    def open_counter(self, number: int, officer_id: int, officer_name: str, now: datetime,
                     officer_title: str = "") -> list[Event]:
        """An officer logs in at a counter."""
        counter = self._counter(number)
        if counter.officer_id == officer_id:
            return []
        if counter.status is not CounterStatus.CLOSED:
            raise QueueError("counter_taken", f"Quầy {number} đang có cán bộ {counter.officer_name} làm việc",
                             f"Counter {number} is in use by {counter.officer_name}")
        for other in self.state.counters.values():
            if other.officer_id == officer_id:
                raise QueueError("officer_elsewhere", f"Cán bộ đang làm việc tại quầy {other.number}",
                                 f"The officer is logged in at counter {other.number}")
        counter.status, counter.officer_id, counter.officer_name, counter.since = (
            CounterStatus.OPEN, officer_id, officer_name, now)
        counter.officer_title = officer_title
        return [Event("counter.opened", now, counter=counter.copy(), data={"officer_id": officer_id})]

    def close_counter(self, number: int, now: datetime) -> list[Event]:
        """The officer logs out; refused while a citizen is at the counter."""
        counter = self._counter(number)
        if counter.status is CounterStatus.CLOSED:
            return []
        self._require_no_ticket(counter)
        officer_id = counter.officer_id
        counter.status, counter.officer_id, counter.officer_name, counter.since = (
            CounterStatus.CLOSED, None, "", now)
        counter.officer_title = ""
        return [Event("counter.closed", now, counter=counter.copy(), data={"officer_id": officer_id})]

    def pause(self, number: int, now: datetime) -> list[Event]:
        counter = self._open_counter(number)
        self._require_no_ticket(counter)
        counter.status, counter.since = CounterStatus.PAUSED, now
        return [Event("counter.paused", now, counter=counter.copy())]

    def resume(self, number: int, now: datetime) -> list[Event]:
        counter = self._counter(number)
        if counter.status is not CounterStatus.PAUSED:
            raise QueueError("not_paused", f"Quầy {number} không tạm nghỉ", f"Counter {number} is not paused")
        counter.status, counter.since = CounterStatus.OPEN, now
        return [Event("counter.resumed", now, counter=counter.copy())]

    # -- calling -------------------------------------------------------------------------------

    def call_next(self, number: int, now: datetime, arrived: bool | None = None) -> list[Event]:
        """Finish the current ticket (if any) and call the next one for this counter.

        `arrived` says whether a called, never-started citizen came (see the module's rules).
        """
        counter = self._calling_counter(number)
        services = set(self.config.counter(number).services)
        waiting = self.waiting(services, for_counter=number)
        if not waiting:
            raise QueueError("no_waiting", "Không có công dân nào đang chờ", "Nobody is waiting", 409)
        return self._leave_current(counter, now, arrived) + self._call(counter, waiting[0], now)

    def call_number(self, number: int, ticket_label: str, now: datetime, arrived: bool | None = None) -> list[Event]:
        """Call a given waiting or absent ticket of today by its printed number."""
        counter = self._calling_counter(number)
        ticket = self._find_callable(number, ticket_label.strip().upper())
        return self._leave_current(counter, now, arrived) + self._call(counter, ticket, now)

    def absent_tickets(self, number: int) -> list[Ticket]:
        """Today's no-shows this counter may call back, latest first (the console's list)."""
        self._counter(number)
        services = set(self.config.counter(number).services)
        found = [t for t in self.state.tickets.values()
                 if t.status is TicketStatus.ABSENT and t.service_id in services]
        return sorted(found, key=lambda t: t.finished_at or t.issued_at, reverse=True)

    def recall(self, number: int, now: datetime) -> list[Event]:
        """Call the current ticket again; past `max_recalls` the ticket is marked absent."""
        counter = self._counter(number)
        ticket = self._current(counter, TicketStatus.CALLED)
        if ticket.recalls >= self.config.queue.max_recalls:
            return self._mark_absent(counter, ticket, now, reason="max_recalls")
        ticket.recalls += 1
        return [Event("ticket.recalled", now, ticket.copy(), counter.copy(), {"recalls": ticket.recalls})]

    def absent(self, number: int, now: datetime) -> list[Event]:
        """Mark the called ticket as a no-show once it has been recalled enough."""
        counter = self._counter(number)
        ticket = self._current(counter, TicketStatus.CALLED)
        self._check_recalled(ticket)
        return self._mark_absent(counter, ticket, now, reason="officer")

    def _check_recalled(self, ticket: Ticket) -> None:
        needed = self.config.queue.recalls_before_absent
        if ticket.recalls < needed:
            raise QueueError("recall_first", f"Số {ticket.label}: cần gọi lại {needed} lần trước khi đánh dấu vắng mặt",
                             f"Ticket {ticket.label}: recall {needed} time(s) before marking it absent")

    def _leave_current(self, counter: CounterState, now: datetime, arrived: bool | None) -> list[Event]:
        """Before the next call: a served ticket is finished; a called one that never started
        is finished or marked absent by whether the citizen came."""
        ticket = self.state.tickets.get(counter.ticket_id) if counter.ticket_id else None
        if ticket is None or ticket.status is not TicketStatus.CALLED:
            return self._finish_current(counter, now)
        if arrived is None:
            rule = self.config.queue.unstarted_on_next
            if rule == "ask":
                raise QueueError("arrival_unknown",
                                 f"Công dân số {ticket.label} đã đến quầy chưa? Hãy chọn «Đã đến» hoặc «Không đến»",
                                 f"Did ticket {ticket.label} come to the counter? Choose 'came' or 'did not come'", 409)
            arrived = rule == "served"
        if arrived:
            return self._finish_current(counter, now)
        self._check_recalled(ticket)
        return self._mark_absent(counter, ticket, now, reason="no_show")

    def start(self, number: int, now: datetime) -> list[Event]:
        """The citizen has arrived: service starts."""
        counter = self._counter(number)
        ticket = self._current(counter, TicketStatus.CALLED)
        ticket.status, ticket.started_at = TicketStatus.SERVING, now
        return [Event("ticket.started", now, ticket.copy(), counter.copy())]

    def finish(self, number: int, now: datetime) -> list[Event]:
        """Service is over (a called ticket counts as started when it is finished)."""
        counter = self._counter(number)
        self._current(counter)
        return self._finish_current(counter, now)

    def transfer(self, number: int, now: datetime, to_service: str | None = None,
                 to_counter: int | None = None) -> list[Event]:
        """Send the current ticket to another service and/or counter, keeping its place."""
        counter = self._counter(number)
        ticket = self._current(counter)
        service_id = self._transfer_target(ticket, to_service, to_counter)
        old = {"from_counter": number, "from_service": ticket.service_id}
        ticket.status, ticket.counter, ticket.officer_id = TicketStatus.WAITING, None, None
        ticket.service_id = service_id
        ticket.department_id = self.config.department_of(service_id).id
        ticket.target_counter, ticket.recalls = to_counter, 0
        ticket.called_at = ticket.started_at = None
        ticket.transfers += 1
        counter.ticket_id = None
        self._enqueue(ticket)
        data = old | {"to_service": service_id, "to_counter": to_counter}
        return [Event("ticket.transferred", now, ticket.copy(), counter.copy(), data)]

    # -- the day -------------------------------------------------------------------------------

    def roll_over(self, now: datetime) -> list[Event]:
        """Start a new service day if `now` is past the current one: numbering restarts."""
        today = now.date()
        if self.state.service_day == today:
            return []
        events = self.end_day(now) if self.state.service_day is not None else []
        self.state.tickets.clear()
        self.queues.clear()
        self.state.last_numbers.clear()
        self.state.service_day = today
        return events

    def end_day(self, now: datetime) -> list[Event]:
        """Close the day: leftover tickets expire and counters are cleared.

        Numbering restarts only on the next date, so a number is never issued twice in a day.
        """
        events = []
        for ticket in self.state.tickets.values():
            if ticket.status in (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING):
                self._dequeue(ticket)
                ticket.status, ticket.finished_at = TicketStatus.EXPIRED, now
                events.append(Event("ticket.expired", now, ticket.copy()))
        for counter in self.state.counters.values():
            if counter.ticket_id:
                counter.ticket_id = None
                events.append(Event("counter.cleared", now, counter=counter.copy()))
        day = self.state.service_day
        return events + [Event("day.ended", now, data={"service_day": day.isoformat() if day else None})]

    # -- helpers -------------------------------------------------------------------------------

    def _call(self, counter: CounterState, ticket: Ticket, now: datetime) -> list[Event]:
        self._dequeue(ticket)
        ticket.status, ticket.counter, ticket.officer_id = TicketStatus.CALLED, counter.number, counter.officer_id
        ticket.called_at, ticket.started_at, ticket.recalls = now, None, 0
        counter.ticket_id = ticket.id
        return [Event("ticket.called", now, ticket.copy(), counter.copy())]

    def _finish_current(self, counter: CounterState, now: datetime) -> list[Event]:
        if counter.ticket_id is None:
            return []
        ticket = self.state.tickets[counter.ticket_id]
        ticket.started_at = ticket.started_at or ticket.called_at
        ticket.status, ticket.finished_at = TicketStatus.DONE, now
        counter.ticket_id = None
        self._record_service_time(ticket)
        return [Event("ticket.finished", now, ticket.copy(), counter.copy())]

    def _mark_absent(self, counter: CounterState, ticket: Ticket, now: datetime, reason: str) -> list[Event]:
        ticket.status, ticket.finished_at = TicketStatus.ABSENT, now
        counter.ticket_id = None
        return [Event("ticket.absent", now, ticket.copy(), counter.copy(), {"reason": reason})]

    def _enqueue(self, ticket: Ticket) -> None:
        self.queues.setdefault(ticket.service_id, {})[ticket.id] = ticket

    def _dequeue(self, ticket: Ticket) -> None:
        self.queues.get(ticket.service_id, {}).pop(ticket.id, None)

    def _record_service_time(self, ticket: Ticket) -> None:
        if ticket.status is TicketStatus.DONE and ticket.started_at and ticket.finished_at:
            self.times.add(ticket.service_id, (ticket.finished_at - ticket.started_at).total_seconds())

    def _find_callable(self, number: int, ticket_label: str) -> Ticket:
        services = set(self.config.counter(number).services)
        found = [t for t in self.state.tickets.values() if t.label == ticket_label
                 and t.service_id in services and t.status in (TicketStatus.WAITING, TicketStatus.ABSENT)]
        if not found:
            raise not_found("số thứ tự đang chờ", "waiting ticket", ticket_label)
        if len(found) > 1:
            raise QueueError("ambiguous", f"Có nhiều vé số {ticket_label}", f"Several tickets are numbered {ticket_label}")
        return found[0]

    def _transfer_target(self, ticket: Ticket, to_service: str | None, to_counter: int | None) -> str:
        if to_service is None and to_counter is None:
            raise invalid("Chọn dịch vụ hoặc quầy để chuyển", "Choose a service or a counter to transfer to")
        service_id = to_service or ticket.service_id
        if not self.config.has_service(service_id):
            raise not_found("dịch vụ", "service", service_id)
        if to_counter is not None:
            target = self._counter(to_counter)
            served = self.config.counter(target.number).services
            if service_id not in served:
                if to_service is not None or len(served) != 1:
                    raise invalid(f"Quầy {to_counter} không phục vụ dịch vụ này",
                                  f"Counter {to_counter} does not serve this service")
                service_id = served[0]
        return service_id

    def _counter(self, number: int) -> CounterState:
        try:
            return self.state.counters[number]
        except KeyError:
            raise not_found("quầy", "counter", number) from None

    def _open_counter(self, number: int) -> CounterState:
        counter = self._counter(number)
        if counter.status is CounterStatus.CLOSED:
            raise QueueError("counter_closed", f"Quầy {number} chưa có cán bộ đăng nhập",
                             f"No officer is logged in at counter {number}")
        return counter

    def _calling_counter(self, number: int) -> CounterState:
        counter = self._open_counter(number)
        if counter.status is CounterStatus.PAUSED:
            raise QueueError("counter_paused", f"Quầy {number} đang tạm nghỉ", f"Counter {number} is paused")
        return counter

    def _current(self, counter: CounterState, status: TicketStatus | None = None) -> Ticket:
        ticket = self.state.tickets.get(counter.ticket_id) if counter.ticket_id else None
        if ticket is None or (status is not None and ticket.status is not status):
            raise QueueError("no_current", f"Quầy {counter.number} không có công dân đang được gọi",
                             f"Counter {counter.number} has no ticket called")
        return ticket

    def _require_no_ticket(self, counter: CounterState) -> None:
        if counter.ticket_id:
            ticket = self.state.tickets[counter.ticket_id]
            raise QueueError("ticket_at_counter", f"Hãy hoàn thành hoặc chuyển số {ticket.label} trước",
                             f"Finish or transfer ticket {ticket.label} first")


def _queue_order(ticket: Ticket):
    return (not ticket.priority, ticket.queue_at, ticket.number)
