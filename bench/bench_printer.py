"""Printer: touch → paper on a 115200-baud serial printer and on a USB printer, against a real
`motcua server` process; and the cost of one status query.

Both printers are doubles that answer DLE EOT n like a TM-T20 (hw.printer.doubles): the serial one
is a pseudo-terminal taking bytes at 115200 baud through the real pyserial backend; the USB one is
a bulk endpoint taking bytes at the paper's speed (150 mm/s) through the real python-escpos Usb
link. For each ticket: touch → the job's first bytes at the printer (the paper starts to move),
and touch → the cut (the whole ticket is out). Target (issue 14): touch → paper < 1.5 s; a status
query ~100 ms at most when the printer answers.

    .venv/bin/python bench/bench_printer.py [--tickets 10] [--queries 200]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kiosk_rig import back_home, figures, kiosk, load, server_process, walk_to_last_touch

from hw.printer import open_printer
from hw.printer.doubles import PtyPrinter, UsbPrinter
from hw.printer.escpos_backend import EscposPrinter
from hw.printer.links import UsbLink


def one_ticket(app, double) -> tuple[float, float]:
    """(touch → job's first bytes, touch → cut) for one ticket."""
    walk_to_last_touch(app)
    jobs, cuts = len(double.job_times), len(double.cut_times)
    began = time.perf_counter()
    if not app.tap_action("priority:no"):
        raise RuntimeError(f"no 'priority:no' on screen {app.flow.screen.value}, printer {app.printer_status}")
    while len(double.cut_times) == cuts:
        if time.perf_counter() - began > 60:
            raise RuntimeError(f"no ticket after 60 s; screen {app.flow.screen.value}")
        app.step()
        time.sleep(0.001)
    back_home(app)
    return double.job_times[jobs] - began, double.cut_times[cuts] - began


def run(name: str, url: str, token: str, printer, double, tickets: int) -> None:
    app = kiosk(url, token, printer)
    try:
        one_ticket(app, double)                  # warm-up: fonts, first render, first connection
        samples = [one_ticket(app, double) for _ in range(tickets)]
    finally:
        app.stop()
    size = len(double.sent) // (tickets + 1)
    print(f"bench_printer [{name}]: " + figures("touch → paper starts", [s[0] for s in samples]))
    print(f"bench_printer [{name}]: " + figures("touch → ticket cut", [s[1] for s in samples])
          + f"; ~{size / 1000:.0f} KB a ticket")


def status_cost(printer, queries: int) -> list[float]:
    samples = []
    for _ in range(queries):
        began = time.perf_counter()
        printer.status()
        samples.append(time.perf_counter() - began)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=10)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, server_process() as (url, token):
        serial = PtyPrinter(Path(tmp) / "printer-kiosk", baudrate=115200)
        printer = open_printer({"backend": "serial", "device": str(serial.path), "baudrate": 115200})
        print("bench_printer [serial 115200]: " + figures("status query", status_cost(printer, args.queries)))
        run("serial 115200", url, token, printer, serial, args.tickets)
        printer.close()
        serial.unplug()
        usb = UsbPrinter()
        printer = EscposPrinter(UsbLink(usb.escpos_device()))
        print("bench_printer [usb]: " + figures("status query", status_cost(printer, args.queries)))
        run("usb", url, token, printer, usb, args.tickets)
    print(f"bench_printer: {load()}")


if __name__ == "__main__":
    main()
