"""Reference sections of the docs generated from the code: the config schema and the action table.

`scripts/update_docs.py` writes them between markers in docs/*.md; tests/test_docs.py fails when
a doc is out of date, so the docs cannot drift from the code.
"""
from __future__ import annotations

import json

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from .actions import ACTIONS
from .config import CentreConfig

BEGIN, END = "<!-- generated:{name} -->", "<!-- /generated:{name} -->"


def _default(field) -> str:
    if field.is_required():
        return "required"
    value = field.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        return "(section)"
    return f"`{json.dumps(to_jsonable_python(value), ensure_ascii=False)}`".replace("|", "\\|")


def _section_rows(model: type[BaseModel], prefix: str, out: list[str], seen: set) -> None:
    for name, field in model.model_fields.items():
        key = f"{prefix}{name}"
        inner = _model_of(field.annotation)
        doc = field.description or (_first_line(inner.__doc__) if inner else "")
        out.append(f"| `{key}` | {_default(field)} | {doc} |")
        if inner is not None and inner not in seen:
            seen.add(inner)
            _section_rows(inner, key + ("[]." if _is_list(field.annotation) else "."), out, seen)


def _first_line(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    return lines[0] if lines else ""


def _model_of(annotation):
    args = getattr(annotation, "__args__", ()) or ()
    for candidate in (annotation, *args):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _is_list(annotation) -> bool:
    return getattr(annotation, "__origin__", None) is list


def config_reference() -> str:
    """Every key of the centre TOML file with its default and meaning."""
    rows = ["| key | default | meaning |", "| --- | --- | --- |"]
    _section_rows(CentreConfig, "", rows, set())
    return "\n".join(rows)


def actions_reference() -> str:
    """Every action: roles, REST route, payload fields."""
    rows = ["| action (Socket.IO event) | REST | roles | payload |", "| --- | --- | --- | --- |"]
    for act in ACTIONS.values():
        fields = ", ".join(f"`{n}`" + ("" if f.is_required() else "?") for n, f in act.payload.model_fields.items())
        roles = ", ".join(sorted(r.value for r in act.roles))
        rows.append(f"| `{act.name}` | `{act.method} {act.path}` | {roles} | {fields or '—'} |")
    return "\n".join(rows)


GENERATORS = {"config": config_reference, "actions": actions_reference}


def fill(text: str) -> str:
    """Replace each generated section of a document with its current content."""
    for name, generate in GENERATORS.items():
        begin, end = BEGIN.format(name=name), END.format(name=name)
        if begin in text:
            head, rest = text.split(begin, 1)
            _, tail = rest.split(end, 1)
            text = f"{head}{begin}\n{generate()}\n{end}{tail}"
    return text
