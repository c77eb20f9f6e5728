"""Rating styles and options (DOMAIN.md), and the rules a submitted rating must follow."""
from __future__ import annotations

from datetime import datetime, timedelta

from .config import RatingStyle
from .engine import QueueError, Ticket, TicketStatus
from .engine.errors import invalid
from .reporting.periods import month_of

# value -> (Vietnamese label, English label, dissatisfied?)
RATING_OPTIONS: dict[RatingStyle, dict[str, tuple[str, str, bool]]] = {
    RatingStyle.CATEGORY: {
        "satisfied_service": ("Hài lòng với dịch vụ", "Satisfied with the service", False),
        "satisfied_attitude": ("Hài lòng về thái độ phục vụ", "Satisfied with the officer's attitude", False),
        "dissatisfied_competence": ("Không hài lòng về nghiệp vụ nhân viên",
                                    "Dissatisfied with the officer's competence", True),
        "dissatisfied_time": ("Không hài lòng về thời gian giao dịch", "Dissatisfied with the transaction time", True),
        "suggestion": ("Ý kiến góp ý", "Comment / suggestion", False),
    },
    RatingStyle.LEVEL: {
        "very_satisfied": ("Rất hài lòng", "Very satisfied", False),
        "satisfied": ("Hài lòng", "Satisfied", False),
        "dissatisfied": ("Không hài lòng", "Dissatisfied", True),
    },
    RatingStyle.STARS: {
        "1": ("Kém", "Poor", True),
        "2": ("Trung bình", "Fair", True),
        "3": ("Khá", "Average", True),
        "4": ("Tốt", "Good", False),
        "5": ("Rất tốt", "Very good", False),
    },
}
MAX_COMMENT = 1000
MAX_RATING_AGE = timedelta(days=30)
CLOCK_SKEW = timedelta(minutes=2)


def options(style: RatingStyle) -> list[dict]:
    """The options of a style, in display order, for devices and pages."""
    return [{"value": v, "label": vi, "label_en": en, "dissatisfied": bad}
            for v, (vi, en, bad) in RATING_OPTIONS[style].items()]


def style_of(value: str, claimed: RatingStyle | None, current: RatingStyle) -> RatingStyle:
    """The style a rating was made under: the one the tablet says it showed, else the centre's
    current style, else the one style whose options hold the value (the styles' values are
    disjoint, so a rating from a tablet still showing an older style is still read right)."""
    if claimed is not None:
        if value not in RATING_OPTIONS[claimed]:
            raise invalid(f"Lựa chọn đánh giá không hợp lệ: {value}", f"Not a rating option: {value}")
        return claimed
    if value in RATING_OPTIONS[current]:
        return current
    styles = [s for s, values in RATING_OPTIONS.items() if value in values]
    if len(styles) != 1:
        raise invalid(f"Lựa chọn đánh giá không hợp lệ: {value}", f"Not a rating option: {value}")
    return styles[0]


def check_rating(comment: str, counter: int, ticket: Ticket | None, already_rated: bool) -> None:
    """Refuse a rating that breaks a rule: long comment, foreign or unserved ticket, second rating."""
    if len(comment) > MAX_COMMENT:
        raise invalid(f"Ý kiến dài quá {MAX_COMMENT} ký tự", f"Comment longer than {MAX_COMMENT} characters")
    if ticket is None:
        return
    if ticket.counter != counter or ticket.status is not TicketStatus.DONE:
        raise QueueError("not_served_here", f"Số {ticket.label} chưa được phục vụ tại quầy {counter}",
                         f"Ticket {ticket.label} was not served at counter {counter}")
    if already_rated:
        raise QueueError("already_rated", f"Số {ticket.label} đã được đánh giá", f"Ticket {ticket.label} is already rated")


def earliest_rating_time(now: datetime, cutoff_day: int) -> datetime:
    """The earliest time a rating may carry: the start of the current reporting period (a period
    before it may already be published, and its appendix must never change), and never more than
    MAX_RATING_AGE back."""
    return max(month_of(now, cutoff_day).start_at, now - MAX_RATING_AGE)


def rating_time(claimed: datetime | None, now: datetime, finished_at: datetime | None,
                earliest: datetime) -> datetime:
    """When a rating was made: the tablet's time (ratings sent late from its outbox keep their
    period), not after now, not before its ticket was finished (a tablet clock running behind).
    A time before `earliest` (an earlier, perhaps published period) is refused with `too_late`:
    the rating then waits in the quarantine for an administrator, who may accept it into the
    current period."""
    if claimed is None or claimed.tzinfo is None:
        return now
    at = min(claimed.astimezone(now.tzinfo), now)
    if finished_at is not None:
        at = max(at, finished_at)
    check_in_open_period(at, earliest)
    return at


def check_in_open_period(at: datetime, earliest: datetime) -> None:
    """Refuse a rating time in a reporting period that is already closed (the one rule for every
    path that carries a time: the tablet's `rated_at` and an administrator's accepted time)."""
    if at < earliest:
        raise QueueError("too_late", f"Thời điểm đánh giá {at:%d/%m/%Y %H:%M} thuộc kỳ báo cáo đã khoá "
                         f"(kỳ hiện tại bắt đầu {earliest:%d/%m/%Y %H:%M})",
                         f"Rating time {at:%Y-%m-%d %H:%M} lies in a closed reporting period "
                         f"(the current one starts {earliest:%Y-%m-%d %H:%M})", 409)
