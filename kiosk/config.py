"""The kiosk's configuration: a typed schema with documented defaults, loaded from TOML.

Command-line options (`motcua kiosk --server … --token …`) override the file's values.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hw.config import InputConfig, PrinterConfig

from queue_server.config import ConfigError, load_device_settings


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Timeouts(_Section):
    """How long each kind of screen waits for a touch before going back to the attract screen."""

    choice_s: float = Field(30.0, gt=0, description="Department / service / priority / dossier screens.")
    confirmation_s: float = Field(15.0, gt=0, description="The 'here is your number' screen.")
    message_s: float = Field(8.0, gt=0, description="Error and information messages (bad scan, closed).")
    touch_guard_s: float = Field(0.4, ge=0, description="Touches ignored right after the screen changed "
                                                         "(a double tap must not hit the next screen).")
    retry_window_s: float = Field(60.0, gt=0, description="A ticket request lost with the connection is "
                                                          "retried on reconnect (same request_id) within this time.")
    issuing_s: float = Field(15.0, gt=0, description="'Getting your number…': the longest wait for the server; "
                                                     "then a message and back to the start (no number shown).")
    printing_s: float = Field(20.0, gt=0, description="'Printing your ticket…': the longest wait for the printer; "
                                                      "then the number is shown with 'remember this number'.")
    looking_up_s: float = Field(10.0, gt=0, description="'Looking up your dossier…': the longest wait for the "
                                                        "server; then a message.")


class KioskConfig(_Section):
    """One ticket kiosk (a Raspberry Pi with a touch screen, a thermal printer and a barcode reader).

    >>> load_kiosk_config("kiosk.toml", server="http://10.0.0.2:5000", token="…").portrait
    False
    """

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)

    server: str = Field("http://127.0.0.1:5000", description="The queue server's URL on the LAN.")
    token: str = Field("", description="The device token from `motcua device add NAME --role kiosk`.")
    public_url: str = Field("", description="Base URL of the ticket QR code; default: the centre's "
                                            "`public_url`, else `server`.")
    width: int = Field(1280, ge=320, description="Screen width in pixels.")
    height: int = Field(800, ge=240, description="Screen height in pixels.")
    orientation: Literal["auto", "landscape", "portrait"] = Field(
        "auto", description="Layout; 'auto' picks from width and height.")
    fullscreen: bool = Field(True, description="Full screen (False: a window, for set-up).")
    language: Literal["vi", "en"] = Field("vi", description="Language a session starts in.")
    ask_priority: bool = Field(True, description="Ask whether the citizen belongs to a priority group.")
    citizen_id_scan: bool = Field(False, description="Accept the CCCD QR to offer priority to people aged 60+.")
    priority_age: int = Field(60, ge=1, le=120, description="Age from which a scanned CCCD offers priority.")
    require_open_counter: bool = Field(True, description="Refuse tickets for a department with no open counter "
                                                         "(closed for the day) instead of queuing nobody will call.")
    printer: PrinterConfig = Field({"backend": "fake"}, description="hw.config printer section.")
    scanner: InputConfig | None = Field(None, description="hw.config scanner section; none: no barcode reader.")
    timeouts: Timeouts = Timeouts()

    @property
    def portrait(self) -> bool:
        if self.orientation == "auto":
            return self.height > self.width
        return self.orientation == "portrait"


KioskConfigError = ConfigError    # a kiosk config that cannot be used; names the file, key and reason


def load_kiosk_config(path: str | Path | None = None, **overrides) -> KioskConfig:
    """Read the TOML file (if any), apply non-None overrides, validate."""
    return load_device_settings(KioskConfig, path, **overrides)
