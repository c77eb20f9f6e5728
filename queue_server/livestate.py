"""LiveState: a client's copy of the queue, built from a snapshot and kept current by messages.

Pure (no sockets), so every device app shares one tested implementation of the protocol rules
(docs/protocol.md): a message `{prev, seq, events, stats}` applies when prev <= the last applied
seq < its seq; one with seq <= the last applied is old (dropped); one with prev > it means a gap
(wait for the missing one a moment, then resync).
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

    def apply_message(self, message: dict) -> list[dict] | None:
        """Apply an `events` message; the events applied, or None when it cannot apply yet (no
        snapshot, or a message before it is missing). An old message applies nothing: []."""
        if self.seq is None or message["prev"] > self.seq:
            return None
        if message["seq"] <= self.seq:
            return []
        applied = [e for e in message["events"] if e["seq"] > self.seq]
        for event in applied:
            self._apply(event)
        self.services.update(message.get("stats") or {})
        self.seq = message["seq"]
        return applied

    def apply_event(self, event: dict) -> bool:
        """Apply the next single event; False (and nothing applied) when it is not the next seq."""
        if self.seq is None or event["seq"] <= self.seq:
            return self.seq is not None      # before a snapshot: wait for it; old event: ignore
        if event["seq"] != self.seq + 1:
            return False
        self._apply(event)
        self.services.update(event.get("stats") or {})
        self.seq = event["seq"]
        return True

    def _apply(self, event: dict) -> None:
        if event.get("counter"):
            self._apply_counter(event["counter"])
        self._apply_ticket(event)
        if event["type"] in CALL_TYPES:
            t = event["ticket"]
            self.recent_calls.appendleft({"seq": event["seq"], "at": event["at"], "type": event["type"],
                                          "label": t["label"], "counter": t["counter"],
                                          "service_id": t["service_id"], "department_id": t["department_id"]})
        if event["type"] == "day.ended":
            self.waiting.clear()
        if event["type"] == "config.changed" and "centre" in event.get("data", {}):
            self.centre = event["data"]["centre"]     # the admin changed the centre: new view, live

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
    """Holds messages until they can apply, in order.

    python-socketio's client handles each incoming message on a thread of its own, so two
    messages sent in order can reach the application swapped, and a message can overtake the
    snapshot. An early message waits here (up to `patience` seconds once a snapshot is in) for the
    ones before it; only a gap that outlasts that is a real gap (resync). A snapshot keeps the
    messages newer than itself and drops only those it already includes.

    >>> order = Resequencer(patience=1.0)
    >>> order.add({"prev": 6, "seq": 7, ...})
    >>> order.take(state, now=0.0)   # state.seq == 5: waits for 6
    []
    """

    def __init__(self, patience: float = 1.0):
        self.patience = patience
        self.pending: dict[int, dict] = {}
        self.waiting_since: float | None = None

    def add(self, message: dict) -> None:
        self.pending[message["seq"]] = message

    def take(self, state: LiveState, now: float) -> list[dict]:
        """Apply every message that now can, in order; the events applied."""
        applied: list[dict] = []
        if state.seq is None:
            return applied
        progress = True
        while progress:
            progress = False
            for seq in sorted(self.pending):
                events = state.apply_message(self.pending[seq])
                if events is not None:
                    del self.pending[seq]
                    applied += events
                    progress = True
        if not self.pending:
            self.waiting_since = None
        elif applied or self.waiting_since is None:
            self.waiting_since = now         # still missing one: patience runs from now
        return applied

    def gap_outlasted(self, now: float) -> bool:
        """A message is still missing after `patience` seconds: resync."""
        return bool(self.pending) and self.waiting_since is not None and now - self.waiting_since >= self.patience

    def clear(self) -> None:
        self.pending.clear()
        self.waiting_since = None
