"""The kiosk's screens as a pure state machine: touches, scans and answers in, screens and effects out.

No window, no socket, no printer: the app feeds the flow what happened (`touch("dept:stp")`,
`scan(scan)`, `issued(result, printed)`, `set_connected(False)`, `tick()`) and carries out the
effects it returns (`IssueRequest` → printer check, server call, print; `Lookup` → dossier lookup).
Time comes from an injected clock, so timeouts and the double-tap guard are tested without waiting.

    >>> flow = KioskFlow(live, FlowSettings(), clock=fake_clock)
    >>> flow.touch("start"); flow.touch("dept:stp"); flow.touch("service:stp-hotich")
    >>> effect = flow.touch("priority:no")        # IssueRequest(service_id="stp-hotich", ...)
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Callable
from zoneinfo import ZoneInfo

from hw.codes import CitizenId, DossierCode, TicketRef
from queue_server.centre_calendar import kiosk_open


class Screen(str, Enum):
    ATTRACT = "attract"
    DEPARTMENTS = "departments"
    SERVICES = "services"
    PRIORITY = "priority"
    ISSUING = "issuing"
    PRINTING = "printing"             # the server issued the number; the printer is taking the ticket
    CONFIRMATION = "confirmation"
    LOOKING_UP = "looking_up"
    DOSSIER = "dossier"
    CLOSED = "closed"                 # outside working hours (the centre's hours, or the server said so)
    DEPT_CLOSED = "dept_closed"       # no open counter for this department / service
    OFFLINE = "offline"
    PRINTER_FAULT = "printer_fault"
    MESSAGE = "message"               # bad scan, refused request: a message, then back to the start


BUSY = {Screen.ISSUING, Screen.PRINTING, Screen.LOOKING_UP}
CHOICES = {Screen.DEPARTMENTS, Screen.SERVICES, Screen.PRIORITY, Screen.DOSSIER}
MESSAGES = {Screen.CLOSED, Screen.DEPT_CLOSED, Screen.MESSAGE}


@dataclass(frozen=True)
class FlowSettings:
    """What the flow needs of the kiosk config (see kiosk.config.KioskConfig)."""

    language: str = "vi"
    ask_priority: bool = True
    citizen_id_scan: bool = False
    priority_age: int = 60
    require_open_counter: bool = True
    choice_s: float = 30.0
    confirmation_s: float = 15.0
    message_s: float = 8.0
    touch_guard_s: float = 0.4
    retry_window_s: float = 60.0
    issuing_s: float = 15.0
    printing_s: float = 20.0
    looking_up_s: float = 10.0

    @classmethod
    def from_config(cls, config) -> "FlowSettings":
        t = config.timeouts
        return cls(config.language, config.ask_priority, config.citizen_id_scan, config.priority_age,
                   config.require_open_counter, t.choice_s, t.confirmation_s, t.message_s, t.touch_guard_s,
                   t.retry_window_s, t.issuing_s, t.printing_s, t.looking_up_s)


@dataclass(frozen=True)
class IssueRequest:
    """Effect: check the printer, ask the server for a ticket (idempotent by request_id), print it."""

    service_id: str
    priority: bool
    source: str
    dossier_code: str | None
    request_id: str
    made_at: float

    def payload(self) -> dict:
        data = {"service_id": self.service_id, "priority": self.priority, "source": self.source,
                "request_id": self.request_id}
        return data | ({"dossier_code": self.dossier_code} if self.dossier_code else {})


@dataclass(frozen=True)
class Lookup:
    """Effect: look a dossier up on the server."""

    code: str


@dataclass(frozen=True)
class Message:
    """A message screen's title key (kiosk.i18n) and body in both languages; ``staff_*`` says what
    the staff should do (printer faults)."""

    title: str
    body_vi: str
    body_en: str
    staff_vi: str = ""
    staff_en: str = ""


@dataclass
class Session:
    """What one citizen has chosen so far; forgotten when the kiosk goes back to the start."""

    department_id: str | None = None
    service_id: str | None = None
    page: int = 0
    priority_offered: bool = False       # a scanned CCCD showed the priority age; nothing else is kept
    dossier: dict | None = None
    result: dict | None = None           # the issue answer, plus "printed"
    message: Message | None = None


class KioskFlow:
    """The screen state machine of one kiosk. `live` is anything with `.centre` and `.services`
    (the queue server's LiveState)."""

    def __init__(self, live, settings: FlowSettings = FlowSettings(), clock: Callable[[], float] = time.monotonic,
                 today: Callable[[], date] = date.today, new_id: Callable[[], str] = lambda: secrets.token_urlsafe(12),
                 now: Callable[[], datetime] | None = None):
        self.live, self.settings, self.clock, self.today, self.new_id = live, settings, clock, today, new_id
        self.now = now or self._centre_now
        self.lang = settings.language
        self.session = Session()
        self.screen = Screen.OFFLINE
        self.connected = False
        self.printer_fault: Message | None = None
        self.pending: IssueRequest | None = None
        self.printing_for: IssueRequest | None = None
        self.changed_at = self.active_at = clock()

    # -- inputs --------------------------------------------------------------------------------

    def touch(self, action: str) -> IssueRequest | Lookup | None:
        """A touch on the widget whose action is `action`; returns an effect to carry out, if any."""
        now = self.clock()
        if self.screen in BUSY or now - self.changed_at < self.settings.touch_guard_s:
            return None                      # a double tap, or a touch echoed as a mouse click
        self.active_at = now
        if action == "lang":
            self.lang = "en" if self.lang == "vi" else "vi"
            return None
        if action in ("home", "done"):
            return self._go_home()
        handler = getattr(self, f"_touch_{self.screen.value}", None)
        return handler(action) if handler else None

    def scan(self, scan) -> IssueRequest | Lookup | None:
        """A barcode / QR read (hw.scanner.Scan): dossier receipt, CCCD, ticket, or garbage."""
        if self.screen in BUSY or self.screen is Screen.OFFLINE:
            return None
        self.active_at = self.clock()
        if not scan.ok:
            return self._message("scan_error_title", scan.error.reason_vi, scan.error.reason_en)
        if isinstance(scan.code, DossierCode):
            self._reset_session()
            self._show(Screen.LOOKING_UP)
            return Lookup(scan.code.code)
        if isinstance(scan.code, CitizenId):
            return self._citizen_id(scan.code)
        if isinstance(scan.code, TicketRef):
            return self._message("scan_error_title", *_i18n_pair("ticket_scanned"))
        return None

    def tick(self) -> None:
        """Called every frame: a screen nobody touches goes back to the start; a wait that lasts
        too long ends with a message (issuing, looking up) or the number on screen (printing)."""
        limit = self._timeout()
        if limit is None or self.clock() - max(self.active_at, self.changed_at) < limit:
            return
        if self.screen is Screen.PRINTING:
            self.issued(self.session.result, printed=False)
        elif self.screen is Screen.ISSUING:
            self.pending = None
            self._message("error_title", *_i18n_pair("issue_timeout"))
        elif self.screen is Screen.LOOKING_UP:
            self._message("error_title", *_i18n_pair("lookup_timeout"))
        else:
            self._go_home()

    def set_connected(self, connected: bool) -> IssueRequest | None:
        """The server connection changed; on reconnect, a request lost with it is retried."""
        self.connected = connected
        if not connected:
            if self.screen not in BUSY:
                self._show(Screen.OFFLINE)
            return None
        pending, self.pending = self.pending, None
        if pending and self.clock() - pending.made_at <= self.settings.retry_window_s:
            self.pending = pending
            self._show(Screen.ISSUING)
            return pending
        if self.screen in (Screen.OFFLINE, Screen.ISSUING):
            self._go_home()
        return None

    def set_printer(self, fault: Message | None) -> None:
        """The printer's state: None when it can print, else the fault to show."""
        self.printer_fault = fault
        if fault is not None and self.screen is Screen.ATTRACT:
            self._show(Screen.PRINTER_FAULT)
        elif fault is None and self.screen is Screen.PRINTER_FAULT:
            self._go_home()

    # -- answers to effects --------------------------------------------------------------------

    def answers(self, request: IssueRequest | None) -> bool:
        """Whether an answer to ``request`` is still awaited (a late one, after the wait timed
        out or the citizen left, is dropped: the screen has moved on)."""
        return request is None or (request is self.pending and self.screen is Screen.ISSUING)

    def printing(self, result: dict, request: IssueRequest | None = None) -> None:
        """The server issued the ticket; the printer is now taking it."""
        if not self.answers(request):
            return
        self.pending = None
        self.printing_for = request
        self.session.result = dict(result)
        self._show(Screen.PRINTING)

    def issued(self, result: dict, printed: bool, request: IssueRequest | None = None) -> None:
        """The ticket is issued (printed: the printer took it). Shown once: a print that ends
        after the printing wait timed out (the number is already on screen) changes nothing."""
        if request is not None and (self.screen is not Screen.PRINTING or request is not self.printing_for):
            return
        self.pending = self.printing_for = None
        self.session.result = dict(result, printed=printed)
        self._show(Screen.CONFIRMATION)

    def issue_refused(self, code: str, message_vi: str, message_en: str,
                      request: IssueRequest | None = None) -> None:
        """The server refused the ticket (outside hours, bad service...)."""
        if not self.answers(request):
            return
        self.pending = None
        if code == "closed":
            self._show(Screen.CLOSED)
        else:
            self._message("error_title", message_vi, message_en)

    def issue_lost(self, request: IssueRequest | None = None) -> None:
        """No answer from the server: keep the request for a retry when the connection returns."""
        if not self.answers(request):
            return
        self.connected = False
        self._show(Screen.OFFLINE)

    def printer_failed(self, fault: Message, request: IssueRequest | None = None) -> None:
        """The printer could not print before the ticket was asked for: no ticket was issued."""
        if not self.answers(request):
            return
        self.pending = None
        self.printer_fault = fault
        self._reset_session()
        self._show(Screen.PRINTER_FAULT)

    def dossier_found(self, view: dict) -> None:
        if self.screen is Screen.LOOKING_UP:
            self.session.dossier = view
            self._show(Screen.DOSSIER)

    def lookup_failed(self, message_vi: str, message_en: str) -> None:
        if self.screen is Screen.LOOKING_UP:
            self._message("error_title", message_vi, message_en)

    # -- helpers for screens -------------------------------------------------------------------

    def departments(self) -> list[dict]:
        return list(self.live.centre.get("departments", []))

    def department(self, department_id: str | None = None) -> dict | None:
        wanted = department_id or self.session.department_id
        return next((d for d in self.departments() if d["id"] == wanted), None)

    def service(self, service_id: str | None = None) -> dict | None:
        wanted = service_id or self.session.service_id
        return next((s for d in self.departments() for s in d["services"] if s["id"] == wanted), None)

    def open_counters(self, service_ids) -> int:
        return sum(self.live.services.get(sid, {}).get("open_counters", 0) for sid in service_ids)

    def result_return_service(self) -> dict | None:
        """The result-return service of the scanned dossier's department."""
        dept = self.department((self.session.dossier or {}).get("department_id"))
        return next((s for s in dept["services"] if s.get("result_return")), None) if dept else None

    # -- per-screen touches ---------------------------------------------------------------------

    def _touch_attract(self, action: str):
        if action == "start":
            self._show(Screen.DEPARTMENTS)

    def _touch_printer_fault(self, action: str):
        return None

    def _touch_departments(self, action: str):
        if action == "back":
            return self._go_home()
        if action in ("more", "less"):
            self.session.page += 1 if action == "more" else -1
            self.session.page = max(0, self.session.page)
            self.changed_at = self.clock()
            return None
        if action.startswith("dept:"):
            return self._pick_department(action[5:])
        return None

    def _touch_services(self, action: str):
        if action == "back":
            self._show(Screen.DEPARTMENTS)
        elif action.startswith("service:"):
            return self._pick_service(action[8:])
        return None

    def _touch_priority(self, action: str):
        if action == "back":
            self._back_from_priority()
        elif action in ("priority:yes", "priority:no"):
            return self._issue(self.session.service_id, action == "priority:yes")
        return None

    def _touch_dossier(self, action: str):
        service = self.result_return_service()
        if action == "take_result" and service and self.session.dossier.get("status") == "result_ready":
            return self._issue(service["id"], False, "dossier_scan", self.session.dossier["code"])
        return None

    # -- steps -----------------------------------------------------------------------------------

    def _pick_department(self, department_id: str):
        dept = self.department(department_id)
        if dept is None:
            return None
        self.session.department_id = department_id
        if not self._open_now():
            return self._show(Screen.CLOSED)
        if self._closed(s["id"] for s in dept["services"]):
            return self._show(Screen.DEPT_CLOSED)
        if len(dept["services"]) == 1:
            return self._pick_service(dept["services"][0]["id"])
        self._show(Screen.SERVICES)
        return None

    def _pick_service(self, service_id: str):
        if self.service(service_id) is None:
            return None
        self.session.service_id = service_id
        if self._closed([service_id]):
            return self._show(Screen.DEPT_CLOSED)
        if self.settings.ask_priority or self.session.priority_offered:
            self._show(Screen.PRIORITY)
            return None
        return self._issue(service_id, False)

    def _back_from_priority(self) -> None:
        dept = self.department()
        self._show(Screen.SERVICES if dept and len(dept["services"]) > 1 else Screen.DEPARTMENTS)

    def _open_now(self) -> bool:
        """Within the centre's working hours, by the server's own rule (a centre view without hours
        counts as open); the server refuses a ticket outside them anyway, this only spares the
        citizen the choices first."""
        hours = self.live.centre.get("hours")
        return hours is None or kiosk_open(hours, self.now())

    def _centre_now(self) -> datetime:
        return datetime.now(ZoneInfo(self.live.centre.get("timezone") or "Asia/Ho_Chi_Minh"))

    def _closed(self, service_ids) -> bool:
        return self.settings.require_open_counter and self.open_counters(list(service_ids)) == 0

    def _issue(self, service_id: str, priority: bool, source: str = "kiosk", dossier_code: str | None = None):
        if self.printer_fault is not None:
            self._reset_session()
            return self._show(Screen.PRINTER_FAULT)
        self.pending = IssueRequest(service_id, priority, source, dossier_code, self.new_id(), self.clock())
        self._show(Screen.ISSUING)
        return self.pending

    def _citizen_id(self, card: CitizenId):
        if not self.settings.citizen_id_scan:
            return self._message("scan_error_title", *_i18n_pair("cccd_disabled"))
        self._reset_session()
        self.session.priority_offered = _age(card.birth_date, self.today()) >= self.settings.priority_age
        self._show(Screen.DEPARTMENTS)          # the card itself is dropped here: only the yes/no is kept
        return None

    def _message(self, title: str, body_vi: str, body_en: str):
        self.session.message = Message(title, body_vi, body_en)
        self._show(Screen.MESSAGE)
        return None

    def _timeout(self) -> float | None:
        waits = {Screen.ISSUING: self.settings.issuing_s, Screen.PRINTING: self.settings.printing_s,
                 Screen.LOOKING_UP: self.settings.looking_up_s}
        if self.screen in waits:
            return waits[self.screen]
        if self.screen in CHOICES:
            return self.settings.choice_s
        if self.screen is Screen.CONFIRMATION:
            return self.settings.confirmation_s
        if self.screen in MESSAGES:
            return self.settings.message_s
        return None

    def _go_home(self):
        self._reset_session()
        self.lang = self.settings.language
        if not self.connected:
            self._show(Screen.OFFLINE)
        elif self.printer_fault is not None:
            self._show(Screen.PRINTER_FAULT)
        else:
            self._show(Screen.ATTRACT)
        return None

    def _reset_session(self) -> None:
        self.session = Session()

    def _show(self, screen: Screen):
        self.screen = screen
        self.changed_at = self.clock()
        return None


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _i18n_pair(key: str) -> tuple[str, str]:
    from .i18n import STRINGS
    return STRINGS[key]
