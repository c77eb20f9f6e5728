"""The served OpenAPI document is complete and resolvable: every API route the app serves is in
it with its methods, every `$ref` resolves, GET payloads are query parameters, bodies with required
fields are required, and a 405 carries `Allow`."""
from __future__ import annotations

import re

from queue_server.actions import ACTIONS


def _document(centre) -> dict:
    response = centre.app.test_client().get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_openapi_every_ref_resolves(centre):
    doc = _document(centre)
    refs = set(_refs(doc))
    assert "#/components/schemas/TicketSource" in refs and "#/components/schemas/DeadlineUnit" in refs
    for ref in refs:
        node = doc
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]            # a KeyError names the dangling reference
        assert isinstance(node, dict), ref


def test_openapi_documents_every_api_route_the_app_serves(centre):
    doc = _document(centre)
    served = {(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
              for rule in centre.app.url_map.iter_rules() if rule.rule.startswith(("/api/", "/healthz"))
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    documented = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    assert served - documented == set()
    assert {("/api/dossiers/import", "post"), ("/api/devices/pair", "post"),
            ("/api/officers/{user_id}/photo", "get")} <= documented


def test_openapi_query_parameters_and_required_bodies(centre):
    paths = _document(centre)["paths"]
    report = {p["name"] for p in paths["/api/reports/queue"]["get"]["parameters"]}
    assert {"kind", "year", "number", "from", "to"} <= report
    assert {p["name"]: p["required"] for p in paths["/api/dossiers/lookup"]["get"]["parameters"]} == {"code": True}
    assert paths["/api/tickets"]["post"]["requestBody"]["required"] is True
    assert paths["/api/dossiers/push"]["post"]["requestBody"]["required"] is True
    assert paths["/api/counters/{counter}/pause"]["post"]["requestBody"]["required"] is False
    assert "400" in paths["/api/login"]["post"]["responses"]
    for act in ACTIONS.values():
        assert act.method.lower() in paths[act.path]


def test_openapi_405_answers_carry_allow(centre):
    response = centre.app.test_client().delete("/api/tickets")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"POST"}
    assert response.get_json()["error"]["message_en"]
