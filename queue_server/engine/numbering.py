"""Ticket-number series: the next number of a service and how it is printed."""
from __future__ import annotations

from ..config import Series
from .errors import QueueError


def next_number(series: Series, last: int | None) -> int:
    """The number after `last` in the series (the first one when nothing was issued today)."""
    number = series.start if last is None else last + 1
    if number > series.end:
        raise QueueError(
            "series_exhausted",
            f"Đã hết số thứ tự của dịch vụ này hôm nay (tối đa {series.end})",
            f"This service has issued every number of its series today (up to {series.end})",
        )
    return number


def label(series: Series, number: int) -> str:
    """The printed form: prefix plus the number, zero-padded to `digits`."""
    return f"{series.prefix}{number:0{series.digits}d}"
