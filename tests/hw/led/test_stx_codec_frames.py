"""The STX framing: exact frames, replies, and the display side used by fakes."""

import pytest
from hypothesis import given, settings, strategies as st

from hw.led import Command, LedError, StxCodec

CODEC = StxCodec(width=4)


@pytest.mark.parametrize("command, frame", [
    (Command(5, "12", blink=True), b"\x0205B  12\x0347"),
    (Command(1, "1023"), b"\x0201S1023\x0351"),
    (Command(12, "----"), b"\x0212S----\x0353"),
    (Command(0, "7"), b"\x0200S   7\x0347"),
    (Command(3, "", clear=True), b"\x0203C\x0343"),
])
def test_stx_encode_table(command, frame):
    assert CODEC.encode(command) == frame


def test_stx_encode_rejects_a_bad_address():
    with pytest.raises(ValueError):
        CODEC.encode(Command(100, "1"))


@pytest.mark.parametrize("text, sent", [("12345", b"2345"), ("1.2", b"  12"), ("r001", b"R001")])
def test_stx_encode_fits_any_text(text, sent):
    assert CODEC.encode(Command(1, text))[4:8] == sent


def test_stx_width_is_configurable():
    assert StxCodec(width=3).encode(Command(2, "9")) == b"\x0202S  9\x03" + b"%02X" % (
        0x30 ^ 0x32 ^ ord("S") ^ 0x20 ^ 0x20 ^ ord("9") ^ 0x03)


@pytest.mark.parametrize("reply, ok", [(b"\x0605", True), (b"", False)])
def test_stx_read_reply(reply, ok):
    assert bool(CODEC.read_reply(lambda n: reply, Command(5, "1"))) is ok


@pytest.mark.parametrize("reply", [b"\x1505", b"\x0606", b"xyz"])
def test_stx_read_reply_rejects(reply):
    with pytest.raises(LedError):
        CODEC.read_reply(lambda n: reply, Command(5, "1"))


def test_stx_decode_skips_noise_and_flags_bad_checksum():
    good = CODEC.encode(Command(7, "42"))
    command, used = CODEC.decode(b"\xff\x00" + good)
    assert command == Command(7, "42") and used == len(good) + 2
    bad, _ = CODEC.decode(good[:-1] + b"0")
    assert bad.address == -1 and CODEC.reply(b"", bad)[:1] == b"\x15"


def test_stx_decode_waits_for_a_whole_frame():
    assert CODEC.decode(CODEC.encode(Command(7, "42"))[:-1]) == (None, 0)


@settings(deadline=None)
@given(st.integers(0, 99), st.from_regex(r"[0-9]{1,4}|----", fullmatch=True), st.booleans())
def test_stx_roundtrip(address, text, blink):
    command = Command(address, text, blink)
    assert CODEC.decode(CODEC.encode(command))[0] == command
