"""Any text at all is inert once it went through reporting.hostile_text: a reportlab Paragraph
builds from it and shows it as written; a spreadsheet cell never starts a formula and numbers stay
numbers; a terminal line holds no control character."""
from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from queue_server.reporting.hostile_text import pdf_markup, spreadsheet_cell, terminal_text

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")
PIECES = list("<>&;/=\"' abđậ#x0\n\t") + ["<img src='/etc/passwd'/>", "<b>", "</para>", "&amp;", "&#0;", "<br/>",
                                        "\x1b", "\x00"]
MARKUP = st.lists(st.sampled_from(PIECES), max_size=15).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(MARKUP, st.text(max_size=40)))
def test_hostile_text_pdf_markup_builds_and_keeps_the_text(text):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from queue_server.reporting.pdf import FONT, _register_fonts
    _register_fonts()
    style = ParagraphStyle("p", fontName=FONT)
    shown = "".join(getattr(f, "text", "") for f in Paragraph(pdf_markup(text), style).frags)
    SimpleDocTemplate(io.BytesIO()).build([Paragraph(pdf_markup(text), style)])
    expected = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    assert re.sub(r"\s+", "", shown) == re.sub(r"\s+", "", expected)


@given(st.one_of(st.text(max_size=30), st.sampled_from(["=1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "+84912"])))
def test_hostile_text_spreadsheet_cell_never_starts_a_formula(text):
    cell = spreadsheet_cell(text)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", cell)
    if cell.startswith(DANGEROUS):
        assert re.fullmatch(r"[+-]?\d+(?:[.,]\d+)*%?", cell)


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.sampled_from(["-12,5", "+3", "-1.234.567", "12%"])))
def test_hostile_text_spreadsheet_cell_keeps_numbers(value):
    assert spreadsheet_cell(value) == value


@given(st.text(max_size=40))
def test_hostile_text_terminal_text_has_no_control_characters(text):
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", terminal_text(text))
