"""Flows put into each screen worth a screenshot, over the demo centre (shared by the draw tests)."""
from datetime import date
from types import SimpleNamespace

from hw.codes import CodeConfig
from hw.scanner.base import make_scan
from hw.printer import PrinterStatus, fault_for
from kiosk.app import fault_message
from kiosk.flow import FlowSettings, KioskFlow
from queue_server.config import DEMO_CONFIG, load_config
from queue_server.views import centre_view
from tests.conftest import MONDAY_8AM

DOSSIER = {"code": "000.17.22.H56-261120-0007", "procedure": "Cấp phiếu lý lịch tư pháp số 1",
           "department_id": "stp", "department": "Sở Tư pháp", "applicant": "Nguyễn V*** A",
           "status": "result_ready", "status_vi": "Đã có kết quả, chờ trả", "due_at": "2026-11-27T00:00:00+07:00",
           "timeliness": "within_deadline"}
RESULT = {"ticket": {"id": "x", "label": "1023", "service_id": "stp-lylich", "department_id": "stp",
                     "priority": True}, "ahead": 4, "wait_minutes": 18}


class Clock:
    now = 1000.0

    def __call__(self):
        Clock.now += 1          # every call is later: no touch is ever inside the guard time
        return Clock.now


def live():
    centre = centre_view(load_config(DEMO_CONFIG))
    services = {s["id"]: {"waiting": (i * 7) % 13, "open_counters": 0 if d["id"] == "sgddt" else 1, "wait_minutes": 5}
                for i, d in enumerate(centre["departments"]) for s in d["services"]}
    counters = {c["number"]: {"status": "open" if c["number"] % 2 else "closed"} for c in centre["counters"]}
    return SimpleNamespace(centre=centre, services=services, counters=counters)


def scene(name: str, lang: str = "vi") -> KioskFlow:
    """A flow showing the screen `name`."""
    flow = KioskFlow(live(), FlowSettings(), clock=Clock(), today=lambda: date(2026, 11, 23), now=lambda: MONDAY_8AM)
    flow.set_connected(True)
    if lang == "en":
        flow.touch("lang")
    steps = {
        "attract": [],
        "departments": ["start"],
        "services": ["start", "dept:stp"],
        "priority": ["start", "dept:stp", "service:stp-lylich"],
    }
    for action in steps.get(name, []):
        flow.touch(action)
    if name == "confirmation":
        flow.issued(RESULT, printed=True)
    elif name == "not-printed":
        flow.issued(RESULT, printed=False)
    elif name == "dossier":
        flow.scan(make_scan(DOSSIER["code"], CodeConfig()))
        flow.dossier_found(DOSSIER)
    elif name == "printer-fault":
        flow.set_printer(fault_message(fault_for(PrinterStatus.PAPER_OUT)))
    elif name.startswith("printer-"):
        flow.set_printer(fault_message(fault_for(PrinterStatus(name[8:].replace("-", "_")))))
    elif name == "printing":
        for action in ("start", "dept:stp", "service:stp-lylich"):
            flow.touch(action)
        request = flow.touch("priority:no")
        flow.printing(RESULT, request)
    elif name == "issue-timeout":
        for action in ("start", "dept:stp", "service:stp-lylich", "priority:no"):
            flow.touch(action)
        Clock.now += 60
        flow.tick()
    elif name == "offline":
        flow.set_connected(False)
    elif name == "closed":
        flow.issue_refused("closed", "", "")
    elif name == "bad-scan":
        flow.scan(make_scan("%%??", CodeConfig()))
    return flow


PRINTER_FAULTS = [f"printer-{s.value.replace('_', '-')}" for s in PrinterStatus if not s.can_print]
