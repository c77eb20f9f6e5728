"""Admin pages that edit the centre configuration: departments and services, counters, holidays,
rating options, notice lines and the appendices' letterhead. Each POST is one CentreAdmin.change_config call."""
from __future__ import annotations

from datetime import date

from flask import current_app, g, request

from ..config import ReportHeader
from ..engine import QueueError
from . import READ, admin, centre_admin, change, configedit, done, form_int, form_lines, form_text, page


def _apply(action: str, target: str, edit) -> None:
    centre_admin().change_config(g.principal, action, target, edit)


# -- departments and services ------------------------------------------------------------------

@admin.get("/admin/departments")
@READ
def departments():
    return page("admin_departments.html")


def _service_fields(prefix: str = "") -> dict:
    """A service's form fields (names and number series)."""
    return {"name": form_text(prefix + "name"), "name_en": form_text(prefix + "name_en"),
            "result_return": request.form.get(prefix + "result_return") == "on",
            "series": {"prefix": form_text(prefix + "prefix", 2),
                       "start": form_int(prefix + "start", "Số đầu", "First number", 1),
                       "end": form_int(prefix + "end", "Số cuối", "Last number", 999),
                       "digits": form_int(prefix + "digits", "Số chữ số", "Digits", 0)}}


def _department_fields() -> dict:
    return {"name": form_text("name"), "name_en": form_text("name_en"), "short_name": form_text("short_name")}


@admin.post("/admin/departments/new")
@change("admin.departments")
def department_new():
    dept_id = form_text("id", 64)
    service = {"id": form_text("service_id", 64), **_service_fields("service_")}
    _apply("department.create", f"department:{dept_id}",
           lambda d: configedit.add_department(d, {"id": dept_id, **_department_fields()}, service))
    done(f"Đã thêm đơn vị {dept_id}", f"Department {dept_id} added")


@admin.post("/admin/departments/<dept_id>")
@change("admin.departments")
def department_update(dept_id):
    _apply("department.update", f"department:{dept_id}",
           lambda d: configedit.update_department(d, dept_id, _department_fields()))
    done(f"Đã lưu đơn vị {dept_id}", f"Department {dept_id} saved")


@admin.post("/admin/departments/<dept_id>/delete")
@change("admin.departments")
def department_delete(dept_id):
    _apply("department.delete", f"department:{dept_id}", lambda d: configedit.remove_department(d, dept_id))
    done(f"Đã xoá đơn vị {dept_id}", f"Department {dept_id} removed")


@admin.post("/admin/departments/<dept_id>/services/new")
@change("admin.departments")
def service_new(dept_id):
    service = {"id": form_text("id", 64), **_service_fields()}
    _apply("service.create", f"service:{service['id']}", lambda d: configedit.add_service(d, dept_id, service))
    done(f"Đã thêm dịch vụ {service['id']}", f"Service {service['id']} added")


@admin.post("/admin/services/<service_id>")
@change("admin.departments")
def service_update(service_id):
    fields = _service_fields()
    _apply("service.update", f"service:{service_id}", lambda d: configedit.update_service(d, service_id, fields))
    done(f"Đã lưu dịch vụ {service_id}", f"Service {service_id} saved")


@admin.post("/admin/services/<service_id>/delete")
@change("admin.departments")
def service_delete(service_id):
    _apply("service.delete", f"service:{service_id}", lambda d: configedit.remove_service(d, service_id))
    done(f"Đã xoá dịch vụ {service_id}", f"Service {service_id} removed")


# -- counters ----------------------------------------------------------------------------------

@admin.get("/admin/counters")
@READ
def counters():
    config = current_app.extensions["motcua"].config
    return page("admin_counters.html", places=counters_by_place(config.counters),
                service_names={s.id: config.service_label(s.id) for d in config.departments for s in d.services})


def counters_by_place(counters) -> list[tuple[tuple[int, str], list]]:
    """Counters grouped by floor and room, each group in number order: how a centre finds them."""
    places: dict[tuple[int, str], list] = {}
    for counter in sorted(counters, key=lambda k: (k.floor, k.room, k.number)):
        places.setdefault((counter.floor, counter.room), []).append(counter)
    return list(places.items())


def _counter_fields() -> dict:
    return {"name": form_text("name", 64), "room": form_text("room", 32),
            "floor": form_int("floor", "Tầng", "Floor", 1), "group": form_text("group", 32),
            "services": request.form.getlist("services")}


@admin.post("/admin/counters/new")
@change("admin.counters")
def counter_new():
    number = form_int("number", "Số quầy", "Counter number")
    if number is None:
        raise QueueError("invalid", "Cần số quầy", "A counter number is required", 400)
    _apply("counter.create", f"counter:{number}",
           lambda d: configedit.add_counter(d, {"number": number, **_counter_fields()}))
    done(f"Đã thêm quầy {number}", f"Counter {number} added")


@admin.post("/admin/counters/<int:number>")
@change("admin.counters")
def counter_update(number):
    _apply("counter.update", f"counter:{number}", lambda d: configedit.update_counter(d, number, _counter_fields()))
    done(f"Đã lưu quầy {number}; áp dụng ngay từ lần gọi số tiếp theo",
         f"Counter {number} saved; applies from the next call")


@admin.post("/admin/counters/<int:number>/delete")
@change("admin.counters")
def counter_delete(number):
    _apply("counter.delete", f"counter:{number}", lambda d: configedit.remove_counter(d, number))
    done(f"Đã xoá quầy {number}", f"Counter {number} removed")


# -- calendar ----------------------------------------------------------------------------------

@admin.get("/admin/calendar")
@READ
def calendar():
    return page("admin_calendar.html", today=date.today())


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise QueueError("invalid", f"Ngày không hợp lệ: '{text}' (dạng YYYY-MM-DD)",
                         f"Not a date: '{text}' (YYYY-MM-DD)", 400) from None


@admin.post("/admin/calendar")
@change("admin.calendar")
def calendar_add():
    day, kind = _day(form_text("day", 10)), request.form.get("kind")
    _apply("calendar.add", f"day:{day}", lambda d: configedit.add_calendar_day(d, day, kind == "working"))
    done(f"Đã thêm ngày {day}", f"Day {day} added")


@admin.post("/admin/calendar/<day>/delete")
@change("admin.calendar")
def calendar_delete(day):
    _apply("calendar.delete", f"day:{day}", lambda d: configedit.remove_calendar_day(d, day))
    done(f"Đã xoá ngày {day}", f"Day {day} removed")


# -- ratings and notices -----------------------------------------------------------------------

@admin.get("/admin/settings")
@READ
def settings():
    from ..config import RatingStyle
    from ..ratings import options
    from ..reporting.letterhead import letterhead
    service = current_app.extensions["motcua"]
    head = letterhead(service.config.report_header, service.config.centre.name, service.clock().date())
    return page("admin_settings.html", options=options, style_enum=RatingStyle, styles=[s.value for s in RatingStyle],
                report_header=service.config.report_header, head=head)


@admin.post("/admin/settings/ratings")
@change("admin.settings")
def settings_ratings():
    fields = {"rating_style": request.form.get("rating_style", ""), "comment_phrases": form_lines("comment_phrases")}
    _apply("centre.ratings", "centre", lambda d: configedit.update_centre(d, fields))
    done("Đã lưu cách đánh giá", "Rating settings saved")


@admin.post("/admin/settings/notices")
@change("admin.settings")
def settings_notices():
    fields = {"notices": form_lines("notices")}
    _apply("centre.notices", "centre", lambda d: configedit.update_centre(d, fields))
    done("Đã lưu dòng thông báo", "Notice lines saved")


REPORT_HEADER_TEXTS = ("unit_name", "place", "preparer_title", "preparer_name", "head_title", "head_name")


@admin.post("/admin/settings/report-header")
@change("admin.settings")
def settings_report_header():
    fields = {name: form_text(name, 160) for name in REPORT_HEADER_TEXTS}
    fields["issuing_body"] = form_lines("issuing_body")[:3]
    for name in ("preparer_title", "head_title"):                 # required: blank keeps the usual title
        fields[name] = fields[name] or ReportHeader.model_fields[name].default
    _apply("centre.report_header", "report_header", lambda d: configedit.update_report_header(d, fields))
    done("Đã lưu tiêu đề và chữ ký phụ lục", "Appendix letterhead saved")
