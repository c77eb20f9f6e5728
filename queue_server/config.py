"""Centre configuration: a typed, documented schema loaded from a TOML file.

Every component receives its own section. Errors name the file, the key and the reason, so a
technician can fix a config without reading code.
"""
from __future__ import annotations

import tomllib
from datetime import date, time
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

DEMO_CONFIG = Path(__file__).parent / "demo" / "centre.toml"


class RatingStyle(str, Enum):
    """How citizens rate a service (DOMAIN.md, "Satisfaction ratings")."""

    CATEGORY = "category"
    LEVEL = "level"
    STARS = "stars"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Ident = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]


class Series(_Section):
    """A ticket-number series, restarted every service day."""

    start: int = Field(1, ge=0, le=99999, description="First number issued each day.")
    end: int = Field(999, ge=0, le=99999, description="Last number; past it the service refuses tickets.")
    prefix: str = Field("", max_length=2, description="Letter(s) printed before the number, e.g. 'A'.")
    digits: int = Field(0, ge=0, le=6, description="Zero-pad the number to this width (0: no padding).")

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"số cuối ({self.end}) nhỏ hơn số đầu ({self.start}) / end ({self.end}) is before start ({self.start})")
        return self


class Service(_Section):
    """A service / procedure group of a department, with its own queue and number series."""

    id: Ident = Field(description="Stable id (lowercase letters, digits, . _ -), used by counters and records.")
    name: str = Field(min_length=1, description="Vietnamese name shown on kiosks and tickets.")
    name_en: str = Field("", description="English name.")
    series: Series = Series()
    result_return: bool = Field(False, description="This is the department's result-return (trả kết quả) queue.")


class Department(_Section):
    """A department (Sở, ngành) in report order."""

    id: Ident = Field(description="Stable id (lowercase letters, digits, . _ -).")
    name: str = Field(min_length=1, description="Vietnamese name, as in the reports.")
    name_en: str = Field("", description="English name.")
    short_name: str = Field("", description="Short name for narrow screens; defaults to the name.")
    services: list[Service] = Field(min_length=1, description="Its services / procedure groups, each a queue.")

    @model_validator(mode="after")
    def _one_result_return(self):
        ids = [s.id for s in self.services if s.result_return]
        if len(ids) > 1:
            raise ValueError(f"một đơn vị chỉ có một dịch vụ trả kết quả ({', '.join(ids)}) / "
                             "a department has at most one result-return service")
        return self


class Counter(_Section):
    """A counter (quầy): its number, place and the services it serves."""

    number: int = Field(ge=1, le=999, description="The number called out and shown on the counter.")
    name: str = Field("", description="Defaults to 'Quầy <number>'.")
    room: str = Field("", description="Room, e.g. 'A'.")
    floor: int = Field(1, description="Floor.")
    group: str = Field("", description="Display group (a room or floor); defaults to the room, else 'all'.")
    services: list[Ident] = Field(min_length=1, description="Ids of the services this counter calls.")

    @property
    def label(self) -> str:
        return self.name or f"Quầy {self.number}"

    @property
    def display_group(self) -> str:
        return self.group or self.room or "all"


class Hours(_Section):
    """Opening hours for issuing tickets, in the centre's time zone. Sessions and weekdays are also
    the working time of dossier deadlines and wait estimates (`centre_calendar.CentreCalendar`)."""

    sessions: list[tuple[time, time]] = Field(
        default=[(time(7, 0), time(11, 30)), (time(13, 30), time(17, 0))], min_length=1,
        description="Working sessions of a day, [[start, end], ...] as 'HH:MM', in order, not overlapping.",
    )
    weekdays: list[Annotated[int, Field(ge=1, le=7)]] = Field(
        default=[1, 2, 3, 4, 5], min_length=1,
        description="ISO weekdays open (1 = Monday); public holidays and days worked (làm bù) come from "
                    "the holiday file and `dossiers.extra_*`.")
    enforce: bool = Field(True, description="Refuse kiosk tickets outside the sessions and on days off.")

    @field_validator("sessions")
    @classmethod
    def _sessions_ordered(cls, sessions):
        for start, end in sessions:
            if end <= start:
                raise ValueError(f"phiên {start:%H:%M}-{end:%H:%M} kết thúc trước khi bắt đầu / "
                                 f"session {start:%H:%M}-{end:%H:%M} ends before it starts")
        for (_, end), (start, _) in zip(sessions, sessions[1:]):
            if start < end:
                raise ValueError(f"các phiên phải theo thứ tự và không chồng nhau ({start:%H:%M} < {end:%H:%M}) / "
                                 "sessions must be in order and must not overlap")
        return sessions

    @field_validator("weekdays")
    @classmethod
    def _weekdays_unique(cls, weekdays):
        if len(set(weekdays)) != len(weekdays):
            raise ValueError("một ngày trong tuần xuất hiện hai lần / a weekday appears twice")
        return weekdays


class QueueRules(_Section):
    """Rules of the queue engine."""

    recalls_before_absent: int = Field(
        1, ge=0, le=10, description="Recalls an officer must make before marking a ticket absent."
    )
    max_recalls: int = Field(3, ge=1, le=20, description="A recall past this marks the ticket absent.")
    unstarted_on_next: Literal["served", "absent", "ask"] = Field(
        "served", description="'Call next' while the called citizen was never marked arrived, when the "
        "client does not say whether they came: 'served', 'absent' (no-show), or 'ask' (refuse until it says). "
        "The console always asks the officer (one key).")
    default_service_minutes: float = Field(
        6.0, gt=0, description="Service time assumed for wait estimates until real times are known."
    )
    estimate_window: int = Field(20, ge=1, description="Recent served tickets averaged for estimates.")

    @model_validator(mode="after")
    def _recalls_in_order(self):
        if self.recalls_before_absent > self.max_recalls:
            raise ValueError(f"recalls_before_absent ({self.recalls_before_absent}) lớn hơn max_recalls "
                             f"({self.max_recalls}) / is more than max_recalls")
        return self


class CentreInfo(_Section):
    """Who the centre is and how it rates and reports."""

    id: Ident = Field("centre", description="Stable id carried by every record, so one deployment can serve a province.")
    name: str = Field(min_length=1, description="Full Vietnamese name, printed on tickets and reports.")
    name_en: str = Field("", description="English name.")
    timezone: str = Field("Asia/Ho_Chi_Minh", description="IANA time zone of the centre's clocks and report periods.")
    rating_style: RatingStyle = Field(RatingStyle.CATEGORY, description="'category' (Phụ lục II), 'level' or 'stars'.")
    report_cutoff_day: int = Field(15, ge=1, le=31, description="Monthly periods end on this day.")
    ticket_footer: str = Field("Xin cảm ơn quý ông/bà!", description="Last line printed on every ticket.")
    public_url: str = Field("", description="Base URL printed in ticket QR codes; defaults to the server's.")
    notices: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default=[], max_length=20, description="Notice lines the hall displays scroll (thông báo).")
    comment_phrases: list[Annotated[str, Field(min_length=1, max_length=120)]] = Field(
        default=[], max_length=30, description="Prepared comment phrases the rating tablets offer.")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"không có múi giờ '{name}' (tên IANA, ví dụ Asia/Ho_Chi_Minh) / "
                             f"unknown time zone '{name}' (an IANA name, e.g. Asia/Ho_Chi_Minh)") from None
        return name


class DossierNotify(_Section):
    """Telling citizens their result is ready (SMS or Zalo gateway); optional."""

    kind: str = Field("log", pattern=r"^(log|http)$",
                      description="'log' only writes the message to the server log; 'http' POSTs it to `url`.")
    url: str = Field("", description="Gateway endpoint for kind = 'http'; receives JSON {phone, message, code}.")
    token: str = Field("", description="Sent as 'Authorization: Bearer <token>' when set.")
    template: str = Field(
        "Ho so {code} da co ket qua. Moi ong/ba den {centre} nhan ket qua.",
        description="Message text; placeholders {code}, {procedure}, {department}, {centre}, {due_date}.")
    timeout_seconds: float = Field(5.0, gt=0, le=60, description="HTTP timeout of one attempt.")

    @model_validator(mode="after")
    def _url_for_http(self):
        if self.kind == "http" and not self.url:
            raise ValueError("kind = 'http' cần url / kind = 'http' needs a url")
        return self


class DossierSettings(_Section):
    """The dossier registry: import column mapping, export names of departments, calendar, notices."""

    column_mapping: dict[str, list[str]] = Field(
        default={}, description="Field → export headers, overriding the importer's defaults field by field.")
    department_aliases: dict[str, list[str]] = Field(
        default={}, description="Department id → other names the one-stop software's exports use for it.")
    holidays_file: str = Field("", description="Holiday/làm bù TOML for working-day deadlines; default: shipped.")
    board_limit: int = Field(50, ge=1, le=500, description="Dossiers listed per list on the status board.")
    notify: DossierNotify = DossierNotify()
    extra_holidays: list[date] = Field(default=[], description="Days off beyond the holiday file (nghỉ bù).")
    extra_working_days: list[date] = Field(default=[], description="Weekend days worked (làm bù).")

    @field_validator("column_mapping")
    @classmethod
    def _known_fields(cls, mapping: dict) -> dict:
        from .dossiers.importer import DEFAULT_MAPPING
        unknown = sorted(set(mapping) - set(DEFAULT_MAPPING))
        if unknown:
            raise ValueError(f"không có trường hồ sơ '{unknown[0]}' (có: {', '.join(DEFAULT_MAPPING)}) / "
                             f"unknown dossier field '{unknown[0]}'")
        return mapping

    @field_validator("holidays_file")
    @classmethod
    def _readable_holidays(cls, path: str) -> str:
        if path:
            from .dossiers.holidays import load_holidays
            try:
                load_holidays(path)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"không đọc được tệp ngày nghỉ '{path}' / cannot read the holiday file: {exc}") from None
        return path

    @model_validator(mode="after")
    def _off_or_worked(self):
        both = sorted(set(self.extra_holidays) & set(self.extra_working_days))
        if both:
            raise ValueError(f"ngày {both[0]:%d/%m/%Y} vừa là ngày nghỉ vừa là ngày làm bù / "
                             f"{both[0]} is both a day off and a day worked")
        return self


class ReportHeader(_Section):
    """Letterhead and signatures of Phụ lục I and II (PDF, XLSX); blank fields: from the centre's name.

    "Trung tâm Phục vụ hành chính công tỉnh Hòa Bình" gives "UBND TỈNH HÒA BÌNH" /
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" and "Hòa Bình, ngày …" (reporting/letterhead.py)."""

    issuing_body: list[Annotated[str, Field(min_length=1, max_length=120)]] = Field(
        default=[], max_length=3, description="Lines above the unit's name on the left, e.g. 'UBND TỈNH HÒA BÌNH'; "
        "default: 'UBND TỈNH …' / 'UBND THÀNH PHỐ …' from the centre's name (none if it names no province).")
    unit_name: str = Field("", max_length=160, description="The issuing unit, printed bold and underlined on the "
                           "left; default: the centre's name in capitals (without the province the line above names).")
    place: str = Field("", max_length=60, description="Place of the date line ('Hòa Bình, ngày 28 tháng 11 năm 2026'); "
                       "default: the province or city at the end of the centre's name.")
    preparer_title: str = Field("NGƯỜI LẬP BIỂU", min_length=1, max_length=80,
                                description="Title of the signature on the left (who prepared the table).")
    preparer_name: str = Field("", max_length=80, description="Name printed under the left signature.")
    head_title: str = Field("THỦ TRƯỞNG ĐƠN VỊ", min_length=1, max_length=80,
                            description="Title of the signature on the right (the head of the unit).")
    head_name: str = Field("", max_length=80, description="Name printed under the right signature.")


class CentreConfig(_Section):
    """A whole centre: the file's top level."""

    centre: CentreInfo = Field(description="Who the centre is and how it rates and reports.")
    hours: Hours = Hours()
    queue: QueueRules = QueueRules()
    departments: list[Department] = Field(min_length=1, description="Departments in report order.")
    counters: list[Counter] = Field(min_length=1, description="The counters (quầy).")
    dossiers: DossierSettings = DossierSettings()
    report_header: ReportHeader = ReportHeader()

    @model_validator(mode="after")
    def _references(self):
        _unique("departments", [(f"departments[{i}].id", d.id) for i, d in enumerate(self.departments)])
        _unique("services", [(f"departments[{i}].services[{j}].id", s.id)
                             for i, d in enumerate(self.departments) for j, s in enumerate(d.services)])
        _unique("counters", [(f"counters[{i}].number", c.number) for i, c in enumerate(self.counters)])
        known = {s.id for d in self.departments for s in d.services}
        for i, counter in enumerate(self.counters):
            for sid in counter.services:
                if sid not in known:
                    raise KeyedProblem(f"counters[{i}].services",
                                       f"quầy {counter.number} gọi dịch vụ không có '{sid}'",
                                       f"counter {counter.number} serves unknown service '{sid}'")
        _series_apart(self.departments)
        departments = {d.id for d in self.departments}
        for dept_id in self.dossiers.department_aliases:
            if dept_id not in departments:
                raise KeyedProblem(f"dossiers.department_aliases.{dept_id}", f"không có đơn vị '{dept_id}'",
                                   f"no department '{dept_id}'")
        _aliases_apart(self.departments, self.dossiers.department_aliases)
        return self

    def service(self, service_id: str) -> Service:
        return self._services()[service_id][1]

    def department_of(self, service_id: str) -> Department:
        return self._services()[service_id][0]

    def counter(self, number: int) -> Counter:
        for c in self.counters:
            if c.number == number:
                return c
        raise KeyError(number)

    def has_service(self, service_id: str) -> bool:
        return service_id in self._services()

    def service_label(self, service_id: str) -> str:
        """The service's name, with its department's short name when another department has a service of
        the same name ("Trả kết quả — Sở Tư pháp"), so lists never show two identical lines."""
        department, service = self._services()[service_id]
        same = [d for d, s in self._services().values() if s.name.casefold() == service.name.casefold()]
        return service.name if len(same) < 2 else f"{service.name} — {department.short_name or department.name}"

    def _services(self) -> dict[str, tuple[Department, Service]]:
        cache = self.__dict__.get("_service_index")
        if cache is None:
            cache = {s.id: (d, s) for d in self.departments for s in d.services}
            object.__setattr__(self, "_service_index", cache)
        return cache


class KeyedProblem(ValueError):
    """A problem found across sections, naming the key it belongs to (Vietnamese / English)."""

    def __init__(self, key: str, reason_vi: str, reason_en: str):
        self.key = key
        super().__init__(f"{reason_vi} / {reason_en}")


def _unique(what: str, keyed: list[tuple[str, object]]) -> None:
    seen = set()
    for key, value in keyed:
        if value in seen:
            raise KeyedProblem(key, f"'{value}' xuất hiện hai lần", f"{what}: '{value}' appears twice")
        seen.add(value)


def _aliases_apart(departments: list[Department], aliases: dict[str, list[str]]) -> None:
    """Every name an export may use (id, name, short and English name, alias) names one department,
    compared as the importer compares them (no case, no diacritics)."""
    from .dossiers.import_fields import text_key
    owner: dict[str, str] = {}
    for d in departments:
        for name in (d.id, d.name, d.short_name, d.name_en, *aliases.get(d.id, ())):
            key = text_key(name)
            if key and owner.setdefault(key, d.id) != d.id:
                raise KeyedProblem(f"dossiers.department_aliases.{d.id}",
                                   f"tên '{name}' đã dùng cho đơn vị '{owner[key]}'",
                                   f"the name '{name}' already names department '{owner[key]}'")


def _series_apart(departments: list[Department]) -> None:
    """Two services whose series share a prefix and overlap would print and call the same numbers."""
    seen: list[tuple[str, Service]] = []
    for i, dept in enumerate(departments):
        for j, service in enumerate(dept.services):
            s = service.series
            for _, other in seen:
                o = other.series
                if s.prefix.upper() == o.prefix.upper() and s.start <= o.end and o.start <= s.end:
                    raise KeyedProblem(
                        f"departments[{i}].services[{j}].series",
                        f"dãy số của '{service.id}' trùng với dãy số của '{other.id}' "
                        f"(tiền tố '{s.prefix}', {max(s.start, o.start)}–{min(s.end, o.end)})",
                        f"the number series of '{service.id}' overlaps that of '{other.id}'")
            seen.append((f"departments[{i}].services[{j}]", service))


class ConfigError(Exception):
    """A configuration file that cannot be used; `problems` lists (key, reason) pairs."""

    def __init__(self, path: Path | str, problems: list[tuple[str, str]]):
        self.path = str(path)
        self.problems = problems
        lines = [f"{self.path}: {key}: {reason}" if key else f"{self.path}: {reason}" for key, reason in problems]
        super().__init__("\n".join(lines))


def parse_config(data: dict, path: Path | str = "<config>") -> CentreConfig:
    """Validate a config dict, raising ConfigError with every problem found."""
    try:
        return CentreConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(path, [_problem(e) for e in exc.errors()]) from None


def _problem(error: dict) -> tuple[str, str]:
    """(key, reason) of one pydantic error; a KeyedProblem names its own key."""
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, KeyedProblem):
        return cause.key, str(cause)
    if isinstance(cause, ValueError):
        return _key(error["loc"]), str(cause)
    return _key(error["loc"]), error["msg"]


def load_config(path: Path | str) -> CentreConfig:
    """Read and validate a centre TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, [("", "file not found / không tìm thấy tệp")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [("", f"không phải TOML hợp lệ / not valid TOML: {exc}")]) from None
    return parse_config(data, path)


def load_device_settings(model: type[BaseModel], path: Path | str | None, section: str | None = None,
                         **overrides) -> BaseModel:
    """A device app's settings: its TOML file (the `section` table, or the top level) if given,
    with non-None command-line values on top; errors name the file, key and reason."""
    data: dict = {}
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(path, [("", str(exc))]) from None
        data = data.get(section, {}) if section else data
    data.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(path or "<command line>", [(_key(e["loc"]), e["msg"]) for e in exc.errors()]) from None


def _key(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"
