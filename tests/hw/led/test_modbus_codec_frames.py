"""Modbus-RTU register displays: exact frames, replies, exceptions."""

import pytest
from hypothesis import given, settings, strategies as st

from hw.led import Command, LedError, ModbusCodec
from hw.led.crc import with_crc

CODEC = ModbusCodec()


@pytest.mark.parametrize("command, frame_hex", [
    (Command(1, "1023"), "01 10 00 00 00 02 04 03 ff 00 00 c3 db"),
    (Command(1, "1023", blink=True), "01 10 00 00 00 02 04 03 ff 00 01 02 1b"),
    (Command(17, "----"), "11 10 00 00 00 02 04 ff ff 00 00 a7 4b"),
    (Command(2, "", clear=True), "02 06 00 01 00 02 59 f8"),
])
def test_modbus_encode_table(command, frame_hex):
    assert CODEC.encode(command).hex(" ") == frame_hex


def test_modbus_register_start_is_configurable():
    assert ModbusCodec(register=0x10).encode(Command(1, "5"))[2:4] == b"\x00\x10"


def test_modbus_encode_rejects_a_bad_address():
    with pytest.raises(ValueError):
        CODEC.encode(Command(248, "1"))


@pytest.mark.parametrize("text, value", [("A1", 1), ("70000", 0), ("R012", 12), ("99999", 9999)])
def test_modbus_number_model_shows_the_digits(text, value):
    assert int.from_bytes(CODEC.encode(Command(1, text))[7:9], "big") == value


def test_modbus_reply_is_the_write_echo():
    request = CODEC.encode(Command(1, "12"))
    echo = CODEC.reply(request, CODEC.decode(request)[0])
    assert echo == with_crc(request[:6])
    assert CODEC.read_reply(chunks(echo), Command(1, "12")) == echo


def chunks(data):
    buf = bytearray(data)

    def read(n):
        out = bytes(buf[:n])
        del buf[:n]
        return out
    return read


def test_modbus_exception_reply_raises():
    with pytest.raises(LedError, match="exception code 2"):
        CODEC.read_reply(chunks(with_crc(b"\x01\x90\x02")), Command(1, "12"))


@pytest.mark.parametrize("reply", [with_crc(bytes.fromhex("021000000002")),
                                   bytes.fromhex("0110000000020000")])
def test_modbus_wrong_address_or_crc_raises(reply):
    with pytest.raises(LedError):
        CODEC.read_reply(chunks(reply), Command(1, "12"))


def test_modbus_silence_is_empty():
    assert CODEC.read_reply(chunks(b""), Command(1, "12")) == b""


@settings(deadline=None)
@given(st.integers(1, 247), st.integers(0, 9999), st.booleans())
def test_modbus_roundtrip(address, number, blink):
    command = Command(address, str(number), blink)
    assert CODEC.decode(CODEC.encode(command))[0] == command
