"""Admin page of the ratings held in the quarantine: see why each was held, accept it into the
ratings (at a chosen counter and time in the current reporting period) or dismiss it with a reason.
Nothing is deleted; every decision is audited (rating_service.py)."""
from __future__ import annotations

from datetime import datetime

from flask import current_app, g, request

from ..engine.errors import invalid
from ..ratings import RATING_OPTIONS, earliest_rating_time
from ..rating_service import RatingService
from . import READ, admin, change, done, form_int, form_text, page


def _ratings() -> RatingService:
    return RatingService(current_app.extensions["motcua"])


def held_count() -> int:
    """Open quarantined ratings: the dashboard shows this figure."""
    return _ratings().open_count()


def option_label(value: str) -> str:
    """'Hài lòng (level)' for a value of any style, else the raw value."""
    for style, options in RATING_OPTIONS.items():
        if value in options:
            return f"{options[value][0]} ({style.value})"
    return value


@admin.get("/admin/ratings/held")
@READ
def ratings_held():
    service = current_app.extensions["motcua"]
    status = request.args.get("status", "open")
    rows = service.ratings.quarantine_list(service.centre_id, None if status == "all" else status)
    now = service.clock()
    earliest = earliest_rating_time(now, service.config.centre.report_cutoff_day)
    return page("admin_ratings_held.html", rows=rows, status=status, label=option_label,
                earliest=earliest.strftime("%Y-%m-%dT%H:%M"), now=now.strftime("%Y-%m-%dT%H:%M"))


@admin.post("/admin/ratings/held/<rating_id>/accept")
@change("admin.ratings_held")
def ratings_held_accept(rating_id):
    service = current_app.extensions["motcua"]
    counter = form_int("counter", "Quầy", "Counter")
    if counter is None:
        raise invalid("Vui lòng chọn quầy", "Please choose a counter")
    _ratings().accept(g.principal, rating_id, counter, _local_time(form_text("at", 40), service.clock().tzinfo))
    done(f"Đã đưa đánh giá {rating_id} vào số liệu", f"Rating {rating_id} accepted")


@admin.post("/admin/ratings/held/<rating_id>/dismiss")
@change("admin.ratings_held")
def ratings_held_dismiss(rating_id):
    _ratings().dismiss(g.principal, rating_id, form_text("reason", 500))
    done(f"Đã bỏ qua đánh giá {rating_id} (vẫn lưu lại)", f"Rating {rating_id} dismissed (kept on record)")


def _local_time(text: str, tz) -> datetime:
    """A datetime-local field ('2026-11-23T08:05') in the centre's time zone."""
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise invalid("Thời điểm không hợp lệ", "Not a valid time") from None
    return at if at.tzinfo else at.replace(tzinfo=tz)
