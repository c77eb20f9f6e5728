"""Data text made inert before it reaches a file format that would interpret it.

Citizens' comments, officers' and departments' names and dossier fields are data, never markup or
formulas. Every export writes them through one of these functions:

- `pdf_markup`: reportlab's `Paragraph` parses an XML-like markup (`<img src=…>` embeds a file
  from the server's disk, a stray `<` is a parse error); its text is escaped here.
- `spreadsheet_cell`: a text cell starting with `= + - @`, a tab or a carriage return is a formula
  (or becomes one when re-saved as CSV) in Excel and LibreOffice; OWASP's advice is to prefix such
  a cell with a single quote. Numbers (and texts that are numbers, such as "-12,5") stay numbers.
- `terminal_text`: control characters (ANSI escapes) removed from text printed to a terminal.

>>> pdf_markup('a<b và c>d')
'a&lt;b và c&gt;d'
>>> spreadsheet_cell('=HYPERLINK("http://x")')
'\\'=HYPERLINK("http://x")'
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""OWASP's list (= + - @ tab CR) and LF, which some spreadsheet programs skip before a formula."""

_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PDF_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SHEET_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def pdf_markup(value: object) -> str:
    """Any value as text for a reportlab Paragraph: '&', '<', '>' escaped, line breaks kept,
    control characters (which the PDF fonts cannot draw) dropped."""
    text = _PDF_CONTROL.sub("", "" if value is None else str(value))
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def spreadsheet_cell(value):
    """A value for a CSV or XLSX cell: numbers as they are; text without control characters, and
    prefixed with a single quote when a spreadsheet would take it as a formula (shown, never run)."""
    if not isinstance(value, str):
        return value
    value = _SHEET_CONTROL.sub("", value)    # control characters: XLSX cannot hold them at all
    if not value.startswith(FORMULA_STARTS) or _NUMBER.fullmatch(value):
        return value
    return "'" + value


def spreadsheet_row(values) -> list:
    """`spreadsheet_cell` of every value in a row."""
    return [spreadsheet_cell(v) for v in values]


def terminal_text(value: object) -> str:
    """Text for a terminal: control characters (escape sequences, carriage returns) removed."""
    return _CONTROL.sub("", "" if value is None else str(value))


__all__ = ["FORMULA_STARTS", "pdf_markup", "spreadsheet_cell", "spreadsheet_row", "terminal_text"]
