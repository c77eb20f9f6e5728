"""Dossiers: the registry's rows, their status history and the import log.

Each row keeps, beside the dossier's fields, its local days as ordinals (`received_day`, `due_day`,
`closed_day`) and the report flags, so Phụ lục I reads plain tuples straight from a covering index.
`fingerprint` is a digest of the imported fields: comparing it tells new / changed / unchanged
without building Dossier objects.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..centre_calendar import VN_TZ
from ..dossiers.model import RETURN_STATUSES, Channel, Dossier, DossierStatus, StatusChange
from ..reporting.phu_luc_1 import OPEN_DAY, DossierFacts, Outcome
from .store import Store

COLUMNS = [
    "centre_id", "code", "procedure", "department_id", "applicant_name", "applicant_phone", "received_at",
    "due_at", "resolved_at", "status", "channel", "level", "received_day", "due_day", "closed_day", "outcome",
    "online", "level34", "fingerprint", "source", "updated_at",
]
_UPSERT = (f"INSERT INTO dossiers ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
           f"ON CONFLICT(centre_id, code) DO UPDATE SET "
           + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[2:]))
_CHUNK = 900  # below SQLite's default limit of host parameters


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(VN_TZ).isoformat() if moment is not None else None


def _ordinal(moment: datetime) -> int:
    return moment.astimezone(VN_TZ).date().toordinal()


def fingerprint(d: Dossier) -> str:
    """Digest of the fields an export carries (not the history the queue keeps)."""
    parts = (d.code, d.procedure, d.department_id, d.applicant_name, d.applicant_phone, _iso(d.received_at),
             _iso(d.due_at), _iso(d.resolved_at), d.status.value, d.channel.value, str(d.level))
    return hashlib.blake2b("\x1f".join(p or "" for p in parts).encode(), digest_size=12).hexdigest()


def _outcome(status: DossierStatus) -> Outcome:
    if status.is_resolved:
        return Outcome.RESOLVED
    return Outcome.UNRESOLVED if status.is_unresolved_close else Outcome.OPEN


def row_of(centre_id: str, d: Dossier, source: str, now: datetime, digest: str | None = None) -> tuple:
    """The dossiers row of a Dossier, in COLUMNS order."""
    outcome = _outcome(d.status)
    closed = OPEN_DAY if outcome is Outcome.OPEN or d.resolved_at is None else _ordinal(d.resolved_at)
    return (centre_id, d.code, d.procedure, d.department_id, d.applicant_name, d.applicant_phone,
            _iso(d.received_at), _iso(d.due_at), _iso(d.resolved_at), d.status.value, d.channel.value, d.level,
            _ordinal(d.received_at), _ordinal(d.due_at), closed, int(outcome), int(d.channel is Channel.ONLINE),
            int(d.level in (3, 4)), digest or fingerprint(d), source, now.isoformat())


@dataclass(frozen=True)
class HistoryEntry:
    code: str
    status: DossierStatus
    at: datetime
    source: str            # import, push, scan
    actor: str = ""
    counter: int | None = None


@dataclass(frozen=True)
class Stored:
    """What the diff of an import needs to know of a stored dossier."""

    fingerprint: str
    status: DossierStatus


class Dossiers:
    """Reads and writes of the dossier tables.

    >>> dossiers = Dossiers(store)
    >>> with store.transaction() as conn:
    ...     dossiers.upsert(conn, [row_of("tphcc", d, "import", now)])
    """

    def __init__(self, store: Store):
        self.store = store

    # -- writes (inside the caller's transaction) -----------------------------------------------

    def upsert(self, conn, rows: Iterable[tuple]) -> None:
        conn.executemany(_UPSERT, rows)

    def add_history(self, conn, centre_id: str, entries: Iterable[HistoryEntry]) -> None:
        conn.executemany(
            "INSERT INTO dossier_history (centre_id, code, status, at, source, actor, counter) VALUES (?,?,?,?,?,?,?)",
            ((centre_id, e.code, e.status.value, _iso(e.at), e.source, e.actor, e.counter) for e in entries))

    def log_import(self, conn, centre_id: str, at: datetime, filename: str, sha256: str, actor: str,
                   counts: dict) -> int:
        cur = conn.execute(
            "INSERT INTO dossier_imports (centre_id, at, filename, sha256, actor, accepted, new, changed, unchanged, "
            "rejected, repeated) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (centre_id, at.isoformat(), filename, sha256, actor, counts["accepted"], counts["new"], counts["changed"],
             counts["unchanged"], counts["rejected"], counts["repeated"]))
        return cur.lastrowid

    # -- reads ----------------------------------------------------------------------------------

    def stored(self, centre_id: str, codes: Sequence[str]) -> dict[str, Stored]:
        """Fingerprint and status of the stored dossiers among `codes`."""
        found: dict[str, Stored] = {}
        with self.store._lock:
            conn = self.store.db.conn
            for i in range(0, len(codes), _CHUNK):
                chunk = codes[i:i + _CHUNK]
                sql = (f"SELECT code, fingerprint, status FROM dossiers WHERE centre_id = ? "
                       f"AND code IN ({', '.join('?' * len(chunk))})")
                for code, digest, status in conn.execute(sql, [centre_id, *chunk]):
                    found[code] = Stored(digest, DossierStatus(status))
        return found

    def get(self, centre_id: str, code: str) -> Dossier | None:
        rows = self.store.query("SELECT * FROM dossiers WHERE centre_id = ? AND code = ?", (centre_id, code))
        if not rows:
            return None
        history = self.store.query("SELECT status, at FROM dossier_history WHERE centre_id = ? AND code = ? "
                                   "ORDER BY id", (centre_id, code))
        return _dossier(rows[0], tuple(StatusChange(DossierStatus(h["status"]), _local(h["at"]))
                                       for h in history))

    def history(self, centre_id: str, code: str) -> list[dict]:
        return self.store.query("SELECT status, at, source, counter FROM dossier_history WHERE centre_id = ? "
                                "AND code = ? ORDER BY id", (centre_id, code))

    def facts(self, centre_id: str, first: date, last: date) -> list[DossierFacts]:
        """Phụ lục I's input for the period: dossiers received by `last` and not closed before `first`,
        each with the first day within the period it was sent back to the applicant (if it was)."""
        statuses = ", ".join(f"'{s.value}'" for s in sorted(RETURN_STATUSES))
        # History times are stored in local time with their offset, so the text's date is the local day.
        sql = ("SELECT d.department_id, d.received_day, d.due_day, d.closed_day, d.outcome, d.online, d.level34, "
               "r.day FROM dossiers d LEFT JOIN (SELECT code, MIN(substr(at, 1, 10)) AS day FROM dossier_history "
               f"WHERE centre_id = ? AND status IN ({statuses}) AND at >= ? AND at < ? GROUP BY code) r "
               "ON r.code = d.code WHERE d.centre_id = ? AND d.received_day <= ? AND d.closed_day >= ?")
        after = (last + timedelta(days=1)).isoformat()
        with self.store._lock:
            rows = self.store.db.conn.execute(
                sql, (centre_id, first.isoformat(), after, centre_id, last.toordinal(), first.toordinal())).fetchall()
        ordinal = date.toordinal
        return [(*row[:7], (ordinal(date.fromisoformat(row[7])),) if row[7] else ()) for row in rows]

    def board(self, centre_id: str, today: date, department_id: str | None, limit: int) -> dict[str, list[Dossier]]:
        """The status board's lists: results waiting to be collected, open dossiers due today, overdue ones."""
        where, params = "centre_id = ?", [centre_id]
        if department_id:
            where += " AND department_id = ?"
            params.append(department_id)
        day = today.toordinal()
        lists = {
            "result_ready": (f"{where} AND outcome = 1 AND status = 'result_ready' ORDER BY resolved_at DESC", []),
            "due_today": (f"{where} AND outcome = 0 AND due_day = ? ORDER BY due_at", [day]),
            "overdue": (f"{where} AND outcome = 0 AND due_day < ? ORDER BY due_day", [day]),
        }
        return {name: [_dossier(r) for r in self.store.query(f"SELECT * FROM dossiers WHERE {sql} LIMIT ?",
                                                              (*params, *extra, limit))]
                for name, (sql, extra) in lists.items()}

    def board_counts(self, centre_id: str, today: date) -> list[dict]:
        """Per department: results waiting, due today, overdue."""
        return self.store.query(
            "SELECT department_id, SUM(outcome = 1 AND status = 'result_ready') AS result_ready, "
            "SUM(outcome = 0 AND due_day = ?) AS due_today, SUM(outcome = 0 AND due_day < ?) AS overdue "
            "FROM dossiers WHERE centre_id = ? AND (outcome = 0 OR status = 'result_ready') "
            "GROUP BY department_id ORDER BY department_id", (today.toordinal(), today.toordinal(), centre_id))

    def count(self, centre_id: str) -> int:
        return self.store.query("SELECT COUNT(*) AS n FROM dossiers WHERE centre_id = ?", (centre_id,))[0]["n"]

    def imports(self, centre_id: str, limit: int = 20) -> list[dict]:
        return self.store.query("SELECT * FROM dossier_imports WHERE centre_id = ? ORDER BY id DESC LIMIT ?",
                                (centre_id, limit))


def _local(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).astimezone(VN_TZ) if text else None


def _dossier(row: dict, history: tuple[StatusChange, ...] = ()) -> Dossier:
    return Dossier(
        code=row["code"], procedure=row["procedure"], department_id=row["department_id"],
        received_at=_local(row["received_at"]), due_at=_local(row["due_at"]),
        status=DossierStatus(row["status"]), channel=Channel(row["channel"]), level=row["level"],
        resolved_at=_local(row["resolved_at"]),
        applicant_name=row["applicant_name"], applicant_phone=row["applicant_phone"], history=history)
