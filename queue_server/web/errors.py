"""One error answer for the whole server: a bilingual HTML page for a person's browser, the JSON
`{"error": {code, message, message_en}}` for API clients (and for everything under /api/).

A browser is told what happened and what to do next (log in again, go back to the console, pick
another report period); an API client keeps its stable code. Registered by create_app.
"""
from __future__ import annotations

import logging

from flask import current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from ..engine import QueueError
from ..engine.errors import internal

log = logging.getLogger(__name__)

# status → (Vietnamese, English) of an HTTP error nobody wrote a message for
HTTP_MESSAGES = {
    400: ("Yêu cầu không hợp lệ", "Bad request"),
    403: ("Quý ông/bà không có quyền xem trang này", "You may not open this page"),
    404: ("Không tìm thấy trang này", "This page does not exist"),
    405: ("Phương thức không được hỗ trợ", "Method not allowed"),
    413: ("Dữ liệu gửi lên quá lớn", "The upload is too large"),
    429: ("Quá nhiều yêu cầu, vui lòng đợi một lát rồi thử lại", "Too many requests: wait a moment and retry"),
    500: ("Máy chủ gặp lỗi ngoài dự kiến", "Unexpected server error"),
}
ADMIN_ONLY = ("Trang này dành cho quản trị viên và giám sát viên của trung tâm",
              "This page is for the centre's administrators and supervisors")


def wants_html() -> bool:
    """A person's browser asking for a page: not /api/, and text/html preferred over JSON."""
    if request.path.startswith(("/api/", "/socket.io")):
        return False
    return request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html"


def _links() -> list[tuple[str, str, str]]:
    """What to do next: (href, Vietnamese, English), chosen by where the person was."""
    from . import page_principal
    principal = page_principal()
    links = []
    if request.path.startswith("/admin/reports"):
        links.append(("/admin/reports/", "Chọn lại kỳ báo cáo", "Pick the report period again"))
    if principal is None:
        links.append(("/login", "Đăng nhập", "Sign in"))
    else:
        links.append(("/console", "Về màn hình quầy", "Back to the counter console"))
    links.append(("/", "Trang chủ", "Home page"))
    links.append(("/help/", "Hướng dẫn sử dụng", "User guide"))
    return links


def error_page(status: int, message_vi: str, message_en: str, headers=()):
    """The bilingual HTML error page (templates/error.html) with links to go on from."""
    from ..api.auth import csrf_token
    from . import page_principal
    centre = current_app.extensions["motcua"].config.centre
    html = render_template("error.html", centre=centre, status=status, message=message_vi,
                           message_en=message_en, links=_links(), signed_in=page_principal() is not None,
                           csrf=csrf_token())
    return html, status, [("Cache-Control", "no-store"), *headers]


def _http_message(exc: HTTPException) -> tuple[str, str]:
    """A bilingual message for an HTTP error: the view's own words when it gave some."""
    if exc.code == 403 and not request.path.startswith("/api/"):
        return ADMIN_ONLY if request.path.startswith("/admin") else HTTP_MESSAGES[403]
    vi, en = HTTP_MESSAGES.get(exc.code, (exc.name, exc.name))
    described = exc.description and exc.description != type(exc).description
    if described and " / " in exc.description:            # "Vietnamese / English" from the view
        vi, en = exc.description.split(" / ", 1)
    elif described:
        en = exc.description
    return vi, en


def http_error(exc: HTTPException):
    """Every HTTP error: a page for a browser, JSON for the rest (api.rest.http_error)."""
    from ..api.rest import http_error as json_http_error
    if not wants_html():
        return json_http_error(exc)
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    return error_page(exc.code or 500, *_http_message(exc), headers=headers)


def queue_error(exc: QueueError):
    """A refused request outside /api/ (a report period past the limits …)."""
    if not wants_html():
        return jsonify({"error": exc.to_dict()}), exc.status
    return error_page(exc.status, exc.message_vi, exc.message_en)


def unexpected_error(exc: Exception):
    """A failure nobody foresaw on a page: logged with its traceback, answered in both languages."""
    if isinstance(exc, HTTPException):
        return http_error(exc)
    log.error("%s %s failed", request.method, request.path, exc_info=exc)
    return queue_error(internal())


def register_error_pages(app) -> None:
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(QueueError, queue_error)
    app.register_error_handler(Exception, unexpected_error)
