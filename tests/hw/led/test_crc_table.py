"""CRC-16/MODBUS against published check values and textbook frames."""

import pytest

from hw.led.crc import crc16_modbus, crc_ok, with_crc


@pytest.mark.parametrize("data, crc", [
    (b"123456789", 0x4B37),
    (bytes.fromhex("010300000001"), 0x0A84),
    (bytes.fromhex("010600010003"), 0x0B98),
    (b"", 0xFFFF),
])
def test_crc16_modbus_table(data, crc):
    assert crc16_modbus(data) == crc


def test_with_crc_appends_low_byte_first():
    assert with_crc(bytes.fromhex("010300000001")).hex() == "010300000001840a"


def test_crc_ok_detects_a_flipped_bit():
    frame = with_crc(bytes.fromhex("010600010003"))
    assert crc_ok(frame) and not crc_ok(frame[:3] + b"\x02" + frame[4:])
