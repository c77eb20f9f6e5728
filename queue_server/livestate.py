"""LiveState: a client's copy of the queue, built from a snapshot and kept current by events.

Pure (no sockets), so every device app shares one tested implementation of the protocol rules:
apply events in `seq` order, and ask for a resync on a gap.
"""
from __future__ import annotations

from collections import deque

CALL_TYPES = ("ticket.called", "ticket.recalled")


class LiveState:
    """The state of the centre as a client sees it.

    >>> state = LiveState()
    >>> state.apply_snapshot(snapshot)
    >>> state.apply_event(event)      # False: a gap, resync needed
    True
    """

    def __init__(self, recent: int = 20):
        self.seq: int | None = None
        self.centre: dict = {}
        self.counters: dict[int, dict] = {}
        self.waiting: dict[str, dict] = {}
        self.services: dict[str, dict] = {}
        self.recent_calls: deque[dict] = deque(maxlen=recent)
        self.me: dict = {}

    @property
    def ready(self) -> bool:
        return self.seq is not None

    def apply_snapshot(self, snap: dict) -> None:
        self.seq = snap["seq"]
        self.centre = snap["centre"]
        self.me = snap.get("me", {})
        self.counters = {c["number"]: c for c in snap["counters"]}
        self.waiting = {t["id"]: t for t in snap["waiting"]}
        self.services = dict(snap["services"])
        self.recent_calls.clear()
        self.recent_calls.extend(snap["recent_calls"])

    def apply_event(self, event: dict) -> bool:
        """Apply the next event; False (and nothing applied) when it is not the next seq."""
        if self.seq is None or event["seq"] <= self.seq:
            return self.seq is not None      # before a snapshot: wait for it; old event: ignore
        if event["seq"] != self.seq + 1:
            return False
        self.seq = event["seq"]
        if event.get("counter"):
            self._apply_counter(event["counter"])
        self._apply_ticket(event)
        self.services.update(event.get("stats") or {})
        if event["type"] in CALL_TYPES:
            t = event["ticket"]
            self.recent_calls.appendleft({"seq": event["seq"], "at": event["at"], "type": event["type"],
                                          "label": t["label"], "counter": t["counter"],
                                          "service_id": t["service_id"], "department_id": t["department_id"]})
        if event["type"] == "day.ended":
            self.waiting.clear()
        if event["type"] == "config.changed" and "centre" in event.get("data", {}):
            self.centre = event["data"]["centre"]     # the admin changed the centre: new view, live
        return True

    def waiting_in_order(self, service_ids=None) -> list[dict]:
        tickets = [t for t in self.waiting.values() if service_ids is None or t["service_id"] in service_ids]
        return sorted(tickets, key=lambda t: (not t["priority"], t["queue_at"]))

    def _apply_ticket(self, event: dict) -> None:
        ticket = event.get("ticket")
        if not ticket:
            return
        if ticket["status"] == "waiting":
            self.waiting[ticket["id"]] = {k: ticket[k] for k in ticket if k != "officer_id"}
        else:
            self.waiting.pop(ticket["id"], None)
        for counter in self.counters.values():
            if counter.get("ticket_id") == ticket["id"]:
                counter["ticket"] = ticket

    def _apply_counter(self, data: dict) -> None:
        counter = dict(data)
        ticket_id = counter.get("ticket_id")
        previous = self.counters.get(counter["number"], {}).get("ticket")
        counter["ticket"] = previous if previous and previous.get("id") == ticket_id else None
        self.counters[counter["number"]] = counter


class Resequencer:
    """Puts events back in `seq` order before they are applied.

    python-socketio's client handles each incoming message on a thread of its own, so two events
    sent in order can reach the application swapped. An early event waits here (up to `patience`
    seconds) for the ones before it; only a gap that outlasts that is a real gap (resync).

    >>> seq = Resequencer(patience=1.0)
    >>> seq.push({"seq": 7, ...}, last=5, now=0.0)   # waits for 6
    []
    >>> [e["seq"] for e in seq.push({"seq": 6, ...}, last=5, now=0.1)]
    [6, 7]
    """

    def __init__(self, patience: float = 1.0):
        self.patience = patience
        self.pending: dict[int, dict] = {}
        self.waiting_since: float | None = None

    def push(self, event: dict, last: int, now: float) -> list[dict]:
        """Events now ready in order, given the last applied seq."""
        if event["seq"] > last:
            self.pending[event["seq"]] = event
        ready = []
        while last + 1 in self.pending:
            last += 1
            ready.append(self.pending.pop(last))
        self.pending = {s: e for s, e in self.pending.items() if s > last}
        self.waiting_since = (self.waiting_since or now) if self.pending else None
        return ready

    def gap_outlasted(self, now: float) -> bool:
        """An event is still missing after `patience` seconds: resync."""
        return self.waiting_since is not None and now - self.waiting_since >= self.patience

    def clear(self) -> None:
        self.pending.clear()
        self.waiting_since = None
