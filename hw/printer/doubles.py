"""Device doubles that the real backends talk to: a serial printer on a pseudo-terminal and a
network printer on a loopback socket. Both answer DLE EOT n like a TM-T20 (even inside image
data, as a real printer does), take the same fault controls as FakePrinter, and can be unplugged
and plugged back.

    >>> printer = PtyPrinter("/tmp/printer-kiosk", baudrate=115200)   # doctest: +SKIP
    >>> link = SerialLink("/tmp/printer-kiosk")          # the real pyserial path # doctest: +SKIP
    >>> printer.open_cover(); printer.unplug(); printer.plug()          # doctest: +SKIP
"""

import errno
import os
import select
import socket
import threading
import time
import tty
from pathlib import Path

from hw.printer.emulator import FaultControls, PrinterModel
from hw.printer.links import write_time

WIRE_CHUNK = 256


class _Recorder(FaultControls):
    """What both doubles keep: the model, the bytes received, when each ticket was cut."""

    def __init__(self):
        self.model = PrinterModel()
        self.sent = bytearray()
        self.answering = True
        self.job_times: list[float] = []       # when each job's first bytes (ESC @) arrived
        self.cut_times: list[float] = []       # when each job's cut arrived: the ticket is out
        self.lock = threading.Lock()

    def _receive(self, data: bytes) -> bytes:
        """Record ``data`` and return what the printer answers to it."""
        with self.lock:
            self.sent += data
            cuts = self.model.cuts
            answers = self.model.feed(data)
            self.job_times += [time.perf_counter()] * data.count(b"\x1b@")
            self.cut_times += [time.perf_counter()] * (self.model.cuts - cuts)
        return answers if self.answering else b""


class PtyPrinter(_Recorder):
    """A serial printer on a pty whose slave is reached through the symlink ``path`` (like a
    udev ``/dev/printer-kiosk`` rule). Bytes are taken at ``baudrate`` (10 bits a byte), so a
    writer waits like on a real wire.

    ``unplug()`` closes the pty (the program's open port fails with EIO / termios errors, the
    path disappears); ``plug()`` makes a new pty behind the same path.
    """

    def __init__(self, path: str | Path, baudrate: int = 115200):
        super().__init__()
        self.path = Path(path)
        self.baudrate = baudrate
        self.master: int | None = None
        self.slave: int | None = None
        self.plug()

    def plug(self) -> None:
        """Connect a new pty at ``path``."""
        if self.master is not None:
            return
        master, slave = os.openpty()
        tty.setraw(slave)
        tmp = self.path.with_name(self.path.name + ".new")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(os.ttyname(slave))
        tmp.replace(self.path)
        self.master, self.slave = master, slave
        threading.Thread(target=self._serve, args=(master,), daemon=True,
                         name="pty-printer").start()

    def unplug(self) -> None:
        """Pull the cable: the pty goes away and ``path`` with it."""
        master, slave, self.master, self.slave = self.master, self.slave, None, None
        self.path.unlink(missing_ok=True)
        for fd in (master, slave):
            if fd is not None:
                os.close(fd)

    close = unplug

    def _serve(self, master: int) -> None:
        wire_free = time.monotonic()               # when the wire has carried what was read so far
        while self.master == master:
            try:
                if not select.select([master], [], [], 0)[0]:          # the wire went idle
                    if not select.select([master], [], [], 0.05)[0]:
                        continue
                    wire_free = time.monotonic()
                data = os.read(master, WIRE_CHUNK)
            except (OSError, ValueError):
                return
            wire_free += write_time(len(data), self.baudrate)
            time.sleep(max(0.0, wire_free - time.monotonic()))    # the wire's speed, without drift
            answers = self._receive(data)
            if answers and self.master == master:
                try:
                    os.write(master, answers)
                except OSError:
                    return


class TcpPrinter(_Recorder):
    """A network ESC/POS printer on 127.0.0.1 (port 9100 protocol): ``port`` is kept across
    ``unplug()`` (switched off: connections dropped, not listening) and ``plug()``."""

    def __init__(self):
        super().__init__()
        self.port = 0
        self._server: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self.plug()

    def plug(self) -> None:
        """Start (or restart, on the same port) listening."""
        self._server = socket.create_server(("127.0.0.1", self.port))
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, args=(self._server,), daemon=True).start()

    def unplug(self) -> None:
        """Stop listening and drop connections, like a printer switched off."""
        if self._server is not None:
            try:
                self._server.shutdown(socket.SHUT_RDWR)      # wakes the accept() and stops listening
            except OSError:
                pass
            self._server.close()
            self._server = None
        self.drop_connections()

    close = unplug

    def drop_connections(self) -> None:
        """Close open connections but keep listening, like a printer's idle timeout."""
        for conn in self._conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()
        self._conns = []

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            while True:
                try:
                    data = conn.recv(65536)
                    if not data:
                        return
                    answers = self._receive(data)
                    if answers:
                        conn.sendall(answers)
                except OSError:
                    return


class UsbPrinter(_Recorder):
    """A USB printer's bulk endpoints as pyusb shows them (``write(ep, data, timeout)``,
    ``read(ep, size, timeout)``), taking data at the paper's speed (``bytes_per_s``: a TM-T20
    prints 150 mm/s, 1200 dot rows of 72 bytes a second on 80 mm paper).

    ``escpos_device()`` is a python-escpos ``Usb`` whose open() finds this double instead of
    searching the USB bus; ``unplug()`` makes every transfer fail with ENODEV.
    """

    def __init__(self, bytes_per_s: float = 86_400):
        super().__init__()
        self.bytes_per_s = bytes_per_s
        self.plugged = True
        self.replies = bytearray()

    def plug(self) -> None:
        self.plugged = True

    def unplug(self) -> None:
        self.plugged = False

    def write(self, endpoint: int, data: bytes, timeout: int | None = None) -> int:
        self._check()
        for start in range(0, len(data), WIRE_CHUNK * 16):         # the printer takes it as it prints
            chunk = bytes(data[start:start + WIRE_CHUNK * 16])
            time.sleep(len(chunk) / self.bytes_per_s)
            self.replies += self._receive(chunk)
        return len(data)

    def read(self, endpoint: int, size: int, timeout: int | None = None):
        import usb.core
        self._check()
        if not self.replies:
            time.sleep((timeout or 1000) / 1000)
            raise usb.core.USBTimeoutError("Operation timed out", errno.ETIMEDOUT, -7)
        out, self.replies = bytes(self.replies[:size]), self.replies[size:]
        return out

    def _check(self) -> None:
        import usb.core
        if not self.plugged:
            raise usb.core.USBError("No such device (it may have been disconnected)", errno.ENODEV, -4)

    def escpos_device(self):
        """A python-escpos ``Usb`` printer bound to this double."""
        from escpos.printer import Usb
        double = self

        class DoubleUsb(Usb):
            def open(self, raise_not_found: bool = True) -> None:
                double._check()
                self.device = double

            def close(self) -> None:
                self._device = False

        return DoubleUsb(0x04B8, 0x0E15, timeout=3000)
