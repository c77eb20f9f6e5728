"""Vietnamese number format: '.' groups thousands, ',' marks decimals (12.346 · 23,04).

Percentages carry two decimals, rounded half up (0,125 % → 0,13) from the exact
fraction, never from a float. A percentage whose denominator is 0 is undefined
and shown as '-': '0,00' would wrongly state a fact (e.g. "0 % late").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

UNDEFINED = "-"


def format_int(value: int) -> str:
    """12346 → '12.346'; -1500 → '-1.500'."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: Decimal | float | int, places: int = 2) -> str:
    """Decimal with `places` digits, half up: Decimal('23.035') → '23,04'."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{abs(rounded):f}".partition(".")
    sign = "-" if rounded < 0 else ""
    text = sign + format_int(int(whole))
    return f"{text},{frac}" if places > 0 else text


def percent(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator × 100, rounded half up to 0,01; None if denominator is 0."""
    if denominator == 0:
        return None
    if numerator < 0 or denominator < 0:
        raise ValueError("percent() takes counts: numerator and denominator must be >= 0")
    # Integer arithmetic: exact half-up on the true fraction (1/8 → 12,50; 1/800 → 0,13).
    hundredths = (2 * numerator * 10000 + denominator) // (2 * denominator)
    return Decimal(hundredths).scaleb(-2)


def format_percent(value: Decimal | None) -> str:
    """A percentage from `percent` as '23,04', or '-' when undefined."""
    return UNDEFINED if value is None else format_decimal(value, 2)
