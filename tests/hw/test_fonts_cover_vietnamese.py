"""The bundled fonts exist, load in Pillow and draw Vietnamese letters (not missing-glyph boxes)."""

import pytest
from PIL import ImageFont

from hw.fonts import font_path


@pytest.mark.parametrize("bold", [False, True])
def test_font_path_loads_and_has_vietnamese_glyphs(bold):
    font = ImageFont.truetype(font_path(bold), 32)
    missing = font.getmask("\u0378").getbbox()
    for ch in "ĂÂĐÊÔƠƯăâđêôơưẠẢẤẦẨẪẬỲỴỶỸữựỡ":
        assert font.getmask(ch).getbbox() != missing, ch
