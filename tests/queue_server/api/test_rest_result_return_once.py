"""One result-return ticket per dossier: a receipt scanned again while its ticket waits, is called or
is being served gets that ticket back; a new number only once it was served, absent or expired."""
import threading

from queue_server.engine import AlreadyQueued, QueueEngine, TicketSource

from tests.conftest import MONDAY_8AM

CODE = "000.17.22.H56-261120-0007"
RESULT = "stp-trakq"
SCAN = {"service_id": RESULT, "source": "dossier_scan", "dossier_code": CODE}


def _counter_serving_result_return(config) -> int:
    return next(c.number for c in config.counters if RESULT in c.services)


def test_engine_second_scan_while_waiting_raises_with_the_live_ticket(demo_config):
    engine = QueueEngine(demo_config)
    [issued] = engine.issue(RESULT, MONDAY_8AM, source=TicketSource.DOSSIER_SCAN, dossier_code=CODE)
    try:
        engine.issue(RESULT, MONDAY_8AM, source=TicketSource.DOSSIER_SCAN, dossier_code=CODE)
        raise AssertionError("a second number was issued")
    except AlreadyQueued as live:
        assert live.ticket.id == issued.ticket.id
    assert len(engine.state.tickets) == 1 and engine.state.last_numbers[RESULT] == 1


def test_rest_kiosk_scanning_twice_gives_back_the_same_ticket(centre, kiosk):
    first = kiosk.post("/api/tickets", SCAN).get_json()
    again = kiosk.post("/api/tickets", SCAN)
    assert again.status_code == 200
    body = again.get_json()
    assert body["repeated"] is True and body["ticket"]["id"] == first["ticket"]["id"]
    assert body["ticket"]["label"] == "R001" and body["ahead"] == 0
    assert len(centre.service.engine.waiting([RESULT])) == 1
    assert len(centre.service.store.query("SELECT id FROM tickets WHERE dossier_code = ?", (CODE,))) == 1


def test_rest_scan_while_called_gives_it_back_then_a_new_one_after_service(centre, kiosk, officer):
    counter = _counter_serving_result_return(centre.config)
    first = kiosk.post("/api/tickets", SCAN).get_json()["ticket"]
    assert officer.post(f"/api/counters/{counter}/open").status_code == 200
    assert officer.post(f"/api/counters/{counter}/call-next").status_code == 200
    called = kiosk.post("/api/tickets", SCAN).get_json()
    assert called["ticket"]["id"] == first["id"] and called["ticket"]["status"] == "called"
    assert officer.post(f"/api/counters/{counter}/start").status_code == 200
    assert kiosk.post("/api/tickets", SCAN).get_json()["ticket"]["id"] == first["id"]     # being served
    assert officer.post(f"/api/counters/{counter}/finish").status_code == 200
    later = kiosk.post("/api/tickets", SCAN).get_json()
    assert "repeated" not in later and later["ticket"]["label"] == "R002"


def test_rest_scan_after_the_day_ended_gives_a_new_ticket(centre, kiosk, admin):
    kiosk.post("/api/tickets", SCAN)
    assert admin.post("/api/day/end").status_code == 200
    centre.clock.advance(days=1)
    again = kiosk.post("/api/tickets", SCAN).get_json()
    assert "repeated" not in again and again["ticket"]["label"] == "R001"


def test_rest_other_dossiers_and_plain_tickets_are_unaffected(centre, kiosk):
    kiosk.post("/api/tickets", SCAN)
    other = kiosk.post("/api/tickets", dict(SCAN, dossier_code="000.17.22.H56-261120-0008")).get_json()
    plain = kiosk.post("/api/tickets", {"service_id": RESULT}).get_json()
    assert other["ticket"]["label"] == "R002" and plain["ticket"]["label"] == "R003"


def test_service_concurrent_scans_of_one_receipt_make_one_ticket(centre, kiosk):
    answers, barrier = [], threading.Barrier(8)

    def scan():
        barrier.wait()
        answers.append(kiosk.post("/api/tickets", SCAN).get_json()["ticket"]["id"])

    threads = [threading.Thread(target=scan) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(answers)) == 1 and len(answers) == 8
    assert len(centre.service.store.query("SELECT id FROM tickets WHERE dossier_code = ?", (CODE,))) == 1
