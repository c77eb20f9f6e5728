"""Read numbers and ticket codes aloud in Vietnamese, as lists of word tokens (one clip each)."""

import re

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUP_NAMES = ("", "nghìn", "triệu", "tỷ")
MAX_NUMBER = 999_999_999_999


def read_digits(text: str) -> list[str]:
    """Read a string of digits one by one: "012" → không một hai."""
    if not text.isdigit():
        raise ValueError(f"not a string of digits: {text!r}")
    return [DIGITS[int(d)] for d in text]


def _read_units(units: int, tens: int) -> list[str]:
    """The last word of a tens-units pair: mốt, tư and lăm follow the tens word."""
    if units == 0:
        return []
    if units == 1 and tens >= 2:
        return ["mốt"]
    if units == 4 and tens >= 2:
        return ["tư"]
    if units == 5 and tens >= 1:
        return ["lăm"]
    return [DIGITS[units]]


def _read_tens(tens: int, units: int, zero_tens: str, has_hundreds: bool) -> list[str]:
    """Tens and units: mười, X mươi, or linh/lẻ before a lone unit after hundreds."""
    if tens == 0:
        if units == 0:
            return []
        return ([zero_tens] if has_hundreds else []) + [DIGITS[units]]
    head = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    return head + _read_units(units, tens)


def _read_group(value: int, full: bool, zero_tens: str) -> list[str]:
    """Read 0..999; ``full`` says "không trăm" when a non-leading group has no hundreds."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words = [DIGITS[hundreds], "trăm"]
    return words + _read_tens(tens, units, zero_tens, bool(words))


def read_number(n: int, zero_tens: str = "linh") -> list[str]:
    """Read a whole number: 1023 → một nghìn không trăm hai mươi ba; ``zero_tens`` may be "lẻ"."""
    if not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"number out of range: {n}")
    if n == 0:
        return ["không"]
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        if groups[index]:
            leading = index == len(groups) - 1
            words += _read_group(groups[index], not leading, zero_tens)
            words += [GROUP_NAMES[index]] if index else []
    return words


def read_ticket(code: str, digit_by_digit: bool = False, zero_tens: str = "linh") -> list[str]:
    """Read a ticket code such as "A012" or "1023": letters by name, then the number.

    Letter tokens are ``letter_a`` … ``letter_z`` so a voice pack can record their Vietnamese names.
    """
    match = re.fullmatch(r"([A-Za-z]*)[-.\s]?(\d+)", code.strip())
    if not match:
        raise ValueError(f"not a ticket code: {code!r}")
    letters, digits = match.groups()
    words = [f"letter_{c.lower()}" for c in letters]
    if digit_by_digit:
        return words + read_digits(digits)
    return words + read_number(int(digits), zero_tens)
