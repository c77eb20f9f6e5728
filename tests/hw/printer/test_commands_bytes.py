"""Exact ESC/POS bytes for fixed inputs."""

import pytest
from PIL import Image

from hw.printer import commands


def image(width, height, black=()):
    img = Image.new("1", (width, height), 1)
    for xy in black:
        img.putpixel(xy, 0)
    return img


@pytest.mark.parametrize("img, expected", [
    (image(8, 1, [(0, 0)]), b"\x1dv0\x00\x01\x00\x01\x00\x80"),
    (image(10, 2, [(0, 0), (9, 1)]), b"\x1dv0\x00\x02\x00\x02\x00\x80\x00\x00\x40"),
    (image(8, 1, [(x, 0) for x in range(8)]), b"\x1dv0\x00\x01\x00\x01\x00\xff"),
    (image(16, 1), b"\x1dv0\x00\x02\x00\x01\x00\x00\x00"),
])
def test_raster_bytes_table(img, expected):
    assert commands.raster(img) == expected


def test_raster_splits_tall_images_in_bands():
    data = commands.raster(image(8, 5), band_rows=2)
    assert data == (b"\x1dv0\x00\x01\x00\x02\x00\x00\x00" * 2 + b"\x1dv0\x00\x01\x00\x01\x00\x00")


def test_raster_treats_grey_as_threshold():
    img = Image.new("L", (8, 1), 200)
    img.putpixel((7, 0), 50)
    assert commands.raster(img)[-1:] == b"\x01"


@pytest.mark.parametrize("mode, expected", [
    ("full", b"\x1dVA\x00"), ("partial", b"\x1dVB\x00"), ("none", b"")])
def test_cut_bytes_table(mode, expected):
    assert commands.cut(mode) == expected


def test_feed_clamps_to_a_byte():
    assert commands.feed(4) == b"\x1bd\x04" and commands.feed(999) == b"\x1bd\xff"


def test_job_is_init_raster_feed_cut():
    img = image(8, 1, [(0, 0)])
    assert commands.job(img, "partial") == (
        b"\x1b@" + b"\x1dv0\x00\x01\x00\x01\x00\x80" + b"\x1bd\x04" + b"\x1dVB\x00")
