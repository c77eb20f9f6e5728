"""schemathesis (all its checks) against the served /api/openapi.json of a real `motcua server`
process, with every role's credentials and with none: no 5xx, no answer outside the document.

A small example count per operation keeps the run short (about a minute on two cores); run it
with MOTCUA_FUZZ_EXAMPLES=200 for a longer hunt."""
from __future__ import annotations

import os

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from hypothesis import HealthCheck, Phase, given, settings

from queue_server.config import DEMO_CONFIG, load_config
from queue_server.setup import add_device, add_user
from tests.queue_server.process.conftest import ServerProcess, http

pytestmark = pytest.mark.slow
EXAMPLES = int(os.environ.get("MOTCUA_FUZZ_EXAMPLES", "3"))
PEOPLE = {"admin": "admin", "supervisor": "supervisor", "officer": "officer"}
DEVICES = {"kiosk": None, "display": None, "terminal": 1, "keypad": 1, "gateway": None}
ROLES = [*PEOPLE, *DEVICES, "none"]
CONFIG = SchemathesisConfig.from_str("""
[checks.positive_data_acceptance]
# Business rules a JSON schema cannot state (an unknown service, a closed counter, a period longer
# than a year, a full list) refuse schema-valid input with a bilingual 400, 409 or 413.
expected-statuses = ["2xx", "400", "401", "403", "404", "409", "413", "429"]
""")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(server, {role: Authorization header}): the demo centre (hours not enforced) with one
    account per role; the officer is logged in at counter 1."""
    folder = tmp_path_factory.mktemp("fuzz")
    config_path = folder / "centre.toml"
    config_path.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace("enforce = true", "enforce = false"),
                           encoding="utf-8")
    config, db = load_config(config_path), folder / "data" / "centre.db"
    db.parent.mkdir()
    for role, username in PEOPLE.items():
        add_user(config, db, username, f"Người {role}", role, f"matkhau-{role}")
    tokens = {role: add_device(config, db, f"{role}-1", role, counter=counter) for role, counter in DEVICES.items()}
    server = ServerProcess(config_path, db)
    server.start()
    for role in PEOPLE:
        status, answer = http("POST", server.url + "/api/login", {"username": role, "password": f"matkhau-{role}"})
        assert status == 200, answer
        tokens[role] = answer["token"]
    assert http("POST", server.url + "/api/counters/1/open", {}, token=tokens["officer"])[0] == 200
    yield server, {role: {"Authorization": f"Bearer {token}"} for role, token in tokens.items()} | {"none": {}}
    server.stop()


@pytest.mark.parametrize("role", ROLES)
def test_schemathesis_finds_no_server_error_or_schema_violation(served, role):
    server, headers = served
    schema = schemathesis.openapi.from_url(server.url + "/api/openapi.json", config=CONFIG)
    failures, calls = [], []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        def fuzz(case):
            calls.append(case.call_and_validate(headers=headers[role], timeout=10).status_code)

        try:
            fuzz()
        except Exception as exc:   # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {exc}")
    assert server.proc.poll() is None
    assert not failures, "\n\n".join(failures)
    assert len(calls) >= 2 * len(list(schema.get_all_operations()))     # every operation was exercised
    assert not [s for s in calls if s >= 500]
