"""What the hall display says: each call or recall of its group once, in order, never late.

Pure. The app hands it every event and snapshot; it answers the announcements to queue. A
snapshot (first connect, reconnect, resync after a gap) announces nothing, so calls made while
the display was offline are shown but never read out late in a burst. An event older than
`stale_seconds` by the server's clock is not announced either (a display that fell behind).
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

from hw.voice import Announcement, sign_name
from queue_server.livestate import CALL_TYPES


def in_quiet_hours(moment: time, periods) -> bool:
    """Is `moment` within one of the [start, end) periods? A period may span midnight."""
    for start, end in periods:
        if (start <= moment < end) if start <= end else (moment >= start or moment < end):
            return True
    return False


class Announcer:
    """Decides the announcements of one display.

    >>> announcer = Announcer(counters={1, 2, 3}, quiet_hours=[(time(11, 30), time(13, 30))])
    >>> announcer.on_snapshot(snapshot, local_now)      # → []
    >>> announcer.on_event(event, local_now)            # → [Announcement("1023", 5)]
    """

    def __init__(self, counters: set[int] | None = None, enabled: bool = True, quiet_hours=(),
                 stale_seconds: float = 60.0, digit_by_digit: bool = False):
        self.counters = counters
        self.enabled = enabled
        self.quiet_hours = list(quiet_hours)
        self.stale = timedelta(seconds=stale_seconds)
        self.digit_by_digit = digit_by_digit
        self.last_seq: int | None = None
        self.offset = timedelta(0)      # server clock minus ours
        self.names: dict[int, str] = {}  # counter number -> its sign name, when it has one

    def on_snapshot(self, snapshot: dict, now: datetime, counters: set[int] | None = None) -> list[Announcement]:
        """A (re)sync: remember where the stream stands and announce nothing."""
        self.last_seq = snapshot.get("seq")
        self._learn_names(snapshot.get("centre"))
        if counters is not None:
            self.counters = counters
        if snapshot.get("server_time"):
            self.offset = datetime.fromisoformat(snapshot["server_time"]) - now
        return []

    def on_event(self, event: dict, now: datetime) -> list[Announcement]:
        """The announcements one event asks for (zero or one)."""
        seq = event.get("seq")
        if seq is None or (self.last_seq is not None and seq <= self.last_seq):
            return []                   # already seen: never twice
        self.last_seq = seq
        if event.get("type") == "config.changed":
            self._learn_names((event.get("data") or {}).get("centre"))
        if not self._wanted(event) or not self._speaking(now) or self._is_stale(event, now):
            return []
        ticket = event["ticket"]
        return [Announcement(ticket["label"], ticket["counter"], event["type"] == "ticket.recalled",
                             self.digit_by_digit, self.names.get(ticket["counter"], ""))]

    def _learn_names(self, centre: dict | None) -> None:
        """Counters' sign names from the centre view, so a call says what the sign says."""
        if centre and "counters" in centre:
            self.names = {c["number"]: name for c in centre["counters"]
                          if (name := sign_name(c.get("label", ""), c["number"]))}

    def _wanted(self, event: dict) -> bool:
        ticket = event.get("ticket") or {}
        return event.get("type") in CALL_TYPES and ticket.get("counter") is not None and (
            self.counters is None or ticket["counter"] in self.counters)

    def _speaking(self, now: datetime) -> bool:
        return self.enabled and not in_quiet_hours(now.time(), self.quiet_hours)

    def _is_stale(self, event: dict, now: datetime) -> bool:
        at = event.get("at")
        return bool(at) and (now + self.offset) - datetime.fromisoformat(at) > self.stale
