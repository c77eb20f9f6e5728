"""ESC/POS byte sequences for raster printing (pure functions, exact bytes tested)."""

import re

from PIL import Image

INIT = b"\x1b@"
BAND_ROWS = 256
# DLE EOT n, DLE ENQ n and DLE DC4 n are real-time commands: a printer acts on them even inside
# image data (and answers DLE EOT with a status byte). Such a DLE in raster data loses one dot.
REALTIME_IN_DATA = re.compile(rb"\x10(?=[\x04\x05\x14])")
CUTS = {"full": b"\x1dVA\x00", "partial": b"\x1dVB\x00"}


def feed(lines: int) -> bytes:
    """ESC d n: print and feed ``lines`` lines."""
    return b"\x1bd" + bytes([max(0, min(lines, 255))])


def cut(mode: str) -> bytes:
    """GS V 65/66 0: feed to the cutter and cut fully or partially; "none" sends nothing."""
    return CUTS.get(mode, b"")


def to_bits(image: Image.Image) -> Image.Image:
    """A 1-bit image whose set bits are the dots to burn (dark pixels of ``image``)."""
    return image.convert("L").point(lambda v: 255 if v < 128 else 0, mode="1")


def raster(image: Image.Image, band_rows: int = BAND_ROWS) -> bytes:
    """GS v 0 raster commands for ``image``, in bands so small printer buffers cope."""
    bits = to_bits(image)
    width, height = bits.size
    xbytes = (width + 7) // 8
    out = bytearray()
    for top in range(0, height, band_rows):
        band = bits.crop((0, top, width, min(top + band_rows, height)))
        rows = band.size[1]
        out += b"\x1dv0\x00" + xbytes.to_bytes(2, "little") + rows.to_bytes(2, "little")
        out += without_realtime(band.tobytes())
    return bytes(out)


def without_realtime(data: bytes) -> bytes:
    """Image bytes with every real-time command sequence broken (its DLE byte cleared)."""
    return REALTIME_IN_DATA.sub(b"\x00", data)


def job(image: Image.Image, cut_mode: str, feed_lines: int = 4) -> bytes:
    """A whole print job: reset, the image, feed past the tear bar or cutter, cut."""
    return INIT + raster(image) + feed(feed_lines) + cut(cut_mode)
