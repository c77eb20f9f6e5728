"""The live dashboard's figures, computed from plain views of the queue (pure, no I/O).

The page fetches this model as JSON and refetches it whenever a Socket.IO event arrives, so the
figures are always the server's, never a browser's guess.
"""
from __future__ import annotations

from datetime import datetime, timedelta

ONLINE_SECONDS = 120     # a device heard from this recently counts as online even without a socket


def dashboard_view(centre: dict, tickets: list[dict], counters: list[dict], devices: list[dict],
                   connected: set[int], now: datetime) -> dict:
    """Per-department queues, counters, device health and today's totals."""
    return {"at": now.isoformat(), "timezone": centre.get("timezone"), "departments": department_rows(centre, tickets, now),
            "counters": counter_rows(centre, counters), "devices": device_rows(devices, connected, now),
            "totals": totals(tickets)}


def department_rows(centre: dict, tickets: list[dict], now: datetime) -> list[dict]:
    rows = []
    for dept in centre["departments"]:
        waiting = [t for t in tickets if t["department_id"] == dept["id"] and t["status"] == "waiting"]
        oldest = min((datetime.fromisoformat(t["issued_at"]) for t in waiting), default=None)
        rows.append({"id": dept["id"], "name": dept["name"], "waiting": len(waiting),
                     "longest_wait_minutes": int((now - oldest).total_seconds() // 60) if oldest else 0})
    return rows


def counter_rows(centre: dict, counters: list[dict]) -> list[dict]:
    config = {c["number"]: c for c in centre["counters"]}
    names = {s["id"]: s["name"] for d in centre["departments"] for s in d.get("services", [])}
    rows = []
    for view in counters:
        cfg = config.get(view["number"])
        if cfg is None:
            continue
        ticket = view.get("ticket")
        rows.append({"number": view["number"], "label": cfg["label"], "room": cfg["room"],
                     "status": view["status"], "officer": view.get("officer_name") or "",
                     "ticket": ticket["label"] if ticket else None,
                     "ticket_status": ticket["status"] if ticket else None,
                     "services": cfg["services"], "service_names": [names.get(i, i) for i in cfg["services"]],
                     "served": view.get("served", 0), "absent": view.get("absent", 0)})
    return rows


def device_rows(devices: list[dict], connected: set[int], now: datetime) -> list[dict]:
    rows = []
    for d in devices:
        seen = datetime.fromisoformat(d["last_seen"]) if d.get("last_seen") else None
        recent = seen is not None and now - seen <= timedelta(seconds=ONLINE_SECONDS)
        online, revoked = d["id"] in connected or recent, d.get("live_tokens", 1) == 0
        rows.append({"id": d["id"], "name": d["name"], "role": d["role"], "counter": d.get("counter"),
                     "group": d.get("display_group"), "last_seen": d.get("last_seen"),
                     "online": online, "revoked": revoked, "state": device_state(online, revoked, seen),
                     "status": d.get("status") or {}, "problems": device_problems(d.get("status") or {})})
    return rows


def device_state(online: bool, revoked: bool, seen: datetime | None) -> str:
    """revoked, online, never (registered, never connected: not lost, just not set up yet) or
    lost (it was connected once and has gone quiet: someone should look)."""
    if revoked:
        return "revoked"
    if online:
        return "online"
    return "lost" if seen is not None else "never"


def device_problems(status: dict) -> list[str]:
    """Status values that need someone to act (printer paper, a missing scanner ...)."""
    ok = {"ok", "ready", "online", "connected", True}
    return [f"{key}: {value}" for key, value in sorted(status.items())
            if not isinstance(value, (dict, list)) and value not in ok]


def totals(tickets: list[dict]) -> dict:
    count = {}
    for t in tickets:
        count[t["status"]] = count.get(t["status"], 0) + 1
    return {"issued": len(tickets), "waiting": count.get("waiting", 0),
            "at_counter": count.get("called", 0) + count.get("serving", 0),
            "served": count.get("done", 0), "absent": count.get("absent", 0)}
