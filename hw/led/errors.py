"""Typed LED display faults."""

from hw.errors import DeviceNotFound, DeviceTimeout, HardwareError


class LedError(HardwareError):
    """A display refused a frame or answered garbage."""

    message_vi = "Lỗi bảng số quầy"
    message_en = "LED display error"


class LedTimeout(LedError, DeviceTimeout):
    """A display did not answer after every retry."""

    message_vi = "Bảng số quầy không phản hồi"
    message_en = "LED display did not answer"


class LedBusNotFound(LedError, DeviceNotFound):
    """The RS-485 adapter (serial port) is missing."""

    message_vi = "Không tìm thấy cổng nối bảng số quầy"
    message_en = "LED bus serial port not found"
