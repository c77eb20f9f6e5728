"""Whether a dossier is early, on time or late (resolved), within deadline or overdue (open).

The rule is at day granularity, in Asia/Ho_Chi_Minh local dates, because the
receipt promises a day ("ngày hẹn trả") and the reports count days:

- resolved (closed: with a result, or refused / stopped / withdrawn, which is the office's
  answer too) on a day before the due day → early (trước hạn);
- resolved on the due day, at any hour → on time (đúng hạn);
- resolved on a later day → late (quá hạn);
- not resolved as of day X: within deadline (còn hạn) while X <= due day,
  overdue (quá hạn) from the day after the due day.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from queue_server.centre_calendar import VN_TZ
from queue_server.dossiers.model import Dossier


class Timeliness(StrEnum):
    """Outcome of `classify`."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    WITHIN_DEADLINE = "within_deadline"
    OVERDUE = "overdue"

    @property
    def label_vi(self) -> str:
        return _LABELS_VI[self]


_LABELS_VI = {
    Timeliness.EARLY: "Trước hạn",
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Quá hạn",
    Timeliness.WITHIN_DEADLINE: "Còn hạn",
    Timeliness.OVERDUE: "Quá hạn",
}


def local_day(moment: datetime | date) -> date:
    """The Asia/Ho_Chi_Minh calendar day of `moment` (a date is returned as is)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError(f"naive datetime {moment!r}: attach a time zone")
        return moment.astimezone(VN_TZ).date()
    return moment


def resolved_timeliness(resolved_day: date, due_day: date) -> Timeliness:
    """Early / on time / late for a dossier resolved on `resolved_day`."""
    if resolved_day < due_day:
        return Timeliness.EARLY
    return Timeliness.ON_TIME if resolved_day == due_day else Timeliness.LATE


def open_timeliness(as_of: date, due_day: date) -> Timeliness:
    """Within deadline / overdue for a dossier still open on `as_of`."""
    return Timeliness.OVERDUE if as_of > due_day else Timeliness.WITHIN_DEADLINE


def classify(dossier: Dossier, as_of: datetime | date) -> Timeliness | None:
    """Timeliness of `dossier` as it stood at the end of day `as_of`.

    None when it did not exist yet (received after `as_of`). A dossier closed without a result
    (stopped, refused, withdrawn) is timed by its closing day, as Phụ lục I counts it resolved.
    """
    day, due = local_day(as_of), local_day(dossier.due_at)
    if local_day(dossier.received_at) > day:
        return None
    closed = dossier.resolved_at is not None and local_day(dossier.resolved_at) <= day
    if not closed:
        return open_timeliness(day, due)
    return resolved_timeliness(local_day(dossier.resolved_at), due)
