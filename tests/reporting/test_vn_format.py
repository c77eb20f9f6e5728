from decimal import Decimal

import pytest

from queue_server.reporting.vn_format import format_decimal, format_int, format_percent, percent


@pytest.mark.parametrize(
    "value, text",
    [(0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (12346, "12.346"),
     (1457515, "1.457.515"), (599827, "599.827"), (-1500, "-1.500")],
)
def test_vn_format_int(value, text):
    assert format_int(value) == text


@pytest.mark.parametrize(
    "value, places, text",
    [
        (Decimal("23.04"), 2, "23,04"),
        (23.035, 2, "23,04"),          # half up, from the written decimal, not the float
        (Decimal("23.045"), 2, "23,05"),
        (Decimal("0.005"), 2, "0,01"),
        (100, 2, "100,00"),
        (Decimal("12345.6"), 1, "12.345,6"),
        (Decimal("-2.5"), 0, "-3"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
    ],
)
def test_vn_format_decimal(value, places, text):
    assert format_decimal(value, places) == text


@pytest.mark.parametrize(
    "num, den, value",
    [
        (1, 1, Decimal("100.00")),
        (1, 8, Decimal("12.50")),
        (1, 800, Decimal("0.13")),     # 0,125 → 0,13: half up
        (1, 3, Decimal("33.33")),
        (2, 3, Decimal("66.67")),
        (881, 10240, Decimal("8.60")),  # DOMAIN.md: 881 ratings for 10.240 dossiers
        (0, 5, Decimal("0.00")),
        (3, 0, None),
    ],
)
def test_vn_format_percent_value(num, den, value):
    assert percent(num, den) == value


@pytest.mark.parametrize(
    "num, den, text",
    [(1, 1, "100,00"), (2304, 10000, "23,04"), (1, 800, "0,13"), (0, 7, "0,00"), (0, 0, "-")],
)
def test_vn_format_percent_text(num, den, text):
    assert format_percent(percent(num, den)) == text


def test_vn_format_percent_rejects_negative_counts():
    with pytest.raises(ValueError):
        percent(-1, 4)
