"""Officer accounts from the admin side: create, edit, reset password, deactivate, photo."""
from __future__ import annotations

import re

import pytest

from queue_server.engine import QueueError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _flash(client, path="/admin/officers"):
    return re.findall(r'class="flash[^"]*"[^>]*>([^<]*)', client.get(path).get_data(as_text=True))


def test_officer_create_and_log_in(admin_client, centre):
    client, csrf = admin_client
    client.post("/admin/officers/new", data={"csrf": csrf, "username": "lan", "name": "Phạm Thị Lan",
                                             "role": "officer", "password": "matkhau-lan", "title": "Chuyên viên",
                                             "department_id": "stp"})
    assert "Đã tạo tài khoản lan" in _flash(client)[0]
    assert centre.login_token("lan", "matkhau-lan")


def test_officer_create_refuses_short_password_and_taken_name(admin_lib, admin_principal, centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    with pytest.raises(QueueError, match="at least 8"):
        admin_lib.create_user(admin_principal, "lan", "Phạm Thị Lan", "officer", "ngan")
    with pytest.raises(QueueError, match="taken"):
        admin_lib.create_user(admin_principal, "hoa", "Lê Thị Hoa 2", "officer", "matkhau-dai")
    with pytest.raises(QueueError, match="department"):
        admin_lib.create_user(admin_principal, "lan", "Phạm Thị Lan", "officer", "matkhau-dai", department_id="khong")


def test_officer_deactivate_ends_sessions_and_login(admin_lib, admin_principal, centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    token = centre.login_token("hoa", "matkhau1")
    user_id = next(u["id"] for u in admin_lib.users() if u["username"] == "hoa")
    admin_lib.set_active(admin_principal, user_id, False)
    assert centre.app.test_client().get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    with pytest.raises(QueueError):
        centre.login_token("hoa", "matkhau1")
    admin_lib.set_active(admin_principal, user_id, True)
    assert centre.login_token("hoa", "matkhau1")


def test_officer_reset_password_replaces_the_old_one(admin_lib, admin_principal, centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    user_id = admin_lib.users()[0]["id"]
    admin_lib.reset_password(admin_principal, user_id, "matkhau-moi")
    with pytest.raises(QueueError):
        centre.login_token("hoa", "matkhau1")
    assert centre.login_token("hoa", "matkhau-moi")
    assert admin_lib.audit_log()[0]["action"] == "user.reset_password"
    assert admin_lib.audit_log()[0]["after"] is None        # no password hash in the log


def test_officer_update_is_audited_with_before_and_after(admin_lib, admin_principal, centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    user_id = admin_lib.users()[0]["id"]
    admin_lib.update_user(admin_principal, user_id, "Lê Thị Hoa", "officer", "Phó trưởng bộ phận", "stp")
    row = admin_lib.audit_log()[0]
    assert row["before"] == {"title": "", "department_id": None}
    assert row["after"] == {"title": "Phó trưởng bộ phận", "department_id": "stp"}


def test_officer_photo_upload_and_read_by_a_terminal(admin_client, centre):
    client, csrf = admin_client
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    user_id = next(u["id"] for u in centre.app.extensions["motcua.admin"].users() if u["username"] == "hoa")
    from io import BytesIO
    client.post(f"/admin/officers/{user_id}/photo", data={"csrf": csrf, "photo": (BytesIO(PNG), "hoa.png")},
                content_type="multipart/form-data")
    terminal = centre.device("may-danh-gia-1", "terminal", counter=1)
    response = centre.app.test_client().get(f"/api/officers/{user_id}/photo",
                                            headers={"Authorization": f"Bearer {terminal}"})
    assert response.status_code == 200 and response.mimetype == "image/png" and response.data == PNG
    assert centre.app.test_client().get(f"/api/officers/{user_id}/photo").status_code == 401


def test_officer_photo_refuses_a_file_that_is_not_an_image(admin_client, centre):
    client, csrf = admin_client
    from io import BytesIO
    user_id = centre.app.extensions["motcua.admin"].users()[0]["id"]
    client.post(f"/admin/officers/{user_id}/photo", data={"csrf": csrf, "photo": (BytesIO(b"<script>"), "x.png")},
                content_type="multipart/form-data")
    assert "JPEG hoặc PNG" in _flash(client)[0]


def test_officer_admin_cannot_lock_themself_out(admin_lib, centre):
    from queue_server.auth import Principal, Role
    centre.officer("quantri", "Quản Trị", "matkhau-qt", role="admin")
    me = admin_lib.users()[0]
    principal = Principal("user", me["id"], Role.ADMIN, me["name"], centre.service.centre_id)
    with pytest.raises(QueueError):
        admin_lib.set_active(principal, me["id"], False)
    with pytest.raises(QueueError):
        admin_lib.update_user(principal, me["id"], me["name"], "officer", "", None)


def test_officer_photo_served_with_a_relative_database_path(tmp_path, monkeypatch, demo_config):
    from io import BytesIO

    from queue_server.app import create_app
    from tests.conftest import Centre

    from .conftest import login_client
    monkeypatch.chdir(tmp_path)
    app = create_app(demo_config, "var/centre.db", secret="s")          # as `motcua server` by default
    centre = Centre(app, demo_config, None)
    try:
        centre.officer("quantri", "Quản Trị", "matkhau-qt", role="admin")
        client, csrf = login_client(centre, "quantri", "matkhau-qt")
        client.post("/admin/officers/1/photo", data={"csrf": csrf, "photo": (BytesIO(PNG), "a.png")},
                    content_type="multipart/form-data")
        assert (tmp_path / "var" / "photos" / "user-1.png").exists()
        assert client.get("/api/officers/1/photo").data == PNG
    finally:
        app.extensions["motcua"].store.close()
