"""Fit a ticket label to what an LED display can draw (pure): never an exception, only a note.

Labels are a series prefix of up to two letters and a number of up to six digits ("R001",
"AB000123"). A display has a width and an alphabet; what does not fit is shortened in this order:
letters it cannot draw are dropped, then zero padding, then the prefix, then leading digits.
"""

import unicodedata
from dataclasses import dataclass

DIGITS = frozenset("0123456789- ")
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True)
class Fitted:
    """What a display will show for a wanted text, and why it differs ("" when it does not)."""

    text: str
    note: str = ""


def plain(text: str) -> str:
    """Upper case without Vietnamese diacritics ("Đ" → "D"), as display fonts know only ASCII."""
    text = text.upper().replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def fit_text(text: str, width: int, alphabet: frozenset[str] = DIGITS | LETTERS) -> Fitted:
    """``text`` shortened to ``width`` characters of ``alphabet``.

    >>> fit_text("R001", 4), fit_text("R001", 3).text, fit_text("R001", 4, DIGITS)
    (Fitted(text='R001', note=''), 'R01', Fitted(text='001', note='letters not shown'))
    >>> fit_text("12345", 4)
    Fitted(text='2345', note='number cut to 4 digits')
    """
    wanted = plain(text).strip()
    kept = "".join(c for c in wanted if c in alphabet)
    notes = ["letters not shown"] if kept != wanted else []
    kept = _drop_padding(kept, width)
    if len(kept) > width:
        number = kept.lstrip("".join(LETTERS))
        notes.append("prefix not shown" if len(number) <= width else f"number cut to {width} digits")
        kept = number[-width:]
    return Fitted(kept, "; ".join(notes))


def _drop_padding(text: str, width: int) -> str:
    """Remove zeros padding the number ("R0001" → "R01" for 3) until it fits or none is left."""
    head = text.rstrip("0123456789")
    number = text[len(head):]
    while len(head) + len(number) > width and len(number) > 1 and number[0] == "0":
        number = number[1:]
    return head + number
