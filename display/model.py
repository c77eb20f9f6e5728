"""The hall display's model: from the server's LiveState and its events to a HallView.

Pure: no pygame, no sockets. The app feeds it events and snapshots and asks for a view each
frame; `draw` paints whatever the view says. A display shows only the counters of its group
(`me.display_group` from the snapshot; none or "all" means every counter).
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from queue_server.livestate import CALL_TYPES, LiveState

from .vntext import clock_text

HEADLINE_MAX = 4        # fresh calls shown large at once; older ones stay in "Vừa gọi"
FLASH_PERIOD = 0.5      # seconds per on/off half-cycle of the flashing headline
ALL_GROUPS = (None, "", "all")


@dataclass(frozen=True)
class Call:
    """One call as the hall shows it: "Mời số 1023 — Quầy 5"."""

    seq: int
    label: str
    counter: int
    counter_label: str
    department: str
    recall: bool = False


@dataclass(frozen=True)
class CounterRow:
    """A line of the counters table."""

    number: int
    label: str
    department: str
    ticket: str          # the number being served, or "" when none
    status: str          # "open", "paused" or "closed"
    fresh: bool = False  # called within the flash window


@dataclass(frozen=True)
class HallView:
    """Everything one frame of the hall display shows."""

    title: str
    group: str
    headline: tuple[Call, ...]     # newest first; flashing while `flashing`
    flashing: bool                 # the headline is within its flash window
    flash_on: bool                 # this frame's phase of the flash
    counters: tuple[CounterRow, ...]
    recent: tuple[Call, ...]
    waiting: tuple[tuple[str, int], ...]   # (department name, tickets waiting)
    clock: str
    notice: str
    connected: bool


NOTICE_GAP = "     •     "


def notice_line(local: str, notices: list[str]) -> str:
    """The scrolling line: the centre's notices (admin settings, applied live) then this display's own.

    >>> notice_line("Wi-Fi: motcua", ["Giờ làm việc: 7h00 – 17h00"])
    'Giờ làm việc: 7h00 – 17h00     •     Wi-Fi: motcua'
    """
    parts = [n.strip() for n in notices if n and n.strip()] + ([local.strip()] if local.strip() else [])
    return NOTICE_GAP.join(parts)


def group_counters(centre: dict, group: str | None) -> list[dict]:
    """The centre's counters a display of `group` shows, by number."""
    counters = centre.get("counters", [])
    if group not in ALL_GROUPS:
        counters = [c for c in counters if c.get("group") == group]
    return sorted(counters, key=lambda c: c["number"])


class CentreIndex:
    """Lookups over the snapshot's `centre`: counter labels, departments of counters and services."""

    def __init__(self, centre: dict, group: str | None):
        self.title = centre.get("name", "")
        self.counters = group_counters(centre, group)
        self.numbers = {c["number"] for c in self.counters}
        departments = centre.get("departments", [])
        self.dept_of_service = {s["id"]: d for d in departments for s in d["services"]}
        self.departments = [d for d in departments
                            if any(self._serves(c, d) for c in self.counters)]
        self.counter_info = {c["number"]: c for c in centre.get("counters", [])}

    def _serves(self, counter: dict, dept: dict) -> bool:
        return any(self.dept_of_service.get(s) is dept for s in counter["services"])

    def counter_label(self, number: int) -> str:
        return self.counter_info.get(number, {}).get("label") or f"Quầy {number}"

    def counter_department(self, number: int) -> str:
        """What the table says a counter does: its own name when it has one ("Quầy trả kết quả"),
        else the short names of the departments it serves, joined."""
        if self.counter_info.get(number, {}).get("label", "") not in ("", f"Quầy {number}"):
            return self.counter_info[number]["label"]
        names: list[str] = []
        for sid in self.counter_info.get(number, {}).get("services", []):
            dept = self.dept_of_service.get(sid)
            name = dept and (dept.get("short_name") or dept["name"])
            if name and name not in names:
                names.append(name)
        return ", ".join(names)

    def department_name(self, department_id: str | None, service_id: str | None = None) -> str:
        dept = self.dept_of_service.get(service_id) if service_id else None
        dept = dept or next((d for d in self.departments if d["id"] == department_id), None)
        return (dept.get("short_name") or dept["name"]) if dept else ""


class HallModel:
    """Keeps which calls are fresh (flashing) and builds a HallView from a LiveState.

    >>> model = HallModel(flash_seconds=6, notice="Giờ làm việc: 7h00 – 17h00")
    >>> model.on_snapshot(state.centre, state.me)
    >>> model.on_event(event, now_mono)
    >>> view = model.view(state, local_now, now_mono, connected=True)
    """

    def __init__(self, flash_seconds: float = 6.0, notice: str = "", recent: int = 8):
        self.flash_seconds = flash_seconds
        self.notice = notice
        self.recent = recent
        self.group: str | None = None
        self.index = CentreIndex({}, None)
        self._fresh: deque[tuple[float, Call]] = deque(maxlen=HEADLINE_MAX)

    def on_snapshot(self, centre: dict, me: dict) -> None:
        """A (re)sync: nothing flashes for calls made before it."""
        self.group = (me or {}).get("display_group")
        self.index = CentreIndex(centre, self.group)
        self._fresh.clear()

    def on_config(self, centre: dict) -> None:
        """The admin changed the centre (``config.changed``): counters, names and notices, live."""
        self.index = CentreIndex(centre, self.group)

    def notice_text(self, state: LiveState) -> str:
        return notice_line(self.notice, state.centre.get("notices") or [])

    def on_event(self, event: dict, now_mono: float) -> Call | None:
        """Note a call of this display's group as fresh; returns it (None for other events)."""
        call = self.call_of(event)
        if call is not None:
            self._fresh.appendleft((now_mono + self.flash_seconds, call))
        return call

    def call_of(self, event: dict) -> Call | None:
        """The Call an event stands for, when it is a call or recall at one of my counters."""
        ticket = event.get("ticket") or {}
        if event.get("type") not in CALL_TYPES or ticket.get("counter") not in self.index.numbers:
            return None
        return self._call(event["seq"], ticket["label"], ticket["counter"], ticket.get("department_id"),
                          ticket.get("service_id"), event["type"] == "ticket.recalled")

    def _call(self, seq, label, counter, department_id, service_id, recall) -> Call:
        return Call(seq, label, counter, self.index.counter_label(counter),
                    self.index.department_name(department_id, service_id), recall)

    def fresh_calls(self, now_mono: float) -> list[Call]:
        return [call for until, call in self._fresh if until > now_mono]

    def view(self, state: LiveState, local_now, now_mono: float, connected: bool) -> HallView:
        """The frame to draw now."""
        recent = self._recent(state)
        fresh = self.fresh_calls(now_mono)
        headline = tuple(fresh) or tuple(recent[:1])
        phase = int(now_mono / FLASH_PERIOD) % 2 == 0
        return HallView(self.index.title, self.group or "", headline, bool(fresh), bool(fresh) and phase,
                        self._rows(state, {c.counter for c in fresh}), tuple(recent),
                        self._waiting(state), clock_text(local_now), self.notice_text(state), connected)

    def _recent(self, state: LiveState) -> list[Call]:
        calls = [self._call(c["seq"], c["label"], c["counter"], c.get("department_id"), c.get("service_id"),
                            c.get("type") == "ticket.recalled")
                 for c in state.recent_calls if c.get("counter") in self.index.numbers]
        return calls[:self.recent]

    def _rows(self, state: LiveState, fresh: set[int]) -> tuple[CounterRow, ...]:
        rows = []
        for info in self.index.counters:
            live = state.counters.get(info["number"], {})
            ticket = live.get("ticket") or {}
            shown = ticket.get("label", "") if ticket.get("status") in ("called", "serving") else ""
            rows.append(CounterRow(info["number"], self.index.counter_label(info["number"]),
                                   self.index.counter_department(info["number"]), shown,
                                   live.get("status", "closed"), info["number"] in fresh))
        return tuple(rows)

    def _waiting(self, state: LiveState) -> tuple[tuple[str, int], ...]:
        out = []
        for dept in self.index.departments:
            count = sum((state.services.get(s["id"]) or {}).get("waiting", 0) for s in dept["services"])
            out.append((dept.get("short_name") or dept["name"], count))
        return tuple(out)
