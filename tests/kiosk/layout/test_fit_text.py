"""Fitting long Vietnamese names into tiles: wrap, shrink, and never overflow the box."""
from hypothesis import given, settings, strategies as st

from kiosk.layout import LINE_SPACING, Box, fit_text, wrap


def mono(text, size):
    """A fixed-width stand-in for a font: each character is 0.6 × size wide."""
    return len(text) * size * 0.6


LONG = "Sở Nông nghiệp và Môi trường - Chi cục Thủy lợi và Phòng chống thiên tai"


def test_fit_text_keeps_short_name_at_max_size():
    fitted = fit_text("Sở Tư pháp", Box(0, 0, 400, 150), mono, max_size=40)
    assert fitted.size == 40 and fitted.lines == ("Sở Tư pháp",)


def test_fit_text_wraps_long_name_on_words():
    fitted = fit_text(LONG, Box(0, 0, 380, 170), mono, max_size=40)
    assert " ".join(fitted.lines) == LONG                  # nothing lost, diacritics intact
    assert all(mono(line, fitted.size) <= 380 for line in fitted.lines)
    assert fitted.height <= 170 and fitted.size >= 18


def test_fit_text_ellipsis_when_even_min_size_overflows():
    fitted = fit_text(LONG * 4, Box(0, 0, 200, 60), mono, max_size=30, min_size=18)
    assert fitted.size == 18 and fitted.lines[-1].endswith("…")
    assert len(fitted.lines) * 18 * LINE_SPACING <= 60


def test_wrap_cuts_a_word_longer_than_the_line():
    assert wrap("Abcdefghij", 10, 30, mono) == ["Abcde", "fghij"]


@settings(deadline=None, max_examples=60)
@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặ ", min_size=1, max_size=120),
       st.integers(120, 600), st.integers(60, 300))
def test_fit_text_lines_always_fit_width(text, w, h):
    fitted = fit_text(text, Box(0, 0, w, h), mono, max_size=48)
    assert all(mono(line, fitted.size) <= w for line in fitted.lines)
