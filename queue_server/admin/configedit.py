"""Editing the centre configuration: pure functions from (config data, change) to new data.

An edit works on `CentreConfig.model_dump(mode="json")`, and `build` validates the result with
`parse_config`, so an admin's change meets exactly the rules a TOML file meets. `live_problems`
then refuses changes the running queue cannot absorb (a service removed while people wait for it).
"""
from __future__ import annotations

import copy

from ..config import CentreConfig, ConfigError, parse_config
from ..engine import EngineState, QueueError, TicketStatus
from ..engine.model import CounterStatus

ACTIVE = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)

# Pydantic's messages, said in Vietnamese first (the English stays beside it).
_VI = (
    ("List should have at least 1 item", "cần ít nhất một mục"),
    ("String should match pattern", "mã chỉ gồm chữ thường không dấu, số và . _ -"),
    ("String should have at least 1 character", "không được để trống"),
    ("should have at most", "quá dài"),
    ("appears twice", "bị trùng"),
    ("serves unknown service", "phục vụ dịch vụ không tồn tại"),
    ("is before start", "nhỏ hơn số đầu"),
    ("Input should be greater than or equal to", "giá trị quá nhỏ"),
    ("Input should be less than or equal to", "giá trị quá lớn"),
    ("Input should be a valid", "giá trị không hợp lệ"),
)


def refused(vi: str, en: str) -> QueueError:
    return QueueError("config_refused", vi, en, 409)


def data_of(config: CentreConfig) -> dict:
    """A deep, editable copy of a configuration."""
    return copy.deepcopy(config.model_dump(mode="json"))


def build(data: dict) -> CentreConfig:
    """Validate edited data into a CentreConfig; raise `invalid` naming every problem."""
    try:
        return parse_config(data, "cấu hình")
    except ConfigError as exc:
        vi = "; ".join(f"{key}: {_vietnamese(reason)}" for key, reason in exc.problems)
        en = "; ".join(f"{key}: {reason}" for key, reason in exc.problems)
        raise QueueError("invalid", f"Cấu hình không hợp lệ — {vi}", f"Invalid configuration — {en}", 400) from None


# Our own validators' phrases keep their details (which counter, which service) around them.
_IN_PLACE = {"appears twice", "serves unknown service", "is before start"}


def _vietnamese(reason: str) -> str:
    reason = reason.removeprefix("Value error, ")
    for english, vietnamese in _VI:
        if english in reason:
            return reason.replace(english, vietnamese) if english in _IN_PLACE else vietnamese
    return reason


# -- counters ----------------------------------------------------------------------------------

def _counter(data: dict, number: int) -> dict:
    for counter in data["counters"]:
        if counter["number"] == number:
            return counter
    raise QueueError("not_found", f"Không có quầy {number}", f"No counter {number}", 404)


def update_counter(data: dict, number: int, fields: dict) -> dict:
    """Change a counter's name, room, floor, group or services."""
    _counter(data, number).update(fields)
    return data


def add_counter(data: dict, fields: dict) -> dict:
    data["counters"].append(dict(fields))
    data["counters"].sort(key=lambda c: c["number"])
    return data


def remove_counter(data: dict, number: int) -> dict:
    data["counters"].remove(_counter(data, number))
    return data


# -- departments and services ------------------------------------------------------------------

def _department(data: dict, dept_id: str) -> dict:
    for dept in data["departments"]:
        if dept["id"] == dept_id:
            return dept
    raise QueueError("not_found", f"Không có đơn vị '{dept_id}'", f"No department '{dept_id}'", 404)


def _service(data: dict, service_id: str) -> dict:
    for dept in data["departments"]:
        for service in dept["services"]:
            if service["id"] == service_id:
                return service
    raise QueueError("not_found", f"Không có dịch vụ '{service_id}'", f"No service '{service_id}'", 404)


def update_department(data: dict, dept_id: str, fields: dict) -> dict:
    _department(data, dept_id).update(fields)
    return data


def add_department(data: dict, fields: dict, first_service: dict) -> dict:
    """A department needs at least one service, so it is created with its first one."""
    data["departments"].append({**fields, "services": [first_service]})
    return data


def remove_department(data: dict, dept_id: str) -> dict:
    dept = _department(data, dept_id)
    for service in list(dept["services"]):
        _unserve(data, service["id"])
    data["departments"].remove(dept)
    return data


def update_service(data: dict, service_id: str, fields: dict) -> dict:
    """Change a service's names, series or result-return flag (series given as a dict)."""
    service = _service(data, service_id)
    series = fields.pop("series", None)
    service.update(fields)
    if series is not None:
        service["series"] = {**service.get("series", {}), **series}
    return data


def add_service(data: dict, dept_id: str, fields: dict) -> dict:
    _department(data, dept_id)["services"].append(dict(fields))
    return data


def remove_service(data: dict, service_id: str) -> dict:
    """Remove a service and take it off every counter that served it."""
    for dept in data["departments"]:
        dept["services"] = [s for s in dept["services"] if s["id"] != service_id]
    _unserve(data, service_id)
    return data


def _unserve(data: dict, service_id: str) -> None:
    for counter in data["counters"]:
        counter["services"] = [s for s in counter["services"] if s != service_id]


# -- centre-wide settings ----------------------------------------------------------------------

def update_centre(data: dict, fields: dict) -> dict:
    """Rating style, notice lines, comment phrases, ticket footer."""
    data["centre"].update(fields)
    return data


def update_report_header(data: dict, fields: dict) -> dict:
    """The appendices' letterhead and signatures ([report_header]); blank fields fall back to the
    texts derived from the centre's name."""
    data.setdefault("report_header", {}).update(fields)
    return data


def add_calendar_day(data: dict, day: str, working: bool) -> dict:
    """Add an extra day off (nghỉ bù) or, with `working`, an extra working day (làm bù); ISO date."""
    other, key = ("extra_holidays", "extra_working_days") if working else ("extra_working_days", "extra_holidays")
    data["dossiers"][other] = [d for d in data["dossiers"][other] if d != day]
    data["dossiers"][key] = sorted(set(data["dossiers"][key]) | {day})
    return data


def remove_calendar_day(data: dict, day: str) -> dict:
    for key in ("extra_holidays", "extra_working_days"):
        data["dossiers"][key] = [d for d in data["dossiers"][key] if d != day]
    return data


# -- what the running queue cannot absorb ------------------------------------------------------

def live_problems(old: CentreConfig, new: CentreConfig, state: EngineState) -> list[QueueError]:
    """Why `new` cannot replace `old` now, given today's queue; empty when it can."""
    problems = []
    if (old.centre.id, old.centre.timezone) != (new.centre.id, new.centre.timezone):
        problems.append(refused("Không đổi được mã trung tâm hoặc múi giờ khi máy chủ đang chạy",
                                "The centre id and time zone cannot change while the server runs"))
    gone = {s.id for d in old.departments for s in d.services} - {s.id for d in new.departments for s in d.services}
    for service_id in sorted(gone):
        active = sum(1 for t in state.tickets.values() if t.service_id == service_id and t.status in ACTIVE)
        if active:
            problems.append(refused(
                f"Không xoá được dịch vụ '{service_id}': còn {active} số đang chờ hoặc đang phục vụ",
                f"Cannot remove service '{service_id}': {active} ticket(s) still waiting or being served"))
    kept = {c.number for c in new.counters}
    for counter in old.counters:
        live = state.counters.get(counter.number)
        if counter.number not in kept and live and (live.status is not CounterStatus.CLOSED or live.ticket_id):
            problems.append(refused(
                f"Không xoá được quầy {counter.number}: quầy đang mở; cán bộ cần đóng quầy trước",
                f"Cannot remove counter {counter.number}: it is open; the officer must close it first"))
    return problems


def removed_counters(old: CentreConfig, new: CentreConfig) -> list[int]:
    return sorted({c.number for c in old.counters} - {c.number for c in new.counters})
