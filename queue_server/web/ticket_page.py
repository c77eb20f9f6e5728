"""The ticket status page a citizen opens from the QR code on a ticket: `/t/<ticket id>`.

Phone-sized, no login (the id is unguessable), no CDN. It shows only this ticket: number, status,
people ahead, estimated wait and the counter when called, and polls `GET /api/tickets/<id>`.
"""
from __future__ import annotations

from flask import Blueprint, current_app, render_template

from ..engine import QueueError

# Its template is in web/templates and its script and style in web/static/ticket/ (served by `web`).
ticket_page = Blueprint("ticket_page", __name__, template_folder="templates")
POLL_SECONDS = 5


@ticket_page.get("/t/<ticket_id>")
def show(ticket_id: str):
    service = current_app.extensions["motcua"]
    config = service.config
    try:
        ticket = service.public_ticket(ticket_id)
    except QueueError:
        return _no_store(render_template("ticket.html", centre=config.centre, ticket=None, names={}), 404)
    names = {"services": {s.id: {"vi": s.name, "en": s.name_en or s.name} for d in config.departments
                          for s in d.services},
             "departments": {d.id: {"vi": d.name, "en": d.name_en or d.name} for d in config.departments},
             "counters": {str(c.number): c.label for c in config.counters}}
    return _no_store(render_template("ticket.html", centre=config.centre, ticket=ticket, names=names,
                                     poll_ms=POLL_SECONDS * 1000))


def _no_store(html, status: int = 200):
    response = current_app.make_response((html, status))
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
