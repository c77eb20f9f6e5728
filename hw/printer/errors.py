"""Typed printer faults; the kiosk shows ``message_vi`` and reports the class name."""

from hw.errors import DeviceNotFound, DeviceTimeout, HardwareError


class PrinterError(HardwareError):
    """Base class of every printer fault."""

    message_vi = "Máy in gặp sự cố, vui lòng liên hệ cán bộ hướng dẫn"
    message_en = "Printer error"


class PaperOut(PrinterError):
    """The paper roll is empty."""

    message_vi = "Máy in hết giấy, vui lòng liên hệ cán bộ hướng dẫn"
    message_en = "Printer is out of paper"


class PrinterNotFound(PrinterError, DeviceNotFound):
    """The printer is unplugged, switched off or unreachable."""

    message_vi = "Không kết nối được máy in"
    message_en = "Printer not found"


class PrinterTimeout(PrinterError, DeviceTimeout):
    """The printer is connected but did not answer or accept data in time."""

    message_vi = "Máy in không phản hồi"
    message_en = "Printer did not answer in time"
