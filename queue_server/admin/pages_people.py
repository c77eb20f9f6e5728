"""Admin pages for people and devices: officers (accounts, photo), devices (tokens, pairing codes,
revocation), plus the two JSON endpoints devices use: pairing and officer photos."""
from __future__ import annotations

from pathlib import Path

from flask import current_app, g, jsonify, request, send_file

from ..api.auth import client_address, current_principal
from ..engine import QueueError
from ..engine.errors import invalid
from . import READ, admin, centre_admin, change, done, form_int, form_text, page
from ..throttle import pairing_keys
from .photos import photo_mime, save_photo


def photo_dir() -> Path:
    """Photos live beside the database, in the installation's data directory."""
    # Absolute: Flask's send_file would take a relative path from the package, not the working dir.
    return Path(current_app.extensions["motcua"].store.path).resolve().parent / "photos"


# -- officers ----------------------------------------------------------------------------------

@admin.get("/admin/officers")
@READ
def officers():
    return page("admin_officers.html", users=centre_admin().users())


@admin.post("/admin/officers/new")
@change("admin.officers")
def officer_new():
    username = form_text("username", 64)
    centre_admin().create_user(g.principal, username, form_text("name", 100), request.form.get("role", "officer"),
                               request.form.get("password", ""), form_text("title", 100),
                               request.form.get("department_id") or None)
    done(f"Đã tạo tài khoản {username}", f"Account {username} created")


@admin.post("/admin/officers/<int:user_id>")
@change("admin.officers")
def officer_update(user_id):
    centre_admin().update_user(g.principal, user_id, form_text("name", 100), request.form.get("role", ""),
                               form_text("title", 100), request.form.get("department_id") or None)
    done("Đã lưu thông tin cán bộ", "Officer saved")


@admin.post("/admin/officers/<int:user_id>/password")
@change("admin.officers")
def officer_password(user_id):
    centre_admin().reset_password(g.principal, user_id, request.form.get("password", ""))
    done("Đã đặt lại mật khẩu; các phiên đăng nhập cũ đã kết thúc", "Password reset; old sessions ended")


@admin.post("/admin/officers/<int:user_id>/active")
@change("admin.officers")
def officer_active(user_id):
    active = request.form.get("active") == "1"
    centre_admin().set_active(g.principal, user_id, active)
    done("Đã mở lại tài khoản" if active else "Đã khoá tài khoản", "Account reactivated" if active else "Account deactivated")


@admin.post("/admin/officers/<int:user_id>/photo")
@change("admin.officers")
def officer_photo(user_id):
    centre_admin().user(user_id)
    upload = request.files.get("photo")
    name = save_photo(photo_dir(), user_id, upload.read() if upload else b"")
    centre_admin().set_photo(g.principal, user_id, name)
    done("Đã lưu ảnh", "Photo saved")


@admin.get("/api/officers/<int:user_id>/photo")
def officer_photo_file(user_id):
    """Any signed-in principal (a rating tablet with its token, an admin page) may see a photo."""
    try:
        current_principal()
        user = centre_admin().user(user_id)
    except QueueError as exc:
        return jsonify({"error": exc.to_dict()}), exc.status
    if not user["photo"]:
        return jsonify({"error": {"code": "not_found", "message": "Cán bộ chưa có ảnh",
                                  "message_en": "This officer has no photo"}}), 404
    return send_file(photo_dir() / user["photo"], mimetype=photo_mime(user["photo"]), max_age=300)


# -- devices -----------------------------------------------------------------------------------

@admin.get("/admin/devices")
@READ
def devices():
    from .live import connected_device_ids
    online = connected_device_ids(current_app.extensions["motcua.socketio"])
    return page("admin_devices.html", devices=centre_admin().devices(), online=online)


@admin.post("/admin/devices/new")
@change("admin.devices")
def device_new():
    role = request.form.get("role", "")
    name = form_text("name", 64)
    _, token = centre_admin().create_device(g.principal, name, role, form_int("counter", "Số quầy", "Counter"),
                                            form_text("group", 32) or None)
    return page("admin_device_secret.html", device_name=name, secret=token, kind="token")


@admin.post("/admin/devices/<int:device_id>/pair")
@change("admin.devices")
def device_pair_code(device_id):
    code, expires = centre_admin().pairing_code(g.principal, device_id)
    device = centre_admin().device(device_id)
    return page("admin_device_secret.html", device_name=device["name"], secret=code, kind="code", expires=expires,
                ca_pin=_ca_pin())


def _ca_pin() -> str | None:
    """The pin of the centre's CA when the server serves HTTPS itself (web/transport.py)."""
    ca = current_app.config.get("MOTCUA_TLS_CA")
    if not ca:
        return None
    from ..deploy.tls import pin_of
    return pin_of(Path(ca).read_bytes())


@admin.get("/api/tls/ca.pem")
def tls_ca():
    """The centre's CA certificate (public): a pairing device fetches it and checks its pin."""
    ca = current_app.config.get("MOTCUA_TLS_CA")
    if not ca:
        return jsonify({"error": {"code": "not_found", "message": "Máy chủ không tự phục vụ HTTPS",
                                  "message_en": "This server does not serve HTTPS itself"}}), 404
    return send_file(ca, mimetype="application/x-pem-file")


@admin.post("/admin/devices/<int:device_id>/revoke")
@change("admin.devices")
def device_revoke(device_id):
    device = centre_admin().device(device_id)
    count = centre_admin().revoke_device(g.principal, device_id)
    done(f"Đã thu hồi {count} mã của thiết bị {device['name']}; thiết bị đã bị ngắt kết nối",
         f"Revoked {count} token(s) of {device['name']}; it was disconnected")


@admin.post("/api/devices/pair")
def device_pair():
    """A device exchanges a one-time pairing code for its token: {"code": "ABCD2345"}."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        err = invalid("Cần mã ghép nối: {\"code\": \"...\"}", "Send the pairing code as JSON {\"code\": \"...\"}")
        return jsonify({"error": err.to_dict()}), 400
    throttle, keys = current_app.extensions["motcua"].auth.throttle, pairing_keys(client_address())
    try:
        throttle.check(*keys)                   # guessing codes is slowed down like guessing passwords
        device, token = centre_admin().pair(data["code"])
    except QueueError as exc:
        if exc.code == "bad_code":
            throttle.failed(*keys)
        return jsonify({"error": exc.to_dict()}), exc.status
    throttle.succeeded(keys[0])
    return jsonify({"token": token, "device": device, "centre": centre_admin().centre_id})
