"""DossierService: the dossier registry of one centre, on top of the store and the live queue.

Imports, pushes from the one-stop software and counter scans all end the same way: one SQLite
transaction with the dossier rows, their status history and the `dossier.updated` events, then the
events go to Socket.IO listeners through `QueueService.record`, in `seq` order, under the queue's lock.

Without a QueueService (the CLI, the benchmark) nothing is published and no event is written: events
must come from the running server or `seq` would jump under its clients' feet.

>>> dossiers = DossierService.of(queue_service)
>>> dossiers.lookup("000.17.22.H56-210531-0001")["applicant"]
'Nguyễn V*** A'
"""
from __future__ import annotations

import hashlib
import weakref
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Callable

from .clock import SystemClock
from .config import CentreConfig
from .centre_calendar import calendar_of
from .dossiers.import_fields import (FieldProblem, cell_text, parse_channel, parse_datetime, parse_level,
                                     parse_status, text_key)
from .dossiers.importer import DEFAULT_MAPPING, ImportFileError, Rejection, import_file
from .dossiers.model import Department, Dossier, DossierStatus, TransitionError, normalise_code, transition
from .dossiers.notify import Notifier, make_notifier
from .dossiers.privacy import mask_name, public_view
from .dossiers.timeliness import classify, local_day
from .engine import Event, QueueError
from .engine.errors import invalid
from .reporting import periods
from .reporting.phu_luc_1 import PhuLuc1, compute_from_facts
from .storage import Store
from .storage.dossiers import Dossiers, HistoryEntry, fingerprint, row_of

LIVE_EVENT_LIMIT = 500
"""An import changing more dossiers than this sends one `dossiers.imported` event instead of one each."""
SCAN_STATUSES = (DossierStatus.RECEIVED, DossierStatus.RESULT_READY, DossierStatus.RESULT_RETURNED)
_FIRST_HEADER = {name: headers[0] for name, headers in DEFAULT_MAPPING.items()}


@dataclass
class ImportReport:
    """What an import did: counts, every rejected row, the identical repeats."""

    filename: str
    accepted: int
    new: int
    changed: int
    unchanged: int
    rejected: list[Rejection]
    repeated_lines: list[int]
    events: int = 0
    changed_codes: list[str] = field(default_factory=list)
    unknown_departments: list[str] = field(default_factory=list)

    def hint(self) -> tuple[str, str] | None:
        """What to do about department names the centre does not know (Vietnamese, English)."""
        if not self.unknown_departments:
            return None
        names = ", ".join(f"'{n}'" for n in self.unknown_departments)
        return (f"Tên đơn vị chưa nhận ra: {names}. Nếu là tên viết tắt của một đơn vị, thêm vào "
                "[dossiers] department_aliases trong tệp cấu hình rồi nhập lại tệp",
                f"unknown department names: {names}. If they abbreviate a department, add them to "
                "[dossiers] department_aliases in the configuration and import the file again")

    def to_dict(self) -> dict:
        hint = self.hint()
        return {"filename": self.filename, "accepted": self.accepted, "new": self.new, "changed": self.changed,
                "unchanged": self.unchanged, "repeated_lines": self.repeated_lines, "events": self.events,
                "unknown_departments": self.unknown_departments,
                "hint": hint[0] if hint else None, "hint_en": hint[1] if hint else None,
                "rejected": [{"line": r.line, "code": r.code, "reason": r.reason_vi, "reason_en": r.reason_en}
                             for r in self.rejected]}


def not_found(code: str) -> QueueError:
    # Since 7/2025 a citizen may file at any centre of the province: say where else to look.
    return QueueError("not_found", f"Không tìm thấy hồ sơ {code} tại trung tâm này; hồ sơ nộp nơi khác "
                                   "tra cứu trên Cổng dịch vụ công của tỉnh",
                      f"Dossier {code} is not registered at this centre; dossiers filed elsewhere can be "
                      "looked up on the province's public-service portal", 404)


class DossierService:
    """The registry of one centre. Pass `queue` to publish changes live."""

    def __init__(self, config: CentreConfig, store: Store, clock: Callable[[], datetime] | None = None,
                 queue=None, notifier: Notifier | None = None):
        self.config, self.store, self.queue = config, store, queue
        self.clock = clock or SystemClock(config.centre.timezone)
        self.dossiers = Dossiers(store)
        settings = config.dossiers
        self.calendar = calendar_of(config)
        self.notifier = notifier or make_notifier(settings.notify, config.centre.name)
        self.departments = [Department(d.id, d.name, tuple(a for a in (d.short_name, d.name_en, *settings
                                       .department_aliases.get(d.id, ())) if a)) for d in config.departments]
        self.department_names = {d.id: d.name for d in self.departments}

    _by_queue: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, queue) -> DossierService:
        """The registry attached to a running QueueService (made on first use)."""
        service = cls._by_queue.get(queue)
        if service is None or service.config is not queue.config:     # new, or the admin changed the config
            service = cls._by_queue[queue] = cls(queue.config, queue.store, queue.clock, queue=queue)
        return service

    @property
    def centre_id(self) -> str:
        return self.config.centre.id

    # -- import ---------------------------------------------------------------------------------

    def import_data(self, data: bytes | str | list, fmt: str, filename: str = "", actor: str = "") -> ImportReport:
        """Parse, validate and store an export. The accepted rows are applied in one transaction;
        rejected rows are reported, never applied. Raises ImportFileError for an unusable file."""
        mapping = self.config.dossiers.column_mapping or None
        result = import_file(data, fmt, self.departments, mapping)
        with self._writing():
            now = self.clock()
            stored = self.dossiers.stored(self.centre_id, [d.code for d in result.accepted])
            digests = [fingerprint(d) for d in result.accepted]
            new = [(d, h) for d, h in zip(result.accepted, digests) if d.code not in stored]
            changed = [(d, h) for d, h in zip(result.accepted, digests)
                       if d.code in stored and stored[d.code].fingerprint != h]
            report = ImportReport(filename or fmt, len(result.accepted), len(new), len(changed),
                                  len(result.accepted) - len(new) - len(changed), result.rejected,
                                  result.repeated_lines, changed_codes=[d.code for d, _ in new + changed],
                                  unknown_departments=result.unknown_departments)
            history = [_import_history(d, now) for d, _ in new]
            history += [_import_history(d, now) for d, _ in changed if stored[d.code].status != d.status]
            events = self._import_events([d for d, _ in new + changed], report, now)
            counts = {k: getattr(report, k) for k in ("accepted", "new", "changed", "unchanged")}
            counts |= {"rejected": len(result.rejected), "repeated": len(result.repeated_lines)}
            sha = hashlib.sha256(data if isinstance(data, bytes) else repr(data).encode()).hexdigest()
            self._commit(lambda conn: (
                self.dossiers.upsert(conn, (row_of(self.centre_id, d, "import", now, h) for d, h in new + changed)),
                self.dossiers.add_history(conn, self.centre_id, history),
                self.dossiers.log_import(conn, self.centre_id, now, filename or fmt, sha, actor, counts)), events)
            report.events = len(events)
        ready = {d.code for d, _ in changed if d.status is DossierStatus.RESULT_READY
                 and stored[d.code].status is not DossierStatus.RESULT_READY}
        for d, _ in changed:
            if d.code in ready:
                self._notify(d)
        return report

    def _import_events(self, dossiers: list[Dossier], report: ImportReport, now: datetime) -> list[Event]:
        if self.queue is None or not dossiers:
            return []
        if len(dossiers) <= LIVE_EVENT_LIMIT:
            return [self._event(d, now, "import") for d in dossiers]
        data = {"filename": report.filename, "new": report.new, "changed": report.changed, "refresh": True}
        return [Event("dossiers.imported", now, data=data)]

    # -- push from the one-stop software --------------------------------------------------------

    def push(self, fields: dict, actor: str = "") -> dict:
        """Create a dossier, or change its status / appointment date. Idempotent: a repeat changes nothing."""
        code = _code(fields["code"])
        with self._writing():
            existing = self.dossiers.get(self.centre_id, code)
            if existing is None:
                return self._create(code, fields, actor)
            return self._update(existing, fields, actor)

    def _create(self, code: str, fields: dict, actor: str) -> dict:
        now = self.clock()
        fields = {"status": DossierStatus.RECEIVED.value, "received_at": now.isoformat(), **_present(fields)}
        status = _status(fields["status"])
        if not status.is_open and "resolved_at" not in fields:
            fields["resolved_at"] = fields.get("at", now.isoformat())
        if "due_at" not in fields and "deadline" in fields:
            received = _parse_time(fields["received_at"], "received_at", self.calendar.tz)
            due = self.calendar.due_date(received, fields["deadline"], fields.get("deadline_unit", "working_days"))
            fields["due_at"] = due.isoformat()
        row = {_FIRST_HEADER[k]: _cell(v) for k, v in fields.items() if k in _FIRST_HEADER}
        row[_FIRST_HEADER["code"]] = code
        try:
            result = import_file([row], "json", self.departments)
        except ImportFileError as exc:      # a required field missing (no due_at and no deadline…)
            raise invalid(f"Hồ sơ mới {code} thiếu thông tin: {exc.reason_vi}",
                          f"New dossier {code} lacks fields: {exc.reason_en}") from None
        if result.rejected:
            r = result.rejected[0]
            raise invalid(f"Hồ sơ {code} không hợp lệ: {r.reason_vi}", f"Dossier {code} is not valid: {r.reason_en}")
        dossier = result.accepted[0]
        at = dossier.resolved_at if not dossier.status.is_open and dossier.resolved_at else dossier.received_at
        self._save(dossier, HistoryEntry(code, dossier.status, at, "push", actor), now, "push")
        return {"created": True, "changed": True, "seq": self._seq(), "dossier": self.public(dossier)}

    def _update(self, old: Dossier, fields: dict, actor: str) -> dict:
        now = self.clock()
        _check_unchangeable(old, fields, self.departments)
        at = _parse_time(fields["at"], "at", self.calendar.tz) if fields.get("at") else now
        new, entry = old, None
        if fields.get("due_at"):
            due = _parse_time(fields["due_at"], "due_at", self.calendar.tz)
            if local_day(due) < local_day(old.received_at):
                raise invalid("Ngày hẹn trả trước ngày tiếp nhận", "The appointment date is before the received date")
            new = replace(new, due_at=due)
        status = _status(fields.get("status"))
        if status is not None and status is not old.status:
            new = _move(new, status, at)
            entry = HistoryEntry(old.code, status, at, "push", actor)
        if fingerprint(new) == fingerprint(old):
            return {"created": False, "changed": False, "seq": self._seq(), "dossier": self.public(old)}
        self._save(new, entry, now, "push")
        if entry and status is DossierStatus.RESULT_READY:
            self._notify(new)
        return {"created": False, "changed": True, "seq": self._seq(), "dossier": self.public(new)}

    # -- counter scan ---------------------------------------------------------------------------

    def scan(self, code: str, status: DossierStatus, counter: int, actor: str = "") -> dict:
        """An officer scanned a receipt at `counter` and chose received / result ready / returned.

        - received: confirms a received dossier (no change); a dossier waiting for additional
          documents goes back to in progress (the documents came in);
        - result_ready: from an open status;
        - result_returned: from result_ready, or from an open status at once (ready and handed over).
        Scanning the status the dossier already has changes nothing.
        """
        if status not in SCAN_STATUSES:
            raise invalid("Tại quầy chỉ cập nhật: đã tiếp nhận, đã có kết quả, đã trả kết quả",
                          "At the counter only received, result_ready or result_returned can be set")
        code = _code(code)
        with self._writing():
            old = self.dossiers.get(self.centre_id, code)
            if old is None:
                raise not_found(code)
            resumes = status is DossierStatus.RECEIVED and old.status is DossierStatus.SUPPLEMENT_REQUESTED
            target = DossierStatus.IN_PROGRESS if resumes else status
            if target is old.status or (status is DossierStatus.RECEIVED and old.status.is_open and not resumes):
                return {"changed": False, "seq": self._seq(), "dossier": self.public(old)}
            now = self.clock()
            steps = [target]
            if target is DossierStatus.RESULT_RETURNED and old.status.is_open:
                steps = [DossierStatus.RESULT_READY, DossierStatus.RESULT_RETURNED]
            new = old
            for step in steps:
                new = _move(new, step, now)
            entries = [HistoryEntry(code, s, now, "scan", actor, counter) for s in steps]
            self._save(new, entries, now, "scan", counter)
            seq = self._seq()           # this change's, read under the lock
        if steps[0] is DossierStatus.RESULT_READY and steps[-1] is DossierStatus.RESULT_READY:
            self._notify(new)
        return {"changed": True, "seq": seq, "dossier": self.public(new)}

    # -- reads ----------------------------------------------------------------------------------

    def public(self, dossier: Dossier, as_of: date | None = None) -> dict:
        """The public view, with the department's name and timeliness as of today."""
        view = public_view(dossier)
        view["department"] = self.department_names.get(dossier.department_id, dossier.department_id)
        timeliness = classify(dossier, as_of or local_day(self.clock()))
        view["timeliness"] = timeliness.value if timeliness else None
        view["timeliness_vi"] = timeliness.label_vi if timeliness else None
        view["resolved_at"] = dossier.resolved_at.isoformat() if dossier.resolved_at else None
        return view

    def lookup(self, code: str) -> dict:
        """For kiosks and boards: public fields, masked name, the status history (statuses and times)."""
        code = _code(code)
        dossier = self.dossiers.get(self.centre_id, code)
        if dossier is None:
            raise not_found(code)
        view = self.public(dossier)
        view["history"] = [{"status": h.status.value, "status_vi": h.status.label_vi, "at": h.at.isoformat()}
                           for h in dossier.history]
        return view

    def board(self, department_id: str | None = None, limit: int | None = None) -> dict:
        """The wall board: per department counts, and lists of results waiting, due today, overdue."""
        today = local_day(self.clock())
        lists = self.dossiers.board(self.centre_id, today, department_id, limit or self.config.dossiers.board_limit)
        counts = self.dossiers.board_counts(self.centre_id, today)
        order = {d.id: i for i, d in enumerate(self.departments)}
        counts.sort(key=lambda r: (order.get(r["department_id"], len(order)), r["department_id"]))
        return {"day": today.isoformat(), "departments": [
                    {**r, "name": self.department_names.get(r["department_id"], r["department_id"])} for r in counts],
                **{name: [self._board_item(d, today) for d in items] for name, items in lists.items()}}

    def _board_item(self, dossier: Dossier, today: date) -> dict:
        view = public_view(dossier, short=True)
        view["department"] = self.department_names.get(dossier.department_id, dossier.department_id)
        return view

    def report(self, period: periods.Period) -> PhuLuc1:
        """Phụ lục I for `period`, from the stored dossiers."""
        facts = self.dossiers.facts(self.centre_id, period.first_day, period.last_day)
        return compute_from_facts(facts, period, self.departments)

    def period(self, month: str | None = None, first: date | None = None, last: date | None = None) -> periods.Period:
        return parse_period(month, first, last, self.config.centre.report_cutoff_day)

    # -- writing --------------------------------------------------------------------------------

    def _writing(self):
        return self.queue.lock if self.queue is not None else nullcontext()

    def _seq(self) -> int | None:
        return self.queue.seq if self.queue is not None else None

    def _event(self, dossier: Dossier, now: datetime, source: str, counter: int | None = None) -> Event:
        """Public fields only: displays and kiosks receive every event."""
        data = {"code": dossier.code, "applicant": mask_name(dossier.applicant_name),
                "department_id": dossier.department_id, "status": dossier.status.value,
                "status_vi": dossier.status.label_vi, "due_at": dossier.due_at.isoformat(), "source": source}
        if counter is not None:
            data["counter"] = counter
        return Event("dossier.updated", now, data=data)

    def _save(self, dossier: Dossier, entries, now: datetime, source: str, counter: int | None = None) -> None:
        entries = [e for e in (entries if isinstance(entries, list) else [entries]) if e is not None]
        events = [self._event(dossier, now, source, counter)] if self.queue is not None else []
        self._commit(lambda conn: (self.dossiers.upsert(conn, [row_of(self.centre_id, dossier, source, now)]),
                                   self.dossiers.add_history(conn, self.centre_id, entries)), events)

    def _commit(self, write: Callable, events: list[Event]) -> None:
        """Rows and events in one transaction; then each event is published in seq order.
        A refused write raises StoreError (a bilingual 503 QueueError) and nothing is published."""
        with self.store.transaction() as conn:
            write(conn)
            for event in events:
                self.store.insert_event(conn, self.centre_id, event)
        for event in events:
            # Already written above, in the same transaction as the rows: record() only publishes.
            self.queue.record(event, lambda e: e.seq)

    def _notify(self, dossier: Dossier) -> None:
        self.notifier.result_ready(dossier, self.department_names.get(dossier.department_id, dossier.department_id))


def parse_period(month: str | None, first: date | None, last: date | None, cutoff: int) -> periods.Period:
    """A reporting month 'YYYY-MM' (cut on `cutoff`), or an inclusive range of days."""
    if month:
        try:
            year, number = (int(x) for x in month.split("-"))
            return periods.month(year, number, cutoff)
        except QueueError:
            raise
        except ValueError:
            raise invalid(f"Tháng không hợp lệ: {month} (YYYY-MM)", f"Invalid month: {month} (YYYY-MM)") from None
    if first is None or last is None:
        raise invalid("Cần tháng (month) hoặc khoảng ngày (from, to)", "Give a month, or both from and to")
    try:
        return periods.custom(first, last)
    except QueueError:
        raise                       # longer than the limits allow: its own message (limits.check_range)
    except ValueError as exc:
        raise invalid("Ngày kết thúc trước ngày bắt đầu", str(exc)) from None


def _code(text: str) -> str:
    code = normalise_code(text or "")
    if not code or not set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/"):
        raise invalid(f"Mã hồ sơ không hợp lệ: '{text}'", f"Invalid dossier code: '{text}'")
    return code


def _present(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if v is not None and v != ""}


def _cell(value) -> str | int | float:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value.value if hasattr(value, "value") else value


def _parse_time(value, name: str, tz) -> datetime:
    try:
        return parse_datetime(_cell(value), tz, name, name)
    except FieldProblem as problem:
        raise invalid(problem.reason_vi, problem.reason_en) from None


def _status(value) -> DossierStatus | None:
    if value in (None, ""):
        return None
    try:
        return parse_status(_cell(value))
    except FieldProblem as problem:
        raise invalid(problem.reason_vi, problem.reason_en) from None


def _move(dossier: Dossier, status: DossierStatus, at: datetime) -> Dossier:
    try:
        return transition(dossier, status, at)
    except TransitionError:
        raise QueueError("bad_transition",
                         f"Hồ sơ {dossier.code}: không thể chuyển từ '{dossier.status.label_vi}' sang "
                         f"'{status.label_vi}'",
                         f"Dossier {dossier.code}: {dossier.status.value} → {status.value} is not allowed", 409) from None


def _check_unchangeable(old: Dossier, fields: dict, departments: list[Department]) -> None:
    """A push may change status and appointment date; other fields are corrected by an import."""
    names = {text_key(n): d.id for d in departments for n in (d.id, d.name, *d.aliases)}
    readers = {
        "procedure": lambda v: (" ".join(cell_text(v).split()), old.procedure),
        "department": lambda v: (names.get(text_key(cell_text(v)), cell_text(v)), old.department_id),
        "received_at": lambda v: (_parse_time(v, "received_at", old.received_at.tzinfo), old.received_at),
        "applicant_name": lambda v: (cell_text(v), old.applicant_name),
        "applicant_phone": lambda v: (cell_text(v), old.applicant_phone),
        "level": lambda v: (parse_level(_cell(v)), old.level),
        "channel": lambda v: (parse_channel(_cell(v)), old.channel),
    }
    for name, read in readers.items():
        if fields.get(name) in (None, ""):
            continue
        try:
            given, stored = read(fields[name])
        except FieldProblem as problem:
            raise invalid(problem.reason_vi, problem.reason_en) from None
        if given != stored:
            raise QueueError("immutable_field", f"Không sửa được '{name}' qua đẩy dữ liệu; hãy nhập lại tệp xuất",
                             f"'{name}' cannot be changed by a push; correct it with an import", 409)


def _import_history(d: Dossier, now: datetime) -> HistoryEntry:
    """When an import learned a status: the result date for closing statuses, else now."""
    if d.status is DossierStatus.RECEIVED:
        at = d.received_at
    elif not d.status.is_open and d.status is not DossierStatus.RESULT_RETURNED and d.resolved_at:
        at = d.resolved_at
    else:
        at = now
    return HistoryEntry(d.code, d.status, at, "import")


__all__ = ["DossierService", "ImportFileError", "ImportReport", "LIVE_EVENT_LIMIT", "parse_period"]
