"""Typed printer faults: each says what happened (``message_vi``/``message_en``) and what the staff
should do (``action_vi``/``action_en``); the kiosk shows both and reports ``status``."""

from hw.errors import DeviceNotFound, DeviceTimeout, HardwareError
from hw.printer.status import PrinterStatus


class PrinterError(HardwareError):
    """Base class of every printer fault."""

    status = PrinterStatus.NOT_FOUND
    message_vi = "Máy in gặp sự cố"
    message_en = "Printer error"
    action_vi = "Tắt máy in, bật lại; nếu vẫn lỗi, báo bộ phận kỹ thuật"
    action_en = "Switch the printer off and on; if it persists, call the technician"


class PaperOut(PrinterError):
    """The paper roll is empty."""

    status = PrinterStatus.PAPER_OUT
    message_vi = "Máy in hết giấy"
    message_en = "Printer is out of paper"
    action_vi = "Mở nắp máy in, lắp cuộn giấy mới, đóng nắp"
    action_en = "Open the cover, put in a new paper roll, close the cover"


class CoverOpen(PrinterError):
    """The printer's cover is open."""

    status = PrinterStatus.COVER_OPEN
    message_vi = "Nắp máy in đang mở"
    message_en = "The printer cover is open"
    action_vi = "Đóng nắp máy in cho đến khi nghe tiếng khớp"
    action_en = "Close the printer cover until it clicks"


class FeedButton(PrinterError):
    """Someone is holding the paper feed button."""

    status = PrinterStatus.FEED_BUTTON
    message_vi = "Nút đẩy giấy của máy in đang được nhấn"
    message_en = "The paper feed button is pressed"
    action_vi = "Thả nút FEED trên máy in"
    action_en = "Release the FEED button on the printer"


class CutterError(PrinterError):
    """The autocutter is jammed or failed."""

    status = PrinterStatus.CUTTER_ERROR
    message_vi = "Dao cắt giấy của máy in bị kẹt"
    message_en = "The printer's paper cutter is jammed"
    action_vi = "Tắt máy in, mở nắp, gỡ giấy kẹt ở dao cắt, đóng nắp, bật lại"
    action_en = "Switch the printer off, open the cover, clear the jam at the cutter, close, switch on"


class UnrecoverableError(PrinterError):
    """The printer reports an error it cannot recover from by itself."""

    status = PrinterStatus.UNRECOVERABLE_ERROR
    message_vi = "Máy in báo lỗi phần cứng"
    message_en = "The printer reports a hardware error"
    action_vi = "Tắt máy in, chờ 10 giây, bật lại; nếu vẫn lỗi, báo bộ phận kỹ thuật"
    action_en = "Switch the printer off, wait 10 s, switch on; if it persists, call the technician"


class AutoRecoverableError(PrinterError):
    """A temporary error, e.g. the print head is too hot; it clears by itself."""

    status = PrinterStatus.AUTO_RECOVERABLE_ERROR
    message_vi = "Máy in tạm dừng (đầu in quá nóng)"
    message_en = "The printer paused (print head too hot)"
    action_vi = "Chờ vài phút, máy in tự hoạt động lại"
    action_en = "Wait a few minutes; the printer resumes by itself"


class PrinterOffline(PrinterError):
    """The printer says it is offline and gives no cause."""

    status = PrinterStatus.OFFLINE
    message_vi = "Máy in đang ngoại tuyến"
    message_en = "The printer is offline"
    action_vi = "Kiểm tra nắp, giấy và đèn báo lỗi trên máy in; tắt rồi bật lại"
    action_en = "Check the cover, the paper and the error light; switch it off and on"


class PrinterNotFound(PrinterError, DeviceNotFound):
    """The printer is unplugged, switched off or unreachable."""

    status = PrinterStatus.NOT_FOUND
    message_vi = "Không kết nối được máy in"
    message_en = "Printer not found"
    action_vi = "Kiểm tra máy in đã bật và cáp (USB/nối tiếp/mạng) đã cắm chặt"
    action_en = "Check the printer is on and its USB / serial / network cable is plugged in"


class PrinterTimeout(PrinterError, DeviceTimeout):
    """The printer is connected but did not answer or accept data in time."""

    status = PrinterStatus.NO_ANSWER
    message_vi = "Máy in không phản hồi"
    message_en = "Printer did not answer in time"
    action_vi = "Tắt máy in, bật lại; kiểm tra tốc độ cổng (baud) trong cấu hình"
    action_en = "Switch the printer off and on; check the port speed (baud) in the config"


FAULTS: dict[PrinterStatus, type[PrinterError]] = {
    cls.status: cls for cls in (PaperOut, CoverOpen, FeedButton, CutterError, UnrecoverableError,
                                AutoRecoverableError, PrinterOffline, PrinterNotFound, PrinterTimeout)}


def fault_for(status: PrinterStatus) -> PrinterError | None:
    """The typed fault that stops printing in ``status`` (None when the printer can print)."""
    if status.can_print:
        return None
    return FAULTS[status]()
