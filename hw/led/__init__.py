"""LED counter-number displays on RS-485: ``open_led_bus(config)`` and ``LedDisplay``."""

from collections.abc import Mapping
from typing import Any

from hw.backends import choose_backend
from hw.led.bus import LedBus
from hw.led.codec import Codec, Command
from hw.led.display import LedDisplay
from hw.led.errors import LedBusNotFound, LedError, LedTimeout
from hw.led.fake import FakeLedPanel, FakeLedPort, FakeLedServer
from hw.led.modbus import ModbusCodec
from hw.led.stx import StxCodec

__all__ = ["Command", "FakeLedPanel", "FakeLedPort", "FakeLedServer", "LedBus", "LedBusNotFound",
           "LedDisplay", "LedError", "LedTimeout", "ModbusCodec", "StxCodec", "make_codec",
           "open_led_bus", "open_led_display"]


def make_codec(config: Mapping[str, Any]) -> Codec:
    """The codec named by ``config["protocol"]``: "stx" (default) or "modbus"."""
    return choose_backend("LED protocol", {"backend": config.get("protocol", "stx")}, {
        "stx": lambda _: StxCodec(width=int(config.get("width", 4))),
        "modbus": lambda _: ModbusCodec(register=int(config.get("start_register", 0)),
                                        symbols=config.get("symbols")),
    })


def _serial_bus(config: Mapping[str, Any]) -> LedBus:
    """A bus on a serial port or pyserial URL, opened on first use."""
    import serial

    def open_port():
        return serial.serial_for_url(config["port"], baudrate=int(config.get("baudrate", 9600)),
                                     timeout=float(config.get("timeout_s", 0.2)))

    return LedBus(open_port, make_codec(config), retries=int(config.get("retries", 2)))


def _fake_bus(config: Mapping[str, Any]) -> LedBus:
    """A bus wired to in-memory fake displays (``bus.fake_port.panel`` records frames)."""
    codec = make_codec(config)
    port = FakeLedPort(FakeLedPanel(codec))
    bus = LedBus(lambda: port, codec, retries=int(config.get("retries", 2)))
    bus.fake_port = port
    return bus


def open_led_bus(config: Mapping[str, Any]) -> LedBus:
    """The bus named by ``config["backend"]``: "serial" (a port or pyserial URL) or "fake"."""
    return choose_backend("LED bus", config, {"serial": _serial_bus, "fake": _fake_bus})


def open_led_display(bus: LedBus, config: Mapping[str, Any]) -> LedDisplay:
    """One counter's display from ``{"address": 5, "pause_symbol": "----", "blink_seconds": 5}``."""
    return LedDisplay(bus, int(config["address"]), config.get("pause_symbol", "----"),
                      float(config.get("blink_seconds", 5.0)))
