"""The report library: storage aggregates → pure report → a document for every format.

Pages, report actions and `motcua report satisfaction|ratings|queue` all call these functions,
so the three always show the same figures.

>>> doc = satisfaction_document(config, store, periods.month(2020, 12, 15))
>>> render_document(doc, "xlsx")
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..config import CentreConfig, RatingStyle
from ..limits import MAX_LIST_ROWS, check_rows
from ..reporting import charts, periods, phu_luc_2, queue_stats, ratings_lists
from ..reporting.export import Document, Table, phu_luc_1_document
from ..reporting.letterhead import Letterhead, letterhead
from ..reporting.phu_luc_1 import RESOLVED
from ..reporting.vn_format import format_int
from ..storage import Store
from ..storage.reports import Reports

KINDS = ("month", "quarter", "half_year", "year", "custom")


def period_from(args, cutoff: int, today: date) -> periods.Period:
    """The period chosen on the picker: kind=month|quarter|half_year|year (with year and number)
    or custom (from, to); by default the reporting month containing `today`."""
    kind = args.get("kind") or "month"
    if kind == "custom" or (args.get("from") and args.get("to")):
        return periods.custom(date.fromisoformat(args["from"]), date.fromisoformat(args["to"]))
    if kind not in KINDS:
        raise ValueError(f"unknown period kind: {kind}")
    current = periods.period_of(kind, today, cutoff)
    year = int(args.get("year") or current.last_day.year)
    if kind == "year":
        return periods.year(year, cutoff)
    number = int(args.get("number") or _number_of(kind, current))
    makers = {"month": periods.month, "quarter": periods.quarter, "half_year": periods.half_year}
    return makers[kind](year, number, cutoff)


def _number_of(kind: str, period: periods.Period) -> int:
    month = period.last_day.month
    return {"month": month, "quarter": (month - 1) // 3 + 1, "half_year": 1 if month <= 6 else 2}[kind]


def _style(config: CentreConfig):
    return config.centre.rating_style


def dossiers_resolved(config: CentreConfig, store: Store, period: periods.Period) -> int | None:
    """Dossiers resolved in the period, as Phụ lục I counts them; None when the centre has no
    dossier at all (never imported nor pushed), which is not the same as none resolved."""
    from ..dossier_service import DossierService
    registry = DossierService(config, store)
    if registry.dossiers.count(config.centre.id) == 0:
        return None
    return registry.report(period).total[RESOLVED]


def _styles(config: CentreConfig, reports: Reports, period: periods.Period) -> list[RatingStyle]:
    """The current style first, then every other style the period's ratings were made in."""
    used = set(reports.rating_styles(config.centre.id, period))
    return [_style(config), *(s for s in RatingStyle if s is not _style(config) and s.value in used)]


def satisfaction(config: CentreConfig, store: Store, period: periods.Period) -> phu_luc_2.PhuLuc2:
    """Phụ lục II of the centre's rating style (with a table per other style used in the period),
    with both shares counting every rating."""
    reports, cid = Reports(store), config.centre.id
    counts = {s.value: reports.rating_counts(cid, s.value, period) for s in _styles(config, reports, period)}
    return phu_luc_2.compute_all(counts, period, config.departments, _style(config),
                                 reports.tickets_served(cid, period), dossiers_resolved(config, store, period))


def _names(config: CentreConfig, reports: Reports) -> ratings_lists.Names:
    return ratings_lists.Names({d.id: d.name for d in config.departments},
                               {c.number: c.label for c in config.counters},
                               reports.officer_names(config.centre.id))


def rating_lists(config: CentreConfig, store: Store, period: periods.Period, limit: int | None = None) -> dict:
    """Dissatisfied ratings, comments (the first `limit` of each if given; their full counts under
    'dissatisfied_total' and 'comments_total'), and tallies per counter and per officer."""
    reports, cid, style = Reports(store), config.centre.id, _style(config)
    names = _names(config, reports)
    bad_values = ratings_lists.dissatisfied_values()
    bad = _listed(reports, cid, period, limit, values=bad_values)
    noted = _listed(reports, cid, period, limit, with_comment=True)
    return {
        "dissatisfied": ratings_lists.dissatisfied(bad, style, names),
        "comments": ratings_lists.comments(noted, style, names),
        "dissatisfied_total": len(bad) if limit is None or len(bad) < limit
        else reports.rating_count(cid, period, bad_values),
        "comments_total": len(noted) if limit is None or len(noted) < limit
        else reports.rating_count(cid, period, with_comment=True),
        **_tallies(reports, cid, style, period, names),
        "other_styles": [{"style": other, **_tallies(reports, cid, other, period, names)}
                         for other in _styles(config, reports, period)[1:]],
    }


def _tallies(reports: Reports, cid: str, style: RatingStyle, period: periods.Period,
             names: ratings_lists.Names) -> dict:
    """Per counter and per officer, the ratings made in `style`."""
    return {"counters": ratings_lists.tallies(reports.rating_counts(cid, style.value, period, "counter"), style,
                                              names.counter),
            "officers": ratings_lists.tallies(reports.rating_counts(cid, style.value, period, "officer_id"), style,
                                              lambda k: names.officer(k) or "Không rõ cán bộ")}


def _listed(reports: Reports, cid: str, period: periods.Period, limit: int | None, **which) -> list[dict]:
    """The first `limit` rating rows, or all of them for a file, refused (413) past MAX_LIST_ROWS:
    a list is fetched one row beyond the limit, so a huge period never loads more than that."""
    if limit is not None:
        return reports.rating_rows(cid, period, limit=limit, **which)
    rows = reports.rating_rows(cid, period, limit=MAX_LIST_ROWS + 1, **which)
    if len(rows) > MAX_LIST_ROWS:
        check_rows(reports.rating_count(cid, period, **which), MAX_LIST_ROWS, "Danh sách đánh giá", "The rating list")
    return rows


def queue(config: CentreConfig, store: Store, period: periods.Period) -> queue_stats.QueueStats:
    reports, cid = Reports(store), config.centre.id
    services = {s.id: s.name for d in config.departments for s in d.services}
    return queue_stats.compute(reports.ticket_cells(cid, period), reports.time_buckets(cid, period), period,
                               config.departments, services, reports.officer_names(cid))


# -- documents ---------------------------------------------------------------------------------

def appendix_head(config: CentreConfig, signed_on: date | None = None) -> Letterhead:
    """The letterhead of the centre's appendices, dated `signed_on` (default: today at the centre)."""
    day = signed_on or datetime.now(ZoneInfo(config.centre.timezone)).date()
    return letterhead(config.report_header, config.centre.name, day)


def dossiers_document(config: CentreConfig, store: Store, period: periods.Period,
                      signed_on: date | None = None) -> Document:
    """Phụ lục I (dossier handling by department) with the appendix's letterhead and signatures."""
    from ..dossier_service import DossierService
    report = DossierService(config, store).report(period)
    return phu_luc_1_document(report, config.centre.name, appendix_head(config, signed_on))


def satisfaction_document(config: CentreConfig, store: Store, period: periods.Period,
                          signed_on: date | None = None) -> Document:
    """Phụ lục II with the appendix's letterhead and signatures."""
    report = satisfaction(config, store, period)
    rows = phu_luc_2.format_rows(report)
    groups = [("Số lượt đánh giá", 3, 2 + len(report.values))]
    chart = charts.bars("Số lượt đánh giá theo đơn vị", [r.name for r in report.rows], [r.total for r in report.rows])
    split = charts.bars("Tổng số theo lựa chọn", list(report.labels), list(report.total.counts))
    tables = [Table("Bảng tổng hợp theo đơn vị", rows, groups, bold_last=2)]
    tables += [Table(phu_luc_2.style_table_title(other), phu_luc_2.format_rows(other),
                     [("Số lượt đánh giá", 3, 2 + len(other.values))], bold_last=2) for other in report.other_styles]
    return Document(config.centre.name, phu_luc_2.TITLE, phu_luc_2.subtitle(report), period.label,
                    tables, phu_luc_2.share_lines(report), [chart, split], report.as_dict(),
                    appendix_head(config, signed_on))


def ratings_document(config: CentreConfig, store: Store, period: periods.Period, limit: int | None = None) -> Document:
    """The rating lists; a page passes `limit` (its lists then stop there, `total_rows` says how
    many there are), files and the API take every row."""
    lists, style = rating_lists(config, store, period, limit), _style(config)
    tables = [
        Table("Danh sách đánh giá không hài lòng", ratings_lists.format_items(lists["dissatisfied"]), numeric_from=99,
              total_rows=lists["dissatisfied_total"]),
        Table("Đánh giá theo quầy", ratings_lists.format_tallies(lists["counters"], style, "Quầy"), numeric_from=2),
        Table("Đánh giá theo cán bộ", ratings_lists.format_tallies(lists["officers"], style, "Cán bộ"),
              numeric_from=2),
        Table("Ý kiến góp ý", ratings_lists.format_items(lists["comments"]), numeric_from=99,
              total_rows=lists["comments_total"]),
    ]
    for other in lists["other_styles"]:
        how = phu_luc_2.STYLE_NAMES[other["style"]]
        tables += [Table(f"Đánh giá theo quầy ({how})", ratings_lists.format_tallies(other["counters"], other["style"],
                                                                                        "Quầy"), numeric_from=2),
                   Table(f"Đánh giá theo cán bộ ({how})",
                         ratings_lists.format_tallies(other["officers"], other["style"], "Cán bộ"), numeric_from=2)]
    data = {"period": {"first_day": period.first_day.isoformat(), "last_day": period.last_day.isoformat(),
                       "label": period.label},
            "dissatisfied": [i.as_dict() for i in lists["dissatisfied"]],
            "comments": [i.as_dict() for i in lists["comments"]],
            **{k: [{"name": t.name, "total": t.total, "dissatisfied": t.dissatisfied} for t in lists[k]]
               for k in ("counters", "officers")},
            "other_styles": [{"style": o["style"].value, **{k: [{"name": t.name, "total": t.total,
                                                                  "dissatisfied": t.dissatisfied} for t in o[k]]
                                                             for k in ("counters", "officers")}}
                             for o in lists["other_styles"]]}
    chart = charts.bars("Số đánh giá không hài lòng theo quầy", [t.name for t in lists["counters"]],
                        [t.dissatisfied for t in lists["counters"]])
    notes = [f"Số đánh giá không hài lòng trong kỳ: {format_int(lists['dissatisfied_total'])}."]
    return Document(config.centre.name, "DANH SÁCH ĐÁNH GIÁ", "ĐÁNH GIÁ KHÔNG HÀI LÒNG, THEO QUẦY, THEO CÁN BỘ, "
                    "Ý KIẾN GÓP Ý", period.label, tables, notes, [chart], data)


def queue_charts(stats: queue_stats.QueueStats) -> list:
    """Bars per department, the daily trend, the weekday × hour heat map (07–18 h shown)."""
    hours = list(range(7, 18))
    return [
        charts.bars("Số phát theo đơn vị", [d.name for d in stats.departments],
                    [d.figures.issued for d in stats.departments]),
        charts.trend("Số phát theo ngày", [f"{d:%d/%m}" for d, _ in stats.trend], [f.issued for _, f in stats.trend]),
        charts.heatmap("Số phát theo thứ và giờ", list(queue_stats.WEEKDAYS), [f"{h}h" for h in hours],
                       [[row[h] for h in hours] for row in stats.heatmap]),
    ]


def queue_document(config: CentreConfig, store: Store, period: periods.Period) -> Document:
    stats = queue(config, store, period)
    tables = [Table("Theo đơn vị và dịch vụ", queue_stats.format_rows(stats), numeric_from=2, bold_last=1),
              Table("Theo cán bộ", queue_stats.format_officers(stats), numeric_from=2)]
    notes = ["Thời gian chờ: từ lúc phát số đến lúc được gọi; thời gian phục vụ: từ lúc bắt đầu đến lúc hoàn "
             f"thành. P90: 90 % số lượt không quá giá trị này (làm tròn lên {queue_stats.STEP} giây)."]
    return Document(config.centre.name, "THỐNG KÊ XẾP HÀNG", "SỐ PHÁT, ĐÃ PHỤC VỤ, VẮNG MẶT, CHUYỂN; THỜI GIAN "
                    "CHỜ VÀ PHỤC VỤ", period.label, tables, notes, queue_charts(stats), stats.as_dict())


DOCUMENTS = {"dossiers": dossiers_document, "satisfaction": satisfaction_document, "ratings": ratings_document, "queue": queue_document}
