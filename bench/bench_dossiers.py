"""Benchmark: import 600,000 dossiers into SQLite through the real import path, then Phụ lục I from the DB.

Generates a CSV export (Vietnamese headers, dd/mm/yyyy dates) with the same distribution as
bench_phu_luc_1.py, imports it with DossierService.import_data (parse, validate, diff, one
transaction), re-imports it (idempotence: nothing changes), and times the report: the fact query
plus compute_from_facts. Target: the report in under 1 s.

Run: .venv/bin/python bench/bench_dossiers.py [N] [--keep DB]
"""
from __future__ import annotations

import io
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_phu_luc_1 import DEPARTMENTS, PERIOD, _dossier  # noqa: E402

from queue_server.clock import FakeClock  # noqa: E402
from queue_server.config import DEMO_CONFIG, load_config  # noqa: E402
from queue_server.dossier_service import DossierService  # noqa: E402
from queue_server.centre_calendar import VN_TZ  # noqa: E402
from queue_server.reporting.phu_luc_1 import format_rows  # noqa: E402
from queue_server.storage import Store  # noqa: E402

HEADER = "Mã hồ sơ;Tên thủ tục;Đơn vị;Người nộp;Số điện thoại;Ngày tiếp nhận;Ngày hẹn trả;Mức độ;Hình thức nộp;Trạng thái;Ngày có kết quả\n"


def _export(total: int, config) -> bytes:
    """A CSV export of `total` dossiers, departments named as in the demo centre."""
    names = [d.name for d in config.departments]
    rng = random.Random(2025)
    out = io.StringIO()
    out.write(HEADER)
    for n in range(total):
        d = _dossier(rng, n)
        dept = names[DEPARTMENTS.index(next(x for x in DEPARTMENTS if x.id == d.department_id))]
        resolved = f"{d.resolved_at:%d/%m/%Y %H:%M}" if d.resolved_at else ""
        out.write(f"{d.code};{d.procedure};{dept};Nguyễn Văn An;0912345678;{d.received_at:%d/%m/%Y %H:%M};"
                  f"{d.due_at:%d/%m/%Y %H:%M};{d.level};{d.channel.label_vi};{d.status.label_vi};{resolved}\n")
    return out.getvalue().encode("utf-8")


def _timed(label: str, fn):
    t0 = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - t0
    print(f"{label:<52} {elapsed:8.2f} s")
    return result, elapsed


def main() -> None:
    args = sys.argv[1:]
    total = int(args[0]) if args and args[0].isdigit() else 600_000
    keep = args[args.index("--keep") + 1] if "--keep" in args else None
    config = load_config(DEMO_CONFIG)
    data, _ = _timed(f"generate a CSV export of {total:,} dossiers", lambda: _export(total, config))
    print(f"{'  size':<52} {len(data) / 1e6:8.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        db = keep or str(Path(tmp) / "bench.db")
        clock = FakeClock(__import__("datetime").datetime(2025, 3, 20, 8, 0, tzinfo=VN_TZ))
        registry = DossierService(config, Store(db), clock)
        report, _ = _timed("import (parse + validate + diff + one transaction)",
                           lambda: registry.import_data(data, "csv", "bench.csv"))
        print(f"{'  accepted / new / rejected':<52} {report.accepted:,} / {report.new:,} / {len(report.rejected):,}")
        again, _ = _timed("re-import the same file (idempotent)", lambda: registry.import_data(data, "csv"))
        print(f"{'  new / changed / unchanged':<52} {again.new} / {again.changed} / {again.unchanged:,}")
        facts, _ = _timed("fact query (SQLite, covering index)",
                          lambda: registry.dossiers.facts(config.centre.id, PERIOD.first_day, PERIOD.last_day))
        print(f"{'  rows':<52} {len(facts):,}")
        best = min(_timed("Phụ lục I from the DB (query + computation)", lambda: registry.report(PERIOD))[1]
                   for _ in range(3))
        table = format_rows(registry.report(PERIOD))
        print("total row:     ", " | ".join(table[-2][1:]))
        print("percentage row:", " | ".join(table[-1][1:]))
        print(f"target < 1 s: {'met' if best < 1 else 'NOT met'} (best of 3: {best:.3f} s)")


if __name__ == "__main__":
    main()
