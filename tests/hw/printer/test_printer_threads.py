"""Status polls from another thread never interleave with a print job's bytes."""

import threading
from datetime import datetime

from hw.printer import FakePrinter, TicketPrint
from hw.printer.commands import job
from hw.printer.ticket import render_ticket

TICKET = TicketPrint("Trung tâm", "Sở Tư pháp", "", "7", False, datetime(2026, 1, 2, 7, 30),
                     1, 5, None, "")


class SlowFake(FakePrinter):
    """Writes a job in small pieces, yielding between them."""

    def _write(self, data):
        for i in range(0, len(data), 512):
            super()._write(data[i:i + 512])
            threading.Event().wait(0.001)


def test_printer_status_poll_does_not_split_a_job():
    printer = SlowFake(paper_mm=58)
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            printer.status()

    poller = threading.Thread(target=poll)
    poller.start()
    printer.print_ticket(TICKET)
    stop.set()
    poller.join()
    expected = job(render_ticket(TICKET, 384), "partial")
    assert expected in bytes(printer.sent)
