"""Typed, documented config sections for every device kind (pydantic), for apps to embed.

A device app's schema can hold e.g. ``printer: PrinterConfig``; ``section.model_dump()`` is the
dict the ``open_xxx(config)`` factories take. Typos and wrong types fail with the key's name.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _PrinterCommon(_Section):
    paper_mm: Literal[58, 80] = Field(80, description="Paper width: 58 mm (384 dots) or 80 mm (576 dots).")
    cutter: Literal["full", "partial", "none"] = Field("partial", description="Cut after each ticket; 'none' feeds to the tear bar.")
    check_status: bool = Field(True, description="Ask the paper sensor before each ticket.")
    english: bool = Field(False, description="Print English labels under the Vietnamese ones.")
    timeout_s: float = Field(3.0, gt=0, description="Write timeout: how long the printer may stop taking data.")
    status_timeout_s: float = Field(0.5, gt=0, le=5, description="How long to wait for the one-byte answer "
                                                                  "to a status query (a printer answers in a few ms).")


class UsbPrinter(_PrinterCommon):
    """An ESC/POS printer on USB (pyusb), found by vendor:product id (see lsusb)."""

    backend: Literal["usb"]
    vendor_id: int = Field(ge=0, le=0xFFFF)
    product_id: int = Field(ge=0, le=0xFFFF)
    in_ep: int = Field(0x82, description="Bulk IN endpoint (status replies).")
    out_ep: int = Field(0x01, description="Bulk OUT endpoint.")


class SerialPrinter(_PrinterCommon):
    """An ESC/POS printer on a serial port."""

    backend: Literal["serial"]
    device: str = Field(description="e.g. /dev/printer-kiosk (a udev symlink).")
    baudrate: Literal[9600, 19200, 38400, 57600, 115200] = Field(
        115200, description="Must match the printer's setting (DIP switches / memory switch). An 80 mm "
                            "ticket is ~60 KB of raster: ~5 s at 115200, ~1 min at 9600.")
    parity: Literal["none", "even", "odd"] = Field("none", description="Must match the printer.")
    stopbits: Literal[1, 2] = Field(1, description="Must match the printer.")
    flow_control: Literal["dsrdtr", "rtscts", "xonxoff", "none"] = Field(
        "dsrdtr", description="Handshake that stops the kiosk when the printer's buffer is full "
                              "(Epson's default: DTR/DSR).")


class NetworkPrinter(_PrinterCommon):
    """An ESC/POS printer on the network (raw TCP, port 9100)."""

    backend: Literal["network"]
    host: str
    port: int = Field(9100, ge=1, le=65535)


class FilePrinter(_PrinterCommon):
    """A write-only device file such as /dev/usb/lp0 (no status)."""

    backend: Literal["file"]
    device: str


class OtherPrinter(_PrinterCommon):
    """python-escpos's Dummy (keeps bytes in memory) or the fake printer."""

    backend: Literal["dummy", "fake"]


PrinterConfig = Annotated[UsbPrinter | SerialPrinter | NetworkPrinter | FilePrinter | OtherPrinter,
                          Field(discriminator="backend")]


class EvdevDevice(_Section):
    """A USB HID scanner or keypad read through evdev: by-id path, or vendor and product ids."""

    backend: Literal["evdev"]
    path: str | None = Field(None, description="/dev/input/by-id/...-event-kbd")
    vendor_id: int | None = None
    product_id: int | None = None
    keymap: dict[str, str] | None = Field(None, description="Keypads only: key name → action.")

    @model_validator(mode="after")
    def _located(self):
        """A device is found by path, or by both ids."""
        if not self.path and (self.vendor_id is None or self.product_id is None):
            raise ValueError("set 'path' or both 'vendor_id' and 'product_id'")
        return self


class SerialWire(_Section):
    """How bytes travel on a serial line; the device's manual gives them (e.g. 9600 8N1, 19200 8E1)."""

    baudrate: int = Field(9600, gt=0, description="Speed in baud.")
    bytesize: Literal[7, 8] = Field(8, description="Data bits.")
    parity: Literal["N", "E", "O", "M", "S"] = Field("N", description="N none, E even, O odd (M mark, S space).")
    stopbits: Literal[1, 1.5, 2] = Field(1, description="Stop bits.")
    write_timeout_s: float = Field(2.0, gt=0, description="Give up a write after this long (adapter stuck).")


class SerialDevice(SerialWire):
    """A serial / USB-CDC scanner or keypad."""

    backend: Literal["serial"]
    port: str = Field(description="Device path or pyserial URL.")
    timeout_s: float = Field(0.2, gt=0, description="Read timeout: how often the reader looks up.")
    char_timeout_s: float = Field(0.3, gt=0, description=(
        "Scanners: a pause this long inside a scan ends it as incomplete (never glued to the next)."))
    keymap: dict[str, str] | None = Field(None, description="Keypads only: key → action.")
    lines: bool = Field(False, description="Keypads only: one key name per line.")


class FakeDevice(_Section):
    """The fake device (tests, demos)."""

    backend: Literal["fake"]
    keymap: dict[str, str] | None = None


InputConfig = Annotated[EvdevDevice | SerialDevice | FakeDevice, Field(discriminator="backend")]


class ModbusRegisterMap(_Section):
    """Where a Modbus display model keeps its text and mode; unset fields come from ``model``."""

    model: Literal["number", "ascii", "segments"] = Field("number", description=(
        "number: R0 binary value (digits only), R1 mode; ascii: R0-R1 two ASCII characters each, R2 mode; "
        "segments: R0-R3 one seven-segment glyph each, R4 mode."))
    encoding: Literal["number", "ascii", "segments"] | None = Field(None, description="How characters are sent.")
    width: int | None = Field(None, ge=1, le=8, description="Characters on the display.")
    value_register: int | None = Field(None, ge=0, le=0xFFFF, description="First register of the text.")
    mode_register: int | None = Field(None, ge=0, le=0xFFFF, description="Mode register (steady / blink / blank).")
    no_mode_register: bool = Field(False, description="The model has no mode register (no blinking).")
    write_function: Literal[6, 16] | None = Field(None, description="16 (0x10): one frame; 6: one frame a register.")
    steady: int | None = Field(None, ge=0, le=0xFFFF, description="Mode value: steady.")
    blink: int | None = Field(None, ge=0, le=0xFFFF, description="Mode value: blinking.")
    blank: int | None = Field(None, ge=0, le=0xFFFF, description="Mode value: blank.")


class LedBusConfig(SerialWire):
    """One RS-485 line of counter displays."""

    backend: Literal["serial", "fake"]
    port: str | None = Field(None, description="Serial device or pyserial URL (socket://...).")
    protocol: Literal["stx", "modbus"] = "stx"
    width: int = Field(4, ge=1, le=8, description="STX: characters on the display.")
    letters: bool = Field(True, description="STX: the display draws A-Z (False: letters dropped, logged once).")
    start_register: int = Field(0, ge=0, le=0xFFFF, description="Modbus, default map: first holding register.")
    register_map: ModbusRegisterMap | None = Field(None, description="Modbus: the display model's register map.")
    symbols: dict[str, int] | None = Field(None, description="Modbus number model: text → register value.")
    timeout_s: float = Field(0.2, gt=0, description="Wait this long for a display's answer.")
    retries: int = Field(2, ge=0, le=10)


class LedDisplayConfig(_Section):
    """One counter's display on a bus."""

    address: int = Field(ge=1, le=247)
    pause_symbol: str = "----"
    blink_seconds: float = Field(5.0, ge=0)


class VoiceConfig(_Section):
    """The announcement voice."""

    backend: Literal["pygame", "fake"] = "pygame"
    pack: str | None = Field(None, description="Voice pack directory; the bundled espeak-ng pack if unset.")
    zero_tens: Literal["linh", "lẻ"] = "linh"
    digit_by_digit: bool = False


def section(kind, data: dict):
    """Validate ``data`` as a section of ``kind`` and return the plain dict for the factory."""
    return TypeAdapter(kind).validate_python(data).model_dump(exclude_none=True)
