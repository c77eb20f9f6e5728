"""The centre's one calendar: working sessions, open weekdays, public holidays with their
compensating days off (nghỉ bù) and the Saturdays worked instead (làm bù), in the centre's time zone.

It serves every rule that asks "is the centre working now?" or "how much working time lies
between two instants?": kiosk ticket issuing (server and kiosk alike, `tickets_open`), wait
estimates (`engine/estimate.py`) and dossier deadlines (`due_date`). Build it from a centre
configuration with `calendar_of(config)`.

Durations are kept in working hours, 8 h = 1 working day, as provincial one-stop software does it;
time outside the working sessions (lunch, nights, weekends, holidays) does not count, so a dossier
received after closing starts counting the next working morning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from queue_server.dossiers.holidays import DEFAULT_PATH, load_holidays

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_SESSIONS = ((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0)))
HOURS_PER_DAY = 8


class DeadlineUnit(StrEnum):
    """How a procedure's legal time limit is counted."""

    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


@dataclass(frozen=True)
class CentreCalendar:
    """A centre's working calendar, built from data: its sessions, open weekdays, days off and days worked.

    >>> cal = CentreCalendar.vietnam()
    >>> cal.add_working_days(datetime(2025, 1, 24, 9, 0, tzinfo=VN_TZ), 1)
    datetime.datetime(2025, 2, 3, 9, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Ho_Chi_Minh'))
    >>> cal.is_open(datetime(2025, 1, 29, 9, 0, tzinfo=VN_TZ))      # Tết, a Wednesday
    False
    """

    sessions: tuple[tuple[time, time], ...] = DEFAULT_SESSIONS
    weekdays: frozenset[int] = frozenset({1, 2, 3, 4, 5})  # ISO weekdays worked (1 = Monday)
    holidays: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()  # làm bù: weekend days worked
    tz: ZoneInfo = VN_TZ
    _spans: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        spans = tuple((_seconds(a), _seconds(b)) for a, b in self.sessions)
        if not spans or any(a >= b for a, b in spans) or any(
            spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)
        ):
            raise ValueError(f"working sessions must be ordered, non-empty and not overlap: {self.sessions}")
        object.__setattr__(self, "_spans", spans)

    @classmethod
    def vietnam(cls, path: Path | str = DEFAULT_PATH, **overrides) -> CentreCalendar:
        """The default calendar with the holiday file at `path` (the shipped one by default)."""
        data = load_holidays(path)
        return cls(
            holidays=frozenset(e.day for e in data.holidays),
            extra_working_days=frozenset(e.day for e in data.working_days),
            **overrides,
        )

    # --- days -------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """True on weekdays that are not holidays, and on làm bù days."""
        if day in self.extra_working_days:
            return True
        return day not in self.holidays and day.isoweekday() in self.weekdays

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the next one."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def shift_working_days(self, day: date, days: int) -> date:
        """The `days`-th working day after `day` (date granularity, days >= 0)."""
        if days < 0:
            raise ValueError("days must be >= 0")
        if days == 0:
            return self.next_working_day(day)
        while days:
            day += timedelta(days=1)
            days -= self.is_working_day(day)
        return day

    # --- instants ---------------------------------------------------------

    def is_open(self, moment: datetime) -> bool:
        """Is `moment` inside a working session of a working day (the centre's local time)?"""
        local = self.local(moment)
        clock = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
        return self.is_working_day(local.date()) and any(a <= clock < b for a, b in self._spans)

    def local(self, moment: datetime) -> datetime:
        """`moment` in the calendar's time zone; naive datetimes are refused."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"naive datetime {moment!r}: attach a time zone ({self.tz.key})")
        return moment.astimezone(self.tz)

    def _at(self, day: date, seconds: float) -> datetime:
        return datetime.combine(day, time(), self.tz) + timedelta(seconds=seconds)

    def next_opening(self, moment: datetime) -> datetime:
        """`moment` if the centre is working then, else the start of its next working session."""
        # One second of working time from `moment` ends one second after the next session opens.
        return self.add_working_time(moment, timedelta(seconds=1)) - timedelta(seconds=1)

    def closing_time(self, day: date) -> datetime:
        """End of the last working session on `day`."""
        return self._at(day, self._spans[-1][1])

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The instant when `amount` of working time after `start` has elapsed.

        Counting starts at `start` if it lies in a session (its end included), else at
        the next session's start; a result that lands exactly on a session's end stays
        there, so adding in several steps gives the same instant as adding at once.
        """
        remaining = amount.total_seconds()
        if remaining < 0:
            raise ValueError("amount must be >= 0")
        local = self.local(start)
        day, pos = local.date(), local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
        while True:
            if self.is_working_day(day):
                for begin, end in self._spans:
                    if pos > end:
                        continue
                    begin = max(pos, begin)
                    if remaining <= end - begin:
                        return self._at(day, begin + remaining)
                    remaining -= end - begin
                    pos = end
            day, pos = day + timedelta(days=1), 0

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """`add_working_time` with the amount in hours."""
        return self.add_working_time(start, timedelta(hours=hours))

    def add_working_days(self, start: datetime, days: float) -> datetime:
        """`days` working days after `start`, one day being 8 working hours."""
        return self.add_working_hours(start, days * HOURS_PER_DAY)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time elapsed from `start` to `end` (negative if end is earlier)."""
        a, b = self.local(start), self.local(end)
        if b < a:
            return -self.working_time_between(end, start)
        total = timedelta()
        day = a.date()
        while day <= b.date():
            if self.is_working_day(day):
                total += self._overlap(day, a, b)
            day += timedelta(days=1)
        return total

    def _overlap(self, day: date, a: datetime, b: datetime) -> timedelta:
        total = timedelta()
        for begin, end in self._spans:
            lo, hi = max(a, self._at(day, begin)), min(b, self._at(day, end))
            if hi > lo:
                total += hi - lo
        return total

    def due_date(self, received_at: datetime, amount: float, unit: DeadlineUnit | str) -> datetime:
        """Appointment (due) instant for a procedure's time limit.

        Working units use `add_working_*`. Calendar days count every day; if the
        last day is not a working day the deadline moves to the end of the next
        working day (Bộ luật Dân sự 2015, Điều 148).
        """
        unit = DeadlineUnit(unit)
        if unit is DeadlineUnit.WORKING_HOURS:
            return self.add_working_hours(received_at, amount)
        if unit is DeadlineUnit.WORKING_DAYS:
            return self.add_working_days(received_at, amount)
        last = self.local(received_at).date() + timedelta(days=int(amount))
        return self.closing_time(self.next_working_day(last))

    # --- the devices' copy ------------------------------------------------

    def view(self) -> dict:
        """What a device needs to apply this calendar itself (the snapshot's `hours`): JSON only."""
        return {"sessions": [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in self.sessions],
                "weekdays": sorted(self.weekdays), "timezone": self.tz.key,
                "holidays": sorted(d.isoformat() for d in self.holidays),
                "working_days": sorted(d.isoformat() for d in self.extra_working_days)}

    @classmethod
    def from_view(cls, view: dict) -> CentreCalendar:
        """The calendar a `view()` describes; keys a view lacks keep their defaults."""
        fields: dict = {}
        if "sessions" in view:
            fields["sessions"] = tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in view["sessions"])
        if "weekdays" in view:
            fields["weekdays"] = frozenset(view["weekdays"])
        if view.get("timezone"):
            fields["tz"] = ZoneInfo(view["timezone"])
        fields["holidays"] = frozenset(date.fromisoformat(d) for d in view.get("holidays", ()))
        fields["extra_working_days"] = frozenset(date.fromisoformat(d) for d in view.get("working_days", ()))
        return cls(**fields)


def tickets_open(calendar: CentreCalendar, enforce: bool, moment: datetime) -> bool:
    """May a kiosk issue a ticket at `moment`? The one rule of the server and of the kiosks."""
    return not enforce or calendar.is_open(moment)


def kiosk_open(hours_view: dict, moment: datetime) -> bool:
    """`tickets_open` from the snapshot's `hours` view, as a kiosk holds it; a naive `moment` is
    taken as the centre's local time."""
    calendar = CentreCalendar.from_view(hours_view)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=calendar.tz)
    return tickets_open(calendar, hours_view.get("enforce", True), moment)


_BUILT: dict[int, tuple[object, CentreCalendar]] = {}


def calendar_of(config) -> CentreCalendar:
    """The calendar of a centre configuration: its sessions, weekdays and time zone, the holiday file
    (`dossiers.holidays_file`, else the shipped one) and the days off and days worked the
    administrator added. Built once per configuration object."""
    built = _BUILT.get(id(config))
    if built is not None and built[0] is config:
        return built[1]
    settings = config.dossiers
    data = load_holidays(settings.holidays_file or DEFAULT_PATH)
    calendar = CentreCalendar(
        sessions=tuple(tuple(s) for s in config.hours.sessions), weekdays=frozenset(config.hours.weekdays),
        holidays=frozenset(e.day for e in data.holidays) | frozenset(settings.extra_holidays),
        extra_working_days=frozenset(e.day for e in data.working_days) | frozenset(settings.extra_working_days),
        tz=ZoneInfo(config.centre.timezone))
    if len(_BUILT) > 32:
        _BUILT.clear()
    _BUILT[id(config)] = (config, calendar)
    return calendar
