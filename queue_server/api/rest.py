"""REST routes: one per action of the action table, plus login, health and public ticket status."""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, request, session
from werkzeug.exceptions import HTTPException

from ..actions import ACTIONS, perform
from ..engine import QueueError
from ..engine.errors import internal, invalid
from ..limits import MAX_IMPORT_BYTES
from .auth import client_address, csrf_token, current_principal, request_token
from .json_input import json_object
from .openapi import openapi_document

api = Blueprint("api", __name__)
log = logging.getLogger(__name__)

DATABASE_PROBLEMS = {
    "read_only": ("Cơ sở dữ liệu chỉ đọc được, máy chủ không lưu được thay đổi",
                  "The database is read-only: the server cannot store changes"),
    "full": ("Ổ đĩa của cơ sở dữ liệu đã đầy, máy chủ không lưu được thay đổi",
             "The database's disk is full: the server cannot store changes"),
    "write_failed": ("Lần ghi gần nhất vào cơ sở dữ liệu bị lỗi", "The last write to the database failed"),
}


def _service():
    return current_app.extensions["motcua"]


def _query(name: str) -> dict:
    """A GET action's payload fields given as query parameters (`?code=...`); others are ignored."""
    if request.method != "GET":
        return {}
    fields = ACTIONS[name].payload.model_fields
    known = set(fields) | {f.alias for f in fields.values() if f.alias}
    return {k: v for k, v in request.args.items() if k in known}


def _route(name: str):
    def view(**path_args):
        payload = json_object() | _query(name) | path_args
        return jsonify(perform(_service(), current_principal(), name, payload))
    view.__name__ = f"action_{name}"
    return view


for _act in ACTIONS.values():
    api.add_url_rule(_act.path.replace("{counter}", "<int:counter>"), view_func=_route(_act.name),
                     methods=[_act.method])


@api.get("/healthz")
def healthz():
    """200 "ok" when the server can store changes; 503 "unhealthy" when its database is
    read-only, full or failing (it still serves what it has)."""
    service = _service()
    db = service.store.write_health()
    body = {"status": "ok", "centre": service.centre_id, "seq": service.seq,
            "schema": service.store.schema_version, "time": service.clock().isoformat(),
            "database": db["problem"] or "ok", "free_bytes": db["free_bytes"]}
    if db["problem"] is None:
        return jsonify(body)
    vi, en = DATABASE_PROBLEMS[db["problem"]]
    body |= {"status": "unhealthy", "error": {"code": f"database_{db['problem']}", "message": vi,
                                              "message_en": f"{en} ({db['detail']})"}}
    return jsonify(body), 503


@api.get("/api/openapi.json")
def openapi():
    return jsonify(openapi_document())


@api.post("/api/login")
def login():
    data = json_object()
    username, password = data.get("username"), data.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        raise invalid("Cần tên đăng nhập và mật khẩu", "username and password are required")
    token, principal = _service().auth.login(username.strip(), password, client_address())
    session.clear()
    session["token"] = token
    return jsonify({"token": token, "me": principal.to_dict(), "csrf": csrf_token()})


@api.post("/api/logout")
def logout():
    token, _ = request_token()
    current_principal()
    _service().auth.logout(token)
    session.clear()
    return jsonify({"ok": True})


@api.get("/api/me")
def me():
    return jsonify({"me": current_principal().to_dict(), "csrf": csrf_token()})


@api.get("/api/tickets/<ticket_id>")
def ticket_status(ticket_id: str):
    """Public: whoever holds the ticket (its unguessable id is in the QR code) may follow it."""
    return jsonify(_service().public_ticket(ticket_id))


@api.errorhandler(QueueError)
def queue_error(exc: QueueError):
    retry = getattr(exc, "retry_after", None)          # throttled logins say when to try again
    return jsonify({"error": exc.to_dict()}), exc.status, ({"Retry-After": str(retry)} if retry else {})


@api.errorhandler(Exception)
def unexpected_error(exc: Exception):
    """Any other failure of an API route: logged with its traceback, answered in both languages."""
    if isinstance(exc, HTTPException):
        return http_error(exc)
    log.error("%s %s failed", request.method, request.path, exc_info=exc)
    return jsonify({"error": internal().to_dict()}), 500


def http_error(exc: HTTPException):
    """Every HTTP error as JSON with a Vietnamese and an English message."""
    messages = {404: "Không tìm thấy địa chỉ này", 405: "Phương thức không được hỗ trợ",
                400: "Yêu cầu không hợp lệ", 413: "Dữ liệu gửi lên quá lớn"}
    body = {"code": exc.name.lower().replace(" ", "_"), "message": messages.get(exc.code, exc.name),
            "message_en": exc.description or exc.name}
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]   # a 405's Allow
    return jsonify({"error": body}), exc.code, headers



@api.post("/api/dossiers/import")
def dossiers_import():
    """Admin: upload a one-stop export (multipart field `file`; optional `format`: csv, xlsx, json)."""
    from ..auth import Role, forbidden
    from ..dossier_service import DossierService

    principal = current_principal()
    if principal.role is not Role.ADMIN:
        raise forbidden()
    request.max_content_length = MAX_IMPORT_BYTES + 64 * 1024   # the file and the form around it
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise invalid("Cần tệp xuất hồ sơ (trường 'file')", "Upload the export as the multipart field 'file'")
    fmt = request.form.get("format") or upload.filename
    report = DossierService.of(_service()).import_data(upload.read(), fmt, upload.filename,   # ImportFileError:
                                                       actor=f"{principal.kind}:{principal.id}")  # a QueueError
    return jsonify(report.to_dict())
