"""Domain errors with a stable code and a message in Vietnamese and English."""
from __future__ import annotations


class QueueError(Exception):
    """A refused action. `code` is stable for clients; `status` is the HTTP status it maps to.

    >>> raise QueueError("no_waiting", "Không có công dân nào đang chờ", "Nobody is waiting", 409)
    """

    def __init__(self, code: str, message_vi: str, message_en: str, status: int = 409):
        super().__init__(f"{code}: {message_en}")
        self.code = code
        self.message_vi = message_vi
        self.message_en = message_en
        self.status = status

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message_vi, "message_en": self.message_en}


def not_found(what_vi: str, what_en: str, key) -> QueueError:
    return QueueError("not_found", f"Không tìm thấy {what_vi} {key}", f"{what_en} {key} not found", 404)


def invalid(message_vi: str, message_en: str) -> QueueError:
    return QueueError("invalid", message_vi, message_en, 400)


def internal() -> QueueError:
    """The answer to a failure nobody foresaw: the client is told, the traceback goes to the log."""
    return QueueError("internal", "Máy chủ gặp lỗi ngoài dự kiến, thao tác có thể chưa được thực hiện; "
                      "vui lòng thử lại hoặc báo quản trị viên",
                      "Unexpected server error: the action may not have been carried out; please retry "
                      "or tell the administrator", 500)
