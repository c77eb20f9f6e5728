"""The two Modbus worked examples of docs/hardware.md: config → exact frames, through the fake panel."""

import tomllib

import pytest

from hw.config import LedBusConfig, section
from hw.led import Command, FakeLedPanel, FakeLedPort, LedBus, make_codec

ASCII_8E1 = """
backend = "serial"
port = "/dev/rs485-roomA"
protocol = "modbus"
baudrate = 19200
parity = "E"
stopbits = 1
timeout_s = 0.2
retries = 2

[register_map]
model = "ascii"
value_register = 256
mode_register = 258
"""

SEGMENTS_06 = """
backend = "serial"
port = "/dev/rs485-roomB"
protocol = "modbus"

[register_map]
model = "segments"
write_function = 6
no_mode_register = true
"""


def _codec(toml: str):
    return make_codec(section(LedBusConfig, tomllib.loads(toml)))


@pytest.mark.parametrize("toml, command, frames", [
    (ASCII_8E1, Command(3, "R001", blink=True), ["03 10 01 00 00 03 06 52 30 30 31 00 01 37 87"]),
    (ASCII_8E1, Command(3, "R001"), ["03 10 01 00 00 03 06 52 30 30 31 00 00 f6 47"]),
    (ASCII_8E1, Command(3, "", clear=True), ["03 06 01 02 00 02 a9 d5"]),
    (SEGMENTS_06, Command(7, "A012"), ["07 06 00 00 00 77 c9 8a", "07 06 00 01 00 3f 98 7c",
                                       "07 06 00 02 00 06 a8 6e", "07 06 00 03 00 5b 38 57"]),
    (SEGMENTS_06, Command(7, "", clear=True), ["07 06 00 00 00 00 89 ac", "07 06 00 01 00 00 d8 6c",
                                               "07 06 00 02 00 00 28 6c", "07 06 00 03 00 00 79 ac"]),
])
def test_modbus_worked_example_frames(toml, command, frames):
    assert [f.hex(" ") for f in _codec(toml).frames(command)] == frames


@pytest.mark.parametrize("toml, text", [(ASCII_8E1, "R001"), (SEGMENTS_06, "A012")])
def test_modbus_worked_examples_reach_the_display(toml, text):
    panel = FakeLedPanel(_codec(toml))
    bus = LedBus(lambda: FakeLedPort(panel), _codec(toml), retries=0)
    bus.send(Command(3, text))
    assert panel.shown[3].text == text
    bus.send(Command(3, "", clear=True))
    assert panel.shown[3].clear


def test_ascii_worked_example_reply_is_the_echo():
    codec = _codec(ASCII_8E1)
    frame = codec.frames(Command(3, "R001", blink=True))[0]
    assert codec.reply(frame, codec.decode(frame)[0]).hex(" ") == "03 10 01 00 00 03 80 16"
