"""Benchmark: Phụ lục II over 1,500,000 ratings and the queue statistics over 2,000,000 tickets
(issue 8 target: under 1 s each on the 2-core development machine).

Writes a reporting month (16/10/2026 – 15/11/2026, cut-off 15) of the demo centre's 17
departments into a temporary database: tickets issued 07:00–17:00 on working days with a morning
peak, exponential waits and service times, done / absent / expired; 1.5 M of the served tickets
rated. By default the rows go into the schema before migration 9, which then builds the report
summaries (the upgrade path, minutes faster); --through-triggers inserts into the current schema,
every row through the summary triggers. Then times the library calls the report pages make
(`reports_web.library.satisfaction` and `.queue`), first run on a freshly opened store and best
of 3, the whole documents (tables + charts), and the triggers' CPU cost per ticket write.

Run: .venv/bin/python bench/bench_reports.py [--tickets 2000000] [--ratings 1500000] [--through-triggers] [--keep DB]
(--keep: write the database there, or reuse it if it exists.)
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlite_utils import Database  # noqa: E402

from queue_server.config import DEMO_CONFIG, RatingStyle, load_config  # noqa: E402
from queue_server.ratings import RATING_OPTIONS  # noqa: E402
from queue_server.reporting import periods  # noqa: E402
from queue_server.reports_web import library  # noqa: E402
from queue_server.storage import Store  # noqa: E402
from queue_server.storage.migrations import MIGRATIONS, migrate  # noqa: E402
from queue_server.storage.store import TICKET_COLUMNS  # noqa: E402

PERIOD = periods.month(2026, 11)
CENTRE = "tphcc-demo"
RATING_COLUMNS = ["id", "centre_id", "ticket_id", "service_id", "department_id", "counter", "officer_id",
                  "style", "value", "comment", "at", "device_id"]
# Category style: most ratings satisfied, a few dissatisfied, some comments (DOMAIN.md's five options).
RATING_WEIGHTS = {"satisfied_service": 60, "satisfied_attitude": 30, "dissatisfied_competence": 3,
                  "dissatisfied_time": 4, "suggestion": 3}


def _clock(seconds: int) -> str:
    """Seconds since midnight as HH:MM:SS (capped at 23:59:59: nobody is served past midnight)."""
    seconds = min(seconds, 86399)
    return f"{seconds // 3600:02}:{seconds // 60 % 60:02}:{seconds % 60:02}"


def _working_days(period: periods.Period) -> list[date]:
    """Monday–Friday, and Saturday mornings (many centres open then): Saturdays weigh half."""
    days = [period.first_day + timedelta(days=i) for i in range((period.last_day - period.first_day).days + 1)]
    return [d for d in days if d.weekday() < 5] + [d for d in days if d.weekday() == 5]


class Generator:
    """Ticket and rating rows for one month, made fast: times as seconds, formatted once each."""

    def __init__(self, config, seed: int = 2026):
        self.rng = random.Random(seed)
        weights = [max(1.0, 40 / (i + 1)) for i in range(len(config.departments))]  # a few busy departments
        self.services = [(d.id, s.id, w / len(d.services)) for d, w in zip(config.departments, weights)
                         for s in d.services]
        self.counters = {s: [c.number for c in config.counters if s in c.services] or [99]
                         for _, s, _ in self.services}
        self.values = list(RATING_OPTIONS[RatingStyle.CATEGORY])
        self.weights = [RATING_WEIGHTS[v] for v in self.values]

    def tickets(self, n: int, days: list[date]):
        """Yield (ticket row tuple, rating row tuple | None) for n tickets spread over the days."""
        rng, numbers = self.rng, {}
        picks = rng.choices(self.services, weights=[w for _, _, w in self.services], k=n)
        day_of = sorted(rng.choices(range(len(days)), weights=[1 if d.weekday() < 5 else 0.5 for d in days], k=n))
        for i, ((dept, service, _), d) in enumerate(zip(picks, day_of)):
            yield self._ticket(i, days[d], dept, service, numbers)

    def _ticket(self, i: int, day: date, dept: str, service: str, numbers: dict):
        rng = self.rng
        key = (day, service)
        numbers[key] = number = numbers.get(key, 0) + 1
        peak = rng.random() < 0.6
        issued = 25200 + int(rng.triangular(0, 16200, 5400) if peak else rng.uniform(0, 36000))
        if day.weekday() == 5:
            issued = 25200 + int(rng.uniform(0, 16200))
        roll = rng.random()
        status = "done" if roll < 0.86 else "absent" if roll < 0.94 else "expired"
        iso_day = day.isoformat()
        at = lambda s: f"{iso_day}T{_clock(s)}+07:00"  # noqa: E731
        called = started = finished = None
        counter = officer = None
        if status != "expired":
            called = issued + int(rng.expovariate(1 / 900))
            counter = rng.choice(self.counters[service])
            officer = counter
        if status == "done":
            started = called + rng.randint(5, 90)
            finished = started + int(rng.expovariate(1 / 420)) + 30
        ticket_id = f"{iso_day}-{service}-{number}"
        row = (ticket_id, CENTRE, iso_day, service, dept, service, number, f"{number:03}", 0, "kiosk", status,
               at(issued), at(issued), called and at(called), started and at(started),
               finished and at(finished), counter, officer, 0, None, int(rng.random() < 0.03), None)
        return row, self._rating(i, row, finished) if finished is not None else None

    def _rating(self, i: int, ticket: tuple, finished: int):
        value = self.rng.choices(self.values, weights=self.weights)[0]
        comment = "Chờ lâu quá" if value == "dissatisfied_time" else "Cán bộ nhiệt tình" if value == "suggestion" else ""
        at = f"{ticket[2]}T{_clock(finished + 20)}+07:00"
        return (f"r{ticket[0]}", CENTRE, ticket[0], ticket[3], ticket[4], ticket[16], ticket[17], "category", value,
                comment, at, None)


def month_rows(config, tickets: int, ratings: int) -> tuple[list[tuple], list[tuple]]:
    """The month's ticket rows and `ratings` rating rows, both in primary-key order (B-tree
    appends, not random inserts)."""
    gen = Generator(config)
    rows, rated = [], []
    for ticket, rating in gen.tickets(tickets, _working_days(PERIOD)):
        rows.append(ticket)
        if rating is not None:
            rated.append(rating)
    if len(rated) < ratings:
        raise SystemExit(f"only {len(rated):,} served tickets to rate; ask for more tickets")
    gen.rng.shuffle(rated)
    return sorted(rows), sorted(rated[:ratings])


def _insert(conn, rows: list[tuple], rated: list[tuple]) -> None:
    """Both tables in one transaction, the disk's sync off (a throwaway database)."""
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(TICKET_COLUMNS))})", rows)
    conn.executemany(f"INSERT INTO ratings ({', '.join(RATING_COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(RATING_COLUMNS))})", rated)
    conn.execute("COMMIT")
    conn.execute("PRAGMA synchronous = FULL")


def fill_through_triggers(path: Path, config, tickets: int, ratings: int) -> None:
    """Insert into the current schema: every row goes through the summary triggers (slow: minutes)."""
    store = Store(path)
    _insert(store.db.conn, *month_rows(config, tickets, ratings))
    store.db.conn.execute("ANALYZE")
    store.close()


def fill_by_upgrade(path: Path, config, tickets: int, ratings: int) -> None:
    """Insert into the schema before migration 9, then apply it: its backfill builds the
    summaries in a few GROUP BY passes, as when a centre upgrades with its history."""
    db = Database(sqlite3.connect(path, isolation_level=None))
    db.enable_wal()
    migrate(db, migrations=MIGRATIONS[:8])
    _insert(db.conn, *month_rows(config, tickets, ratings))
    t0 = time.perf_counter()
    migrate(db)
    print(f"migration 9 built the summaries in {time.perf_counter() - t0:.1f} s")
    db.conn.execute("ANALYZE")
    db.conn.close()


def _life(row: tuple) -> list[tuple]:
    """A ticket's writes as the queue makes them: issued (waiting), called, serving, finished."""
    i = {c: n for n, c in enumerate(TICKET_COLUMNS)}
    def at(status, called, started, finished):
        r = list(row)
        r[i["status"]], r[i["called_at"]], r[i["started_at"]], r[i["finished_at"]] = status, called, started, finished
        return tuple(r)
    called, started, finished = row[i["called_at"]], row[i["started_at"]], row[i["finished_at"]]
    return [at("waiting", None, None, None), at("called", called, None, None),
            at("serving", called, started, None), at(row[i["status"]], called, started, finished)]


def write_cost(config, tickets: int = 3000) -> None:
    """The summaries' price on the live queue: CPU per ticket write (the store's upsert, one
    transaction each, sync off to leave the disk out), with and without migration 9's triggers."""
    columns = ", ".join(TICKET_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in TICKET_COLUMNS[1:])
    sql = (f"INSERT INTO tickets ({columns}) VALUES ({', '.join('?' * len(TICKET_COLUMNS))}) "
           f"ON CONFLICT(id) DO UPDATE SET {updates}")
    writes = [w for row, _ in Generator(config, seed=7).tickets(tickets, _working_days(PERIOD)) for w in _life(row)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, drop in (("with summary triggers", False), ("without (triggers dropped)", True)):
            store = Store(Path(tmp) / f"w{drop}.db")
            store.db.conn.execute("PRAGMA synchronous = OFF")
            if drop:
                for t in ("tickets_insert", "tickets_update", "tickets_delete"):
                    store.db.conn.execute(f"DROP TRIGGER report_{t}")
            c0 = time.process_time()
            for w in writes:
                with store.transaction() as conn:
                    conn.execute(sql, w)
            cpu = time.process_time() - c0
            print(f"ticket write {label:<28} {cpu / len(writes) * 1e6:7.1f} µs cpu per write ({len(writes):,} writes)")
            store.close()


def _timed(fn) -> tuple[float, float, object]:
    """Wall-clock and CPU seconds of one call (CPU shows the cost when other work shares the cores)."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - t0, time.process_time() - c0, result


def measure(label: str, fn, repeat: int = 3) -> object:
    """Print the first run and the best of `repeat` further runs, in ms (wall, then CPU)."""
    first, first_cpu, result = _timed(fn)
    best = min(_timed(fn)[:2] for _ in range(repeat))
    print(f"{label:<46} first {first * 1000:7.1f} ms (cpu {first_cpu * 1000:7.1f})   "
          f"best of {repeat} {best[0] * 1000:7.1f} ms (cpu {best[1] * 1000:7.1f})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=2_000_000)
    parser.add_argument("--ratings", type=int, default=1_500_000)
    parser.add_argument("--through-triggers", action="store_true",
                        help="insert into the current schema, row by row through the summary triggers "
                             "(default: insert before migration 9, then let it build the summaries)")
    parser.add_argument("--keep", help="write the database here and keep it (default: a temporary file)")
    args = parser.parse_args()
    config = load_config(DEMO_CONFIG)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep or Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        if path.exists():
            Store(path).close()  # migrates an older bench database
            print(f"reusing {path} ({path.stat().st_size / 2**20:,.0f} MiB)")
        else:
            (fill_through_triggers if args.through_triggers else fill_by_upgrade)(path, config, args.tickets,
                                                                                 args.ratings)
            how = "through the triggers" if args.through_triggers else "then migration 9"
            print(f"wrote {args.tickets:,} tickets and {args.ratings:,} ratings ({len(config.departments)} "
                  f"departments, {PERIOD.label}) in {time.perf_counter() - t0:.1f} s ({how}); "
                  f"{path.stat().st_size / 2**20:,.0f} MiB")
        store = Store(path)  # a fresh store: the first run opens its read connection
        report = measure("Phụ lục II (library.satisfaction)", lambda: library.satisfaction(config, store, PERIOD))
        stats = measure("queue statistics (library.queue)", lambda: library.queue(config, store, PERIOD))
        measure("Phụ lục II document (tables + charts)",
                lambda: library.satisfaction_document(config, store, PERIOD), repeat=1)
        measure("queue statistics document (tables + charts)",
                lambda: library.queue_document(config, store, PERIOD), repeat=1)
        measure("rating lists, a page's first 1,000 of each",
                lambda: library.rating_lists(config, store, PERIOD, limit=1000))
        lists = measure("rating lists, every row (files; no target)",
                        lambda: library.rating_lists(config, store, PERIOD), repeat=1)
        print(f"check: {len(lists['dissatisfied']):,} dissatisfied ratings, {len(lists['comments']):,} comments")
        print(f"check: {report.total.total:,} ratings in Phụ lục II; {stats.total.issued:,} tickets issued, "
              f"{stats.total.served:,} served, p90 wait {stats.total.p90_wait} s")
        store.close()
    write_cost(config)


if __name__ == "__main__":
    main()
