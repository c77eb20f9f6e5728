"""Ratings in the live centre: store a tablet's rating, or keep it in the quarantine; never lose one.

A rating that breaks a rule for good (a value no style knows, a ticket served elsewhere, a counter
that is not the tablet's or no longer exists, a closed reporting period, ...) is not refused back
to the tablet, whose outbox could only drop or retry it: it is kept in the quarantine, and the
answer says so (`quarantined: true`), so the outbox marks it delivered. An administrator then
accepts it into the ratings (choosing the counter and time) or dismisses it with a reason.
Only a failure that may pass (storage unavailable) is answered as an error, to be retried.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .auth import Principal, Role
from .config import RatingStyle
from .engine import Event, QueueError, Ticket
from .engine.errors import invalid
from .ratings import MAX_COMMENT, check_in_open_period, check_rating, earliest_rating_time, rating_time, style_of
from .storage.admin import AdminStore, AuditEntry

# Codes of a refusal that resending can never change: the rating goes to the quarantine.
FINAL_CODES = frozenset({"invalid", "not_served_here", "already_rated", "not_found", "other_counter",
                         "unknown_counter", "too_late"})


@dataclass(frozen=True)
class RatingInput:
    """What a tablet sends (`SubmitRating`): `counter` None means the tablet's own counter."""

    id: str
    value: str
    counter: int | None = None
    ticket_id: str | None = None
    comment: str = ""
    rated_at: datetime | None = None
    style: RatingStyle | None = None


class RatingService:
    """The rating rules applied to one QueueService, under its lock.

    >>> RatingService(service).submit(principal, RatingInput("r-0001", "satisfied", style=RatingStyle.LEVEL))
    {'rating': {...}, 'duplicate': False, 'quarantined': False}
    """

    def __init__(self, service):
        self.service = service
        self.ratings = service.ratings

    # -- from the tablets ------------------------------------------------------------------------

    def submit(self, principal: Principal, rating: RatingInput) -> dict:
        """Store one rating idempotently by its id, or quarantine it when a rule refuses it for good;
        the answer carries the `seq` after it, read under the service lock."""
        with self.service.lock:
            return {**self._submit(principal, rating), "seq": self.service.seq}

    def _submit(self, principal: Principal, rating: RatingInput) -> dict:
        existing = self.ratings.get(rating.id)
        if existing is not None:
            return {"rating": existing, "duplicate": True, "quarantined": False}
        held = self.ratings.quarantined(rating.id)
        if held is not None:
            return _held_answer(held, duplicate=True)
        try:
            row = self._row(principal, rating)
        except QueueError as exc:
            if exc.code not in FINAL_CODES:
                raise
            return self._quarantine(principal, rating, exc)
        self._store(row)
        return {"rating": row, "duplicate": False, "quarantined": False}

    def _row(self, principal: Principal, rating: RatingInput) -> dict:
        service = self.service
        counter = self._counter(principal, rating.counter)
        ticket = self._ticket(rating.ticket_id)
        style = style_of(rating.value, rating.style, service.config.centre.rating_style)
        check_rating(rating.comment, counter, ticket, ticket is not None and self.ratings.for_ticket(ticket.id) is not None)
        now = service.clock()
        at = rating_time(rating.rated_at, now, ticket.finished_at if ticket else None, self._earliest(now))
        return self._rating_row(rating.id, counter, ticket, style, rating.value, rating.comment, at,
                                principal.id if principal.kind == "device" else None)

    def _counter(self, principal: Principal, claimed: int | None) -> int:
        """The counter rated: the tablet's own unless it says otherwise; it must be the tablet's
        (a tablet moved since) and still exist (a counter removed since)."""
        counter = claimed or principal.counter
        if counter is None:
            raise invalid("Thiết bị chưa gắn với quầy nào", "This terminal is not bound to a counter")
        if principal.role is Role.TERMINAL and principal.counter != counter:
            raise QueueError("other_counter", f"Đánh giá cho quầy {counter} gửi từ máy của quầy {principal.counter}",
                             f"Rating for counter {counter} sent by the tablet of counter {principal.counter}", 403)
        self._existing_counter(counter)
        return counter

    def _existing_counter(self, counter: int) -> None:
        if counter not in {c.number for c in self.service.config.counters}:
            raise QueueError("unknown_counter", f"Quầy {counter} không còn trong cấu hình",
                             f"Counter {counter} is no longer configured", 404)

    def _ticket(self, ticket_id: str | None) -> Ticket | None:
        if ticket_id is None:
            return None
        ticket = self.service.engine.state.tickets.get(ticket_id) or self.service.store.ticket(ticket_id)
        if ticket is None:
            raise QueueError("not_found", "Không tìm thấy vé", "Ticket not found", 404)
        return ticket

    def _earliest(self, now: datetime) -> datetime:
        return earliest_rating_time(now, self.service.config.centre.report_cutoff_day)

    def _rating_row(self, rating_id: str, counter: int, ticket: Ticket | None, style: RatingStyle, value: str,
                    comment: str, at: datetime, device_id: int | None) -> dict:
        counter_state = self.service.engine.state.counters.get(counter)
        officer = ticket.officer_id if ticket else (counter_state.officer_id if counter_state else None)
        return {
            "id": rating_id, "centre_id": self.service.centre_id, "ticket_id": ticket.id if ticket else None,
            "service_id": ticket.service_id if ticket else None,
            "department_id": ticket.department_id if ticket else self._counter_department(counter),
            "counter": counter, "officer_id": officer, "style": style.value,
            "value": value, "comment": comment.strip(), "at": at.isoformat(), "device_id": device_id,
        }

    def _counter_department(self, counter: int) -> str | None:
        config = self.service.config
        departments = {config.department_of(s).id for s in config.counter(counter).services}
        return departments.pop() if len(departments) == 1 else None

    def _store(self, row: dict) -> None:
        data = {k: row[k] for k in ("id", "ticket_id", "counter", "officer_id", "department_id", "style", "value")}
        self.service.record(Event("rating.submitted", self.service.clock(), data=data),
                            lambda event: self.ratings.add(row, event))

    def _quarantine(self, principal: Principal, rating: RatingInput, exc: QueueError) -> dict:
        now = self.service.clock()
        row = {"id": rating.id, "centre_id": self.service.centre_id, "received_at": now.isoformat(),
               "device_id": principal.id if principal.kind == "device" else None, "device_name": principal.name,
               "counter": rating.counter or principal.counter, "ticket_id": rating.ticket_id,
               "style": rating.style.value if rating.style else None, "value": rating.value,
               "comment": rating.comment.strip()[:MAX_COMMENT],
               "rated_at": rating.rated_at.isoformat() if rating.rated_at else None,
               "code": exc.code, "reason": exc.message_vi, "reason_en": exc.message_en}
        data = {"id": rating.id, "counter": row["counter"], "code": exc.code}
        self.service.record(Event("rating.quarantined", now, data=data),
                            lambda event: self.ratings.quarantine(row, event))
        return _held_answer(row, duplicate=False)

    # -- from the administrators -----------------------------------------------------------------

    def open_count(self) -> int:
        return self.ratings.quarantine_open_count(self.service.centre_id)

    def accept(self, principal: Principal, rating_id: str, counter: int, at: datetime) -> dict:
        """Move a quarantined rating into the ratings at `counter` and time `at` (which must lie in
        the current reporting period, like any rating's time); audited."""
        with self.service.lock:
            held = self._open(principal, rating_id)
            now = self.service.clock()
            self._existing_counter(counter)
            at = at.astimezone(now.tzinfo)
            if at > now:
                raise invalid("Thời điểm đánh giá ở tương lai", "The rating time is in the future")
            check_in_open_period(at, self._earliest(now))
            style = style_of(held["value"], RatingStyle(held["style"]) if held["style"] else None,
                             self.service.config.centre.rating_style)
            ticket = self._acceptable_ticket(held["ticket_id"])
            row = self._rating_row(rating_id, counter, ticket, style, held["value"], held["comment"], at,
                                   held["device_id"])
            entry = self._entry(principal, "rating.accept", rating_id, {"code": held["code"]},
                                {"counter": counter, "at": row["at"], "value": row["value"]})
            data = {k: row[k] for k in ("id", "ticket_id", "counter", "officer_id", "department_id", "style", "value")}
            self.service.record(Event("rating.submitted", now, data=data),
                                lambda event: self.ratings.accept(row, entry, event, now))
            return row

    def _acceptable_ticket(self, ticket_id: str | None) -> Ticket | None:
        """The rating's ticket when it exists and has no rating yet; else the rating is kept as a
        walk-up one (a ticket has at most one rating)."""
        try:
            ticket = self._ticket(ticket_id)
        except QueueError:
            return None
        return ticket if ticket is not None and self.ratings.for_ticket(ticket.id) is None else None

    def dismiss(self, principal: Principal, rating_id: str, reason: str) -> None:
        """Set a quarantined rating aside with a reason; the row stays, audited."""
        reason = reason.strip()
        if not reason:
            raise invalid("Vui lòng ghi lý do bỏ qua đánh giá", "Please give the reason for dismissing the rating")
        with self.service.lock:
            held = self._open(principal, rating_id)
            now = self.service.clock()
            entry = self._entry(principal, "rating.dismiss", rating_id, {"code": held["code"]}, {"reason": reason})
            self.service.record(Event("rating.dismissed", now, data={"id": rating_id}),
                                lambda event: self.ratings.dismiss(self.service.centre_id, rating_id, reason[:500],
                                                                   entry, event, now))

    def _open(self, principal: Principal, rating_id: str) -> dict:
        if principal.role is not Role.ADMIN:
            raise QueueError("forbidden", "Chỉ quản trị viên được xử lý đánh giá bị giữ lại",
                             "Only an administrator may resolve a held rating", 403)
        held = self.ratings.quarantined(rating_id)
        if held is None or held["centre_id"] != self.service.centre_id:
            raise QueueError("not_found", "Không tìm thấy đánh giá bị giữ lại", "Held rating not found", 404)
        if held["status"] != "open":
            raise QueueError("already_resolved", "Đánh giá này đã được xử lý", "This rating is already resolved", 409)
        return held

    def _entry(self, principal: Principal, action: str, target: str, before, after) -> AuditEntry:
        username = AdminStore(self.service.store).username(principal.id) if principal.kind == "user" else None
        actor = f"{username} ({principal.name})" if username else f"{principal.kind}:{principal.name}"
        return AuditEntry(actor, principal.role.value, action, f"rating:{target}", before, after)


def _held_answer(row: dict, duplicate: bool) -> dict:
    """The answer for a quarantined rating: delivered (the tablet forgets it), held for an admin."""
    return {"rating": None, "duplicate": duplicate, "quarantined": True,
            "reason": {"code": row["code"], "message": row["reason"], "message_en": row["reason_en"]}}
