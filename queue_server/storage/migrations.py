"""Schema migrations, applied in order; `PRAGMA user_version` records the last one applied."""
from __future__ import annotations

from sqlite_utils import Database


def _v1_queue(db: Database) -> None:
    # Raw SQL throughout: sqlite-utils' table helpers commit on their own, which would end the
    # migration's transaction early.
    db.execute("""CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, centre_id TEXT NOT NULL, type TEXT NOT NULL,
        at TEXT NOT NULL, ticket_id TEXT, counter INTEGER, officer_id INTEGER, data TEXT NOT NULL)""")
    db.execute("CREATE INDEX idx_events_at ON events(centre_id, at)")
    db.execute("CREATE INDEX idx_events_type ON events(type, at)")
    db.execute("""CREATE TABLE tickets (
        id TEXT PRIMARY KEY, centre_id TEXT NOT NULL, service_day TEXT NOT NULL,
        service_id TEXT NOT NULL, department_id TEXT NOT NULL, issued_service_id TEXT NOT NULL,
        number INTEGER NOT NULL, label TEXT NOT NULL, priority INTEGER NOT NULL, source TEXT NOT NULL,
        status TEXT NOT NULL, issued_at TEXT NOT NULL, queue_at TEXT NOT NULL, called_at TEXT,
        started_at TEXT, finished_at TEXT, counter INTEGER, officer_id INTEGER,
        recalls INTEGER NOT NULL DEFAULT 0, target_counter INTEGER, transfers INTEGER NOT NULL DEFAULT 0,
        dossier_code TEXT,
        UNIQUE (centre_id, service_day, issued_service_id, number))""")
    db.execute("CREATE INDEX idx_tickets_day ON tickets(centre_id, service_day, status)")
    db.execute("CREATE INDEX idx_tickets_issued ON tickets(centre_id, issued_at)")
    db.execute("""CREATE TABLE counters (
        centre_id TEXT NOT NULL, number INTEGER NOT NULL, status TEXT NOT NULL,
        officer_id INTEGER, officer_name TEXT NOT NULL DEFAULT '', ticket_id TEXT, since TEXT,
        PRIMARY KEY (centre_id, number))""")
    db.execute("CREATE TABLE service_days (centre_id TEXT PRIMARY KEY, service_day TEXT NOT NULL)")


def _v2_people_and_devices(db: Database) -> None:
    db.execute("""CREATE TABLE users (
        id INTEGER PRIMARY KEY, centre_id TEXT NOT NULL, username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', role TEXT NOT NULL,
        department_id TEXT, password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL)""")
    db.execute("""CREATE TABLE devices (
        id INTEGER PRIMARY KEY, centre_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
        counter INTEGER, display_group TEXT, created_at TEXT NOT NULL, last_seen TEXT,
        status TEXT NOT NULL DEFAULT '{}', UNIQUE (centre_id, name))""")
    db.execute("""CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, user_id INTEGER REFERENCES users(id),
        device_id INTEGER REFERENCES devices(id), created_at TEXT NOT NULL, expires_at TEXT,
        revoked_at TEXT)""")


def _v3_ratings(db: Database) -> None:
    db.execute("""CREATE TABLE ratings (
        id TEXT PRIMARY KEY, centre_id TEXT NOT NULL, ticket_id TEXT UNIQUE, service_id TEXT,
        department_id TEXT, counter INTEGER NOT NULL, officer_id INTEGER, style TEXT NOT NULL,
        value TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '', at TEXT NOT NULL, device_id INTEGER)""")
    db.execute("CREATE INDEX idx_ratings_at ON ratings(centre_id, at)")


def _v4_dossiers(db: Database) -> None:
    # *_day columns are local (Asia/Ho_Chi_Minh) days as date.toordinal(), computed when written:
    # SQLite's julianday() would take the UTC day of a +07:00 timestamp. closed_day is 10**9 while open.
    db.execute("""CREATE TABLE dossiers (
        centre_id TEXT NOT NULL, code TEXT NOT NULL, procedure TEXT NOT NULL, department_id TEXT NOT NULL,
        applicant_name TEXT NOT NULL DEFAULT '', applicant_phone TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL, due_at TEXT NOT NULL, resolved_at TEXT, status TEXT NOT NULL,
        channel TEXT NOT NULL, level INTEGER, received_day INTEGER NOT NULL, due_day INTEGER NOT NULL,
        closed_day INTEGER NOT NULL, outcome INTEGER NOT NULL, online INTEGER NOT NULL,
        level34 INTEGER NOT NULL, fingerprint TEXT NOT NULL, source TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (centre_id, code))""")
    db.execute("CREATE INDEX idx_dossiers_facts ON dossiers(centre_id, received_day, closed_day, department_id, "
               "due_day, outcome, online, level34)")
    db.execute("CREATE INDEX idx_dossiers_board ON dossiers(centre_id, outcome, status, due_day)")
    db.execute("""CREATE TABLE dossier_history (
        id INTEGER PRIMARY KEY, centre_id TEXT NOT NULL, code TEXT NOT NULL, status TEXT NOT NULL,
        at TEXT NOT NULL, source TEXT NOT NULL, actor TEXT NOT NULL DEFAULT '', counter INTEGER)""")
    db.execute("CREATE INDEX idx_dossier_history ON dossier_history(centre_id, code, id)")
    db.execute("""CREATE TABLE dossier_imports (
        id INTEGER PRIMARY KEY, centre_id TEXT NOT NULL, at TEXT NOT NULL, filename TEXT NOT NULL,
        sha256 TEXT NOT NULL, actor TEXT NOT NULL DEFAULT '', accepted INTEGER NOT NULL, new INTEGER NOT NULL,
        changed INTEGER NOT NULL, unchanged INTEGER NOT NULL, rejected INTEGER NOT NULL,
        repeated INTEGER NOT NULL)""")


def _v5_ticket_requests(db: Database) -> None:
    # The kiosk's idempotency key: a repeated issue request (a retry after a dropped connection)
    # finds the ticket it already made instead of issuing a second one.
    db.execute("ALTER TABLE tickets ADD COLUMN request_id TEXT")
    db.execute("CREATE UNIQUE INDEX idx_tickets_request ON tickets(centre_id, request_id) "
               "WHERE request_id IS NOT NULL")


def _v6_admin(db: Database) -> None:
    # The admin side: the centre configuration as edited live (applied over the TOML on start),
    # the audit log of every admin change, and one-time device pairing codes (stored hashed).
    db.execute("""CREATE TABLE centre_config (
        version INTEGER PRIMARY KEY AUTOINCREMENT, centre_id TEXT NOT NULL, data TEXT NOT NULL,
        at TEXT NOT NULL, actor TEXT NOT NULL)""")
    db.execute("""CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY, centre_id TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL,
        role TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, before TEXT, after TEXT)""")
    db.execute("CREATE INDEX idx_audit_at ON audit_log(centre_id, id)")
    db.execute("""CREATE TABLE pairing_codes (
        code_hash TEXT PRIMARY KEY, device_id INTEGER NOT NULL REFERENCES devices(id),
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT)""")
    db.execute("ALTER TABLE users ADD COLUMN photo TEXT")


def _v7_report_indexes(db: Database) -> None:
    # Reports (storage/reports.py) group a month's rows inside these indexes without touching the
    # table: Phụ lục II by (department, value) in index order; the queue cells from every column
    # they read, so 2 M tickets are one covering range scan on the service days.
    db.execute("CREATE INDEX idx_ratings_report ON ratings(centre_id, style, department_id, value, at)")
    db.execute("CREATE INDEX idx_tickets_report ON tickets(centre_id, service_day, department_id, service_id, "
               "officer_id, status, transfers, issued_at, called_at, started_at, finished_at)")


def _v8_officer_title(db: Database) -> None:
    db.execute("ALTER TABLE counters ADD COLUMN officer_title TEXT NOT NULL DEFAULT ''")


# -- migration 9: report summaries kept exact by triggers ---------------------------------------
# Reports read per-day summaries instead of scanning a month's rows (2 M tickets, 1.5 M ratings):
# every insert, update or delete of a ticket or rating subtracts the old row's contribution and
# adds the new one's, in the same transaction. officer -1 and department '' stand for NULL (a
# primary key cannot hold NULL); storage/reports.py maps them back. Times are whole seconds as the
# pure path computes them (reporting/queue_stats.py); histograms are STEP = 10 s buckets kept as a
# JSON object {bucket: tickets} per day, department, service, officer and kind ('wait' | 'serve').

def _ticket_terms(row: str) -> dict[str, str]:
    """SQL expressions of one ticket row (NEW or OLD) feeding the summaries."""
    seconds = "(CAST(round((julianday({r}.{e}) - julianday({r}.{s})) * 86400000) AS INTEGER) / 1000)"
    wait = seconds.format(r=row, s="issued_at", e="called_at")
    serve = f"CASE WHEN {row}.status = 'done' THEN {seconds.format(r=row, s='started_at', e='finished_at')} END"
    return {"key": f"{row}.centre_id, {row}.service_day, {row}.department_id, {row}.service_id, "
                   f"IFNULL({row}.officer_id, -1)",
            "hour": f"CAST(substr({row}.issued_at, 12, 2) AS INTEGER)", "transferred": f"({row}.transfers > 0)",
            "status": f"{row}.status", "wait": wait, "serve": serve}


def _ticket_delta(row: str, sign: int) -> str:
    """Statements adding (sign 1) or removing (sign -1) one ticket row's share of the summaries."""
    t = _ticket_terms(row)
    cell = (f"INSERT INTO report_ticket_cells VALUES ({t['key']}, {t['status']}, {t['hour']}, {t['transferred']}, "
            f"{sign}, {sign} * IFNULL({t['wait']}, 0), {sign} * ({t['wait']} IS NOT NULL), "
            f"{sign} * IFNULL({t['serve']}, 0), {sign} * ({t['serve']} IS NOT NULL)) "
            "ON CONFLICT DO UPDATE SET n = n + excluded.n, wait_sum = wait_sum + excluded.wait_sum, "
            "wait_n = wait_n + excluded.wait_n, serve_sum = serve_sum + excluded.serve_sum, "
            "serve_n = serve_n + excluded.serve_n;")
    hists = []
    for kind in ("wait", "serve"):
        bucket = f"CAST(({t[kind]} + 9) / 10 AS TEXT)"
        path = f"'$.\"' || {bucket} || '\"'"
        hists.append(
            f"INSERT INTO report_ticket_hist SELECT {t['key']}, '{kind}', json_object({bucket}, {sign}) "
            f"WHERE {t[kind]} IS NOT NULL ON CONFLICT DO UPDATE SET "
            f"counts = json_set(counts, {path}, IFNULL(json_extract(counts, {path}), 0) + {sign});")
    return "\n".join([cell, *hists])


def _rating_delta(row: str, sign: int) -> str:
    return (f"INSERT INTO report_rating_days VALUES ({row}.centre_id, substr({row}.at, 1, 10), {row}.style, "
            f"IFNULL({row}.department_id, ''), {row}.counter, IFNULL({row}.officer_id, -1), {row}.value, {sign}) "
            "ON CONFLICT DO UPDATE SET n = n + excluded.n;")


_TICKET_COLUMNS_READ = ("centre_id, service_day, department_id, service_id, officer_id, status, issued_at, "
                        "called_at, started_at, finished_at, transfers")
_RATING_COLUMNS_READ = "centre_id, at, style, department_id, counter, officer_id, value"


def _v9_report_summaries(db: Database) -> None:
    db.execute("""CREATE TABLE report_ticket_cells (
        centre_id TEXT NOT NULL, service_day TEXT NOT NULL, department_id TEXT NOT NULL,
        service_id TEXT NOT NULL, officer INTEGER NOT NULL, status TEXT NOT NULL, hour INTEGER NOT NULL,
        transferred INTEGER NOT NULL, n INTEGER NOT NULL, wait_sum INTEGER NOT NULL, wait_n INTEGER NOT NULL,
        serve_sum INTEGER NOT NULL, serve_n INTEGER NOT NULL,
        PRIMARY KEY (centre_id, service_day, department_id, service_id, officer, status, hour, transferred))
        WITHOUT ROWID""")
    db.execute("""CREATE TABLE report_ticket_hist (
        centre_id TEXT NOT NULL, service_day TEXT NOT NULL, department_id TEXT NOT NULL,
        service_id TEXT NOT NULL, officer INTEGER NOT NULL, kind TEXT NOT NULL, counts TEXT NOT NULL,
        PRIMARY KEY (centre_id, service_day, department_id, service_id, officer, kind)) WITHOUT ROWID""")
    db.execute("""CREATE TABLE report_rating_days (
        centre_id TEXT NOT NULL, day TEXT NOT NULL, style TEXT NOT NULL, department TEXT NOT NULL,
        counter INTEGER NOT NULL, officer INTEGER NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (centre_id, day, style, department, counter, officer, value)) WITHOUT ROWID""")
    for table, delta, columns in (("tickets", _ticket_delta, _TICKET_COLUMNS_READ),
                                  ("ratings", _rating_delta, _RATING_COLUMNS_READ)):
        db.execute(f"CREATE TRIGGER report_{table}_insert AFTER INSERT ON {table} BEGIN\n{delta('NEW', 1)}\nEND")
        db.execute(f"CREATE TRIGGER report_{table}_delete AFTER DELETE ON {table} BEGIN\n{delta('OLD', -1)}\nEND")
        db.execute(f"CREATE TRIGGER report_{table}_update AFTER UPDATE OF {columns} ON {table} BEGIN\n"
                   f"{delta('OLD', -1)}\n{delta('NEW', 1)}\nEND")
    _backfill_report_summaries(db)
    # The scans these indexes served are gone; the lists of ratings read by value and comment.
    db.execute("DROP INDEX IF EXISTS idx_tickets_report")
    db.execute("DROP INDEX IF EXISTS idx_ratings_report")
    db.execute("CREATE INDEX idx_ratings_value ON ratings(centre_id, value, at)")
    db.execute("CREATE INDEX idx_ratings_comment ON ratings(centre_id, at) WHERE comment <> ''")


def _backfill_report_summaries(db: Database) -> None:
    """Summaries of the rows already there (a database upgraded from migration 8)."""
    t = _ticket_terms("tickets")
    db.execute(f"""INSERT INTO report_ticket_cells
        SELECT {t['key']}, {t['status']}, {t['hour']}, {t['transferred']}, COUNT(*), IFNULL(SUM({t['wait']}), 0),
               COUNT({t['wait']}), IFNULL(SUM({t['serve']}), 0), COUNT({t['serve']})
        FROM tickets GROUP BY 1, 2, 3, 4, 5, 6, 7, 8""")
    for kind in ("wait", "serve"):
        db.execute(f"""INSERT INTO report_ticket_hist
            SELECT c, d, dept, s, o, '{kind}', json_group_object(CAST(b AS TEXT), n)
            FROM (SELECT centre_id AS c, service_day AS d, department_id AS dept, service_id AS s,
                         IFNULL(officer_id, -1) AS o, ({t[kind]} + 9) / 10 AS b, COUNT(*) AS n
                  FROM tickets WHERE {t[kind]} IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6)
            GROUP BY 1, 2, 3, 4, 5""")
    db.execute("""INSERT INTO report_rating_days SELECT centre_id, substr(at, 1, 10), style, IFNULL(department_id, ''),
        counter, IFNULL(officer_id, -1), value, COUNT(*) FROM ratings GROUP BY 1, 2, 3, 4, 5, 6, 7""")


def _v10_rating_quarantine(db: Database) -> None:
    """Ratings the server refused for good wait here for an administrator: never deleted, only
    resolved (accepted into the ratings, or dismissed with a reason)."""
    db.execute("""CREATE TABLE rating_quarantine (
        id TEXT PRIMARY KEY, centre_id TEXT NOT NULL, received_at TEXT NOT NULL, device_id INTEGER,
        device_name TEXT NOT NULL DEFAULT '', counter INTEGER, ticket_id TEXT, style TEXT, value TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '', rated_at TEXT, code TEXT NOT NULL, reason TEXT NOT NULL,
        reason_en TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open', resolved_at TEXT, resolved_by TEXT,
        resolution TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX idx_rating_quarantine_status ON rating_quarantine(centre_id, status, received_at)")


def _v11_credential_generation(db: Database) -> None:
    """One counter bumped by triggers whenever a credential ends or changes authority (token revoked,
    expired early or deleted; a user's role, activity or centre changed; a device changed or deleted),
    whichever process or code path did it: servers compare it to notice ended credentials at once."""
    db.execute("CREATE TABLE credential_generation (id INTEGER PRIMARY KEY CHECK (id = 1), "
               "generation INTEGER NOT NULL)")
    db.execute("INSERT INTO credential_generation (id, generation) VALUES (1, 0)")
    bump = "BEGIN UPDATE credential_generation SET generation = generation + 1 WHERE id = 1; END"
    db.execute(f"""CREATE TRIGGER credential_end_token AFTER UPDATE OF revoked_at, expires_at ON tokens
        WHEN OLD.revoked_at IS NOT NEW.revoked_at OR OLD.expires_at IS NOT NEW.expires_at {bump}""")
    db.execute(f"CREATE TRIGGER credential_end_token_deleted AFTER DELETE ON tokens {bump}")
    db.execute(f"""CREATE TRIGGER credential_end_user AFTER UPDATE OF role, active, centre_id ON users
        WHEN OLD.role IS NOT NEW.role OR OLD.active IS NOT NEW.active OR OLD.centre_id IS NOT NEW.centre_id
        {bump}""")
    db.execute(f"CREATE TRIGGER credential_end_user_deleted AFTER DELETE ON users {bump}")
    db.execute(f"""CREATE TRIGGER credential_end_device AFTER UPDATE OF role, counter, display_group, centre_id
        ON devices WHEN OLD.role IS NOT NEW.role OR OLD.counter IS NOT NEW.counter
        OR OLD.display_group IS NOT NEW.display_group OR OLD.centre_id IS NOT NEW.centre_id {bump}""")
    db.execute(f"CREATE TRIGGER credential_end_device_deleted AFTER DELETE ON devices {bump}")


def _v12_dossier_returns(db: Database) -> None:
    # Phụ lục I's "returned" column looks up the period's return statuses in the history.
    db.execute("CREATE INDEX IF NOT EXISTS idx_dossier_history_status ON dossier_history(centre_id, status, at)")


MIGRATIONS = [_v1_queue, _v2_people_and_devices, _v3_ratings, _v4_dossiers, _v5_ticket_requests, _v6_admin,
              _v7_report_indexes, _v8_officer_title, _v9_report_summaries,
              _v10_rating_quarantine, _v11_credential_generation, _v12_dossier_returns]


def migrate(db: Database, before=None, migrations: list | None = None) -> int:
    """Apply the pending migrations, all in one transaction; return the schema version.

    All or nothing: if any step fails the database is left exactly as it was (SQLite's DDL is
    transactional), so an upgrade that fails can be retried or rolled back to the old program.
    `before(old, new)` runs first when something is pending (the Store takes a backup there).
    """
    steps = MIGRATIONS if migrations is None else migrations
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version >= len(steps):
        return len(steps)
    if before is not None:
        before(version, len(steps))
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] != version:
            raise RuntimeError("another process migrated the database meanwhile")
        for step in steps[version:]:
            step(db)
        db.conn.execute(f"PRAGMA user_version = {len(steps)}")
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    return len(steps)
