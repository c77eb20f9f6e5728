"""Vietnamese number reading: a data table of the tricky cases."""

import pytest
from hypothesis import given, settings, strategies as st

from hw.voice.numbers import read_digits, read_number, read_ticket

CASES = [
    (0, "không"),
    (4, "bốn"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (55, "năm mươi lăm"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (1000, "một nghìn"),
    (1005, "một nghìn không trăm linh năm"),
    (1023, "một nghìn không trăm hai mươi ba"),
    (2010, "hai nghìn không trăm mười"),
    (10500, "mười nghìn năm trăm"),
    (21000, "hai mươi mốt nghìn"),
    (1000005, "một triệu không trăm linh năm"),
    (1234567, "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"),
]


@pytest.mark.parametrize("number, words", CASES)
def test_read_number_table(number, words):
    assert read_number(number) == words.split()


def test_read_number_le_variant():
    assert read_number(105, zero_tens="lẻ") == "một trăm lẻ năm".split()


def test_read_digits_one_by_one():
    assert read_digits("012") == ["không", "một", "hai"]


@pytest.mark.parametrize("code, digit_by_digit, words", [
    ("A012", False, "letter_a mười hai"),
    ("A012", True, "letter_a không một hai"),
    ("1023", False, "một nghìn không trăm hai mươi ba"),
    ("bc-7", False, "letter_b letter_c bảy"),
])
def test_read_ticket_letters_then_number(code, digit_by_digit, words):
    assert read_ticket(code, digit_by_digit) == words.split()


@pytest.mark.parametrize("bad", ["", "A", "12A", "A 1 2", "Ư12"])
def test_read_ticket_rejects_garbage(bad):
    with pytest.raises(ValueError):
        read_ticket(bad)


def test_read_number_rejects_negative():
    with pytest.raises(ValueError):
        read_number(-1)


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_read_number_never_says_mot_muoi_or_empty(n):
    words = read_number(n)
    text = " ".join(words)
    assert words and "một mươi" not in text and "mười mốt" not in text and "không mươi" not in text
