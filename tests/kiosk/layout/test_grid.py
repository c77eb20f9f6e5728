"""Tile grids: tiles stay inside the area, never overlap, and pages split long department lists."""
import pytest

from kiosk.layout import Box, grid_shape, pages, per_page, tile_grid

AREA = Box(40, 150, 1200, 560)              # 1280×800 landscape
PORTRAIT = Box(30, 200, 740, 900)            # 800×1280 portrait


@pytest.mark.parametrize("n, portrait, shape", [
    (1, False, (1, 1)), (2, False, (1, 2)), (4, False, (2, 2)), (7, False, (3, 3)), (9, False, (3, 3)),
    (3, True, (1, 3)), (6, True, (2, 3)), (10, True, (2, 5)), (19, True, (2, 5)),
])
def test_grid_shape_fits_count(n, portrait, shape):
    assert grid_shape(n, portrait) == shape


@pytest.mark.parametrize("n, portrait", [(n, p) for n in range(1, 11) for p in (False, True)])
def test_tile_grid_inside_area_and_disjoint(n, portrait):
    area = PORTRAIT if portrait else AREA
    boxes = tile_grid(min(n, per_page(portrait)), area, portrait)
    for b in boxes:
        assert area.x <= b.x and b.x + b.w <= area.x + area.w
        assert area.y <= b.y and b.y + b.h <= area.y + area.h
        assert b.w >= 200 and b.h >= 100          # big enough for a finger and a name
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h)


def test_pages_split_nineteen_departments():
    assert [len(p) for p in pages(list(range(19)), portrait=False)] == [9, 9, 1]
    assert [len(p) for p in pages(list(range(19)), portrait=True)] == [10, 9]
    assert pages([], portrait=True) == [[]]


def test_box_contains_edges():
    b = Box(10, 10, 100, 50)
    assert b.contains(10, 10) and b.contains(109, 59)
    assert not b.contains(110, 30) and not b.contains(50, 60)
