"""Every string the kiosk shows, in Vietnamese (first) and English.

`t(key, lang, **values)` formats one; a missing English string falls back to Vietnamese so a screen
is never blank. Names of departments and services come from the centre config (`name`, `name_en`).
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "attract_title": ("LẤY SỐ THỨ TỰ", "TAKE A NUMBER"),
    "attract_touch": ("Chạm vào màn hình để lấy số", "Touch the screen to take a number"),
    "attract_scan": ("Hoặc quét mã vạch trên giấy hẹn trả kết quả để tra cứu hồ sơ",
                     "Or scan the barcode of your dossier receipt to check its status"),
    "pick_department": ("Chọn đơn vị cần giải quyết thủ tục", "Choose a department"),
    "pick_service": ("Chọn lĩnh vực", "Choose a service"),
    "priority_title": ("Quý ông/bà có thuộc nhóm ưu tiên không?", "Do you belong to a priority group?"),
    "priority_groups": ("Người cao tuổi, người khuyết tật, phụ nữ mang thai, thương binh, người có công",
                        "Elderly, people with disabilities, pregnant women, war invalids"),
    "priority_yes": ("Có, lấy số ưu tiên", "Yes, priority number"),
    "priority_no": ("Không, lấy số thường", "No, regular number"),
    "priority_offered": ("Quý ông/bà từ {age} tuổi trở lên được ưu tiên", "Aged {age} or over: you may take a priority number"),
    "waiting_people": ("Đang chờ: {n}", "Waiting: {n}"),
    "no_counter": ("Chưa có quầy mở", "No counter open"),
    "issuing": ("Đang lấy số thứ tự…", "Getting your number…"),
    "printing": ("Đang in phiếu, vui lòng chờ…", "Printing your ticket, please wait…"),
    "issue_timeout": ("Hệ thống chưa trả lời. Chưa cấp số; vui lòng thử lại hoặc hỏi cán bộ hướng dẫn.",
                      "The system did not answer. No number was issued; please try again or ask the staff."),
    "lookup_timeout": ("Hệ thống chưa trả lời, vui lòng quét lại mã sau giây lát.",
                       "The system did not answer, please scan again in a moment."),
    "your_number": ("SỐ THỨ TỰ CỦA QUÝ ÔNG/BÀ", "YOUR NUMBER"),
    "priority_mark": ("ƯU TIÊN", "PRIORITY"),
    "counters": ("Mời đến: {counters}", "Go to: {counters}"),
    "ahead": ("Số người chờ trước: {n}", "People ahead of you: {n}"),
    "next": ("Quý ông/bà là người tiếp theo", "You are next"),
    "wait": ("Thời gian chờ dự kiến: khoảng {n} phút", "Estimated wait: about {n} min"),
    "take_ticket": ("Vui lòng nhận phiếu bên dưới", "Please take your ticket below"),
    "not_printed": ("Máy in gặp sự cố, phiếu chưa in được. Vui lòng ghi nhớ số này và theo dõi màn hình gọi số.",
                    "The printer failed and no ticket was printed. Please remember this number and watch the call screens."),
    "done": ("Xong", "Done"),
    "back": ("Quay lại", "Back"),
    "home": ("Về đầu", "Start over"),
    "more": ("Trang sau", "Next page"),
    "less": ("Trang trước", "Previous page"),
    "language": ("English", "Tiếng Việt"),
    "closed_title": ("NGOÀI GIỜ LÀM VIỆC", "OUTSIDE WORKING HOURS"),
    "closed_body": ("Hiện không cấp số thứ tự. Giờ làm việc: {hours}", "No numbers are issued now. Working hours: {hours}"),
    "dept_closed_title": ("ĐƠN VỊ TẠM NGỪNG NHẬN HỒ SƠ", "DEPARTMENT NOT RECEIVING NOW"),
    "dept_closed_body": ("{name} hiện không có quầy phục vụ. Vui lòng hỏi cán bộ hướng dẫn.",
                         "{name} has no counter open now. Please ask the staff at the help desk."),
    "offline_title": ("TẠM THỜI GIÁN ĐOẠN", "TEMPORARILY UNAVAILABLE"),
    "offline_body": ("Máy đang kết nối lại với hệ thống, vui lòng chờ trong giây lát hoặc hỏi cán bộ hướng dẫn.",
                     "The kiosk is reconnecting, please wait a moment or ask the staff at the help desk."),
    "printer_title": ("MÁY IN ĐANG GẶP SỰ CỐ", "PRINTER PROBLEM"),
    "printer_body": ("Quý ông/bà vui lòng lấy số ở máy khác hoặc hỏi cán bộ hướng dẫn.",
                     "Please take a number at another kiosk or ask the staff at the help desk."),
    "printer_resumes": ("Máy sẽ tự hoạt động lại khi sự cố được khắc phục.",
                        "The kiosk resumes by itself once the problem is fixed."),
    "staff_label": ("Dành cho cán bộ", "For staff"),
    "error_title": ("KHÔNG THỰC HIỆN ĐƯỢC", "SOMETHING WENT WRONG"),
    "scan_error_title": ("KHÔNG ĐỌC ĐƯỢC MÃ", "CODE NOT RECOGNISED"),
    "scan_error_body": ("Vui lòng quét mã vạch trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
                        "Please scan the barcode on your dossier receipt."),
    "ticket_scanned": ("Đây là mã phiếu số thứ tự. Quét mã bằng điện thoại để theo dõi lượt gọi.",
                       "This is a queue ticket. Scan it with your phone to follow your turn."),
    "cccd_disabled": ("Máy này không dùng thẻ căn cước. Vui lòng chạm vào màn hình để lấy số.",
                      "This kiosk does not read ID cards. Please touch the screen to take a number."),
    "looking_up": ("Đang tra cứu hồ sơ…", "Looking up your dossier…"),
    "dossier_title": ("THÔNG TIN HỒ SƠ", "DOSSIER STATUS"),
    "dossier_code": ("Mã hồ sơ: {code}", "Dossier code: {code}"),
    "dossier_applicant": ("Người nộp: {name}", "Applicant: {name}"),
    "dossier_department": ("Đơn vị: {name}", "Department: {name}"),
    "dossier_procedure": ("Thủ tục: {name}", "Procedure: {name}"),
    "dossier_due": ("Ngày hẹn trả: {date}", "Appointment date: {date}"),
    "dossier_overdue": ("Hồ sơ đã quá hạn hẹn trả", "This dossier is past its appointment date"),
    "take_result": ("Lấy số nhận kết quả", "Take a number to collect the result"),
    "no_result_queue": ("Vui lòng đến quầy của đơn vị để nhận kết quả", "Please go to the department's counter"),
}

STATUS_EN = {
    "received": "Received", "in_progress": "In progress", "supplement_requested": "More documents required",
    "stopped": "Processing stopped", "refused": "Refused", "withdrawn": "Withdrawn",
    "result_ready": "Result ready for collection", "result_returned": "Result returned",
}


def t(key: str, lang: str = "vi", **values) -> str:
    """The string `key` in `lang`, formatted with `values`."""
    vi, en = STRINGS[key]
    text = en if lang == "en" and en else vi
    return text.format(**values) if values else text


def name_of(item: dict, lang: str) -> str:
    """A department's or service's name in `lang` (English falls back to Vietnamese)."""
    return (item.get("name_en") if lang == "en" else None) or item["name"]


def dossier_status(view: dict, lang: str) -> str:
    """A dossier's status label (the server sends the Vietnamese one)."""
    if lang == "en":
        return STATUS_EN.get(view["status"], view["status"])
    return view.get("status_vi") or view["status"]
