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
from .pages_ratings import held_count


@admin.get("/admin/")
@READ
def dashboard():
    return page("admin_dashboard.html", ratings_held=held_count())


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
    model["ratings_held"] = held_count()
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
    return page("admin_audit.html", rows=rows, show=show_value, labels=ACTION_LABELS, roles=ROLE_LABELS)


ACTION_LABELS = {
    "department.create": "Thêm đơn vị", "department.update": "Sửa đơn vị", "department.delete": "Xoá đơn vị",
    "service.create": "Thêm dịch vụ", "service.update": "Sửa dịch vụ", "service.delete": "Xoá dịch vụ",
    "counter.create": "Thêm quầy", "counter.update": "Sửa quầy", "counter.delete": "Xoá quầy",
    "calendar.add": "Thêm ngày nghỉ/làm bù", "calendar.delete": "Xoá ngày nghỉ/làm bù",
    "centre.ratings": "Đổi cách đánh giá", "rating.accept": "Đưa đánh giá bị giữ vào số liệu",
    "rating.dismiss": "Bỏ qua đánh giá bị giữ", "centre.notices": "Đổi dòng thông báo",
    "centre.report_header": "Đổi tiêu đề, chữ ký phụ lục",
    "device.create": "Thêm thiết bị", "device.pairing_code": "Tạo mã ghép nối", "device.pair": "Thiết bị ghép nối",
    "device.revoke": "Thu hồi mã thiết bị", "user.create": "Tạo tài khoản", "user.update": "Sửa tài khoản",
    "user.reset_password": "Đặt lại mật khẩu", "user.activate": "Mở lại tài khoản",
    "user.deactivate": "Khoá tài khoản", "user.photo": "Đổi ảnh cán bộ", "config.reset": "Bỏ cấu hình đã sửa",
}
ROLE_LABELS = {"admin": "Quản trị viên", "supervisor": "Giám sát", "officer": "Cán bộ", "kiosk": "Máy bốc số",
               "display": "Màn hình", "terminal": "Máy đánh giá", "keypad": "Bàn phím", "gateway": "Cổng kết nối"}


def show_value(value) -> str:
    """An audit before/after value, readable: one 'key: value' line per changed setting."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        return "\n".join(f"{k}: {show_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(show_value(v) for v in value) or "(trống)"
    return str(value)
