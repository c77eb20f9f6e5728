"""Seven-segment glyphs (bit 0 = segment a … bit 6 = segment g), letters included.

Letters use the usual seven-segment shapes (b, d, n, o, r, t, y in lower case); a few cannot be
told from digits on seven segments (S looks like 5, Z like 2): the series prefix still shows.
"""

GLYPHS = {
    "0": 0x3F, "1": 0x06, "2": 0x5B, "3": 0x4F, "4": 0x66, "5": 0x6D, "6": 0x7D, "7": 0x07,
    "8": 0x7F, "9": 0x6F, "-": 0x40, " ": 0x00,
    "A": 0x77, "B": 0x7C, "C": 0x39, "D": 0x5E, "E": 0x79, "F": 0x71, "G": 0x3D, "H": 0x76,
    "I": 0x30, "J": 0x1E, "K": 0x75, "L": 0x38, "M": 0x37, "N": 0x54, "O": 0x5C, "P": 0x73,
    "Q": 0x67, "R": 0x50, "S": 0x6D, "T": 0x78, "U": 0x3E, "V": 0x1C, "W": 0x2A, "X": 0x49,
    "Y": 0x6E, "Z": 0x5B,
}
_CHARS = {}
for _char, _bits in GLYPHS.items():
    _CHARS.setdefault(_bits, _char)     # digits first: a shared glyph reads back as the digit


def glyph(char: str) -> int:
    """The segments lit for ``char`` (which must be in GLYPHS)."""
    return GLYPHS[char]


def char_of(bits: int) -> str:
    """The character a glyph reads as (display side, for fakes); "?" for an unknown pattern."""
    return _CHARS.get(bits & 0x7F, "?")
