"""`motcua db backup|list|check|restore`: the command-line side of storage/backup.py."""
import sqlite3

from queue_server.cli import main
from queue_server.storage import Store


def _db(path):
    store = Store(path)
    with store.transaction() as conn:
        conn.execute("INSERT INTO audit_log (centre_id, at, actor, role, action, target) "
                     "VALUES ('c', '2026', 'a', 'admin', 'x', 'row')")
    store.close()
    return path


def test_cli_db_backup_list_check_restore(tmp_path, capsys):
    db = _db(tmp_path / "centre.db")
    assert main(["db", "backup", "--db", str(db), "--dest", str(tmp_path / "b"), "--keep-days", "7"]) == 0
    out = capsys.readouterr().out
    assert "kiểm tra / checked OK" in out
    (backup,) = (tmp_path / "b").glob("motcua-*.db")
    assert main(["db", "list", "--dest", str(tmp_path / "b")]) == 0
    assert str(backup) in capsys.readouterr().out
    assert main(["db", "check", "--db", str(backup)]) == 0
    assert "tốt / ok" in capsys.readouterr().out
    sqlite3.connect(db).execute("DELETE FROM audit_log").connection.commit()
    assert main(["db", "restore", str(backup), "--db", str(db)]) == 0
    assert "before-restore" in capsys.readouterr().out
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 1


def test_cli_db_check_fails_on_a_damaged_database(tmp_path, capsys):
    db = tmp_path / "bad.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    assert main(["db", "check", "--db", str(db)]) == 1
    assert "LỖI / DAMAGED" in capsys.readouterr().err


def test_cli_db_backup_of_nothing_fails_cleanly(tmp_path, capsys):
    assert main(["db", "backup", "--db", str(tmp_path / "none.db"), "--dest", str(tmp_path / "b")]) == 1
    assert "Không có cơ sở dữ liệu" in capsys.readouterr().err
