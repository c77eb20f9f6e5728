"""The OpenAPI 3.1 document, generated from the action table and its payload models."""
from __future__ import annotations

from .. import __version__
from ..actions import ACTIONS

ERROR = {"type": "object", "properties": {"error": {"type": "object", "properties": {
    "code": {"type": "string"}, "message": {"type": "string", "description": "Vietnamese"},
    "message_en": {"type": "string"}}}}}


def _operation(act) -> dict:
    op = {"operationId": act.name, "summary": act.summary,
          "description": "Roles: " + ", ".join(sorted(r.value for r in act.roles)),
          "security": [{"bearer": []}, {"cookie": []}],
          "responses": {"200": {"description": "Done", "content": {"application/json": {"schema": {"type": "object"}}}},
                        "default": {"description": "Refused", "content": {"application/json": {"schema": ERROR}}}}}
    schema = act.payload.model_json_schema()
    if "{counter}" in act.path:
        op["parameters"] = [{"name": "counter", "in": "path", "required": True, "schema": {"type": "integer"}}]
        schema.get("properties", {}).pop("counter", None)
        schema["required"] = [r for r in schema.get("required", []) if r != "counter"]
    if act.method == "POST":
        op["requestBody"] = {"required": False, "content": {"application/json": {"schema": schema}}}
    return op


def openapi_document() -> dict:
    paths: dict = {}
    for act in ACTIONS.values():
        paths.setdefault(act.path, {})[act.method.lower()] = _operation(act)
    paths["/api/login"] = {"post": {"operationId": "login", "summary": "Log in a person; returns a session token",
                                    "requestBody": {"content": {"application/json": {"schema": {
                                        "type": "object", "required": ["username", "password"],
                                        "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
                                    "responses": {"200": {"description": "Logged in"}, "401": {"description": "Wrong login"}}}}
    paths["/api/logout"] = {"post": {"operationId": "logout", "summary": "End the session",
                                     "responses": {"200": {"description": "Logged out"}}}}
    paths["/api/me"] = {"get": {"operationId": "me", "summary": "Who am I", "responses": {"200": {"description": "The principal"}}}}
    paths["/api/tickets/{ticket_id}"] = {"get": {
        "operationId": "ticket_status", "summary": "Public status of one ticket (position, estimated wait)",
        "parameters": [{"name": "ticket_id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The ticket"}, "404": {"description": "Unknown ticket"}}}}
    paths["/healthz"] = {"get": {"operationId": "healthz", "summary": "Liveness and database check",
                                 "responses": {"200": {"description": "Healthy"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "motcua queue server", "version": __version__,
                 "description": "REST API of one centre's queue server. Errors carry a Vietnamese `message` "
                                "and an English `message_en`."},
        "components": {"securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer", "description": "A device token or a login token"},
            "cookie": {"type": "apiKey", "in": "cookie", "name": "session",
                       "description": "Browser session; writes also need the X-CSRF-Token header"}}},
        "paths": paths,
    }


__all__ = ["openapi_document"]
