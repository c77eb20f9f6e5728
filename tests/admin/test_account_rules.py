"""The one account path (CentreAdmin.create_user): for any input, either an account with its audit
row that can log in, or a bilingual refusal that stores nothing."""
from hypothesis import HealthCheck, given, settings, strategies as st

from queue_server.admin.manage import MIN_PASSWORD, CentreAdmin, OfflineCentre, cli_actor
from queue_server.auth import Authenticator
from queue_server.engine import QueueError
from queue_server.storage import Store
from queue_server.storage.accounts import Accounts

usernames = st.one_of(st.sampled_from(["hoa", "le.hoa", "canbo_01", "hoa", "", " ", "a b", "x" * 65, "-x"]),
                      st.text(min_size=0, max_size=12))
passwords = st.one_of(st.sampled_from(["matkhau1", "demo", "demo2026", "-matkhau", "1234567"]),
                      st.text(min_size=0, max_size=12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(attempts=st.lists(st.tuples(usernames, passwords, st.sampled_from(["officer", "admin", "boss"])),
                         min_size=1, max_size=4))
def test_create_user_property_account_or_clean_refusal(tmp_path_factory, demo_config, attempts):
    store = Store(tmp_path_factory.mktemp("accounts") / "c.db")
    admin = CentreAdmin(OfflineCentre(demo_config, store))
    made = {}
    for username, password, role in attempts:
        before = store.query("SELECT count(*) AS n FROM audit_log")[0]["n"]
        try:
            admin.create_user(cli_actor(admin.centre_id), username, "Lê Thị Hoa", role, password)
        except QueueError as exc:
            assert exc.message_vi and exc.message_en and exc.status == 400
            assert store.query("SELECT count(*) AS n FROM audit_log")[0]["n"] == before
            continue
        name = username.strip()
        assert name not in made and len(password) >= MIN_PASSWORD and role in ("officer", "admin")
        made[name] = password
    assert {u["username"] for u in store.query("SELECT username FROM users")} == set(made)
    assert len(store.query("SELECT id FROM audit_log WHERE action = 'user.create'")) == len(made)
    auth = Authenticator(Accounts(store), admin.service.clock)
    for name, password in made.items():
        assert auth.login(name, password)[1].name == "Lê Thị Hoa"
    store.close()
