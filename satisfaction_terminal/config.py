"""The tablet's settings: a typed, documented section, read from TOML or given on the command line."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from queue_server.config import load_device_settings

DEFAULT_PHRASES = [
    "Cán bộ nhiệt tình, chu đáo",
    "Hướng dẫn dễ hiểu",
    "Thời gian chờ lâu",
    "Thủ tục còn phức tạp",
    "Cần thêm chỗ ngồi chờ",
    "Cán bộ chưa hướng dẫn rõ",
]


class TerminalSettings(BaseModel):
    """One rating tablet (máy đánh giá mức độ hài lòng), bound to one counter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    server: str = Field("http://127.0.0.1:5000", description="Queue server URL on the LAN.")
    token: str = Field("", description="The terminal's device token (`motcua device add --role terminal`).")
    counter: int = Field(ge=1, le=999, description="The counter this tablet stands at.")
    outbox: str = Field("var/terminal-outbox.db", description="SQLite outbox file: ratings waiting for the server.")
    phrases: list[str] = Field(default=DEFAULT_PHRASES, max_length=6,
                               description="Prepared comment phrases the citizen can pick (at most 6: two rows of three).")
    rating_timeout: float = Field(30.0, gt=0, description="Seconds the rating screen waits before going idle.")
    comment_timeout: float = Field(90.0, gt=0, description="Seconds without a touch before a comment is sent as is.")
    thanks_seconds: float = Field(5.0, gt=0, description="Seconds the thank-you screen stays.")
    photos_dir: str = Field("", description="Folder of officer photos named <officer id>.png/.jpg (optional).")
    officer_titles: dict[str, str] = Field(default={}, description="Officer id → title shown under the name.")
    width: int = Field(1024, ge=480, description="Window width in pixels (ignored when fullscreen).")
    height: int = Field(600, ge=320, description="Window height in pixels (ignored when fullscreen).")
    fullscreen: bool = Field(False, description="Fill the screen (the Raspberry Pi tablet).")
    telex_modern: bool = Field(True, description="Telex tone placement: modern (hoà) or old (hòa).")


def load_settings(path: str | Path | None, **overrides) -> TerminalSettings:
    """Settings from a TOML file's [terminal] section (if given), command-line values on top."""
    return load_device_settings(TerminalSettings, path, section="terminal", **overrides)
