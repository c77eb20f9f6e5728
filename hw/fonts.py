"""Paths to the bundled DejaVu fonts, which cover Vietnamese (Pillow and pygame apps use them)."""

from pathlib import Path

FONT_DIR = Path(__file__).with_name("fonts")


def font_path(bold: bool = False) -> str:
    """Path of DejaVu Sans (or its bold face); never rely on the default Pillow/pygame font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return str(FONT_DIR / name)
