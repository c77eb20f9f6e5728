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


MIGRATIONS = [_v1_queue, _v2_people_and_devices, _v3_ratings, _v4_dossiers, _v5_ticket_requests, _v6_admin,
              _v7_report_indexes]


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
