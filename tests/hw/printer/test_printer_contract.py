"""The same printer checks against the fake, the network backend on a fake TCP printer, and a
real printer when MOTCUA_TEST_PRINTER names one."""

from datetime import datetime

import pytest

from hw.printer import (FakePrinter, PaperOut, PrinterNotFound, PrinterStatus, PrinterTimeout,
                        TicketPrint, open_printer)

TICKET = TicketPrint("Trung tâm", "Sở Tư pháp", "Lý lịch tư pháp", "15", True,
                     datetime(2026, 1, 2, 7, 30), 3, 10, "http://q/t/1", "Cảm ơn")


@pytest.fixture(params=["fake", "network", "real"])
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
    for _ in range(200):
        if len(control.sent) >= n:
            return
        import time
        time.sleep(0.01)


def test_printer_status_online(rig):
    printer, _ = rig
    assert printer.status() in (PrinterStatus.ONLINE, PrinterStatus.PAPER_NEAR_END)


def test_printer_ticket_job_is_raster_then_cut(rig):
    printer, control = control_of(rig)
    printer.print_ticket(TICKET)
    wait_for_bytes(control, 2000)
    data = bytes(control.sent)
    assert data.startswith(b"\x10\x04\x04\x1b@\x1dv0\x00\x30\x00")
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
    assert printer.status() is PrinterStatus.ONLINE


def test_printer_silent_is_a_timeout_not_paper_ok(rig):
    printer, control = control_of(rig)
    control.set_answering(False)
    assert printer.status() is PrinterStatus.NO_ANSWER
    with pytest.raises(PrinterTimeout):
        printer.print_ticket(TICKET)
