def test_rest_login_wrong_password(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    r = centre.app.test_client().post("/api/login", json={"username": "hoa", "password": "sai"})
    assert r.status_code == 401 and r.get_json()["error"]["message"] == "Sai tên đăng nhập hoặc mật khẩu"


def test_rest_login_cookie_writes_need_csrf(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    http = centre.app.test_client()
    csrf = http.post("/api/login", json={"username": "hoa", "password": "matkhau1"}).get_json()["csrf"]
    assert http.get("/api/me").get_json()["me"]["name"] == "Lê Thị Hoa"
    assert http.post("/api/counters/1/open").status_code == 403
    assert http.post("/api/counters/1/open", headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert http.post("/api/counters/1/open", headers={"X-CSRF-Token": csrf}).status_code == 200


def test_rest_logout_revokes_the_session(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    http = centre.app.test_client()
    body = http.post("/api/login", json={"username": "hoa", "password": "matkhau1"}).get_json()
    assert http.post("/api/logout", headers={"X-CSRF-Token": body["csrf"]}).status_code == 200
    again = centre.app.test_client().get("/api/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert again.status_code == 401


def test_rest_passwords_are_stored_hashed(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    row = centre.service.accounts.user_by_name("hoa")
    assert "matkhau1" not in row["password_hash"] and row["password_hash"].startswith("scrypt:")
