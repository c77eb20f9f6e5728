"""Every action a client can take, in one table used by REST, Socket.IO and the OpenAPI document.

Each action names the roles allowed to take it, its payload model (validated before anything
changes) and a handler. Counter actions also check that the principal may act at that counter:
an officer only where logged in, a keypad or terminal only at its own counter.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .auth import Principal, Role, forbidden
from .centre_calendar import CentreCalendar, DeadlineUnit, calendar_of
from .config import RatingStyle
from .engine import AlreadyQueued, QueueError, TicketSource
from .engine.errors import internal, invalid
from .rating_service import RatingInput
from .service import QueueService
from .views import counter_view, ticket_view

PEOPLE_AT_COUNTER = {Role.ADMIN, Role.OFFICER, Role.KEYPAD}
log = logging.getLogger(__name__)


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Empty(Payload):
    pass


class IssueTicket(Payload):
    service_id: str = Field(min_length=1, max_length=64, description="The service to queue for.")
    priority: bool = Field(False, description="Priority group (elderly, disabled, pregnant, war invalids).")
    source: TicketSource = Field(TicketSource.KIOSK, description="Where the ticket was taken.")
    dossier_code: str | None = Field(None, max_length=64, description="Dossier receipt scanned for this ticket.")
    request_id: str | None = Field(None, pattern=r"^[A-Za-z0-9_-]{8,64}$",
                                   description="Client-made idempotency key: resending it returns the same ticket.")


class CounterRef(Payload):
    counter: int = Field(ge=1, le=999, description="Counter number.")


class CallNext(CounterRef):
    arrived: bool | None = Field(None, description="Whether the called, never-started citizen came: true finishes "
                                 "their ticket as served, false marks it absent (no-show); unsaid, the centre's "
                                 "queue.unstarted_on_next rule decides.")


class CallNumber(CallNext):
    label: str = Field(min_length=1, max_length=12, description="The ticket number as printed, e.g. 1023 or A012.")


class Transfer(CounterRef):
    to_service: str | None = Field(None, max_length=64)
    to_counter: int | None = Field(None, ge=1, le=999)


class SubmitRating(Payload):
    id: str = Field(pattern=r"^[A-Za-z0-9_-]{8,64}$", description="Client-made id: resending it is harmless.")
    counter: int | None = Field(None, ge=1, le=999, description="Defaults to the terminal's counter.")
    ticket_id: str | None = Field(None, max_length=64, description="The ticket rated; none for a walk-up rating.")
    value: str = Field(min_length=1, max_length=40)
    comment: str = Field("", max_length=1000)
    rated_at: datetime | None = Field(None, description="When the citizen rated (ISO 8601 with offset); not after "
                                      "the server's time, not before the ticket was finished; before the current "
                                      "reporting period the rating is held in the quarantine.")
    style: RatingStyle | None = Field(None, description="The rating style the tablet showed; the value must be one "
                                                       "of its options. Default: the style whose options hold it.")


class DeviceStatus(Payload):
    status: dict = Field(description="Device health, e.g. {\"printer\": \"paper_out\"}.")


@dataclass(frozen=True)
class Action:
    name: str
    roles: frozenset[Role]
    payload: type[Payload]
    handler: Callable[[QueueService, Principal, Payload], dict]
    method: str
    path: str
    summary: str


ACTIONS: dict[str, Action] = {}


def action(name: str, roles, payload: type[Payload], method: str, path: str, summary: str):
    def register(handler):
        ACTIONS[name] = Action(name, frozenset(roles), payload, handler, method, path, summary)
        return handler
    return register


def perform(service: QueueService, principal: Principal, name: str, data: dict | None) -> dict:
    """Check, validate and run one action; raises QueueError with a clear message otherwise.

    The principal's rights are re-checked first: a socket opened earlier may hold an ended credential.
    Every failure is a QueueError: a refusal by the rules, a full disk (StoreError, 503), or an
    unexpected error, which is logged with its traceback and answered as `internal` (500).
    """
    principal = service.auth.current(principal)
    act = ACTIONS.get(name)
    if act is None:
        raise QueueError("unknown_action", f"Không có thao tác {name}", f"No such action: {name}", 404)
    if principal.role not in act.roles:
        raise forbidden()
    if data is not None and not isinstance(data, dict):
        raise invalid("Dữ liệu gửi lên phải là một đối tượng JSON", "The payload must be a JSON object")
    try:
        payload = act.payload.model_validate(data or {})
    except ValidationError as exc:
        raise invalid("Dữ liệu không hợp lệ: " + _problems(exc), "Invalid input: " + _problems(exc)) from None
    try:
        return act.handler(service, principal, payload)
    except QueueError:
        raise
    except Exception as exc:
        log.exception("action %s by %s:%s failed", name, principal.kind, principal.id)
        raise internal() from exc


def _problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors())


def check_counter(service: QueueService, principal: Principal, counter: int, opening: bool = False) -> None:
    """May this principal act at this counter?"""
    if principal.role is Role.ADMIN:
        return
    if principal.role in (Role.KEYPAD, Role.TERMINAL):
        if principal.counter != counter:
            raise forbidden()
        return
    state = service.engine.state.counters.get(counter)
    if principal.role is Role.OFFICER and state is not None and (opening or state.officer_id == principal.id):
        return
    raise QueueError("not_your_counter", f"Bạn không đăng nhập tại quầy {counter}",
                     f"You are not logged in at counter {counter}", 403)


def _counter_result(service: QueueService, counter: int, events) -> dict:
    """The answer to a counter action; built under the service lock (see QueueService.execute).
    Only this counter's view: not every counter of a large centre."""
    return {"seq": service.seq, "counter": counter_view(service.engine, counter),
            "events": [e.to_dict() for e in events]}


# -- tickets -------------------------------------------------------------------------------------

def closed_now(calendar: CentreCalendar, now) -> QueueError:
    """The kiosk's refusal outside working time, saying when the centre opens again."""
    opens = calendar.next_opening(now)
    when_vi, when_en = f"{opens:%H:%M} ngày {opens:%d/%m/%Y}", f"{opens:%H:%M} on {opens:%d/%m/%Y}"
    if not calendar.is_working_day(calendar.local(now).date()):
        return QueueError("closed", f"Hôm nay là ngày nghỉ, trung tâm không cấp số. Vui lòng quý ông/bà quay "
                                    f"lại từ {when_vi}", f"The centre is closed today (a day off). Please come "
                                    f"back from {when_en}", 409)
    return QueueError("closed", f"Ngoài giờ làm việc. Vui lòng quý ông/bà quay lại từ {when_vi}",
                      f"Outside working hours. Please come back from {when_en}", 409)


@action("issue_ticket", {Role.KIOSK, Role.ADMIN, Role.OFFICER}, IssueTicket, "POST", "/api/tickets",
        "Issue a ticket for a service")
def _issue(service, principal, p: IssueTicket) -> dict:
    source = TicketSource.OFFICER if principal.role is Role.OFFICER else p.source
    if principal.role is Role.KIOSK and source is TicketSource.OFFICER:
        raise invalid("Máy bốc số không cấp số thay cán bộ", "A kiosk cannot issue as an officer")

    def issue(now):
        # Checked after the request_id lookup: a retry of a ticket issued at 11:29 still gets it at 11:31.
        if principal.role is Role.KIOSK and not service.is_open_now():
            raise closed_now(calendar_of(service.config), now)
        return service.engine.issue(p.service_id, now, p.priority, source, p.dossier_code)

    def answer(issued, ticket) -> dict:      # under the service lock
        if issued is None:      # a repeated request_id or dossier: the ticket issued the first time, as it is now
            view = service.public_ticket(ticket.id)
            return {"seq": view.pop("seq"), "ahead": view.pop("ahead"), "wait_minutes": view.pop("wait_minutes"),
                    "ticket": view, "repeated": True}
        return {"seq": service.seq, "ticket": ticket_view(issued.ticket), **issued.data}

    try:
        return service.issue_once(p.request_id, issue, answer)
    except AlreadyQueued as live:       # the same receipt scanned again: its ticket, not a new number
        with service.lock:
            return answer(None, live.ticket)


# -- counters ------------------------------------------------------------------------------------

def _counter_action(name: str, path: str, summary: str, payload=CounterRef, roles=PEOPLE_AT_COUNTER,
                    opening: bool = False):
    def decorate(command):
        def handler(service, principal, p):
            def checked(now):       # checked under the lock: no one takes the counter in between
                check_counter(service, principal, p.counter, opening)
                return command(service, principal, p, now)
            return service.execute(checked, lambda events: _counter_result(service, p.counter, events))
        handler.__doc__ = command.__doc__
        action(name, roles, payload, "POST", f"/api/counters/{{counter}}/{path}", summary)(handler)
        return command
    return decorate


@_counter_action("open_counter", "open", "Officer logs in at the counter", roles={Role.ADMIN, Role.OFFICER},
                 opening=True)
def _open(service, principal, p, now):
    user = service.accounts.user(principal.id) if principal.kind == "user" else None
    return service.engine.open_counter(p.counter, principal.id, principal.name, now, (user or {}).get("title", ""))


@_counter_action("close_counter", "close", "Officer logs out of the counter")
def _close(service, principal, p, now):
    return service.engine.close_counter(p.counter, now)


@_counter_action("pause", "pause", "Pause the counter (tạm nghỉ)")
def _pause(service, principal, p, now):
    return service.engine.pause(p.counter, now)


@_counter_action("resume", "resume", "Resume a paused counter")
def _resume(service, principal, p, now):
    return service.engine.resume(p.counter, now)


@_counter_action("call_next", "call-next", "Finish the current ticket and call the next (Gọi tiếp)", payload=CallNext)
def _call_next(service, principal, p, now):
    return service.engine.call_next(p.counter, now, p.arrived)


@_counter_action("call_number", "call", "Call a given waiting or absent number", payload=CallNumber)
def _call_number(service, principal, p, now):
    return service.engine.call_number(p.counter, p.label, now, p.arrived)


@_counter_action("recall", "recall", "Call the current ticket again (Gọi lại)")
def _recall(service, principal, p, now):
    return service.engine.recall(p.counter, now)


@_counter_action("absent", "absent", "Mark the called ticket absent (Vắng mặt)")
def _absent(service, principal, p, now):
    return service.engine.absent(p.counter, now)


@_counter_action("start", "start", "The citizen arrived: start service")
def _start(service, principal, p, now):
    return service.engine.start(p.counter, now)


@_counter_action("finish", "finish", "Finish the current ticket (Hoàn thành)")
def _finish(service, principal, p, now):
    return service.engine.finish(p.counter, now)


@_counter_action("transfer", "transfer", "Transfer the current ticket (Chuyển)", payload=Transfer)
def _transfer(service, principal, p, now):
    return service.engine.transfer(p.counter, now, p.to_service, p.to_counter)


@action("absent_list", PEOPLE_AT_COUNTER | {Role.SUPERVISOR}, CounterRef, "GET", "/api/counters/{counter}/absent",
        "Today's absent (no-show) numbers this counter may call back")
def _absent_list(service, principal, p: CounterRef) -> dict:
    if principal.role is not Role.SUPERVISOR:
        check_counter(service, principal, p.counter)
    with service.lock:
        return {"seq": service.seq, "tickets": [ticket_view(t) for t in service.engine.absent_tickets(p.counter)]}


# -- the day, ratings, devices -------------------------------------------------------------------

@action("end_day", {Role.ADMIN}, Empty, "POST", "/api/day/end", "End the service day: leftover tickets expire")
def _end_day(service, principal, p) -> dict:
    def answer(events) -> dict:
        return {"seq": service.seq, "expired": sum(e.type == "ticket.expired" for e in events)}
    return service.execute(lambda now: service.engine.end_day(now), answer)


@action("submit_rating", {Role.TERMINAL}, SubmitRating, "POST", "/api/ratings", "Submit a satisfaction rating")
def _rating(service, principal, p: SubmitRating) -> dict:
    """Stored, or kept in the quarantine when a rule refuses it for good (`quarantined`: true)."""
    rating = RatingInput(p.id, p.value, p.counter, p.ticket_id, p.comment, p.rated_at, p.style)
    return service.submit_rating(principal, rating)


@action("device_status", {Role.KIOSK, Role.DISPLAY, Role.TERMINAL, Role.KEYPAD}, DeviceStatus, "POST",
        "/api/devices/status", "Report a device's health (printer paper, scanner, ...)")
def _device_status(service, principal, p: DeviceStatus) -> dict:
    return {"seq": service.report_device_status(principal, p.status)}


@action("snapshot", set(Role), Empty, "GET", "/api/snapshot", "The full live state, with its sequence number")
def _snapshot(service, principal, p) -> dict:
    from .projections import audience_of_role, project_snapshot    # what this role may see
    with service.lock:
        snap, config = service.snapshot(), service.config
    return {**project_snapshot(audience_of_role(principal), config, snap), "me": principal.to_dict()}


# -- dossiers (docs/dossiers.md) -----------------------------------------------------------------

from datetime import date as _date  # noqa: E402
from typing import Literal  # noqa: E402

from .dossier_service import DossierService  # noqa: E402
from .dossiers.model import DossierStatus  # noqa: E402
from .reporting.phu_luc_1 import NOTE_STAR_STAR, format_rows  # noqa: E402

DOSSIER_READERS = {Role.KIOSK, Role.DISPLAY, Role.OFFICER, Role.ADMIN, Role.SUPERVISOR}
_CODE = Field(min_length=1, max_length=64, description="Dossier code (mã hồ sơ), e.g. 000.17.22.H56-210531-0001.")
_WHEN = "Date and time: ISO 8601 or dd/mm/yyyy [HH:MM]; without a zone, the centre's local time."


class DossierCode(Payload):
    code: str = _CODE


class DossierPush(Payload):
    code: str = _CODE
    status: str | None = Field(None, max_length=64, description="New status: our value or the Vietnamese label.")
    at: str | None = Field(None, max_length=40, description="When the change happened (default: now). " + _WHEN)
    due_at: str | None = Field(None, max_length=40, description="Appointment date (new one after an apology). " + _WHEN)
    procedure: str | None = Field(None, max_length=500)
    department: str | None = Field(None, max_length=200, description="Department id, name or alias.")
    applicant_name: str | None = Field(None, max_length=200, description="Personal data: never shown unmasked.")
    applicant_phone: str | None = Field(None, max_length=20, description="Personal data: for result-ready notices.")
    received_at: str | None = Field(None, max_length=40, description="Default: now. " + _WHEN)
    resolved_at: str | None = Field(None, max_length=40, description="Result / closing date. " + _WHEN)
    deadline: float | None = Field(None, gt=0, le=3650, description="Legal time limit, when due_at is not given.")
    deadline_unit: DeadlineUnit = Field(DeadlineUnit.WORKING_DAYS, description="How `deadline` is counted.")
    level: int | None = Field(None, ge=1, le=4, description="Online service level 1-4.")
    channel: str | None = Field(None, max_length=40, description="in_person, online, post (or Vietnamese).")


class DossierScan(CounterRef):
    code: str = _CODE
    status: Literal["received", "result_ready", "result_returned"] = Field(
        description="received (a requested supplement came in), result_ready, result_returned.")


class DossierBoard(Payload):
    department: str | None = Field(None, max_length=64, description="Only this department.")
    limit: int | None = Field(None, ge=1, le=500, description="Dossiers per list (default from config).")


class DossierReport(Payload):
    model_config = ConfigDict(populate_by_name=True)
    month: str | None = Field(None, pattern=r"^\d{4}-\d{1,2}$", description="Reporting month YYYY-MM (cut-off day).")
    first: _date | None = Field(None, alias="from", description="First day YYYY-MM-DD (with `to`).")
    last: _date | None = Field(None, alias="to", description="Last day YYYY-MM-DD, inclusive.")


@action("dossier_lookup", DOSSIER_READERS, DossierCode, "GET", "/api/dossiers/lookup",
        "Look a dossier up by code (public view: masked name, no phone)")
def _dossier_lookup(service, principal, p: DossierCode) -> dict:
    return {"dossier": DossierService.of(service).lookup(p.code)}


@action("dossier_push", {Role.GATEWAY, Role.ADMIN}, DossierPush, "POST", "/api/dossiers/push",
        "The one-stop software creates a dossier or changes its status / appointment date")
def _dossier_push(service, principal, p: DossierPush) -> dict:
    fields = p.model_dump(exclude_none=True)
    if "deadline" not in fields:
        fields.pop("deadline_unit", None)
    return DossierService.of(service).push(fields, actor=f"{principal.kind}:{principal.id}")


@action("dossier_scan_update", {Role.OFFICER, Role.ADMIN}, DossierScan, "POST",
        "/api/counters/{counter}/dossier-scan", "Update a dossier by scanning its receipt at the counter")
def _dossier_scan(service, principal, p: DossierScan) -> dict:
    check_counter(service, principal, p.counter)
    return DossierService.of(service).scan(p.code, DossierStatus(p.status), p.counter,
                                           actor=f"{principal.kind}:{principal.id}")


@action("dossier_board", DOSSIER_READERS, DossierBoard, "GET", "/api/dossiers/board",
        "Status board: results waiting, due today, overdue (masked names)")
def _dossier_board(service, principal, p: DossierBoard) -> dict:
    return DossierService.of(service).board(p.department, p.limit)


@action("report_dossiers", {Role.ADMIN, Role.SUPERVISOR}, DossierReport, "GET", "/api/reports/dossiers",
        "Phụ lục I for a reporting month or a range of days")
def _report_dossiers(service, principal, p: DossierReport) -> dict:
    registry = DossierService.of(service)
    report = registry.report(registry.period(p.month, p.first, p.last))
    return {**report.as_dict(), "table": format_rows(report), "note": NOTE_STAR_STAR}


# -- reports (docs/reports.md) -------------------------------------------------------------------

class ReportPeriod(Payload):
    model_config = ConfigDict(populate_by_name=True)
    kind: Literal["month", "quarter", "half_year", "year", "custom"] = Field(
        "month", description="Period kind; months are cut on centre.report_cutoff_day.")
    year: int | None = Field(None, ge=2000, le=2100, description="Year (default: the current period's).")
    number: int | None = Field(None, ge=1, le=12, description="Month 1-12, quarter 1-4 or half 1-2.")
    first: _date | None = Field(None, alias="from", description="First day YYYY-MM-DD (custom, with `to`).")
    last: _date | None = Field(None, alias="to", description="Last day YYYY-MM-DD, inclusive.")


def _report(name: str):
    def handler(service, principal, p: ReportPeriod) -> dict:
        import json as _json

        from .reporting.export import document_json
        from .reports_web import library
        args = {k: v for k, v in {"kind": p.kind, "year": p.year, "number": p.number,
                                  "from": p.first and p.first.isoformat(), "to": p.last and p.last.isoformat()}
                .items() if v is not None}
        try:
            period = library.period_from(args, service.config.centre.report_cutoff_day, service.clock().date())
        except QueueError:
            raise                   # a period past the limits (limits.check_range): its own message
        except (ValueError, KeyError) as exc:
            raise invalid(f"Kỳ báo cáo không hợp lệ: {exc}", f"Invalid period: {exc}") from None
        return _json.loads(document_json(library.DOCUMENTS[name](service.config, service.store, period)))
    return handler


for _name, _summary in (("satisfaction", "Phụ lục II: satisfaction ratings by department, with shares"),
                        ("ratings", "Dissatisfied ratings, ratings per counter and officer, comments"),
                        ("queue", "Queue statistics: counts, waiting and service times, heat map, trend")):
    action(f"report_{_name}", {Role.ADMIN, Role.SUPERVISOR}, ReportPeriod, "GET", f"/api/reports/{_name}",
           _summary)(_report(_name))
