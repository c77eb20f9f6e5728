"""open_printer picks the backend by name and never falls back to the fake."""

import pytest
from PIL import Image

from hw.errors import UnknownBackend
from hw.printer import EscposPrinter, FakePrinter, PrinterNotFound, PrinterStatus, open_printer


def test_open_printer_unknown_backend_names_the_choices():
    with pytest.raises(UnknownBackend, match="network"):
        open_printer({"backend": "bluetooth"})


def test_open_printer_fake_takes_paper_width():
    printer = open_printer({"backend": "fake", "paper_mm": 58})
    assert isinstance(printer, FakePrinter) and printer.width_px == 384


def test_open_printer_missing_setting_is_clear():
    with pytest.raises(ValueError, match="vendor_id"):
        open_printer({"backend": "usb"})


def test_open_printer_absent_usb_is_real_and_not_found():
    printer = open_printer({"backend": "usb", "vendor_id": 0x0416, "product_id": 0x5011})
    assert isinstance(printer, EscposPrinter)
    assert printer.status() is PrinterStatus.NOT_FOUND
    with pytest.raises(PrinterNotFound):
        printer.print_image(Image.new("1", (8, 8), 0))


def test_open_printer_refused_network_is_not_found():
    printer = open_printer({"backend": "network", "host": "127.0.0.1", "port": 1, "timeout_s": 0.2})
    assert printer.status() is PrinterStatus.NOT_FOUND


def test_dummy_printer_gets_exact_bytes_centred_on_58mm():
    printer = open_printer({"backend": "dummy", "paper_mm": 58, "cutter": "full"})
    img = Image.new("1", (8, 1), 1)
    img.putpixel((0, 0), 0)
    printer.print_image(img)
    row = bytearray(48)
    row[188 // 8] = 0x80 >> (188 % 8)
    assert printer.device.output == (b"\x1b@\x1dv0\x00\x30\x00\x01\x00" + bytes(row)
                                     + b"\x1bd\x04\x1dVA\x00")


def test_file_printer_writes_the_job(tmp_path):
    path = tmp_path / "lp0"
    path.write_bytes(b"")
    with open_printer({"backend": "file", "device": str(path), "cutter": "none"}) as printer:
        assert printer.status() is PrinterStatus.UNKNOWN
        printer.print_image(Image.new("1", (576, 2), 1))
    assert path.read_bytes().endswith(b"\x1bd\x06")


def test_too_wide_image_is_refused():
    with pytest.raises(ValueError):
        FakePrinter(paper_mm=58).print_image(Image.new("1", (576, 2), 1))


def test_network_printer_reconnects_after_idle_close(tcp_printer):
    printer = open_printer({"backend": "network", "host": "127.0.0.1", "port": tcp_printer.port,
                            "timeout_s": 0.5})
    assert printer.status() is PrinterStatus.ONLINE
    tcp_printer.drop_connections()
    assert printer.status() is PrinterStatus.ONLINE
    printer.print_image(Image.new("1", (8, 8), 0))
    printer.close()
