"""Errors shared by every device kind: each carries a Vietnamese and an English message."""


class HardwareError(Exception):
    """A device fault the app can show on screen (``message_vi``) and log (``message_en``)."""

    message_vi = "Lỗi thiết bị"
    message_en = "Device error"

    def __init__(self, detail: str = "", *, message_vi: str | None = None,
                 message_en: str | None = None):
        self.detail = detail
        if message_vi:
            self.message_vi = message_vi
        if message_en:
            self.message_en = message_en
        super().__init__(self.message_en + (f": {detail}" if detail else ""))


class UnknownBackend(HardwareError, ValueError):
    """The config names a backend that does not exist for this device kind."""

    message_vi = "Cấu hình thiết bị không hợp lệ"
    message_en = "Unknown device backend"


class DeviceNotFound(HardwareError):
    """The device is not plugged in, not powered or not reachable."""

    message_vi = "Không tìm thấy thiết bị"
    message_en = "Device not found"


class DeviceTimeout(HardwareError):
    """The device did not answer in time."""

    message_vi = "Thiết bị không phản hồi"
    message_en = "Device did not answer in time"
