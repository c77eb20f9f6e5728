"""Letters everywhere: every label a series can make is shown on every codec, never refused."""

import pytest
from hypothesis import given, settings, strategies as st

from hw.led import Command, LedBus, ModbusCodec, StxCodec, FakeLedPanel, FakeLedPort
from hw.led.modbus import register_map
from hw.led.segments import char_of, glyph
from hw.led.text import fit_text
from queue_server.config import Series
from queue_server.engine.numbering import label

CODECS = {
    "stx": lambda: StxCodec(width=4),
    "stx-digits": lambda: StxCodec(width=4, letters=False),
    "stx-3": lambda: StxCodec(width=3),
    "modbus-number": lambda: ModbusCodec(),
    "modbus-ascii": lambda: ModbusCodec(layout=register_map("ascii")),
    "modbus-segments": lambda: ModbusCodec(layout=register_map("segments")),
    "modbus-ascii-06": lambda: ModbusCodec(layout=register_map("ascii", write_function=6)),
}

# Everything queue_server.config.Series allows: a prefix of up to 2 characters, numbers to 99999,
# zero padding to 6 digits.
series = st.builds(lambda prefix, digits: Series(prefix=prefix, digits=digits, start=0, end=99999),
                   st.text(st.sampled_from("ABCDRSTĐXYZabc"), max_size=2), st.integers(0, 6))


def readable(name: str, text: str) -> str:
    """How ``text`` reads back from the display (on seven segments Z reads as 2, S as 5)."""
    return "".join(char_of(glyph(c)) for c in text) if name == "modbus-segments" else text


@settings(deadline=None, max_examples=150)
@given(name=st.sampled_from(sorted(CODECS)), serie=series, number=st.integers(0, 99999),
       blink=st.booleans())
def test_every_series_label_reaches_the_display(name, serie, number, blink):
    codec = CODECS[name]()
    panel = FakeLedPanel(CODECS[name]())
    bus = LedBus(lambda: FakeLedPort(panel), codec, retries=0)
    text = label(serie, number)
    bus.send(Command(7, text, blink=blink))
    shown = panel.shown[7]
    assert shown.blink == blink
    assert shown.text.lstrip("0") == readable(name, codec.fit(text).text.strip()).lstrip("0")
    assert str(number)[-3:].lstrip("0") in shown.text or number % 1000 == 0


@pytest.mark.parametrize("name, text, shown", [
    ("stx", "R001", "R001"), ("stx", "R1023", "1023"), ("stx", "12345", "2345"),
    ("stx-3", "R001", "R01"), ("stx-digits", "R001", "001"),
    ("modbus-number", "R001", "1"), ("modbus-ascii", "R001", "R001"),
    ("modbus-segments", "A012", "A012"), ("modbus-segments", "R001", "R001"),
    ("modbus-ascii", "Đ05", "D05"), ("modbus-number", "--", "----"),
])
def test_led_letters_table(name, text, shown):
    panel = FakeLedPanel(CODECS[name]())
    LedBus(lambda: FakeLedPort(panel), CODECS[name](), retries=0).send(Command(3, text))
    assert panel.shown[3].text == shown


def test_led_digits_only_display_logs_once(caplog):
    panel = FakeLedPanel(ModbusCodec())
    bus = LedBus(lambda: FakeLedPort(panel), ModbusCodec(), retries=0)
    for n in range(1, 6):
        bus.send(Command(3, f"R00{n}"))
    assert panel.shown[3].text == "5"
    assert [r.message for r in caplog.records].count(
        "LED displays (modbus): letters not shown (e.g. 'R001')") == 1


@pytest.mark.parametrize("text, width, fitted, note", [
    ("A001", 4, "A001", ""), ("A0001", 4, "A001", ""), ("AB000123", 8, "AB000123", ""),
    ("AB000123", 4, "123", "prefix not shown"), ("123456", 4, "3456", "number cut to 4 digits"),
    ("", 4, "", ""), ("----", 2, "--", "number cut to 2 digits"),
])
def test_fit_text_table(text, width, fitted, note):
    assert (fit_text(text, width).text, fit_text(text, width).note) == (fitted, note)
