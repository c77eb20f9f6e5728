"""Layout: 40+ counters fit in readable rows; long names are cut with "…"; numbers shrink whole."""
import pytest

from display.layout import MIN_ROW_PX, counters_grid, ellipsize, fit_font, hall_layout, headline_rows


@pytest.mark.parametrize("count, columns", [(6, 1), (8, 1), (16, 2), (24, 2), (40, 3), (48, 4), (60, 4)])
def test_layout_fit_columns_grow_with_counters(count, columns):
    grid = hall_layout(1920, 1080, count).table
    assert grid.columns == columns
    assert grid.rows * grid.columns >= count
    assert grid.cell_h >= MIN_ROW_PX or columns == 4


def test_layout_fit_cells_stay_inside_the_table_area():
    lay = hall_layout(1920, 1080, 44)
    x, y, w, h = lay.table.area
    for i in range(44):
        cx, cy, cw, ch = lay.table.cell(i)
        assert x <= cx and cx + cw <= x + w and y <= cy and cy + ch <= y + h
    assert y + h <= lay.waiting[1]


def test_layout_fit_small_screen_still_has_rows():
    grid = counters_grid((0, 0, 600, 300), 40)
    assert grid.columns == 4 and grid.font_px >= 12


def test_layout_fit_ellipsize_cuts_to_width():
    measure = len                     # one pixel per character
    assert ellipsize("Sở Tư pháp", 20, measure) == "Sở Tư pháp"
    cut = ellipsize("Ban Quản lý các khu công nghiệp tỉnh", 12, measure)
    assert cut.endswith("…") and len(cut) <= 12 and cut.startswith("Ban Quản")


def test_layout_fit_number_font_shrinks_until_it_fits():
    measure = lambda text, size: len(text) * size // 2
    size = fit_font("A1023", 100, 80, measure)
    assert measure("A1023", size) <= 100 and size < 80


def test_layout_fit_headline_rows_split_evenly():
    rows = headline_rows((0, 0, 800, 400), 4)
    assert [r[1] for r in rows] == [0, 100, 200, 300] and all(r[3] == 100 for r in rows)
