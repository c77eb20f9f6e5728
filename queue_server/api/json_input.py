"""The one way a request's JSON body is read: within limits.MAX_JSON_BYTES and MAX_JSON_DEPTH.

`LimitedJSONProvider` is the app's JSON provider, so even `request.get_json()` in a page's route
goes through `limits.loads_json`; `json_object()` is what the API routes call.
"""
from __future__ import annotations

from flask import request
from flask.json.provider import DefaultJSONProvider

from ..engine.errors import invalid
from ..limits import MAX_JSON_BYTES, InputError, loads_json


class LimitedJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider with size- and depth-limited parsing (a 100,000-deep array is a 400,
    not a RecursionError and a 500)."""

    def loads(self, s, **kwargs):
        return loads_json(s)


def json_object() -> dict:
    """The request's JSON object body; {} for none. A clear 400/413 for anything else."""
    if request.method == "GET" or not request.content_length and not request.headers.get("Transfer-Encoding"):
        return {}
    if (request.content_length or 0) > MAX_JSON_BYTES:
        raise InputError("too_large", f"Dữ liệu gửi lên lớn quá {MAX_JSON_BYTES // 1024} KB",
                         f"The body is larger than {MAX_JSON_BYTES // 1024} KB", 413)
    if not request.is_json:
        raise invalid("Nội dung phải là JSON (Content-Type: application/json)",
                      "The body must be JSON (Content-Type: application/json)")
    data = loads_json(request.get_data(cache=True))
    if not isinstance(data, dict):
        raise invalid("Nội dung phải là một đối tượng JSON", "The body must be a JSON object")
    return data


__all__ = ["LimitedJSONProvider", "json_object"]
