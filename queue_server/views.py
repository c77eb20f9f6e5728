"""JSON views of the queue: the snapshot clients start from, and public ticket status."""
from __future__ import annotations

from .centre_calendar import calendar_of
from .config import CentreConfig
from .engine import QueueEngine, Ticket, TicketStatus
from .ratings import options

PUBLIC_TICKET_FIELDS = ("id", "label", "service_id", "department_id", "priority", "status", "issued_at",
                        "queue_at", "called_at", "counter", "recalls", "target_counter", "transfers")


def centre_view(config: CentreConfig) -> dict:
    """The centre as devices need it: names, services, counters, rating options."""
    c = config.centre
    return {
        "id": c.id, "name": c.name, "name_en": c.name_en, "timezone": c.timezone,
        "rating_style": c.rating_style.value, "rating_options": options(c.rating_style),
        "ticket_footer": c.ticket_footer, "notices": list(c.notices), "comment_phrases": list(c.comment_phrases),
        "queue": {"recalls_before_absent": config.queue.recalls_before_absent,
                  "max_recalls": config.queue.max_recalls},
        "hours": {**calendar_of(config).view(), "enforce": config.hours.enforce},
        "departments": [
            {"id": d.id, "name": d.name, "name_en": d.name_en, "short_name": d.short_name or d.name,
             "services": [{"id": s.id, "name": s.name, "label": config.service_label(s.id), "name_en": s.name_en,
                           "result_return": s.result_return} for s in d.services]}
            for d in config.departments],
        "counters": [{"number": k.number, "label": k.label, "room": k.room, "floor": k.floor,
                      "group": k.display_group, "services": list(k.services)} for k in config.counters],
    }


def ticket_view(ticket: Ticket) -> dict:
    data = ticket.to_dict()
    return {k: data[k] for k in PUBLIC_TICKET_FIELDS}


def counter_views(engine: QueueEngine) -> list[dict]:
    """Each counter's live state, its current ticket and today's served / absent counts."""
    counts = _counts_today(engine)
    return [_counter_view(engine, number, counts) for number in sorted(engine.state.counters)]


def counter_view(engine: QueueEngine, number: int) -> dict | None:
    """One counter's view (an action's answer: not every counter of a large centre)."""
    if number not in engine.state.counters:
        return None
    return _counter_view(engine, number, _counts_today(engine, number))


def _counter_view(engine: QueueEngine, number: int, counts: dict) -> dict:
    state = engine.state.counters[number]
    view = state.to_dict()
    ticket = engine.state.tickets.get(state.ticket_id) if state.ticket_id else None
    view["ticket"] = ticket_view(ticket) if ticket else None
    view["served"] = counts.get((number, TicketStatus.DONE), 0)
    view["absent"] = counts.get((number, TicketStatus.ABSENT), 0)
    return view


def _counts_today(engine: QueueEngine, only: int | None = None) -> dict:
    counts: dict = {}
    for t in engine.state.tickets.values():
        if t.counter is not None and (only is None or t.counter == only) and \
                t.status in (TicketStatus.DONE, TicketStatus.ABSENT):
            counts[(t.counter, t.status)] = counts.get((t.counter, t.status), 0) + 1
    return counts


def service_stats(engine: QueueEngine, service_ids=None, now=None) -> dict:
    """Per service: waiting count, open counters and the estimated wait of a new ticket issued `now`."""
    ids = service_ids or [s.id for d in engine.config.departments for s in d.services]
    stats = {}
    for sid in ids:
        waiting = engine.waiting_count(sid)
        stats[sid] = {"waiting": waiting, "open_counters": engine.open_counters_for(sid),
                      "wait_minutes": engine.estimate_for(sid, waiting, now)}
    return stats


def snapshot(engine: QueueEngine, seq: int, recent_calls: list[dict], now) -> dict:
    """Everything a client shows, as of event `seq`."""
    day = engine.state.service_day
    return {
        "seq": seq,
        "server_time": now.isoformat(),
        "service_day": day.isoformat() if day else None,
        "centre": centre_view(engine.config),
        "counters": counter_views(engine),
        "waiting": [ticket_view(t) for t in engine.waiting()],
        "recent_calls": list(recent_calls),
        "services": service_stats(engine, now=now),
    }
