"""What each screen shows, as widgets with boxes and touch actions (pure: no pygame).

`build(flow, width, height, portrait)` turns the flow's state into a list of Widgets; `draw` paints
them and `hit(widgets, x, y)` finds the action under a finger, so touch targets are tested here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .flow import KioskFlow, Screen
from .i18n import dossier_status, name_of, t
from .layout import Box, pages, tile_grid


@dataclass(frozen=True)
class Widget:
    """One thing on screen. kind: label | button | tile | number. `action` makes it touchable."""

    kind: str
    box: Box
    text: str
    action: str | None = None
    size: int = 32            # largest font size; draw shrinks long text to fit
    color: str = "ink"        # ink, muted, accent, warn, ok, light (roles; draw maps them to colours)
    sub: str = ""             # a second, smaller line (tiles)
    bold: bool = False


@dataclass(frozen=True)
class Frame:
    """The regions of a screen: header, title, content, footer."""

    header: Box
    title: Box
    content: Box
    footer: Box
    unit: int                 # base size for fonts: a fraction of the shorter side


def frame(width: int, height: int) -> Frame:
    unit = max(12, min(width, height) // 40)
    head, title, foot = min(int(height * 0.10), unit * 5), int(height * 0.12), min(int(height * 0.12), unit * 5)
    pad = unit * 2
    return Frame(Box(0, 0, width, head), Box(pad, head, width - 2 * pad, title),
                 Box(pad, head + title, width - 2 * pad, height - head - title - foot - unit),
                 Box(pad, height - foot, width - 2 * pad, foot - unit), unit)


def hit(widgets: list[Widget], x: float, y: float) -> str | None:
    """The action of the topmost touchable widget at (x, y)."""
    for widget in reversed(widgets):
        if widget.action and widget.box.contains(x, y):
            return widget.action
    return None


def build(flow: KioskFlow, width: int, height: int, portrait: bool) -> list[Widget]:
    """All widgets of the flow's current screen."""
    f = frame(width, height)
    body = BUILDERS[flow.screen](flow, f, portrait)
    return _header(flow, f) + body


def _header(flow: KioskFlow, f: Frame) -> list[Widget]:
    centre = flow.live.centre or {}
    name = (centre.get("name_en") if flow.lang == "en" else None) or centre.get("name", "")
    lang_w = f.unit * 9
    h = f.header
    return [Widget("label", Box(h.x, h.y, h.w, h.h), "", color="accent"),
            Widget("label", Box(f.unit * 2, 0, h.w - lang_w - f.unit * 4, h.h), name, size=int(f.unit * 1.6),
                   color="light", bold=True),
            Widget("button", Box(h.w - lang_w - f.unit, f.unit // 2, lang_w, h.h - f.unit), t("language", flow.lang),
                   "lang", size=int(f.unit * 1.4), color="light")]


def _title(f: Frame, text: str, color: str = "ink") -> Widget:
    return Widget("label", f.title, text, size=int(f.unit * 2.2), color=color, bold=True)


def _footer(flow: KioskFlow, f: Frame, *actions: str) -> list[Widget]:
    """Footer buttons, left to right, each a quarter of the width."""
    w = (f.footer.w - f.unit * 3) // 4
    out = []
    for i, action in enumerate(actions):
        if action:
            box = Box(f.footer.x + i * (w + f.unit), f.footer.y, w, f.footer.h)
            out.append(Widget("button", box, t(action, flow.lang), action, size=int(f.unit * 1.6), color="muted"))
    return out


def _rows(f: Frame, texts: list[tuple[str, int, str, bool]], area: Box | None = None) -> list[Widget]:
    """Stack label rows (text, size, color, bold) from the top of `area`, each row 1.6 × its size high."""
    area = area or f.content
    heights = [int(size * 1.6) * (2 if len(text) > 60 else 1) for text, size, _, _ in texts]
    scale = min(1.0, area.h / max(1, sum(heights)))          # shrink every row rather than overflow
    y, out = area.y, []
    for (text, size, color, bold), h in zip(texts, heights):
        size, h = int(size * scale), int(h * scale)
        out.append(Widget("label", Box(area.x, y, area.w, h), text, size=size, color=color, bold=bold))
        y += h
    return out


# -- screens ----------------------------------------------------------------------------------------

def _attract(flow, f, portrait):
    u = f.unit
    whole = Box(0, f.header.h, f.header.w, f.footer.y + f.footer.h - f.header.h)
    rows = [(t("attract_title", flow.lang), u * 6, "accent", True), ("", u, "ink", False),
            (t("attract_touch", flow.lang), int(u * 2.4), "ink", True), ("", u * 2, "ink", False),
            (t("attract_scan", flow.lang), int(u * 1.6), "muted", False)]
    area = Box(f.content.x, f.title.y + f.title.h // 2, f.content.w, f.content.h)
    return [Widget("button", whole, "", "start", color="none")] + _rows(f, rows, area)


def _departments(flow, f, portrait):
    depts = pages(flow.departments(), portrait)
    page = min(flow.session.page, len(depts) - 1)
    tiles = []
    for dept, box in zip(depts[page], tile_grid(len(depts[page]), f.content, portrait, gap=f.unit)):
        ids = [s["id"] for s in dept["services"]]
        waiting = sum(flow.live.services.get(s, {}).get("waiting", 0) for s in ids)
        closed = flow.settings.require_open_counter and flow.open_counters(ids) == 0
        sub = t("no_counter", flow.lang) if closed else t("waiting_people", flow.lang, n=waiting)
        tiles.append(Widget("tile", box, name_of(dept, flow.lang), f"dept:{dept['id']}", size=int(f.unit * 2.2),
                            color="muted" if closed else "accent", sub=sub, bold=True))
    less, more = ("less" if page > 0 else None), ("more" if page < len(depts) - 1 else None)
    return [_title(f, t("pick_department", flow.lang))] + tiles + _footer(flow, f, "back", None, less, more)


def _services(flow, f, portrait):
    dept = flow.department() or {"name": "", "services": []}
    services = dept["services"]
    tiles = []
    for service, box in zip(services, tile_grid(len(services), f.content, portrait, gap=f.unit)):
        stats = flow.live.services.get(service["id"], {})
        tiles.append(Widget("tile", box, name_of(service, flow.lang), f"service:{service['id']}",
                            size=int(f.unit * 2.4), sub=t("waiting_people", flow.lang, n=stats.get("waiting", 0)),
                            color="accent", bold=True))
    return [_title(f, name_of(dept, flow.lang))] + tiles + _footer(flow, f, "back", None, None, "home")


def _priority(flow, f, portrait):
    u, c = f.unit, f.content
    rows = [(t("priority_groups", flow.lang), int(u * 1.6), "muted", False)]
    if flow.session.priority_offered:
        rows.insert(0, (t("priority_offered", flow.lang, age=flow.settings.priority_age), int(u * 1.8), "ok", True))
    labels = _rows(f, rows)
    top = labels[-1].box.y + labels[-1].box.h + u
    h = min((c.y + c.h - top - u) // 2, u * 10)
    yes = Widget("button", Box(c.x, top, c.w, h), t("priority_yes", flow.lang), "priority:yes", size=u * 3,
                 color="warn", bold=True)
    no = Widget("button", Box(c.x, top + h + u, c.w, h), t("priority_no", flow.lang), "priority:no", size=u * 3,
                color="accent", bold=True)
    return [_title(f, t("priority_title", flow.lang))] + labels + [yes, no] + _footer(flow, f, "back", None, None, "home")


def _busy(key):
    def screen(flow, f, portrait):
        return [Widget("label", f.content, t(key, flow.lang), size=f.unit * 3, color="accent", bold=True)]
    return screen


def _confirmation(flow, f, portrait):
    u, r = f.unit, flow.session.result or {}
    ticket = r.get("ticket", {})
    service = flow.service(ticket.get("service_id")) or {"name": ""}
    dept = flow.department(ticket.get("department_id")) or {"name": ""}
    ahead = r.get("ahead", 0)
    rows = [(t("priority_mark", flow.lang), int(u * 2.4), "warn", True)] if ticket.get("priority") else []
    rows += [(f"{name_of(dept, flow.lang)} — {name_of(service, flow.lang)}", int(u * 1.8), "ink", True)]
    counters = counter_labels(flow, ticket.get("service_id"))
    rows += [(t("counters", flow.lang, counters=counters), int(u * 1.8), "ink", True)] if counters else []
    rows += [(t("ahead", flow.lang, n=ahead) if ahead else t("next", flow.lang), int(u * 1.7), "ink", False),
             (t("wait", flow.lang, n=r.get("wait_minutes", 0)), int(u * 1.7), "ink", False)]
    printed = r.get("printed", True)
    rows.append((t("take_ticket" if printed else "not_printed", flow.lang), int(u * 1.7), "ok" if printed else "warn",
                 True))
    c = f.content
    number_h = int(c.h * 0.33)
    label = ticket.get("label", "")
    out = [_title(f, t("your_number", flow.lang)),
           Widget("number", Box(c.x, c.y, c.w, number_h), label, size=number_h, color="accent", bold=True)]
    out += _rows(f, rows, Box(c.x, c.y + number_h, c.w, c.h - number_h))
    return out + _footer(flow, f, None, None, None, "done")


def _dossier(flow, f, portrait):
    u, d = f.unit, flow.session.dossier or {}
    rows = [(t("dossier_code", flow.lang, code=d.get("code", "")), int(u * 1.8), "ink", True),
            (dossier_status(d, flow.lang) if d else "", int(u * 2.6), _status_color(d), True),
            (t("dossier_applicant", flow.lang, name=d.get("applicant", "")), int(u * 1.6), "ink", False),
            (t("dossier_department", flow.lang, name=d.get("department", "")), int(u * 1.6), "ink", False),
            (t("dossier_procedure", flow.lang, name=d.get("procedure", "")), int(u * 1.5), "ink", False),
            (t("dossier_due", flow.lang, date=_day(d.get("due_at"))), int(u * 1.6), "ink", True)]
    if d.get("timeliness") == "overdue":
        rows.append((t("dossier_overdue", flow.lang), int(u * 1.6), "warn", True))
    out = [_title(f, t("dossier_title", flow.lang))] + _rows(f, rows)
    if d.get("status") == "result_ready":
        c = f.content
        top = out[-1].box.y + out[-1].box.h + u
        h = min(u * 8, c.y + c.h - top)
        if flow.result_return_service():
            out.append(Widget("button", Box(c.x, top, c.w, h), t("take_result", flow.lang), "take_result",
                              size=int(u * 2.6), color="ok", bold=True))
        else:
            out += _rows(f, [(t("no_result_queue", flow.lang), int(u * 1.8), "ok", True)], Box(c.x, top, c.w, h))
    return out + _footer(flow, f, None, None, None, "home")


def _notice(title_key, body, color="warn", home=True):
    def screen(flow, f, portrait):
        text = body(flow)
        out = [_title(f, t(title_key, flow.lang), color),
               Widget("label", f.content.inset(f.unit), text, size=int(f.unit * 2.2), color="ink")]
        return out + (_footer(flow, f, None, None, None, "home") if home else [])
    return screen


def _message_screen(flow, f, portrait):
    m = flow.session.message
    title = m.title if m else "error_title"
    return _notice(title, lambda fl: (m.body_en if fl.lang == "en" else m.body_vi) if m else "")(flow, f, portrait)


def _printer_fault(flow, f, portrait):
    """For the citizen: go to another kiosk; for the staff: what happened and what to do."""
    u, m = f.unit, flow.printer_fault
    en = flow.lang == "en"
    rows = [(t("printer_body", flow.lang), int(u * 2.4), "ink", True), ("", u, "ink", False),
            (t("printer_resumes", flow.lang), int(u * 1.6), "muted", False), ("", u * 2, "ink", False)]
    if m is not None:
        detail = m.body_en if en else m.body_vi
        staff = m.staff_en if en else m.staff_vi
        rows += [(f"{t('staff_label', flow.lang)}: {detail}", int(u * 1.8), "warn", True)]
        rows += [(staff, int(u * 1.6), "ink", False)] if staff else []
    return [_title(f, t("printer_title", flow.lang), "warn")] + _rows(f, rows)


def _printing(flow, f, portrait):
    """The number already issued, while the printer takes the ticket."""
    c, ticket = f.content, (flow.session.result or {}).get("ticket", {})
    number_h = int(c.h * 0.45)
    return [_title(f, t("your_number", flow.lang)),
            Widget("number", Box(c.x, c.y, c.w, number_h), ticket.get("label", ""), size=number_h,
                   color="accent", bold=True),
            Widget("label", Box(c.x, c.y + number_h, c.w, c.h - number_h), t("printing", flow.lang),
                   size=f.unit * 3, color="accent", bold=True)]


def _hours(flow) -> str:
    sessions = (flow.live.centre.get("hours") or {}).get("sessions", [])
    return ", ".join(f"{a}–{b}" for a, b in sessions)


BUILDERS = {
    Screen.ATTRACT: _attract,
    Screen.DEPARTMENTS: _departments,
    Screen.SERVICES: _services,
    Screen.PRIORITY: _priority,
    Screen.ISSUING: _busy("issuing"),
    Screen.PRINTING: _printing,
    Screen.LOOKING_UP: _busy("looking_up"),
    Screen.CONFIRMATION: _confirmation,
    Screen.DOSSIER: _dossier,
    Screen.CLOSED: _notice("closed_title", lambda fl: t("closed_body", fl.lang, hours=_hours(fl))),
    Screen.DEPT_CLOSED: _notice("dept_closed_title", lambda fl: t(
        "dept_closed_body", fl.lang, name=name_of(fl.department() or {"name": ""}, fl.lang))),
    Screen.OFFLINE: _notice("offline_title", lambda fl: t("offline_body", fl.lang), home=False),
    Screen.PRINTER_FAULT: _printer_fault,
    Screen.MESSAGE: _message_screen,
}


# -- helpers ----------------------------------------------------------------------------------------

def counter_labels(flow: KioskFlow, service_id: str | None) -> str:
    """The counters serving a service: the open ones if any are open, else all configured."""
    serving = [c for c in flow.live.centre.get("counters", []) if service_id in c["services"]]
    live = getattr(flow.live, "counters", {}) or {}
    open_ = [c for c in serving if (live.get(c["number"]) or {}).get("status") == "open"]
    return ", ".join(c["label"] for c in (open_ or serving))


def _status_color(d: dict) -> str:
    if d.get("status") == "result_ready":
        return "ok"
    if d.get("timeliness") == "overdue" or d.get("status") == "supplement_requested":
        return "warn"
    return "accent"


def _day(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso
