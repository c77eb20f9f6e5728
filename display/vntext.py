"""Vietnamese text for screens: the date-and-time line."""
from __future__ import annotations

from datetime import datetime

WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def clock_text(moment: datetime) -> str:
    """"Thứ Hai, 23/11/2026 08:15": how Vietnamese screens write the day and time."""
    return f"{WEEKDAYS_VI[moment.weekday()]}, {moment:%d/%m/%Y %H:%M}"
