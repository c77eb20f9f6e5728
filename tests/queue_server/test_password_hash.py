"""Password hashes: strong (scrypt, 32 MiB each), one at a time (bounded memory), and hashes made
with older parameters still verify and are replaced at the next login."""
from __future__ import annotations

import threading

from werkzeug.security import generate_password_hash

import queue_server.auth as auth_module
from queue_server.auth import HASH_METHOD, HASH_SLOTS, hash_password, needs_rehash, verify_password


def test_hashes_use_scrypt_with_32_mib():
    made = hash_password("matkhau1")
    n, r, _ = (int(x) for x in HASH_METHOD.split(":")[1:])
    assert made.startswith("scrypt:") and 128 * n * r == 32 * 1024 * 1024
    assert verify_password(made, "matkhau1") and not verify_password(made, "matkhau2")


def test_concurrent_logins_hash_one_at_a_time(monkeypatch):
    running, most, lock = [0], [0], threading.Lock()
    real = auth_module.check_password_hash

    def watched(stored, password):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            return real(stored, password)
        finally:
            with lock:
                running[0] -= 1
    monkeypatch.setattr(auth_module, "check_password_hash", watched)
    stored = hash_password("matkhau1")
    results = []
    threads = [threading.Thread(target=lambda: results.append(verify_password(stored, "matkhau1"))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 6 and most[0] == HASH_SLOTS


def test_an_old_hash_still_logs_in_and_is_replaced(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    old = generate_password_hash("matkhau1", method="pbkdf2:sha256:600000")
    user_id = centre.service.accounts.user_by_name("hoa")["id"]
    centre.service.auth.credentials.rehash_password(user_id, centre.service.accounts.user(user_id)["password_hash"], old)
    assert needs_rehash(old)
    other_session = centre.login_token("hoa", "matkhau1")
    stored = centre.service.accounts.user(user_id)["password_hash"]
    assert stored.startswith(HASH_METHOD + "$") and not needs_rehash(stored)
    assert centre.service.auth.principal(other_session).name == "Lê Thị Hoa"     # a re-hash ends no session
    assert centre.login_token("hoa", "matkhau1")
