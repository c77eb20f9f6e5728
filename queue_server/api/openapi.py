"""The OpenAPI 3.1 document, generated from the action table and its payload models.

Every route the API serves is here, so clients and fuzzers (schemathesis, tests/queue_server/api)
can rely on it: payload models' nested schemas under `components/schemas` (pydantic's `$defs`
rewritten to resolve there), GET payloads as query parameters, request bodies required when they
have required fields, every refusal (400, 401, 403, 404, 405 with `Allow`, 409, 413, 429) as the
bilingual error.
"""
from __future__ import annotations

from .. import __version__
from ..actions import ACTIONS

REF = "#/components/schemas/{model}"
ERROR = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["code", "message", "message_en"],
    "properties": {"code": {"type": "string"}, "message": {"type": "string", "description": "Vietnamese"},
                   "message_en": {"type": "string"}}}}}
OBJECT = {"type": "object"}
PERSON_OR_DEVICE = [{"bearer": []}, {"cookie": []}]
PUBLIC: list = []


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _responses(ok: str, ok_schema: dict | None = None, **codes: str) -> dict:
    """A 200 answer and the refusals it may meet; anything else is the bilingual error too."""
    answers = {"200": _json(ok_schema or OBJECT, ok)}
    answers |= {code.removeprefix("r"): _json({"$ref": "#/components/schemas/Error"}, text)
                for code, text in codes.items()}
    answers["405"] = {"description": "Method not allowed (the `Allow` header lists the allowed ones)",
                      "headers": {"Allow": {"schema": {"type": "string"}}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    answers["default"] = _json({"$ref": "#/components/schemas/Error"}, "Refused (bilingual message)")
    return answers


def _model_schema(model, components: dict) -> dict:
    """The payload model's JSON schema with nested models moved to components/schemas."""
    schema = model.model_json_schema(by_alias=True, ref_template=REF)
    components.update(schema.pop("$defs", {}))
    return schema


def _not_null(schema: dict) -> dict:
    """A query parameter cannot be null: an optional field's schema without its null branch."""
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(options) != 1:
        return schema
    rest = {k: v for k, v in schema.items() if k not in ("anyOf", "default")}
    return {**options[0], **rest}


def _query_parameters(schema: dict) -> list[dict]:
    required = set(schema.get("required", []))
    return [{"name": name, "in": "query", "required": name in required, "description": prop.get("description", ""),
             "schema": _not_null({k: v for k, v in prop.items() if k != "description"})}
            for name, prop in schema.get("properties", {}).items()]


def _operation(act, components: dict) -> dict:
    op = {"operationId": act.name, "summary": act.summary,
          "description": "Roles: " + ", ".join(sorted(r.value for r in act.roles)),
          "security": PERSON_OR_DEVICE,
          "responses": _responses("Done", r400="Invalid input", r401="Not signed in", r403="Not allowed",
                                  r404="Unknown thing", r409="Refused in the current state",
                                  r413="Too large", r429="Too many requests")}
    schema = _model_schema(act.payload, components)
    parameters = []
    if "{counter}" in act.path:
        parameters.append({"name": "counter", "in": "path", "required": True,
                           "schema": {"type": "integer", "minimum": 1, "maximum": 999}})
        schema.get("properties", {}).pop("counter", None)
        schema["required"] = [r for r in schema.get("required", []) if r != "counter"]
    if not schema.get("required"):
        schema.pop("required", None)
    if act.method == "GET":
        parameters += _query_parameters(schema)
    else:
        op["requestBody"] = {"required": bool(schema.get("required")),
                             "content": {"application/json": {"schema": schema}}}
    if parameters:
        op["parameters"] = parameters
    return op


def _json_body(properties: dict, required: list[str]) -> dict:
    return {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": required, "properties": properties}}}}


def _other_routes() -> dict:
    """The routes outside the action table: sign-in, pairing, uploads, photos, health."""
    string = {"type": "string"}
    return {
        "/api/login": {"post": {
            "operationId": "login", "summary": "Log in a person; returns a session token", "security": PUBLIC,
            "requestBody": _json_body({"username": string, "password": string}, ["username", "password"]),
            "responses": _responses("Logged in", r400="Username and password are required", r401="Wrong login",
                                    r413="Too large", r429="Too many attempts: wait")}},
        "/api/logout": {"post": {"operationId": "logout", "summary": "End the session", "security": PERSON_OR_DEVICE,
                                 "responses": _responses("Logged out", r401="Not signed in")}},
        "/api/me": {"get": {"operationId": "me", "summary": "Who am I", "security": PERSON_OR_DEVICE,
                            "responses": _responses("The principal", r401="Not signed in")}},
        "/api/tickets/{ticket_id}": {"get": {
            "operationId": "ticket_status", "summary": "Public status of one ticket (position, estimated wait)",
            "security": PUBLIC,
            "parameters": [{"name": "ticket_id", "in": "path", "required": True, "schema": string}],
            "responses": _responses("The ticket", r404="Unknown ticket")}},
        "/api/devices/pair": {"post": {
            "operationId": "device_pair", "summary": "A device exchanges a one-time pairing code for its token",
            "security": PUBLIC, "requestBody": _json_body({"code": string}, ["code"]),
            "responses": _responses("The device's token", r400="No code", r404="Unknown or expired code",
                                    r413="Too large", r429="Too many attempts: wait")}},
        "/api/dossiers/import": {"post": {
            "operationId": "dossiers_import", "summary": "Admin: upload a one-stop software export (CSV, XLSX, JSON)",
            "security": PERSON_OR_DEVICE,
            "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"},
                               "format": {"type": "string", "enum": ["csv", "xlsx", "json"]}}}}}},
            "responses": _responses("What was imported and what was rejected", r400="Unusable file",
                                    r401="Not signed in", r403="Admins only", r413="Past the import limits")}},
        "/api/officers/{user_id}/photo": {"get": {
            "operationId": "officer_photo", "summary": "An officer's photo (any signed-in principal)",
            "security": PERSON_OR_DEVICE,
            "parameters": [{"name": "user_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "responses": {**_responses("The photo", r401="Not signed in", r404="No such officer or no photo"),
                          "200": {"description": "The photo", "content": {
                              "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
                              "image/png": {"schema": {"type": "string", "format": "binary"}}}}}}},
        "/api/tls/ca.pem": {"get": {
            "operationId": "tls_ca", "summary": "The centre's CA certificate, for pairing devices to pin (public)",
            "security": PUBLIC,
            "responses": {**_responses("The CA certificate", r404="This server does not serve HTTPS itself"),
                          "200": {"description": "The CA certificate (PEM)", "content": {
                              "application/x-pem-file": {"schema": {"type": "string"}}}}}}},
        "/healthz": {"get": {"operationId": "healthz", "summary": "Liveness and database check", "security": PUBLIC,
                             "responses": _responses("Healthy", r503="The database cannot be written")}},
        "/api/openapi.json": {"get": {"operationId": "openapi", "summary": "This document", "security": PUBLIC,
                                      "responses": _responses("The OpenAPI document")}},
    }


def openapi_document() -> dict:
    components: dict = {"Error": ERROR}
    paths: dict = {}
    for act in ACTIONS.values():
        paths.setdefault(act.path, {})[act.method.lower()] = _operation(act, components)
    paths |= _other_routes()
    return {
        "openapi": "3.1.0",
        "info": {"title": "motcua queue server", "version": __version__,
                 "description": "REST API of one centre's queue server. Errors carry a Vietnamese `message` "
                                "and an English `message_en`. Limits: docs/security.md."},
        "components": {"schemas": components, "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer", "description": "A device token or a login token"},
            "cookie": {"type": "apiKey", "in": "cookie", "name": "session",
                       "description": "Browser session; writes also need the X-CSRF-Token header"}}},
        "paths": paths,
    }


__all__ = ["openapi_document"]
