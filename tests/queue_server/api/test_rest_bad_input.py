"""Bad input to any JSON route is a clear bilingual 4xx, never a 500: a body nested 100,000 deep
(RecursionError in json), one larger than the JSON limit, one that is not JSON; also to the
unauthenticated login and pairing routes. Checked in process for every route of the action table
and once on a real server process."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from queue_server.actions import ACTIONS
from queue_server.limits import MAX_JSON_BYTES, MAX_JSON_DEPTH, json_depth, loads_json

DEEP = "[" * 100_000 + "]" * 100_000
DEEP_IN_OBJECT = '{"code": ' + "{\"a\": " * 20_000 + "1" + "}" * 20_000 + "}"
BIG = json.dumps({"code": "x" * (MAX_JSON_BYTES + 1)})
POST_ROUTES = sorted({a.path.replace("{counter}", "1") for a in ACTIONS.values() if a.method == "POST"}
                     | {"/api/login", "/api/devices/pair"})


def _error(response) -> dict:
    body = response.get_json()
    assert body and body["error"]["message"] and body["error"]["message_en"], response.data[:200]
    return body["error"]


@pytest.mark.parametrize("body, status", [(DEEP, 400), (DEEP_IN_OBJECT, 400), (BIG, 413), ("{\"a\": ", 400),
                                          ("[1, 2]", 400)])
def test_rest_bad_json_is_a_clear_4xx_on_every_route(centre, body, status):
    centre.officer("quantri", "Quản trị", "matkhau1", role="admin")
    admin = {"Authorization": f"Bearer {centre.login_token('quantri', 'matkhau1')}"}
    client = centre.app.test_client()
    for path in POST_ROUTES:
        for headers in ({}, admin):
            response = client.post(path, data=body, content_type="application/json", headers=headers)
            assert 400 <= response.status_code < 500, (path, response.status_code)
            _error(response)
            if headers and path != "/api/devices/pair" and response.status_code != 403:
                assert response.status_code == status, (path, response.get_json())


def test_rest_deep_json_on_a_real_server_process(server_process):
    """The unauthenticated routes of a real `motcua server` answer 400 and the server lives on."""
    server_process.start()
    url = server_process.url
    for path in ("/api/login", "/api/devices/pair"):
        request = urllib.request.Request(url + path, data=DEEP.encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request, timeout=10)
        assert answer.value.code == 400
        assert json.loads(answer.value.read())["error"]["message_en"]
    with urllib.request.urlopen(url + "/healthz", timeout=10) as health:
        assert json.loads(health.read())["status"] == "ok"


def test_rest_dossier_push_without_due_date_is_400(centre):
    """A gateway creating a dossier with only its code: 400 naming what is missing (was a 500)."""
    token = centre.device("gw", "gateway")
    response = centre.app.test_client().post("/api/dossiers/push", json={"code": "A1"},
                                             headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400
    assert "Ngày hẹn trả" in _error(response)["message"]


@pytest.mark.parametrize("text, depth", [("[]", 1), ('{"a": [1, {"b": "[[[["}]}', 3), ('"\\"[{"', 0),
                                         ("[" * 40 + "]" * 40, 40), ("1", 0)])
def test_limits_json_depth_ignores_brackets_in_strings(text, depth):
    assert json_depth(text.encode()) == depth


def test_limits_loads_json_refuses_past_depth_but_not_at_it():
    assert loads_json("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH) is not None
    with pytest.raises(ValueError):
        loads_json("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))


def test_rest_dossier_import_of_bad_files_is_4xx(centre):
    """An admin's upload: a decompression bomb 413, an XLSX cut in half or damaged inside 400,
    JSON nested 100,000 deep 400, each with both messages."""
    import io

    from tests.dossiers.xlsx_files import bomb, damaged_sheet, workbook
    centre.officer("quantri", "Quản trị", "matkhau1", role="admin")
    headers = {"Authorization": f"Bearer {centre.login_token('quantri', 'matkhau1')}"}
    good = workbook(200)
    for data, name, status in ((bomb(1_500_000), "x.xlsx", 413), (good[:len(good) // 2], "x.xlsx", 400),
                               (damaged_sheet(good), "x.xlsx", 400), (DEEP.encode(), "x.json", 400)):
        response = centre.app.test_client().post("/api/dossiers/import", headers=headers,
                                                 data={"file": (io.BytesIO(data), name)},
                                                 content_type="multipart/form-data")
        assert response.status_code == status, (name, response.get_json())
        _error(response)
