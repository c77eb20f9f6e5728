"""Finding the principal of a request: a bearer token, or the session cookie of a logged-in page."""
from __future__ import annotations

import hmac
import secrets

from flask import current_app, request, session

from ..auth import Principal
from ..engine import QueueError

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def request_token() -> tuple[str | None, bool]:
    """The token of this request and whether it came from the cookie session."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip(), False
    return session.get("token"), True


def client_address() -> str:
    """The address a request came from (behind a reverse proxy: as ProxyFix read it, see app.py)."""
    return request.remote_addr or "unknown"


def current_principal() -> Principal:
    """Authenticate the request; cookie-authenticated writes must carry the CSRF token."""
    token, from_cookie = request_token()
    principal = current_app.extensions["motcua"].auth.principal(token)
    if from_cookie and request.method not in SAFE_METHODS:
        check_csrf()
    return principal


def csrf_token() -> str:
    """The page's CSRF token, made once per login session."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return session["csrf"]


def check_csrf() -> None:
    sent = request.headers.get("X-CSRF-Token", "")
    if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
        raise QueueError("csrf", "Phiên làm việc không hợp lệ, vui lòng tải lại trang",
                         "Missing or wrong CSRF token: reload the page", 403)
