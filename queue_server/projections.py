"""What each kind of client may see: per-audience projections of snapshots and event messages.

Pure (no Flask, no sockets). An audience is a namespace plus what narrows it (a display's group, a
tablet's counter); every client of one audience receives the same bytes, so a message is projected
and serialised once per audience, never once per client.

Rules (docs/protocol.md, "What each namespace receives"):

- `/display`: calls and counter states of the counters of its display group, waiting counts of the
  services those counters serve; no officer names or ids, no ratings, no device health, no
  dossier applicants.
- `/kiosk`: waiting counts of every service, which counters are open, the centre's configuration;
  no tickets, no officers.
- `/terminal`: its own counter (with the officer, for the photo and name) and the ticket there.
- `/counter` (officers, keypads): the whole queue; no ratings, no device health.
- `/admin` (admin, supervisor): everything the dashboard needs: every event as stored.

>>> audience = audience_for("/display", principal)
>>> project_message(audience, config, events, stats)      # None: nothing for this audience
"""
from __future__ import annotations

from dataclasses import dataclass

from .config import CentreConfig

PUBLIC_TICKET = ("id", "label", "service_id", "department_id", "priority", "status", "issued_at",
                 "queue_at", "called_at", "counter", "recalls", "target_counter", "transfers")
PUBLIC_COUNTER = ("number", "status", "ticket_id", "since")
PUBLIC_DATA = {                     # event data a public screen may show, by event type
    "ticket.recalled": ("recalls",),
    "ticket.absent": ("reason",),
    "ticket.transferred": ("from_counter", "to_counter", "from_service", "to_service"),
    "day.ended": ("service_day",),
    "config.changed": ("centre",),
    "dossier.updated": ("code", "department_id", "status", "status_vi", "due_at"),   # never the applicant
    "dossiers.imported": ("refresh",),
}
QUEUE_WIDE = ("day.ended", "config.changed")
STAFF_HIDDEN = ("rating.submitted", "device.status")


@dataclass(frozen=True)
class Audience:
    """Clients that receive identical messages: a namespace, a kind and its scope."""

    namespace: str
    kind: str                        # display | kiosk | terminal | staff | admin
    scope: str | int | None = None   # a display's group, a tablet's counter; None = all

    @property
    def room(self) -> str:
        return f"audience:{self.kind}:{self.scope if self.scope is not None else '*'}"


KINDS = {"/display": "display", "/kiosk": "kiosk", "/terminal": "terminal", "/counter": "staff", "/admin": "admin"}


def audience_for(namespace: str, principal) -> Audience:
    """The audience of a principal connected to a namespace (admins see a namespace unnarrowed)."""
    kind = KINDS[namespace]
    scope = None
    if kind == "display" and principal.role.value == "display":
        scope = principal.display_group
    elif kind == "terminal" and principal.role.value == "terminal":
        scope = principal.counter
    return Audience(namespace, kind, scope)


ROLE_NAMESPACES = {"display": "/display", "kiosk": "/kiosk", "terminal": "/terminal", "officer": "/counter",
                   "keypad": "/counter", "admin": "/admin", "supervisor": "/admin", "gateway": "/kiosk"}


def audience_of_role(principal) -> Audience:
    """The audience a principal's role belongs to when no namespace says (REST `GET /api/snapshot`)."""
    return audience_for(ROLE_NAMESPACES[principal.role.value], principal)


class Scope:
    """The counters and services an audience is about, looked up once per configuration."""

    def __init__(self, config: CentreConfig, audience: Audience):
        kind, scope = audience.kind, audience.scope
        counters = config.counters
        if kind == "display" and scope is not None:
            counters = [c for c in counters if c.display_group == scope]
        elif kind == "terminal" and scope is not None:
            counters = [c for c in counters if c.number == scope]
        self.counters = {c.number for c in counters}
        self.services = {s for c in counters for s in c.services}
        self.all = scope is None


_scopes: dict = {}


def scope_of(config: CentreConfig, audience: Audience) -> Scope:
    """The audience's Scope under `config`, computed once per configuration object."""
    key = (id(config), audience)
    cached = _scopes.get(key)
    if cached is None or cached[0] is not config:
        if len(_scopes) > 4096:
            _scopes.clear()
        cached = _scopes[key] = (config, Scope(config, audience))
    return cached[1]


def _pick(data: dict | None, keys) -> dict | None:
    return None if data is None else {k: data.get(k) for k in keys}


def _touches(event: dict, scope: Scope) -> bool:
    if scope.all:
        return True
    ticket, counter = event.get("ticket") or {}, event.get("counter") or {}
    numbers = {counter.get("number"), ticket.get("counter"), ticket.get("target_counter"),
               (event.get("data") or {}).get("from_counter")}
    return bool(numbers & scope.counters)


def project_event(audience: Audience, event: dict, scope: Scope) -> dict | None:
    """One stored event as `audience` may see it; None when it is not for them."""
    kind, etype = audience.kind, event["type"]
    if kind == "admin":
        return event
    if kind == "staff":
        return None if etype in STAFF_HIDDEN else event
    if etype in QUEUE_WIDE:
        return {**event, "ticket": None, "counter": None, "data": _pick(event["data"], PUBLIC_DATA[etype])}
    if kind == "kiosk":               # which counters are open (the ticket names them): no tickets
        if not etype.startswith("counter."):
            return None
        return {**event, "ticket": None, "counter": _pick(event["counter"], PUBLIC_COUNTER), "data": {}}
    if kind == "display" and etype.startswith("dossier"):
        return {**event, "data": _pick(event["data"], PUBLIC_DATA[etype])}
    if not etype.startswith(("ticket.", "counter.")) or not _touches(event, scope):
        return None
    if kind == "display" and etype in ("ticket.issued", "ticket.expired"):
        return None                  # the waiting count in `stats` is what a display shows
    counter = event["counter"]
    if kind == "display":
        counter = _pick(counter, PUBLIC_COUNTER)
    return {"seq": event["seq"], "type": etype, "at": event["at"],
            "ticket": _pick(event["ticket"], PUBLIC_TICKET), "counter": counter,
            "data": _pick(event["data"], PUBLIC_DATA.get(etype, ()))}


def project_stats(audience: Audience, stats: dict, scope: Scope) -> dict:
    if audience.kind == "terminal":
        return {}
    if scope.all:
        return stats
    return {sid: s for sid, s in stats.items() if sid in scope.services}


def project_message(audience: Audience, config: CentreConfig, events: list[dict], stats: dict,
                    prev: int, seq: int) -> dict | None:
    """The `events` message for one audience after a change, or None when nothing concerns it.

    `prev` is the seq of the audience's previous message: the client applies this one when
    prev <= its seq < `seq` (events it skipped were not for it)."""
    scope = scope_of(config, audience)
    shown = [p for p in (project_event(audience, e, scope) for e in events) if p is not None]
    shown_stats = project_stats(audience, stats, scope)
    if not shown and not shown_stats:
        return None
    return {"prev": prev, "seq": seq, "events": shown, "stats": shown_stats}


def project_snapshot(audience: Audience, config: CentreConfig, snap: dict) -> dict:
    """A snapshot as `audience` may see it (the caller adds `me`)."""
    kind = audience.kind
    if kind in ("admin", "staff"):
        return snap
    scope = scope_of(config, audience)
    out = {k: snap[k] for k in ("seq", "server_time", "service_day", "centre")}
    out["waiting"] = []
    out["services"] = project_stats(audience, snap["services"], scope)
    if kind == "kiosk":
        out.update(counters=[{k: c[k] for k in ("number", "status")} for c in snap["counters"]], recent_calls=[])
        return out
    counters = [c for c in snap["counters"] if c["number"] in scope.counters]
    if kind == "display":
        counters = [{**_pick(c, PUBLIC_COUNTER), "ticket": _pick(c["ticket"], PUBLIC_TICKET)} for c in counters]
    out["counters"] = counters
    out["recent_calls"] = [c for c in snap["recent_calls"] if kind == "display" and c["counter"] in scope.counters]
    return out
