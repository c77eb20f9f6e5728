"""LED counter-number displays on RS-485: ``open_led_bus(config)`` and ``LedDisplay``."""

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from hw.backends import choose_backend
from hw.led.bus import LedBus
from hw.led.codec import Codec, Command
from hw.led.display import LedDisplay
from hw.led.errors import LedBusNotFound, LedError, LedTimeout
from hw.led.fake import FakeLedPanel, FakeLedPort, FakeLedServer
from hw.led.modbus import ModbusCodec, RegisterMap, register_map
from hw.led.stx import StxCodec
from hw.serial_wire import serial_opener

__all__ = ["Command", "FakeLedPanel", "FakeLedPort", "FakeLedServer", "LedBus", "LedBusNotFound",
           "LedDisplay", "LedError", "LedTimeout", "ModbusCodec", "RegisterMap", "StxCodec", "make_codec",
           "open_led_bus", "open_led_display"]


def make_codec(config: Mapping[str, Any]) -> Codec:
    """The codec named by ``config["protocol"]``: "stx" (default) or "modbus"."""
    return choose_backend("LED protocol", {"backend": config.get("protocol", "stx")}, {
        "stx": lambda _: StxCodec(width=int(config.get("width", 4)), letters=bool(config.get("letters", True))),
        "modbus": lambda _: ModbusCodec(symbols=config.get("symbols"), layout=modbus_layout(config)),
    })


def modbus_layout(config: Mapping[str, Any]) -> RegisterMap:
    """The register map of ``config["register_map"]`` (a model name plus overrides), or the
    default number map starting at ``start_register``."""
    spec = dict(config.get("register_map") or {})
    if not spec:
        start = int(config.get("start_register", 0))
        return RegisterMap(value_register=start, mode_register=start + 1)
    model, no_mode = spec.pop("model", "number"), spec.pop("no_mode_register", False)
    layout = register_map(model, **spec)
    return replace(layout, mode_register=None) if no_mode else layout


def _serial_bus(config: Mapping[str, Any]) -> LedBus:
    """A bus on a serial port or pyserial URL, opened on first use, with the wire settings."""
    return LedBus(serial_opener(config), make_codec(config), retries=int(config.get("retries", 2)))


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
