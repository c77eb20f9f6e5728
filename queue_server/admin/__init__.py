"""The admin side of the server: pages under /admin/ (served by the server itself, no CDN).

Administrators change things; supervisors see the same pages without any form that changes.
Every change is a plain HTML form POST carrying the session's CSRF token, answered by a redirect
back to its page with a message (post/redirect/get), so a reload never repeats a change.
"""
from __future__ import annotations

import hmac
from functools import wraps

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, session

from ..api.auth import csrf_token
from ..auth import Role
from ..engine import QueueError
from ..web.access import require_page_role
from .live import disconnect_device
from .manage import CentreAdmin

admin = Blueprint("admin", __name__, template_folder="templates", static_folder="static",
                  static_url_path="/admin/static")

READERS = (Role.ADMIN, Role.SUPERVISOR)

NAV = [("admin.dashboard", "Tổng quan", "Dashboard"), ("admin.departments", "Đơn vị & dịch vụ", "Departments"),
       ("admin.counters", "Quầy", "Counters"), ("admin.officers", "Cán bộ", "Officers"),
       ("admin.devices", "Thiết bị", "Devices"), ("admin.calendar", "Ngày nghỉ", "Holidays"),
       ("admin.settings", "Đánh giá & thông báo", "Ratings & notices"),
       ("admin.ratings_held", "Đánh giá bị giữ lại", "Held ratings"), ("admin.audit", "Nhật ký", "Audit log")]


def centre_admin() -> CentreAdmin:
    return current_app.extensions["motcua.admin"]


def register_admin(app, socketio) -> None:
    """Attach the admin operations and pages to an app (called by create_app)."""
    from . import pages_config, pages_live, pages_people, pages_ratings  # noqa: F401  (routes register on import)
    service = app.extensions["motcua"]
    app.extensions["motcua.admin"] = CentreAdmin(service, on_revoke=lambda device_id: disconnect_device(socketio, device_id))
    app.register_blueprint(admin)


def page(template: str, **context):
    """Render an admin page; `can_edit` hides every changing form from supervisors."""
    service = current_app.extensions["motcua"]
    html = render_template(template, centre=service.config.centre, config=service.config, me=g.principal,
                           can_edit=g.principal.role is Role.ADMIN, csrf=csrf_token(), nav=NAV, **context)
    response = current_app.make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return response


def _csrf_ok() -> bool:
    sent = request.form.get("csrf", "")
    return bool(sent) and hmac.compare_digest(sent, session.get("csrf", ""))


def change(back: str):
    """Guard an admin form POST: administrators only, CSRF token required; a refused change is
    shown on the page it came from (`back`, an endpoint) and changes nothing."""
    def decorate(view):
        @wraps(view)
        @require_page_role(Role.ADMIN)
        def guarded(*args, **kwargs):
            if not _csrf_ok():
                abort(400, "Phiên làm việc không hợp lệ, vui lòng tải lại trang / The form has expired: reload the page")
            try:
                result = view(*args, **kwargs)
            except QueueError as exc:
                flash(f"{exc.message_vi} / {exc.message_en}", "error")
                return redirect(_url(back))
            return result if result is not None else redirect(_url(back))
        return guarded
    return decorate


def _url(endpoint: str) -> str:
    from flask import url_for
    return url_for(endpoint)


def done(message_vi: str, message_en: str) -> None:
    flash(f"{message_vi} / {message_en}", "ok")


def form_text(name: str, limit: int = 200) -> str:
    return request.form.get(name, "").strip()[:limit]


def form_int(name: str, label_vi: str, label_en: str, default: int | None = None) -> int | None:
    raw = request.form.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise QueueError("invalid", f"{label_vi} phải là số nguyên", f"{label_en} must be a whole number", 400) from None


def form_lines(name: str) -> list[str]:
    return [line.strip() for line in request.form.get(name, "").splitlines() if line.strip()]


READ = require_page_role(*READERS)
