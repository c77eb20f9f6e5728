"""A serial printer through pyserial directly (not python-escpos's ``Serial``).

python-escpos's serial printer reads 16 bytes per status query, so every query waits the whole
timeout, and its ``close()`` flushes first, which raises on an unplugged adapter before the device
is forgotten (it then never reopens). This link reads exactly one byte, writes in chunks whose
timeout follows the wire speed, and closes without flushing.

    >>> link = SerialLink("/dev/printer-kiosk", baudrate=115200)   # doctest: +SKIP
    >>> link.open(); link.ask(b"\\x10\\x04\\x01")                   # doctest: +SKIP
    b'\\x16'
"""

import logging
import time

import serial

from hw.printer.links import Link, write_time

log = logging.getLogger(__name__)
CHUNK = 4096
PARITIES = {"none": serial.PARITY_NONE, "even": serial.PARITY_EVEN, "odd": serial.PARITY_ODD}


class SerialLink(Link):
    """An ESC/POS printer on a serial port: wire settings, one-byte status reads, robust close.

    flow_control: "dsrdtr" (Epson's default), "rtscts", "xonxoff" or "none".
    """

    def __init__(self, device: str, baudrate: int = 115200, parity: str = "none",
                 stopbits: int = 1, bytesize: int = 8, flow_control: str = "dsrdtr",
                 timeout_s: float = 3.0, status_timeout_s: float = 0.5):
        super().__init__(status_timeout_s)
        self.device = device
        self.baudrate = baudrate
        self.parity = PARITIES[parity]
        self.stopbits = stopbits
        self.bytesize = bytesize
        self.flow_control = flow_control
        self.timeout_s = timeout_s
        self.port: serial.Serial | None = None

    def open(self) -> None:
        self.close()
        self.port = serial.Serial(
            self.device, baudrate=self.baudrate, bytesize=self.bytesize, parity=self.parity,
            stopbits=self.stopbits, timeout=self.status_timeout_s,
            write_timeout=self.timeout_s + write_time(CHUNK, self.baudrate),
            xonxoff=self.flow_control == "xonxoff", rtscts=self.flow_control == "rtscts",
            dsrdtr=self.flow_control == "dsrdtr")

    def write(self, data: bytes) -> None:
        """Send in chunks (each must move within the timeout), then wait until the wire is empty,
        so any answer the printer makes to this data arrives before the next question."""
        port = self._open_port()
        began = time.monotonic()
        for start in range(0, len(data), CHUNK):
            port.write(data[start:start + CHUNK])
        self._wait_sent(port, began + write_time(len(data), self.baudrate))

    def ask(self, command: bytes) -> bytes:
        port = self._open_port()
        port.reset_input_buffer()            # a stray answer to image bytes is not this answer
        port.write(command)
        return port.read(1)

    def close(self) -> None:
        port, self.port = self.port, None
        if port is None:
            return
        try:
            port.close()
        except Exception as exc:             # an unplugged adapter: the fd is gone either way
            log.debug("closing serial printer: %s", exc)

    def _open_port(self) -> serial.Serial:
        if self.port is None:
            raise serial.SerialException(f"{self.device} is not open")
        return self.port

    def _wait_sent(self, port: serial.Serial, on_the_wire: float) -> None:
        """Until the output queue is empty and the wire has had time to carry every byte
        (``on_the_wire``: a driver or adapter may report its queue empty early), at most one
        timeout longer than the wire needs."""
        deadline = max(on_the_wire, time.monotonic()) + self.timeout_s
        while port.out_waiting or time.monotonic() < on_the_wire:
            if time.monotonic() > deadline:
                raise serial.SerialTimeoutException("the printer stopped taking data")
            time.sleep(0.005)
