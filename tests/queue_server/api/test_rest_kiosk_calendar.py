"""The server refuses kiosk tickets on days off by the centre calendar, and issues on Saturdays worked."""
from datetime import datetime

from tests.conftest import TZ


def test_rest_tet_weekday_refuses_kiosk_tickets_and_says_when_to_come_back(centre, kiosk):
    centre.clock.now = datetime(2026, 2, 17, 9, 0, tzinfo=TZ)          # Tết, a Tuesday
    r = kiosk.post("/api/tickets", {"service_id": "stp-hotich"})
    error = r.get_json()["error"]
    assert r.status_code == 409 and error["code"] == "closed"
    assert error["message"] == ("Hôm nay là ngày nghỉ, trung tâm không cấp số. Vui lòng quý ông/bà quay lại "
                                "từ 07:00 ngày 23/02/2026")
    assert error["message_en"] == "The centre is closed today (a day off). Please come back from 07:00 on 23/02/2026"
    assert centre.service.engine.waiting() == []


def test_rest_lunch_break_refusal_names_the_afternoon_session(centre, kiosk):
    centre.clock.now = datetime(2026, 11, 23, 12, 0, tzinfo=TZ)
    error = kiosk.post("/api/tickets", {"service_id": "stp-hotich"}).get_json()["error"]
    assert error["message"] == "Ngoài giờ làm việc. Vui lòng quý ông/bà quay lại từ 13:30 ngày 23/11/2026"


def test_rest_saturday_worked_issues_kiosk_tickets(centre, kiosk):
    centre.clock.now = datetime(2025, 4, 26, 9, 0, tzinfo=TZ)          # làm bù
    r = kiosk.post("/api/tickets", {"service_id": "stp-hotich"})
    assert r.status_code == 200 and r.get_json()["ticket"]["label"] == "1001"


def test_rest_an_officer_may_still_issue_on_a_day_off(centre, officer):
    centre.clock.now = datetime(2026, 2, 17, 9, 0, tzinfo=TZ)
    assert officer.post("/api/tickets", {"service_id": "stp-hotich"}).status_code == 200


def test_rest_snapshot_carries_the_calendar_for_kiosks(centre, kiosk):
    hours = kiosk.get("/api/snapshot").get_json()["centre"]["hours"]
    assert hours["enforce"] is True and "2026-02-17" in hours["holidays"] and hours["timezone"] == "Asia/Ho_Chi_Minh"
