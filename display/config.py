"""The display's configuration: a typed schema with documented defaults, loaded from TOML.

Command-line options (`motcua display --server … --token …`) override the file's values.
"""
from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hw.config import LedBusConfig, LedDisplayConfig, VoiceConfig

from queue_server.config import ConfigError, load_device_settings


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DisplayVoiceConfig(VoiceConfig):
    """The announcement voice of this display: hw's VoiceConfig plus on/off, volume, quiet hours."""

    enabled: bool = Field(True, description="Announce calls on this display (off: silent screen).")
    volume: float = Field(1.0, ge=0.0, le=1.0, description="Loudness, 0 (mute) to 1 (as recorded).")
    quiet_hours: list[tuple[time, time]] = Field(
        default=[], description="Periods with no announcements, [[\"11:30\", \"13:30\"]]; may span midnight.")

    def hw_section(self) -> dict:
        """The dict `hw.voice.open_voice` takes."""
        return self.model_dump(include=set(VoiceConfig.model_fields), exclude_none=True)


class BoardConfig(_Section):
    """The dossier status board mode."""

    rows_per_page: int = Field(10, ge=1, le=40, description="Dossiers listed per page.")
    page_seconds: float = Field(8.0, gt=0, description="Time a page stays before the next one.")
    refresh_seconds: float = Field(120.0, gt=0, description="Fetch the board again at least this often.")
    department: str | None = Field(None, description="Only this department (default: all).")


class LedServiceConfig(_Section):
    """Per-counter LED number displays on one RS-485 bus."""

    bus: LedBusConfig = Field(description="The RS-485 line (hw.config.LedBusConfig).")
    displays: dict[int, LedDisplayConfig] = Field(
        default={}, description="Counter number → its display on the bus ({address, pause_symbol, blink_seconds}).")


class DisplayConfig(_Section):
    """One wall display (a Raspberry Pi or PC in front of a TV)."""

    server: str = Field("http://127.0.0.1:5000", description="The queue server's URL on the LAN.")
    token: str = Field("", description="The device token from `motcua device add NAME --role display`.")
    mode: Literal["hall", "board"] = Field("hall", description="Hall call display or dossier status board.")
    width: int = Field(1920, ge=320, description="Screen width in pixels.")
    height: int = Field(1080, ge=240, description="Screen height in pixels.")
    fullscreen: bool = Field(True, description="Full screen (False: a window, for set-up).")
    notice: str = Field("", description="Scrolling notice line at the bottom; empty hides it.")
    flash_seconds: float = Field(6.0, ge=0, description="How long a new call flashes in large type.")
    recent_calls: int = Field(8, ge=1, le=20, description="Calls listed under 'Vừa gọi'.")
    fps: int = Field(30, ge=1, le=60, description="Frames per second while something moves.")
    voice: DisplayVoiceConfig = DisplayVoiceConfig()
    board: BoardConfig = BoardConfig()
    leds: LedServiceConfig | None = Field(None, description="LED counter displays driven from this device.")

    @field_validator("server")
    @classmethod
    def _http(cls, url: str) -> str:
        if not url.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return url.rstrip("/")


DisplayConfigError = ConfigError    # a display config that cannot be used; names the file and keys


def load_display_config(path: str | Path | None = None, **overrides) -> DisplayConfig:
    """Read a TOML file (optional) and apply non-None overrides from the command line."""
    return load_device_settings(DisplayConfig, path, **overrides)
