"""Login throttling: guesses from one address slow down, the officer's own counter PC does not,
unknown usernames cost as much as wrong passwords, and pairing codes are throttled the same way."""
from __future__ import annotations

import time

import pytest

import queue_server.auth as auth_module
from queue_server.auth import HASH_METHOD, Principal, Role
from queue_server.throttle import FREE_PER_ADDRESS, FREE_PER_USER, MAX_DELAY, delay_after

ATTACKER, COUNTER_PC = "10.0.0.66", "10.0.0.11"


def _login(centre, username, password, address):
    return centre.app.test_client().post("/api/login", json={"username": username, "password": password},
                                         environ_base={"REMOTE_ADDR": address})


def _guess_until_refused(centre, username, address, tries=30):
    codes = [_login(centre, username, f"doan-sai-{i}", address).status_code for i in range(tries)]
    return codes


def test_guessing_is_refused_after_a_few_tries_even_with_the_right_password(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    codes = _guess_until_refused(centre, "hoa", ATTACKER)
    assert codes[:FREE_PER_USER] == [401] * FREE_PER_USER
    assert set(codes[FREE_PER_USER:]) == {429}                 # no password is checked while delayed
    refused = _login(centre, "hoa", "matkhau1", ATTACKER)
    assert refused.status_code == 429 and refused.get_json()["error"]["code"] == "too_many_attempts"
    assert int(refused.headers["Retry-After"]) >= 1
    assert "vui lòng thử lại sau" in refused.get_json()["error"]["message"]


def test_the_officers_own_counter_pc_is_not_locked_out(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    _guess_until_refused(centre, "hoa", ATTACKER)
    assert _login(centre, "hoa", "matkhau1", COUNTER_PC).status_code == 200


def test_after_the_delay_the_right_password_gets_in(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    _guess_until_refused(centre, "hoa", ATTACKER, tries=FREE_PER_USER + 1)
    assert _login(centre, "hoa", "matkhau1", ATTACKER).status_code == 429
    centre.clock.advance(seconds=MAX_DELAY)
    assert _login(centre, "hoa", "matkhau1", ATTACKER).status_code == 200


def test_delays_grow_and_are_capped():
    assert [delay_after(n, 5) for n in range(4, 9)] == [0, 1, 2, 4, 8]
    assert delay_after(10_000, 5) == MAX_DELAY


def test_spraying_many_usernames_from_one_address_is_throttled(centre):
    codes = [_login(centre, f"nguoi{i}", "matkhau1", ATTACKER).status_code for i in range(FREE_PER_ADDRESS + 3)]
    assert codes[:FREE_PER_ADDRESS] == [401] * FREE_PER_ADDRESS and codes[-1] == 429


def test_the_admin_page_login_is_throttled_too(centre):
    centre.officer("quantri", "Quản Trị", "matkhau-qt", role="admin")
    http = centre.app.test_client()
    http.get("/login")
    with http.session_transaction() as sess:
        csrf = sess["csrf"]
    codes = [http.post("/login", data={"username": "quantri", "password": f"sai-{i}", "csrf": csrf},
                       environ_base={"REMOTE_ADDR": ATTACKER}).status_code for i in range(FREE_PER_USER + 2)]
    assert codes[:FREE_PER_USER] == [401] * FREE_PER_USER and codes[-1] == 429


def test_unknown_and_inactive_usernames_cost_a_full_password_hash(centre, monkeypatch):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    checked = []
    real = auth_module.check_password_hash
    monkeypatch.setattr(auth_module, "check_password_hash", lambda h, p: checked.append(h) or real(h, p))
    _login(centre, "khong-co-ai", "matkhau1", ATTACKER)
    _login(centre, "hoa", "sai-roi-1", ATTACKER)
    assert len(checked) == 2 and all(h.startswith(HASH_METHOD + "$") for h in checked)


def test_unknown_username_answers_no_faster_than_a_wrong_password(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    _login(centre, "khong-co-ai", "x", "10.1.0.1")                  # the dummy hash is made once

    def fastest(username, base):
        times = []
        for i in range(3):
            start = time.perf_counter()
            assert _login(centre, username, f"sai-{i}", f"{base}.{i}").status_code == 401
            times.append(time.perf_counter() - start)
        return min(times)
    unknown, wrong = fastest("khong-co-ai", "10.2.0"), fastest("hoa", "10.3.0")
    assert unknown > 0.5 * wrong, f"unknown user {unknown * 1000:.0f} ms vs wrong password {wrong * 1000:.0f} ms"


@pytest.fixture
def pairing_code(centre):
    admin, principal = centre.app.extensions["motcua.admin"], Principal("user", 99, Role.ADMIN, "Quản trị", "x")
    device_id, _ = admin.create_device(principal, "man-hinh-sanh", "display", group="A")
    code, _ = admin.pairing_code(principal, device_id)
    return code


def _pair(centre, code, address):
    return centre.app.test_client().post("/api/devices/pair", json={"code": code},
                                         environ_base={"REMOTE_ADDR": address})


def test_guessing_pairing_codes_is_throttled(centre, pairing_code):
    codes = [_pair(centre, f"ABCD{i:04d}", ATTACKER).status_code for i in range(FREE_PER_USER + 3)]
    assert codes[:FREE_PER_USER] == [400] * FREE_PER_USER and set(codes[FREE_PER_USER:]) == {429}
    assert _pair(centre, pairing_code, ATTACKER).status_code == 429     # even the right code, meanwhile
    assert _pair(centre, pairing_code, COUNTER_PC).status_code == 200   # the installer's device pairs
