"""Web pages served by the server itself (no CDN): home, login, counter console.

The login form works without JavaScript (a plain form POST that sets the session cookie); the
console is vanilla JS over the `/counter` Socket.IO namespace (static/console.js).
"""
from __future__ import annotations

import hmac

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for

from ..api.auth import client_address, csrf_token
from ..auth import Principal
from ..engine import QueueError

web = Blueprint("web", __name__, template_folder="templates", static_folder="static", static_url_path="/static")


BAD_FORM = {"code": "csrf", "message": "Phiên làm việc không hợp lệ, vui lòng tải lại trang",
            "message_en": "The form has expired: reload the page and try again"}


def _service():
    return current_app.extensions["motcua"]


def page_principal() -> Principal | None:
    """The logged-in person of this page's session cookie, or None."""
    token = session.get("token")
    if not token:
        return None
    try:
        return _service().auth.principal(token)
    except QueueError:
        return None


def _form_csrf_ok() -> bool:
    sent = request.form.get("csrf", "")
    return bool(sent) and hmac.compare_digest(sent, session.get("csrf", ""))


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@web.get("/")
def home():
    return render_template("home.html", centre=_service().config.centre, csrf=csrf_token())


def safe_next(target: str | None) -> str | None:
    """A local path to return to after login; anything else (another host, a scheme) is dropped."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) or "\\" in target:
        return None
    target = target.removesuffix("?")          # request.full_path ends in '?' when there is no query
    return target if all(32 < ord(ch) < 127 for ch in target) else None


@web.get("/login")
def login_page():
    target = safe_next(request.args.get("next"))
    if page_principal() is not None:
        return redirect(target or url_for("web.console"))
    if target:
        session["next"] = target
    return _login_form()


@web.post("/login")
def login_submit():
    username = request.form.get("username", "").strip()
    if not _form_csrf_ok():
        return _login_form(BAD_FORM, username, 400)
    try:
        token, _ = _service().auth.login(username, request.form.get("password", ""), client_address())
    except QueueError as exc:
        return _login_form(exc.to_dict(), username, exc.status)
    target = safe_next(session.get("next"))
    session.clear()
    session["token"] = token
    csrf_token()
    return redirect(target or url_for("web.console"))


def _login_form(error: dict | None = None, username: str = "", status: int = 200):
    html = render_template("login.html", centre=_service().config.centre, csrf=csrf_token(),
                           error=error, username=username)
    return _no_store(current_app.make_response((html, status)))


@web.post("/logout")
def logout():
    token = session.get("token")
    if token and _form_csrf_ok():
        _service().auth.logout(token)
        session.clear()
    return redirect(url_for("web.login_page"))


@web.get("/console")
def console():
    principal = page_principal()
    if principal is None:
        return redirect(url_for("web.login_page"))
    html = render_template("console.html", centre=_service().config.centre, me=principal.to_dict(),
                           csrf=csrf_token())
    return _no_store(current_app.make_response(html))
