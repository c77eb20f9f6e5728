"""Counter officers update a dossier by scanning its receipt."""
import pytest

from queue_server.dossiers.model import DossierStatus

from .conftest import make_dossier

CODE = "000.17.22.H56-261120-0001"


@pytest.fixture
def stored(centre, registry):
    registry._save(make_dossier(), None, centre.clock(), "import")
    return registry


@pytest.fixture
def officer(clients):
    client = clients("officer")
    assert client.post("/api/counters/1/open").status_code == 200
    return client


def _scan(client, status, code=CODE, counter=1):
    return client.post(f"/api/counters/{counter}/dossier-scan", json={"code": code, "status": status})


def test_scan_result_ready_notifies_the_citizen(stored, officer):
    done = _scan(officer, "result_ready")
    assert done.status_code == 200 and done.json["changed"]
    assert done.json["dossier"]["status"] == "result_ready" and done.json["dossier"]["timeliness"] == "early"
    assert stored.notifier.sent == [("0912345678", CODE, CODE)]
    history = stored.dossiers.history("tphcc-demo", CODE)
    assert history[-1] == {"status": "result_ready", "at": "2026-11-23T08:00:00+07:00", "source": "scan", "counter": 1}


def test_scan_same_status_twice_changes_nothing(centre, stored, officer):
    _scan(officer, "result_ready")
    seq = centre.service.seq
    again = _scan(officer, "result_ready")
    assert again.json["changed"] is False and centre.service.seq == seq


def test_scan_returned_from_in_progress_passes_through_ready(stored, officer):
    done = _scan(officer, "result_returned")
    assert done.json["dossier"]["status"] == "result_returned"
    assert [h["status"] for h in stored.dossiers.history("tphcc-demo", CODE)][-2:] == ["result_ready", "result_returned"]
    assert stored.notifier.sent == []  # handed over at once: nothing to tell


def test_scan_received_resumes_a_supplement_request(centre, registry, officer):
    registry._save(make_dossier(status=DossierStatus.SUPPLEMENT_REQUESTED), None, centre.clock(), "import")
    assert _scan(officer, "received").json["dossier"]["status"] == "in_progress"
    assert _scan(officer, "received").json["changed"] is False


def test_scan_refusals(centre, stored, officer, clients):
    assert _scan(officer, "result_ready", code="KHONG-CO").status_code == 404
    assert _scan(officer, "refused").status_code == 400
    assert _scan(officer, "result_ready", counter=2).status_code == 403  # not logged in there
    registry_closed = make_dossier(code="R-1", status=DossierStatus.REFUSED, resolved="2026-11-21 09:00")
    stored._save(registry_closed, None, centre.clock(), "import")
    assert _scan(officer, "result_ready", code="R-1").status_code == 409
    assert _scan(clients("kiosk"), "result_ready").status_code == 403
