"""Officer photos: uploaded by an administrator, kept under the data directory, shown on tablets."""
from __future__ import annotations

import os
from pathlib import Path

from ..engine.errors import invalid

MAX_PHOTO_BYTES = 1024 * 1024
KINDS = {b"\xff\xd8\xff": ("jpg", "image/jpeg"), b"\x89PNG\r\n\x1a\n": ("png", "image/png")}


def photo_kind(data: bytes) -> tuple[str, str]:
    """(extension, MIME type) of a JPEG or PNG by its first bytes; anything else is refused."""
    for magic, kind in KINDS.items():
        if data.startswith(magic):
            return kind
    raise invalid("Ảnh phải là tệp JPEG hoặc PNG", "The photo must be a JPEG or PNG file")


def save_photo(directory: Path, user_id: int, data: bytes) -> str:
    """Write the photo atomically; returns its file name (stored on the user's row)."""
    if not data:
        raise invalid("Chưa chọn ảnh", "No photo chosen")
    if len(data) > MAX_PHOTO_BYTES:
        raise invalid("Ảnh lớn quá 1 MB", "The photo is larger than 1 MB")
    ext, _ = photo_kind(data)
    directory.mkdir(parents=True, exist_ok=True)
    name = f"user-{user_id}.{ext}"
    tmp = directory / f".{name}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, directory / name)
    for other in directory.glob(f"user-{user_id}.*"):
        if other.name != name:
            other.unlink()
    return name


def photo_mime(name: str) -> str:
    return "image/png" if name.endswith(".png") else "image/jpeg"
