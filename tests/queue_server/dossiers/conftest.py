"""A centre whose exports name departments the demo config does not (aliases), and REST clients."""
from datetime import datetime

import pytest

from queue_server.app import create_app
from queue_server.config import DossierSettings
from queue_server.dossier_service import DossierService
from queue_server.centre_calendar import VN_TZ
from queue_server.dossiers.model import Channel, Dossier, DossierStatus
from queue_server.dossiers.notify import FakeNotifier
from tests.conftest import Centre

ALIASES = {"sxd": ["Sở GTVT", "Sở Giao thông vận tải"], "bhxh": ["BHXH tỉnh"]}
PHONE = "0912345678"
NAME = "Nguyễn Văn An"


@pytest.fixture
def dossier_config(demo_config):
    return demo_config.model_copy(update={"dossiers": DossierSettings(department_aliases=ALIASES)})


@pytest.fixture
def centre(tmp_path, dossier_config, clock):
    app = create_app(dossier_config, tmp_path / "centre.db", clock=clock, secret="test-secret")
    yield Centre(app, dossier_config, clock)
    app.extensions["motcua"].store.close()


@pytest.fixture
def registry(centre):
    """The centre's DossierService, with a fake notifier."""
    service = DossierService.of(centre.service)
    service.notifier = FakeNotifier()
    return service


class Client:
    """A Flask test client carrying a bearer token."""

    def __init__(self, app, token=None):
        self.http, self.token = app.test_client(), token

    def _headers(self):
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def post(self, path, json=None, **kw):
        return self.http.post(path, json=json, headers=self._headers(), **kw)

    def get(self, path, **kw):
        return self.http.get(path, headers=self._headers(), **kw)


@pytest.fixture
def clients(centre):
    """Factory: clients("admin") / ("officer") / ("supervisor") / a device role ("kiosk", "gateway", ...)."""
    def make(role, name=None):
        if role in ("admin", "officer", "supervisor"):
            username = name or role
            centre.officer(username, f"Người {username}", "matkhau1", role=role)
            return Client(centre.app, centre.login_token(username, "matkhau1"))
        return Client(centre.app, centre.device(name or f"{role}-1", role))
    return make


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def make_dossier(code="000.17.22.H56-261120-0001", status=DossierStatus.IN_PROGRESS, received="2026-11-20 09:00",
                 due="2026-11-27 17:00", resolved=None, department="stp", **kw) -> Dossier:
    return Dossier(code=code, procedure="Cấp phiếu lý lịch tư pháp", department_id=department,
                   received_at=at(received), due_at=at(due), status=status, resolved_at=at(resolved) if resolved else None,
                   channel=kw.pop("channel", Channel.IN_PERSON), applicant_name=kw.pop("name", NAME),
                   applicant_phone=kw.pop("phone", PHONE), **kw)
