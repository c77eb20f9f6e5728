"""Transport exceptions become typed printer faults."""

import errno
import socket
import termios

import pytest
import serial
import usb.core
from escpos.exceptions import DeviceNotFoundError

from hw.printer import PrinterError, PrinterNotFound, PrinterTimeout
from hw.printer.escpos_backend import classify


@pytest.mark.parametrize("exc, kind", [
    (usb.core.USBTimeoutError("Operation timed out", errno.ETIMEDOUT, -7), PrinterTimeout),
    (usb.core.USBError("No such device", errno.ENODEV, -4), PrinterNotFound),
    (socket.timeout("timed out"), PrinterTimeout),
    (ConnectionRefusedError(errno.ECONNREFUSED, "refused"), PrinterNotFound),
    (BrokenPipeError(errno.EPIPE, "broken pipe"), PrinterNotFound),
    (serial.SerialTimeoutException("Write timeout"), PrinterTimeout),
    (serial.SerialException("device reports readiness but returned no data"), PrinterNotFound),
    (DeviceNotFoundError("Unable to open USB printer"), PrinterNotFound),
    (termios.error(5, "Input/output error"), PrinterNotFound),      # tcflush on an unplugged adapter
    (serial.PortNotOpenError(), PrinterNotFound),
    (usb.core.USBError("Pipe error", errno.EPIPE, -9), PrinterNotFound),
    (RuntimeError("odd"), PrinterError),
])
def test_classify_table(exc, kind):
    fault = classify(exc)
    assert type(fault) is kind and fault.message_vi
