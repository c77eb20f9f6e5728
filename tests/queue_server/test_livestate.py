from queue_server.livestate import LiveState


def ticket(tid, status="waiting", label="1001", counter=None, priority=False, queue_at="2026-11-23T08:00:00+07:00"):
    return {"id": tid, "label": label, "status": status, "counter": counter, "priority": priority,
            "service_id": "stp-hotich", "department_id": "stp", "queue_at": queue_at}


def snap(seq=5):
    return {"seq": seq, "centre": {"id": "c"}, "counters": [{"number": 1, "status": "open", "ticket_id": None,
                                                                "ticket": None}],
            "waiting": [], "services": {}, "recent_calls": []}


def event(seq, type_, t=None, counter=None, stats=None):
    return {"seq": seq, "type": type_, "at": "2026-11-23T08:01:00+07:00", "ticket": t, "counter": counter,
            "data": {}, "stats": stats or {}}


def test_livestate_applies_events_in_order():
    s = LiveState()
    s.apply_snapshot(snap())
    assert s.apply_event(event(6, "ticket.issued", ticket("a"), stats={"stp-hotich": {"waiting": 1}}))
    assert list(s.waiting) == ["a"] and s.services["stp-hotich"]["waiting"] == 1
    called = ticket("a", "called", counter=1)
    assert s.apply_event(event(7, "ticket.called", called, {"number": 1, "status": "open", "ticket_id": "a"}))
    assert s.waiting == {} and s.counters[1]["ticket"]["status"] == "called"
    assert s.recent_calls[0]["label"] == "1001" and s.seq == 7


def test_livestate_gap_is_refused_and_changes_nothing():
    s = LiveState()
    s.apply_snapshot(snap())
    assert not s.apply_event(event(8, "ticket.issued", ticket("a")))
    assert s.seq == 5 and s.waiting == {}


def test_livestate_old_events_are_ignored():
    s = LiveState()
    s.apply_snapshot(snap())
    assert s.apply_event(event(5, "ticket.issued", ticket("a")))
    assert s.waiting == {}


def test_livestate_counter_cleared_drops_its_ticket():
    s = LiveState()
    s.apply_snapshot(snap())
    s.apply_event(event(6, "ticket.called", ticket("a", "called", counter=1), {"number": 1, "status": "open", "ticket_id": "a"}))
    s.apply_event(event(7, "ticket.finished", ticket("a", "done", counter=1), {"number": 1, "status": "open", "ticket_id": None}))
    assert s.counters[1]["ticket"] is None


def test_livestate_waiting_order_priority_then_time():
    s = LiveState()
    s.apply_snapshot(snap())
    s.apply_event(event(6, "ticket.issued", ticket("a", queue_at="2026-11-23T08:00:00+07:00")))
    s.apply_event(event(7, "ticket.issued", ticket("b", priority=True, queue_at="2026-11-23T08:05:00+07:00")))
    assert [t["id"] for t in s.waiting_in_order()] == ["b", "a"]


def message(prev, *events, stats=None):
    return {"prev": prev, "seq": events[-1]["seq"] if events else prev + 1, "events": list(events),
            "stats": stats or {}}


def ready_state(seq=5):
    s = LiveState()
    s.apply_snapshot(snap(seq))
    return s


def test_livestate_message_applies_from_its_prev():
    s = ready_state(5)
    applied = s.apply_message(message(5, event(6, "ticket.issued", ticket("a")), stats={"stp-hotich": {"waiting": 1}}))
    assert [e["seq"] for e in applied] == [6] and s.seq == 6 and "a" in s.waiting
    assert s.services["stp-hotich"]["waiting"] == 1


def test_livestate_message_skipping_seqs_not_for_this_audience_applies():
    s = ready_state(5)              # seq 6 and 7 concerned others: this audience's chain says prev 5
    assert s.apply_message({"prev": 5, "seq": 8, "events": [event(8, "ticket.issued", ticket("a"))], "stats": {}})
    assert s.seq == 8


def test_livestate_message_with_missing_predecessor_does_not_apply():
    s = ready_state(5)
    assert s.apply_message(message(6, event(7, "ticket.issued", ticket("a")))) is None
    assert s.seq == 5 and not s.waiting


def test_livestate_message_already_in_snapshot_applies_nothing():
    s = ready_state(7)
    assert s.apply_message(message(5, event(6, "ticket.issued", ticket("a")))) == []
    assert s.seq == 7 and not s.waiting


def test_resequencer_puts_swapped_messages_back_in_order():
    from queue_server.livestate import Resequencer
    s, r = ready_state(5), Resequencer(patience=1.0)
    r.add(message(6, event(7, "ticket.issued", ticket("b"))))
    assert r.take(s, now=0.0) == []
    r.add(message(5, event(6, "ticket.issued", ticket("a"))))
    assert [e["seq"] for e in r.take(s, now=0.1)] == [6, 7]
    assert not r.pending and not r.gap_outlasted(5.0)


def test_resequencer_reports_a_gap_that_outlasts_patience():
    from queue_server.livestate import Resequencer
    s, r = ready_state(5), Resequencer(patience=1.0)
    r.add(message(8, event(9, "ticket.issued", ticket("a"))))
    r.take(s, now=10.0)
    assert not r.gap_outlasted(10.5)
    assert r.gap_outlasted(11.0)


def test_resequencer_drops_messages_the_snapshot_includes_and_keeps_newer():
    from queue_server.livestate import Resequencer
    s, r = LiveState(), Resequencer()
    r.add(message(5, event(6, "ticket.issued", ticket("a"))))
    r.add(message(6, event(7, "ticket.issued", ticket("b"))))
    assert r.take(s, now=0.0) == [] and len(r.pending) == 2        # no snapshot yet: kept
    s.apply_snapshot(snap(6))
    assert [e["seq"] for e in r.take(s, now=0.0)] == [7]
    assert not r.pending and s.seq == 7


def client_seeing(seen):
    from queue_server.client import RealtimeClient
    return RealtimeClient("http://127.0.0.1:9", "/display", "t",
                          on_change=lambda kind, payload: seen.append((kind, payload["seq"])))


def test_realtime_client_applies_swapped_messages_in_order_without_resync():
    seen = []
    client = client_seeing(seen)
    client._on_snapshot(snap(seq=5))
    client._on_message(message(6, event(7, "ticket.issued", ticket("b"))))
    client._on_message(message(5, event(6, "ticket.issued", ticket("a"))))
    assert seen == [("snapshot", 5), ("event", 6), ("event", 7)] and client.resyncs == 0
    assert set(client.state.waiting) == {"a", "b"}


def test_realtime_client_keeps_a_message_that_overtakes_the_snapshot():
    """Issue 12: the snapshot (seq 5) and the call made just after it (seq 6) swapped threads."""
    seen = []
    client = client_seeing(seen)
    client._on_message(message(5, event(6, "ticket.called", ticket("a", "called", counter=1),
                                        {"number": 1, "status": "open", "ticket_id": "a"})))
    client._on_snapshot(snap(seq=5))
    assert seen == [("snapshot", 5), ("event", 6)] and client.resyncs == 0
    assert client.state.seq == 6 and client.state.counters[1]["ticket_id"] == "a"


def test_realtime_client_drops_early_messages_the_snapshot_already_has():
    seen = []
    client = client_seeing(seen)
    client._on_message(message(4, event(5, "ticket.issued", ticket("a"))))
    client._on_snapshot(snap(seq=5))
    assert seen == [("snapshot", 5)] and client.state.seq == 5 and not client._order.pending
