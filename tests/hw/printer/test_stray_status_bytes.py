"""DLE EOT n inside image data: a real printer answers it; that byte is never taken for the answer
to the next status question (input is drained first, and our rasters never contain the sequence)."""

import time

import pytest
from PIL import Image

from hw.printer import PrinterStatus, open_printer
from hw.printer.commands import raster, without_realtime
from hw.printer.doubles import PtyPrinter, TcpPrinter

STRAY = b"\x10\x04\x01"


@pytest.fixture(params=["serial", "network"])
def serial_rig(request, tmp_path):
    """A real backend on a double that answers DLE EOT n wherever it appears (pty or socket)."""
    if request.param == "serial":
        double = PtyPrinter(tmp_path / "printer", baudrate=1_000_000)
        config = {"backend": "serial", "device": str(double.path)}
    else:
        double = TcpPrinter()
        config = {"backend": "network", "host": "127.0.0.1", "port": double.port}
    printer = open_printer(config | {"status_timeout_s": 0.3})
    yield printer, double
    printer.close()
    double.unplug()


def wait_for(condition, limit=5.0):
    began = time.monotonic()
    while not condition():
        assert time.monotonic() - began < limit
        time.sleep(0.01)


def test_stray_answer_in_the_input_is_not_the_next_answer(serial_rig):
    printer, double = serial_rig
    printer._write(b"\x1dv0\x00\x03\x00\x01\x00" + STRAY)         # image bytes a printer acts on
    wait_for(lambda: double.model.queries == [1])                  # it answered 0x16 (online)
    double.open_cover()
    assert printer.status() is PrinterStatus.COVER_OPEN            # not "online" / "near end"


def black_bits(data: bytes, width_px: int) -> Image.Image:
    """An image whose raster bytes are ``data`` (a set bit is a black dot)."""
    bits = Image.frombytes("1", (width_px, 1), data)
    return Image.eval(bits.convert("L"), lambda v: 255 - v).convert("1")


def test_raster_never_carries_a_realtime_command():
    image = black_bits(b"\x10\x04\x01\x10\x05\x02\x10\x14\x08\x10\x10\x04\x02", 104)
    data = raster(image)
    for command in (b"\x10\x04", b"\x10\x05", b"\x10\x14"):
        assert command not in data
    assert without_realtime(b"\x10\x12\x10") == b"\x10\x12\x10"       # other DLE bytes stay


def test_printed_image_with_the_sequence_draws_no_stray_answer(serial_rig):
    printer, double = serial_rig
    printer.print_image(black_bits(STRAY * 24, 576))
    wait_for(lambda: double.model.cuts == 1)
    assert double.model.queries == [1, 4]                          # only our own two questions
    assert printer.status() is PrinterStatus.ONLINE
