"""Upgrades: a backup before pending migrations; a failed migration leaves the database untouched."""
import sqlite3

import pytest

from queue_server.storage import Store, migrations
from queue_server.storage.backup import integrity_problems


def _snapshot(path):
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("PRAGMA user_version").fetchone()[0],
                conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall(),
                conn.execute("SELECT target FROM audit_log ORDER BY id").fetchall())
    finally:
        conn.close()


@pytest.fixture
def old_db(tmp_path):
    """A database of the current schema with a row in it."""
    path = tmp_path / "data" / "centre.db"
    store = Store(path)
    with store.transaction() as conn:
        conn.execute("INSERT INTO audit_log (centre_id, at, actor, role, action, target) "
                     "VALUES ('c', '2026', 'a', 'admin', 'x', 'kept')")
    store.close()
    return path


def _good_step(db):
    db.execute("CREATE TABLE upgrade_marker (x INTEGER)")


def _failing_step(db):
    db.execute("ALTER TABLE audit_log ADD COLUMN half_done TEXT")
    raise sqlite3.OperationalError("deliberate failure in the middle of an upgrade")


def test_new_database_gets_no_backup(tmp_path):
    Store(tmp_path / "new.db").close()
    assert not (tmp_path / "backups").exists()


def test_pending_migration_is_preceded_by_a_backup(old_db, monkeypatch):
    current = len(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [_good_step])
    before = _snapshot(old_db)
    store = Store(old_db)
    assert store.schema_version == current + 1
    store.close()
    (backup,) = (old_db.parent / "backups").glob(f"pre-migration-v{current}-to-v{current + 1}-*.db")
    assert integrity_problems(backup) == []
    assert _snapshot(backup) == before


def test_failed_migration_leaves_the_database_untouched(old_db, monkeypatch):
    before = _snapshot(old_db)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [_good_step, _failing_step])
    with pytest.raises(sqlite3.OperationalError, match="deliberate"):
        Store(old_db)
    assert _snapshot(old_db) == before             # not even the good step before it
    assert integrity_problems(old_db) == []
    monkeypatch.undo()
    assert Store(old_db).schema_version == before[0]   # the old program still opens it
