"""Rating styles and options (DOMAIN.md), and the rules a submitted rating must follow."""
from __future__ import annotations

from datetime import datetime, timedelta

from .config import RatingStyle
from .engine import QueueError, Ticket, TicketStatus
from .engine.errors import invalid

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


def check_rating(style: RatingStyle, value: str, comment: str, counter: int, ticket: Ticket | None,
                 already_rated: bool) -> None:
    """Refuse a rating that breaks a rule: unknown value, foreign or unserved ticket, second rating."""
    if value not in RATING_OPTIONS[style]:
        raise invalid(f"Lựa chọn đánh giá không hợp lệ: {value}", f"Not a rating option: {value}")
    if len(comment) > MAX_COMMENT:
        raise invalid(f"Ý kiến dài quá {MAX_COMMENT} ký tự", f"Comment longer than {MAX_COMMENT} characters")
    if ticket is None:
        return
    if ticket.counter != counter or ticket.status is not TicketStatus.DONE:
        raise QueueError("not_served_here", f"Số {ticket.label} chưa được phục vụ tại quầy {counter}",
                         f"Ticket {ticket.label} was not served at counter {counter}")
    if already_rated:
        raise QueueError("already_rated", f"Số {ticket.label} đã được đánh giá", f"Ticket {ticket.label} is already rated")


def rating_time(claimed: datetime | None, now: datetime, finished_at: datetime | None) -> datetime:
    """When a rating was made: the tablet's time (ratings sent late from its outbox keep their
    period), kept within what is plausible — not after now, not before the ticket was finished,
    not older than MAX_RATING_AGE — so a wrong tablet clock cannot move a rating far."""
    if claimed is None or claimed.tzinfo is None:
        return now
    earliest = now - MAX_RATING_AGE
    if finished_at is not None:
        earliest = max(earliest, finished_at)
    return min(max(claimed.astimezone(now.tzinfo), earliest), now)
