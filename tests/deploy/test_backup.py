"""Online backups, their verification and pruning, integrity check and restore."""
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta

import pytest

from queue_server.storage import Store
from queue_server.storage.backup import (BackupError, backup_database, copy_database, integrity_problems,
                                         restore_database)


def _db_with_rows(path, n=50):
    store = Store(path)
    with store.transaction() as conn:
        for i in range(n):
            conn.execute("INSERT INTO audit_log (centre_id, at, actor, role, action, target) "
                         "VALUES ('c', '2026', 'a', 'admin', 'x', ?)", (f"t{i}",))
    return store


def test_backup_is_a_verified_standalone_copy(tmp_path):
    store = _db_with_rows(tmp_path / "centre.db")
    made = backup_database(tmp_path / "centre.db", tmp_path / "backups", now=datetime(2026, 11, 22, 2, 0))
    assert made.path.name == "motcua-20261122-020000.db"
    assert integrity_problems(made.path) == []
    copy = sqlite3.connect(made.path)
    assert copy.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 50
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not list((tmp_path / "backups").glob("*.partial"))
    store.close()


def test_backup_while_the_server_writes(tmp_path):
    store = _db_with_rows(tmp_path / "centre.db", 1)
    stop = threading.Event()

    def writer():
        while not stop.is_set():
            with store.transaction() as conn:
                conn.execute("INSERT INTO audit_log (centre_id, at, actor, role, action, target) "
                             "VALUES ('c', '2026', 'a', 'admin', 'x', 'w')")
    thread = threading.Thread(target=writer); thread.start()
    try:
        made = backup_database(tmp_path / "centre.db", tmp_path / "b")
    finally:
        stop.set(); thread.join()
    assert integrity_problems(made.path) == []
    assert sqlite3.connect(made.path).execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] >= 1
    store.close()


def test_prune_keeps_the_configured_days_and_other_files(tmp_path):
    _db_with_rows(tmp_path / "centre.db", 1).close()
    dest = tmp_path / "b"
    now = datetime(2026, 11, 22, 2, 0)
    for days in (40, 31, 29, 1):
        backup_database(tmp_path / "centre.db", dest, keep_days=365, now=now - timedelta(days=days))
    (dest / "pre-migration-v6-to-v7-20200101-000000.db").write_bytes(b"")
    made = backup_database(tmp_path / "centre.db", dest, keep_days=30, now=now)
    assert sorted(p.name for p in made.pruned) == ["motcua-20261013-020000.db", "motcua-20261022-020000.db"]
    names = sorted(p.name for p in dest.iterdir())
    assert names == ["motcua-20261024-020000.db", "motcua-20261121-020000.db", "motcua-20261122-020000.db",
                     "pre-migration-v6-to-v7-20200101-000000.db"]


def test_backup_of_a_missing_database_fails(tmp_path):
    with pytest.raises(BackupError) as err:
        backup_database(tmp_path / "none.db", tmp_path / "b")
    assert "Không có" in err.value.message_vi
    assert not (tmp_path / "none.db").exists()


def test_integrity_problems_finds_a_damaged_file(tmp_path):
    _db_with_rows(tmp_path / "centre.db", 2000).close()
    path = tmp_path / "centre.db"
    copy_database(path, tmp_path / "bad.db")
    data = bytearray((tmp_path / "bad.db").read_bytes())
    data[4096 * 3: 4096 * 3 + 2000] = b"\xff" * 2000          # scribble over a b-tree page
    (tmp_path / "bad.db").write_bytes(bytes(data))
    assert integrity_problems(tmp_path / "bad.db")
    assert integrity_problems(tmp_path / "missing.db") == [f"no such file: {tmp_path / 'missing.db'}"]


def test_restore_replaces_and_keeps_the_old_files(tmp_path):
    db = tmp_path / "centre.db"
    _db_with_rows(db, 5).close()
    made = backup_database(db, tmp_path / "b")
    store = Store(db)
    with store.transaction() as conn:
        conn.execute("DELETE FROM audit_log")
    store.close()
    moved = restore_database(made.path, db, now=datetime(2026, 11, 22, 9, 0))
    assert moved.name == "centre.db.before-restore-20261122-090000"
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 5
    assert sqlite3.connect(moved).execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 0
    assert Store(db).schema_version > 0


def test_restore_refuses_while_another_process_holds_the_database(tmp_path):
    db = tmp_path / "centre.db"
    _db_with_rows(db, 1).close()
    made = backup_database(db, tmp_path / "b")
    holder = subprocess.Popen([sys.executable, "-c", "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1]); "
                               "c.execute('SELECT 1 FROM audit_log').fetchall(); print('open', flush=True); "
                               "time.sleep(30)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(BackupError) as err:
            restore_database(made.path, db)
        assert str(holder.pid) in err.value.message_vi
    finally:
        holder.kill(); holder.wait()
    assert restore_database(made.path, db) is not None


def test_restore_refuses_a_damaged_backup(tmp_path):
    db = tmp_path / "centre.db"
    _db_with_rows(db, 1).close()
    (tmp_path / "junk.db").write_bytes(b"not a database" * 100)
    with pytest.raises(BackupError):
        restore_database(tmp_path / "junk.db", db)
    assert integrity_problems(db) == []
