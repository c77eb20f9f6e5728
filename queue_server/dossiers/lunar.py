"""Vietnamese lunar calendar conversion (Hồ Ngọc Đức's published algorithm).

Used to compute Tết and Hùng Kings' day for years whose holidays were not yet
announced. Vietnam's lunar calendar is computed for UTC+7, which is why it
differs from the Chinese one in some years (e.g. Tết 1985).
"""

from __future__ import annotations

import math
from datetime import date

VN_TZ_HOURS = 7.0
_JD_OFFSET = 1721425  # Julian day number of date(1, 1, 1).toordinal() == 1
_SYNODIC_MONTH = 29.530588853
_K_EPOCH = 2415021.076998695  # Julian day of the new moon of 1900-01-01


def _jd(day: date) -> int:
    return day.toordinal() + _JD_OFFSET


def _date(jd: int) -> date:
    return date.fromordinal(jd - _JD_OFFSET)


def _new_moon_corrections(k: float, t: float) -> float:
    """Periodic terms of the new moon's time (Meeus, ch. 49, shortened)."""
    dr = math.pi / 180
    t2 = t * t
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t2 * t
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t2 * t
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t2 * t
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 += -0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 += -0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 += -0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 += -0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    return c1


def _new_moon(k: int) -> float:
    """Julian day (fractional, UT) of the k-th new moon after 1900-01-01."""
    t = k / 1236.85
    t2 = t * t
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t2 * t
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * math.pi / 180)
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t2 * t - 0.000000081 * t * t2 * t
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + _new_moon_corrections(k, t) - delta_t


def _new_moon_day(k: int, tz: float) -> int:
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_longitude_sector(jdn: int, tz: float) -> int:
    """Sun's longitude at local midnight of jdn, as one of 12 sectors of 30°."""
    t = (jdn - 0.5 - tz / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    lon = (l0 + dl) * dr
    lon -= math.pi * 2 * math.floor(lon / (math.pi * 2))
    return math.floor(lon / math.pi * 6)


def _month11_start(year: int, tz: float) -> int:
    """Julian day on which lunar month 11 (the one holding the winter solstice) begins."""
    k = math.floor((_jd(date(year, 12, 31)) - 2415021) / _SYNODIC_MONTH)
    start = _new_moon_day(k, tz)
    if _sun_longitude_sector(start, tz) >= 9:
        start = _new_moon_day(k - 1, tz)
    return start


def _leap_month_offset(a11: int, tz: float) -> int:
    """Offset after month 11 of the first month without a major solar term."""
    k = math.floor((a11 - _K_EPOCH) / _SYNODIC_MONTH + 0.5)
    i = 1
    arc = _sun_longitude_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_longitude_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            return i - 1


def lunar_to_solar(day: int, month: int, year: int, leap: bool = False, tz: float = VN_TZ_HOURS) -> date:
    """Solar date of a lunar date; ValueError if `leap` is set for a month that is not leap."""
    if month < 11:
        a11, b11 = _month11_start(year - 1, tz), _month11_start(year, tz)
    else:
        a11, b11 = _month11_start(year, tz), _month11_start(year + 1, tz)
    k = math.floor(0.5 + (a11 - _K_EPOCH) / _SYNODIC_MONTH)
    off = (month - 11) % 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11, tz)
        if leap and month != (leap_off - 2) % 12:
            raise ValueError(f"lunar year {year} has no leap month {month}")
        if leap or off >= leap_off:
            off += 1
    elif leap:
        raise ValueError(f"lunar year {year} has no leap month")
    return _date(_new_moon_day(k + off, tz) + day - 1)


def solar_to_lunar(day: date, tz: float = VN_TZ_HOURS) -> tuple[int, int, int, bool]:
    """Lunar (day, month, year, is_leap_month) of a solar date."""
    jd = _jd(day)
    k = math.floor((jd - 2415021.076998695) / _SYNODIC_MONTH)
    month_start = _new_moon_day(k + 1, tz)
    if month_start > jd:
        month_start = _new_moon_day(k, tz)
    a11 = _month11_start(day.year, tz)
    b11 = a11
    if a11 >= month_start:
        lunar_year = day.year
        a11 = _month11_start(day.year - 1, tz)
    else:
        lunar_year = day.year + 1
        b11 = _month11_start(day.year + 1, tz)
    lunar_day = jd - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_month_offset(a11, tz)
        if diff >= leap_diff:
            lunar_month = diff + 10
            leap = diff == leap_diff
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return lunar_day, lunar_month, lunar_year, leap


def tet(year: int) -> date:
    """First day of the lunar year that begins in solar `year` (mùng 1 Tết)."""
    return lunar_to_solar(1, 1, year)


def hung_kings_day(year: int) -> date:
    """Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month."""
    return lunar_to_solar(10, 3, year)
