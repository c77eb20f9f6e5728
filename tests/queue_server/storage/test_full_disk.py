"""A full or read-only database: every write path says StoreError, applies nothing, and works again
once there is room; nothing else (no sqlite3.OperationalError) ever comes out of a write."""
import sqlite3
from datetime import timedelta

import pytest

from queue_server.engine import Event, QueueEngine, QueueError
from queue_server.storage import Store, StoreError
from queue_server.storage.accounts import Accounts
from queue_server.storage.admin import AdminStore, AuditEntry

from ..faults import limit_pages, unlimit_pages

CENTRE = "tphcc-demo"


class PageLimit:
    """The database may not grow (PRAGMA max_page_count): SQLite answers SQLITE_FULL."""

    def __init__(self, tmp_path):
        self.store = Store(tmp_path / "q.db")

    def fill(self):
        limit_pages(self.store)

    def free(self):
        unlimit_pages(self.store)


class FullFileSystem:
    """The database lives on a small real file system, filled to the last byte."""

    def __init__(self, disk):
        self.disk = disk
        self.store = Store(disk.path / "q.db")

    def fill(self):
        self.disk.fill()

    def free(self):
        self.disk.free()


@pytest.fixture(params=["page_limit", "file_system"])
def full(request, tmp_path):
    if request.param == "page_limit":
        space = PageLimit(tmp_path)
    else:
        space = FullFileSystem(request.getfixturevalue("disk"))
    yield space
    space.store.close()


def _until_refused(write, limit: int = 20_000) -> int:
    """Call write(i) until the database refuses; return how many calls succeeded."""
    for i in range(limit):
        try:
            write(i)
        except StoreError:
            return i
    raise AssertionError(f"{limit} writes and the database never filled up")


def _issue(engine, clock):
    return engine.issue("stp-hotich", clock.advance(seconds=1))


def test_store_full_refuses_with_store_error_and_applies_nothing(full, demo_config, clock):
    engine, store = QueueEngine(demo_config), full.store
    full.fill()
    stored = _until_refused(lambda i: store.commit_events(CENTRE, _issue(engine, clock), engine.state.service_day))
    assert store.last_seq() == stored == store.count_tickets(CENTRE)
    assert not store.db.conn.in_transaction                  # SQLite's own rollback was not repeated
    with pytest.raises(StoreError) as refused:
        store.commit_events(CENTRE, _issue(engine, clock))
    assert refused.value.status == 503 and isinstance(refused.value, QueueError)
    assert refused.value.message_vi.startswith("Máy chủ tạm thời không lưu được")
    full.free()
    assert store.commit_events(CENTRE, _issue(engine, clock)) == stored + 1     # seq goes on, no gap
    assert [r["seq"] for r in store.events_since(0)] == list(range(1, stored + 2))


def _writers(store, clock):
    """Every kind of write outside the queue engine, each making new rows from a counter `i`."""
    accounts, admin = Accounts(store), AdminStore(store)
    entry = AuditEntry("admin (Test)", "admin", "test.write", "test")
    device = admin.add_device(CENTRE, {"name": "kiosk-0", "role": "kiosk"}, "device-token", entry, clock())
    return {
        "accounts.add_token": lambda i: accounts.add_token(f"token-{i}", "session", clock(), device_id=device),
        "accounts.record_status": lambda i: accounts.record_status(
            CENTRE, device, {"printer": f"paper_out {i}" * 20}, Event("device.status", clock(), data={"i": i})),
        "admin.add_user": lambda i: admin.add_user(CENTRE, {"username": f"admin{i}", "name": "Trần Văn Bình " * 20,
                                                            "role": "admin", "password_hash": "x" * 100},
                                                   entry, clock()),
        "admin.add_device": lambda i: admin.add_device(CENTRE, {"name": f"display-{i}", "role": "display"},
                                                       f"device-token-{i}", entry, clock()),
        "admin.add_pairing_code": lambda i: admin.add_pairing_code(CENTRE, device, f"CODE{i:08}", clock(),
                                                                   clock() + timedelta(minutes=15), entry),
        "admin.save_config": lambda i: admin.save_config(CENTRE, {"centre": {"name": "x" * 500, "i": i}}, entry,
                                                         Event("config.changed", clock(), data={"i": i}), []),
    }


@pytest.mark.parametrize("writer", ["accounts.add_token", "accounts.record_status", "admin.add_user", "admin.add_device",
                                    "admin.add_pairing_code", "admin.save_config"])
def test_store_every_writer_refuses_with_store_error_when_full(tmp_path, clock, writer):
    store = Store(tmp_path / "q.db")
    write = _writers(store, clock)[writer]
    limit_pages(store)
    seq = store.last_seq()
    done = _until_refused(write)
    assert not store.db.conn.in_transaction
    unlimit_pages(store)
    write(done + 1)                                            # room again: the same writer works
    if writer in ("accounts.record_status", "admin.save_config"):
        assert store.last_seq() == seq + done + 1              # events: one per success, no gap
    store.close()


def test_store_constraint_is_a_store_error_but_not_a_disk_problem(tmp_path, clock):
    store = Store(tmp_path / "q.db")
    admin, entry = AdminStore(store), AuditEntry("admin (Test)", "admin", "test.write", "test")
    admin.add_device(CENTRE, {"name": "kiosk-1", "role": "kiosk"}, "token-1", entry, clock())
    with pytest.raises(StoreError):
        admin.add_device(CENTRE, {"name": "kiosk-1", "role": "kiosk"}, "token-2", entry, clock())
    assert store.write_health()["problem"] is None
    store.close()


def test_store_write_health_tells_full_from_ok(full, demo_config, clock):
    engine, store = QueueEngine(demo_config), full.store
    assert store.write_health()["problem"] is None
    full.fill()
    _until_refused(lambda i: store.commit_events(CENTRE, _issue(engine, clock)))
    health = store.write_health()
    assert health["problem"] == "full" and health["free_bytes"] < 512 * 1024
    full.free()
    assert store.write_health()["problem"] is None


def test_store_error_in_body_after_sqlite_rolled_back_is_the_store_error(tmp_path, demo_config, clock):
    """A full disk inside a transaction body: SQLite has rolled back; no 'no transaction is active'."""
    store = Store(tmp_path / "q.db")
    limit_pages(store)
    with pytest.raises(StoreError) as refused:
        with store.transaction() as conn:
            conn.execute("CREATE TABLE filler (x BLOB)")
            for _ in range(100):
                conn.execute("INSERT INTO filler VALUES (zeroblob(100000))")
    assert "full" in refused.value.reason and not isinstance(refused.value.__cause__, StoreError)
    assert isinstance(refused.value.__cause__, sqlite3.Error)
    store.close()


def test_store_write_health_reports_a_failing_database_until_a_write_succeeds(tmp_path, demo_config, clock):
    """A refusal that is not about space (here SQLite's read-only mode) is reported as it is."""
    store, engine = Store(tmp_path / "q.db"), QueueEngine(demo_config)
    with store._lock:
        store.db.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(StoreError) as refused:
        store.commit_events(CENTRE, _issue(engine, clock))
    assert "readonly" in refused.value.reason
    health = store.write_health()
    assert health["problem"] == "write_failed" and "readonly" in health["detail"]
    with store._lock:
        store.db.conn.execute("PRAGMA query_only = 0")
    store.commit_events(CENTRE, _issue(engine, clock))
    assert store.write_health()["problem"] is None
    store.close()
