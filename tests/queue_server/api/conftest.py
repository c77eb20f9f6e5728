import pytest


class Client:
    """A Flask test client that carries a bearer token."""

    def __init__(self, app, token=None):
        self.http = app.test_client()
        self.token = token

    def _headers(self):
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def post(self, path, json=None, **kw):
        return self.http.post(path, json=json, headers=self._headers(), **kw)

    def get(self, path):
        return self.http.get(path, headers=self._headers())


@pytest.fixture
def kiosk(centre):
    return Client(centre.app, centre.device("kiosk-1", "kiosk"))


@pytest.fixture
def officer(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    return Client(centre.app, centre.login_token("hoa", "matkhau1"))


@pytest.fixture
def admin(centre):
    centre.officer("admin", "Quản trị", "matkhau1", role="admin")
    return Client(centre.app, centre.login_token("admin", "matkhau1"))
