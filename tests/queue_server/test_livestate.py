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


def test_resequencer_puts_swapped_events_back_in_order():
    from queue_server.livestate import Resequencer
    r = Resequencer(patience=1.0)
    assert r.push({"seq": 7}, last=5, now=0.0) == []
    assert [e["seq"] for e in r.push({"seq": 6}, last=5, now=0.1)] == [6, 7]
    assert not r.pending and not r.gap_outlasted(5.0)


def test_resequencer_reports_a_gap_that_outlasts_patience():
    from queue_server.livestate import Resequencer
    r = Resequencer(patience=1.0)
    r.push({"seq": 9}, last=5, now=10.0)
    assert not r.gap_outlasted(10.5)
    assert r.gap_outlasted(11.0)


def test_resequencer_ignores_old_and_duplicate_events():
    from queue_server.livestate import Resequencer
    r = Resequencer()
    assert r.push({"seq": 4}, last=5, now=0.0) == []
    assert [e["seq"] for e in r.push({"seq": 6}, last=5, now=0.0)] == [6]
    assert r.push({"seq": 6}, last=6, now=0.0) == [] and not r.pending


def test_realtime_client_applies_swapped_events_in_order_without_resync():
    from queue_server.client import RealtimeClient
    seen = []
    client = RealtimeClient("http://127.0.0.1:9", "/display", "t",
                            on_change=lambda kind, payload: seen.append(payload["seq"]))
    client._on_snapshot(snap(seq=5))
    client._on_event(event(7, "ticket.issued", ticket("b")))
    client._on_event(event(6, "ticket.issued", ticket("a")))
    assert seen == [5, 6, 7] and client.resyncs == 0
    assert set(client.state.waiting) == {"a", "b"}
