"""Report pages under /admin/reports/ (admin and supervisor only): a period picker on the centre's
cut-off day, Phụ lục I and II, the rating lists, the queue statistics with inline SVG charts, and
downloads (XLSX, CSV, PDF, JSON) made by the same library as the CLI (reports_web.library).
"""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, Response, abort, current_app, render_template, request
from markupsafe import Markup

from ..auth import Role
from ..engine import QueueError
from ..reporting.charts import to_svg
from ..reporting.export import DOCUMENT_FORMATS, csv_chunks, document_csv_rows, render_document
from ..reporting.vn_format import format_int
from ..web.access import require_page_role
from . import library

reports = Blueprint("reports", __name__, url_prefix="/admin/reports", template_folder="templates",
                    static_folder="static", static_url_path="/static")
READERS = (Role.ADMIN, Role.SUPERVISOR)

# page → (document, captions of the document's tables shown on it, charts shown, Vietnamese title)
PAGES = {
    "dossiers": ("dossiers", None, False, "Phụ lục I — Tình hình tiếp nhận và giải quyết hồ sơ"),
    "satisfaction": ("satisfaction", None, True, "Phụ lục II — Đánh giá mức độ hài lòng theo đơn vị"),
    "dissatisfied": ("ratings", ["Danh sách đánh giá không hài lòng"], False, "Đánh giá không hài lòng"),
    "tallies": ("ratings", ["Đánh giá theo quầy", "Đánh giá theo cán bộ"], True, "Đánh giá theo quầy và cán bộ"),
    "comments": ("ratings", ["Ý kiến góp ý"], False, "Ý kiến góp ý"),
    "queue": ("queue", None, True, "Thống kê xếp hàng"),
}
MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8", "pdf": "application/pdf", "json": "application/json",
        "table": "text/plain; charset=utf-8"}
PAGE_ROWS = 1000
"""A page shows at most this many rows of a table (a province's month can hold 100,000 dissatisfied
ratings); the downloads always hold them all."""
FILE_NAMES = {"dossiers": "phu-luc-1", "satisfaction": "phu-luc-2", "ratings": "danh-sach-danh-gia", "queue": "thong-ke-xep-hang"}


def _service():
    return current_app.extensions["motcua"]


def _period():
    """The period of the query string; a bad one is a 400, not a crash."""
    service = _service()
    try:
        return library.period_from(request.args, service.config.centre.report_cutoff_day, service.clock().date())
    except QueueError:
        raise                       # a period past the limits: its own bilingual message
    except (ValueError, KeyError) as exc:
        abort(400, description=f"Kỳ báo cáo không hợp lệ / invalid period: {exc}")


def picker_number(period) -> int | str:
    """The "Số" field for the shown period: its month, quarter or half-year number; blank for a
    year or a custom range. From the period itself, so a quarter asked without a number shows
    the quarter (not the month it ends in)."""
    if period.kind in ("year", "custom"):
        return ""
    return library._number_of(period.kind, period)


def _picker(period) -> dict:
    return {"kind": request.args.get("kind") or period.kind.value, "year": period.last_day.year,
            "number": picker_number(period), "from": period.first_day.isoformat(),
            "to": period.last_day.isoformat(), "cutoff": _service().config.centre.report_cutoff_day}


@reports.get("/")
@require_page_role(*READERS)
def index():
    period = _period()
    return render_template("reports/index.html", centre=_service().config.centre, pages=PAGES, period=period,
                           picker=_picker(period), query=request.query_string.decode())


@reports.get("/<page>")
@require_page_role(*READERS)
def report_page(page: str):
    if page not in PAGES:
        abort(404)
    name, captions, with_charts, title = PAGES[page]
    period = _period()
    service = _service()
    options = {"limit": PAGE_ROWS} if name == "ratings" else {}   # lists: fetch only what the page shows
    doc = library.DOCUMENTS[name](service.config, service.store, period, **options)
    # A caption names its table and the same table of every other rating style ("… (theo số sao)").
    tables = [_on_page(t) for t in doc.tables if captions is None or t.caption.split(" (")[0] in captions]
    svgs = [(Markup(to_svg(c)), c.width > 700) for c in doc.charts] if with_charts else []  # (svg, wide)
    return render_template("reports/report.html", centre=service.config.centre, pages=PAGES, page=page,
                           title=title, doc=doc, tables=tables, charts=svgs, period=period, picker=_picker(period),
                           document=name, query=request.query_string.decode(), header_rows=_header_rows)


@reports.get("/<name>.<fmt>")
@require_page_role(*READERS)
def download(name: str, fmt: str):
    if name not in library.DOCUMENTS or fmt not in DOCUMENT_FORMATS:
        abort(404)
    service = _service()
    period = _period()
    doc = library.DOCUMENTS[name](service.config, service.store, period)
    # CSV is streamed as it is written; the other formats are built whole (within limits.MAX_LIST_ROWS)
    body = (csv_chunk.encode("utf-8") for csv_chunk in csv_chunks(document_csv_rows(doc))) if fmt == "csv" \
        else render_document(doc, fmt)
    filename = f"{FILE_NAMES[name]}-{period.first_day:%Y%m%d}-{period.last_day:%Y%m%d}.{fmt}"
    return Response(body, mimetype=MIME[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


@reports.errorhandler(QueueError)
def refused(exc: QueueError):
    """A request past the limits (a period too long, a list too large): its bilingual message, as a
    page for a browser (with the way back to the period picker), as JSON for a script."""
    from ..web.errors import queue_error
    return queue_error(exc)


def _on_page(table) -> tuple:
    """(table, note): the table cut to PAGE_ROWS body rows, with a note saying so; else no note."""
    shown = min(len(table.rows) - 1, PAGE_ROWS)
    body = max(table.total_rows or 0, len(table.rows) - 1)
    if body <= shown:
        return table, ""
    note = (f"Trang này hiển thị {format_int(PAGE_ROWS)} / {format_int(body)} dòng đầu tiên; "
            "tải Excel, CSV hoặc PDF để có đủ danh sách.")
    return replace(table, rows=table.rows[:PAGE_ROWS + 1], bold_last=0), note


def _header_rows(table) -> list[list[tuple[str, int, int]]]:
    """Header cells as (text, colspan, rowspan): groups span their columns, other columns both rows."""
    names = table.rows[0]
    if not table.groups:
        return [[(c, 1, 1) for c in names]]
    starts = {a: (text, b - a + 1) for text, a, b in table.groups}
    inside = {c for _, a, b in table.groups for c in range(a, b + 1)}
    top = [(starts[c][0], starts[c][1], 1) if c in starts else (name, 1, 2)
           for c, name in enumerate(names, 1) if c in starts or c not in inside]
    return [top, [(name, 1, 1) for c, name in enumerate(names, 1) if c in inside]]
