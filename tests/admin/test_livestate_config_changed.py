"""Clients take the new centre view from a `config.changed` event, without a resync."""
from __future__ import annotations

from queue_server.admin import configedit
from queue_server.livestate import LiveState


def test_livestate_config_changed_replaces_the_centre(centre, admin_lib, admin_principal):
    state = LiveState()
    state.apply_snapshot(centre.service.snapshot())
    seen = []
    centre.service.listeners.append(type("L", (), {"on_events": lambda self, ev, st: seen.extend(ev)})())
    admin_lib.change_config(admin_principal, "counter.update", "counter:1",
                            lambda d: configedit.update_counter(d, 1, {"services": ["stp-hotich", "stp-lylich"]}))
    [event] = seen
    payload = event.to_dict()
    assert state.apply_event(payload) is True
    counter = next(c for c in state.centre["counters"] if c["number"] == 1)
    assert counter["services"] == ["stp-hotich", "stp-lylich"]
