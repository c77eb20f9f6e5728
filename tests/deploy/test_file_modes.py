"""The server's private files: database, WAL, backups and secret key owner-only (0600), the data
directory it creates 0700; files an older version left 0644 are tightened when opened."""
from __future__ import annotations

import os
import stat

from queue_server.app import create_app
from queue_server.cli import main
from queue_server.storage import Store
from queue_server.storage.backup import backup_database, backup_before_migration


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_server_keeps_its_data_owner_only(tmp_path, demo_config):
    old_umask = os.umask(0o022)                              # the usual default: files 0644
    try:
        data = tmp_path / "var" / "motcua"
        app = create_app(demo_config, data / "centre.db")
        assert mode(data) == 0o700
        for name in ("centre.db", "centre.db-wal", "centre.db-shm", "secret_key"):   # WAL files while open
            assert mode(data / name) == 0o600, name
        app.extensions["motcua"].store.close()
        made = backup_database(data / "centre.db", data / "backups")
        assert mode(data / "backups") == 0o700 and mode(made.path) == 0o600
        assert mode(backup_before_migration(data / "centre.db", 1, 2)) == 0o600
    finally:
        os.umask(old_umask)


def test_the_cli_creates_the_database_owner_only(tmp_path):
    db = tmp_path / "new" / "centre.db"
    assert main(["user", "add", "hoa", "--name", "Lê Thị Hoa", "--role", "officer", "--password", "matkhau1",
                 "--db", str(db)]) == 0
    assert mode(db) == 0o600 and mode(db.parent) == 0o700


def test_files_left_readable_by_an_older_version_are_tightened(tmp_path):
    os.chmod(tmp_path, 0o755)
    db = tmp_path / "centre.db"
    Store(db).close()
    for path in (db, tmp_path / "centre.db-wal"):
        if path.exists():
            os.chmod(path, 0o644)
    (tmp_path / "secret_key").write_text("old-key")
    os.chmod(tmp_path / "secret_key", 0o644)
    Store(db).close()
    from queue_server.app import secret_key
    assert secret_key(tmp_path) == "old-key"
    assert mode(db) == 0o600 and mode(tmp_path / "secret_key") == 0o600
    assert mode(tmp_path) == 0o755                           # an existing directory is not ours to change
