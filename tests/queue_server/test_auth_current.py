"""Authenticator.current: a cached principal is re-checked against the credential generation before
every action, so an ended or changed credential cannot act even before its socket is closed."""
from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from queue_server.actions import perform
from queue_server.auth import Principal, Role
from queue_server.engine import QueueError
from queue_server.throttle import FREE_PER_ADDRESS, FREE_PER_USER, Throttle, login_keys

ADMIN = Principal("user", 999, Role.ADMIN, "Quản trị", "x")


def _refused(service, principal, action, payload=None) -> str:
    with pytest.raises(QueueError) as err:
        perform(service, principal, action, payload)
    return err.value.code


def test_nothing_ended_returns_the_same_principal(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    principal = centre.service.auth.principal(centre.login_token("hoa", "matkhau1"))
    assert centre.service.auth.current(principal) is principal


def test_a_logged_out_principal_cannot_act(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    token = centre.login_token("hoa", "matkhau1")
    cached = centre.service.auth.principal(token)
    perform(centre.service, cached, "open_counter", {"counter": 1})
    centre.service.auth.logout(token)
    assert _refused(centre.service, cached, "pause", {"counter": 1}) == "unauthenticated"


def test_a_demoted_admin_cannot_end_the_day(centre):
    centre.officer("quantri", "Quản Trị", "matkhau-qt", role="admin")
    cached = centre.service.auth.principal(centre.login_token("quantri", "matkhau-qt"))
    with sqlite3.connect(centre.service.store.path) as other:        # no session ended: only the role
        other.execute("UPDATE users SET role = 'officer' WHERE username = 'quantri'")
    assert _refused(centre.service, cached, "end_day") == "forbidden"
    assert centre.service.auth.current(cached).role is Role.OFFICER


def test_a_session_ends_after_12_hours(centre):
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    cached = centre.service.auth.principal(centre.login_token("hoa", "matkhau1"))
    centre.clock.advance(hours=11, minutes=59)
    assert centre.service.auth.current(cached) is cached
    centre.clock.advance(minutes=1)
    with pytest.raises(QueueError):
        centre.service.auth.current(cached)


def test_a_principal_made_in_process_is_not_checked(centre):
    assert centre.service.auth.current(ADMIN) is ADMIN           # the CLI's actor has no token


OFFICER, COUNTER_PC = "hoa", "10.0.0.11"


class Clock:
    def __init__(self):
        self.now = datetime(2026, 11, 23, 7, 25)

    def __call__(self):
        return self.now


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["hoa", "lan", "nam", "admin"]),
                          st.sampled_from(["10.0.0.66", "10.0.0.67", "10.0.0.68", COUNTER_PC])), max_size=200))
def test_no_failures_elsewhere_delay_the_officers_own_pc(attempts):
    """Whatever others get wrong, the officer's PC is delayed only by its own failures."""
    throttle = Throttle(Clock())
    own_for_officer = own_total = 0
    for username, address in attempts:
        try:
            throttle.check(*login_keys(username, address))
        except QueueError:
            continue                                            # refused unchecked: not a failure
        throttle.failed(*login_keys(username, address))
        if address == COUNTER_PC:
            own_total += 1
            own_for_officer += username == OFFICER
    if own_for_officer < FREE_PER_USER and own_total < FREE_PER_ADDRESS:
        throttle.check(*login_keys(OFFICER, COUNTER_PC))        # does not raise
