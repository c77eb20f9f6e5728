"""The serial printer on a pty that answers like a TM-T20: wire settings, one-byte status reads,
unplugged mid-use (the pty goes away: EIO and termios errors), plugged back at the same path."""

import time

import pytest
from PIL import Image

from hw.config import SerialPrinter, section
from hw.printer import PrinterNotFound, PrinterStatus, open_printer
from hw.printer.doubles import PtyPrinter


@pytest.fixture
def double(tmp_path):
    printer = PtyPrinter(tmp_path / "printer-kiosk", baudrate=1_000_000)
    yield printer
    printer.unplug()


def serial_printer(double, **settings):
    config = section(SerialPrinter, {"backend": "serial", "device": str(double.path)} | settings)
    return open_printer(config)


def test_serial_wire_settings_reach_the_port(double):
    printer = serial_printer(double, baudrate=38400, parity="even", stopbits=2, flow_control="rtscts")
    port = printer.link.port
    assert (port.baudrate, port.parity, port.stopbits, port.rtscts) == (38400, "E", 2, True)
    printer.close()


def test_serial_default_speed_is_115200():
    assert section(SerialPrinter, {"backend": "serial", "device": "/dev/x"})["baudrate"] == 115200


def test_serial_status_reads_one_byte_not_the_whole_timeout(double):
    printer = serial_printer(double, status_timeout_s=3.0)
    began = time.monotonic()
    assert printer.status() is PrinterStatus.ONLINE
    assert time.monotonic() - began < 1.0            # python-escpos waited 3 s for 16 bytes here
    printer.close()


def test_serial_unplugged_open_port_is_not_found_never_a_crash(double):
    printer = serial_printer(double)
    assert printer.status() is PrinterStatus.ONLINE
    double.unplug()                                  # the open fd now fails with EIO / termios.error
    assert printer.status() is PrinterStatus.NOT_FOUND
    with pytest.raises(PrinterNotFound):
        printer.print_image(Image.new("1", (8, 8), 0))
    printer.close()
    printer.close()                                  # closing a dead port twice never raises


def test_serial_replug_recovers_without_a_restart(double):
    printer = serial_printer(double)
    double.unplug()
    for _ in range(3):                               # several failed reopens: the backoff grows
        assert printer.status() is PrinterStatus.NOT_FOUND
        time.sleep(0.3)
    double.plug()
    began = time.monotonic()
    while printer.status() is not PrinterStatus.ONLINE:
        assert time.monotonic() - began < 10, printer.status()
        time.sleep(0.2)
    printer.print_image(Image.new("1", (8, 8), 0))
    printer.close()
