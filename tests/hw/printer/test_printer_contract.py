"""The same printer checks against the fake, the network backend on a socket double, the serial
backend (pyserial) on a pty double, the USB link (python-escpos Usb) on a bulk-endpoint double,
and a real printer when MOTCUA_TEST_PRINTER names one."""

import time
from datetime import datetime

import pytest

from hw.printer import (CoverOpen, CutterError, FakePrinter, PaperOut, PrinterNotFound,
                        PrinterStatus, PrinterTimeout, TicketPrint, fault_for, open_printer)
from hw.printer.doubles import PtyPrinter, UsbPrinter
from hw.printer.escpos_backend import EscposPrinter
from hw.printer.links import UsbLink

TICKET = TicketPrint("Trung tâm", "Sở Tư pháp", "Lý lịch tư pháp", "15", True,
                     datetime(2026, 1, 2, 7, 30), 3, 10, "http://q/t/1", "Cảm ơn")


@pytest.fixture(params=["fake", "network", "serial", "usb", "real"])
def rig(request):
    """(printer, control): control injects faults and exposes the bytes the printer got."""
    if request.param == "fake":
        printer = FakePrinter(paper_mm=58)
        yield printer, printer
    elif request.param == "network":
        control = request.getfixturevalue("tcp_printer")
        printer = open_printer({"backend": "network", "host": "127.0.0.1", "port": control.port,
                                "timeout_s": 0.3, "paper_mm": 58})
        yield printer, control
    elif request.param == "serial":
        path = request.getfixturevalue("tmp_path") / "printer-kiosk"
        control = PtyPrinter(path, baudrate=2_000_000)    # the wire speed is the bench's business
        request.addfinalizer(control.unplug)
        printer = open_printer({"backend": "serial", "device": str(path), "timeout_s": 1,
                                "status_timeout_s": 0.3, "paper_mm": 58})
        yield printer, control
    elif request.param == "usb":
        control = UsbPrinter(bytes_per_s=10_000_000)
        printer = EscposPrinter(UsbLink(control.escpos_device(), status_timeout_s=0.3), paper_mm=58)
        yield printer, control
    else:
        printer = open_printer(request.getfixturevalue("real_printer_config"))
        yield printer, None
    printer.close()


def control_of(rig):
    printer, control = rig
    if control is None:
        pytest.skip("fault injection needs a fake")
    return printer, control


def wait_for_bytes(control, n):
    """Until the job's last byte (the cut or feed) is at the printer: doubles read at wire speed."""
    for _ in range(500):
        if len(control.sent) >= n and bytes(control.sent[-7:]).count(b"\x1b") >= 1:
            return
        time.sleep(0.01)


def test_printer_status_online(rig):
    printer, _ = rig
    assert printer.status() in (PrinterStatus.ONLINE, PrinterStatus.PAPER_NEAR_END)


def test_printer_ticket_job_is_raster_then_cut(rig):
    printer, control = control_of(rig)
    printer.print_ticket(TICKET)
    wait_for_bytes(control, 2000)
    data = bytes(control.sent)
    assert data.startswith(b"\x10\x04\x01\x10\x04\x04\x1b@\x1dv0\x00\x30\x00")
    assert data.endswith(b"\x1bd\x04\x1dVB\x00")


def test_printer_paper_out_raises_and_prints_nothing(rig):
    printer, control = control_of(rig)
    control.set_paper_out(True)
    assert printer.status() is PrinterStatus.PAPER_OUT
    with pytest.raises(PaperOut) as err:
        printer.print_ticket(TICKET)
    assert "hết giấy" in err.value.message_vi
    assert b"\x1dv0" not in bytes(control.sent)


def test_printer_near_end_still_prints(rig):
    printer, control = control_of(rig)
    control.set_paper_near_end(True)
    assert printer.status() is PrinterStatus.PAPER_NEAR_END
    printer.print_ticket(TICKET)
    wait_for_bytes(control, 2000)
    assert b"\x1dv0" in bytes(control.sent)


def test_printer_unplug_then_replug_recovers(rig):
    printer, control = control_of(rig)
    assert printer.status() is PrinterStatus.ONLINE
    control.unplug()
    assert printer.status() is PrinterStatus.NOT_FOUND
    with pytest.raises(PrinterNotFound):
        printer.print_ticket(TICKET)
    control.plug()
    assert until_status(printer, PrinterStatus.ONLINE) < 10


def test_printer_silent_is_a_timeout_not_paper_ok(rig):
    printer, control = control_of(rig)
    control.set_answering(False)
    assert printer.status() is PrinterStatus.NO_ANSWER
    with pytest.raises(PrinterTimeout):
        printer.print_ticket(TICKET)


def until_status(printer, wanted, limit=10.0):
    """Seconds until ``printer.status()`` is ``wanted`` (polled like the kiosk's monitor)."""
    began = time.monotonic()
    while printer.status() is not wanted:
        assert time.monotonic() - began < limit, f"still {printer.status()}"
        time.sleep(0.1)
    return time.monotonic() - began


FAULTS = [
    (lambda c: c.open_cover(), PrinterStatus.COVER_OPEN, CoverOpen),
    (lambda c: c.set_offline(True), PrinterStatus.OFFLINE, None),
    (lambda c: c.press_feed(True), PrinterStatus.FEED_BUTTON, None),
    (lambda c: c.cutter_error(True), PrinterStatus.CUTTER_ERROR, CutterError),
    (lambda c: c.set_error("unrecoverable"), PrinterStatus.UNRECOVERABLE_ERROR, None),
    (lambda c: c.set_error("auto_recoverable"), PrinterStatus.AUTO_RECOVERABLE_ERROR, None),
]


@pytest.mark.parametrize("inject, state, error", FAULTS, ids=[f[1].value for f in FAULTS])
def test_printer_fault_is_its_own_state_and_nothing_is_printed(rig, inject, state, error):
    printer, control = control_of(rig)
    inject(control)
    assert printer.status() is state
    fault = fault_for(state)
    assert fault.status is state and fault.message_vi and fault.action_vi
    with pytest.raises(type(fault)):
        printer.print_ticket(TICKET)
    assert b"\x1dv0" not in bytes(control.sent)


def test_printer_cover_open_answers_like_a_tm_t20(rig):
    """A TM-T20 with its cover open answers DLE EOT 1/2/4 with 0x1E / 0x16 / 0x12."""
    printer, control = control_of(rig)
    control.open_cover()
    assert [control.model.status_byte(n) for n in (1, 2, 4)] == [0x1E, 0x16, 0x12]
    assert printer.status() is PrinterStatus.COVER_OPEN
    control.close_cover()
    assert printer.status() is PrinterStatus.ONLINE
