"""What the printer gets: the server's issue answer turned into hw's TicketPrint (pure).

The QR code links to the ticket's live status page `/t/<ticket id>` on the queue server: under the
centre's `public_url` when set (what phones on the guest Wi-Fi can reach), else the kiosk's own.
"""
from __future__ import annotations

from datetime import datetime

from hw.printer import TicketPrint

from .i18n import name_of


def status_url(base: str, ticket_id: str) -> str:
    return f"{base.rstrip('/')}/t/{ticket_id}"


def ticket_print(result: dict, centre: dict, base_url: str, counters: str = "",
                 dossier_code: str | None = None) -> TicketPrint:
    """The ticket for an `issue_ticket` answer ({ticket, ahead, wait_minutes}); a result-return ticket
    carries the scanned dossier's code, so the officer finds the file without asking."""
    ticket = result["ticket"]
    dept = next((d for d in centre.get("departments", []) if d["id"] == ticket["department_id"]), None)
    service = next((s for s in (dept or {}).get("services", []) if s["id"] == ticket["service_id"]), None)
    return TicketPrint(
        centre_name=centre.get("name", ""),
        department=name_of(dept, "vi") if dept else ticket["department_id"],
        service=name_of(service, "vi") if service and service["name"] != (dept or {}).get("name") else "",
        number=ticket["label"],
        priority=bool(ticket.get("priority")),
        issued_at=datetime.fromisoformat(ticket["issued_at"]),
        ahead=int(result.get("ahead", 0)),
        wait_minutes=result.get("wait_minutes"),
        status_url=status_url(base_url, ticket["id"]) if base_url else None,
        footer=centre.get("ticket_footer", ""),
        counters=counters or None,
        dossier_code=dossier_code or result["ticket"].get("dossier_code"),
    )
