"""Typed config sections: documented examples validate and open; typos name the key."""

import pytest
from pydantic import ValidationError

from hw.config import (InputConfig, LedBusConfig, LedDisplayConfig, PrinterConfig, VoiceConfig,
                       section)
from hw.keypad import open_keypad
from hw.led import Command, open_led_bus, open_led_display
from hw.printer import open_printer
from hw.scanner import open_scanner
from hw.voice import open_voice


@pytest.mark.parametrize("data", [
    {"backend": "usb", "vendor_id": 0x0416, "product_id": 0x5011, "paper_mm": 80},
    {"backend": "serial", "device": "/dev/printer-kiosk", "baudrate": 115200, "paper_mm": 58},
    {"backend": "network", "host": "192.168.1.50"},
    {"backend": "file", "device": "/dev/usb/lp0", "cutter": "none"},
])
def test_printer_examples_validate(data):
    assert section(PrinterConfig, data)["backend"] == data["backend"]


def test_printer_typo_names_the_key():
    with pytest.raises(ValidationError, match="vendorid"):
        section(PrinterConfig, {"backend": "usb", "vendorid": 1, "product_id": 2})


def test_printer_wrong_paper_width_is_refused():
    with pytest.raises(ValidationError, match="paper_mm"):
        section(PrinterConfig, {"backend": "fake", "paper_mm": 76})


def test_fake_sections_open_devices():
    printer = open_printer(section(PrinterConfig, {"backend": "fake", "paper_mm": 58}))
    scanner = open_scanner(section(InputConfig, {"backend": "fake"}))
    keypad = open_keypad(section(InputConfig, {"backend": "fake", "keymap": {"KEY_F1": "next"}}))
    bus = open_led_bus(section(LedBusConfig, {"backend": "fake", "protocol": "modbus"}))
    display = open_led_display(bus, section(LedDisplayConfig, {"address": 3}))
    voice = open_voice(section(VoiceConfig, {"backend": "fake"}))
    keypad.press_key("KEY_F1")
    display.pause()
    assert printer.width_px == 384 and keypad.get(0) == "next" and scanner.get(0) is None
    assert bus.fake_port.panel.shown[3].text == "----"
    voice.close()


def test_serial_input_example_validates():
    data = section(InputConfig, {"backend": "serial", "port": "/dev/scanner-qr"})
    assert data == {"backend": "serial", "port": "/dev/scanner-qr", "baudrate": 9600, "bytesize": 8,
                    "parity": "N", "stopbits": 1, "timeout_s": 0.2, "write_timeout_s": 2.0,
                    "char_timeout_s": 0.3, "lines": False}


def test_led_bus_section_settings_reach_the_codec():
    bus = open_led_bus(section(LedBusConfig, {"backend": "fake", "protocol": "modbus",
                                              "start_register": 16}))
    assert (bus.codec.layout.value_register, bus.codec.layout.mode_register) == (16, 17)


def test_led_bus_register_map_section_reaches_the_codec():
    bus = open_led_bus(section(LedBusConfig, {"backend": "fake", "protocol": "modbus", "register_map": {
        "model": "ascii", "value_register": 100, "no_mode_register": True, "write_function": 6}}))
    assert bus.codec.layout.encoding == "ascii" and bus.codec.layout.mode_register is None
    assert [f[1] for f in bus.codec.frames(Command(1, "A12"))] == [6, 6]


def test_led_bus_wire_settings_reach_pyserial(tmp_path):
    import serial
    from hw.serial_wire import serial_kwargs
    cfg = section(LedBusConfig, {"backend": "serial", "port": "loop://", "baudrate": 19200,
                                 "parity": "E", "stopbits": 2, "timeout_s": 0.05})
    port = serial.serial_for_url(cfg["port"], **serial_kwargs(cfg))
    assert (port.baudrate, port.parity, port.stopbits, port.timeout) == (19200, "E", 2, 0.05)


def test_evdev_section_needs_path_or_ids():
    with pytest.raises(ValidationError, match="vendor_id"):
        section(InputConfig, {"backend": "evdev", "vendor_id": 0x0C2E})
    assert section(InputConfig, {"backend": "evdev", "path": "/dev/input/by-id/x"})["path"]
