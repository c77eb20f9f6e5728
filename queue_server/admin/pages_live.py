"""Admin pages that read: the live dashboard (and its JSON model) and the audit log."""
from __future__ import annotations

from flask import current_app, jsonify, request

from ..api.auth import current_principal
from ..auth import forbidden
from ..engine import QueueError
from ..views import centre_view, counter_views, ticket_view
from . import READ, READERS, admin, centre_admin, page
from .dashboard import dashboard_view
from .live import connected_device_ids


@admin.get("/admin/")
@READ
def dashboard():
    return page("admin_dashboard.html")


def dashboard_model() -> dict:
    service = current_app.extensions["motcua"]
    with service.lock:
        centre = centre_view(service.config)
        tickets = [ticket_view(t) for t in service.engine.state.tickets.values()]
        counters = counter_views(service.engine)
        now, seq = service.clock(), service.seq
    online = connected_device_ids(current_app.extensions["motcua.socketio"])
    model = dashboard_view(centre, tickets, counters, centre_admin().devices(), online, now)
    model["seq"] = seq
    return model


@admin.get("/admin/api/dashboard")
def dashboard_json():
    """The dashboard's figures (admin or supervisor; session cookie or bearer token)."""
    try:
        if current_principal().role not in READERS:
            raise forbidden()
    except QueueError as exc:
        return jsonify({"error": exc.to_dict()}), exc.status
    return jsonify(dashboard_model())


@admin.get("/admin/audit")
@READ
def audit():
    before = request.args.get("before", type=int)
    rows = centre_admin().audit_log(limit=100, before_id=before)
    return page("admin_audit.html", rows=rows, show=show_value)


def show_value(value) -> str:
    """An audit before/after value, readable: one 'key: value' line per changed setting."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        return "\n".join(f"{k}: {show_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(show_value(v) for v in value) or "(trống)"
    return str(value)
