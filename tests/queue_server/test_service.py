import pytest

from queue_server.engine import QueueError
from queue_server.service import QueueService, ServiceListener
from queue_server.storage import Store

from .faults import limit_pages, unlimit_pages


class Recorder(ServiceListener):
    def __init__(self):
        self.events = []

    def on_events(self, events, stats):
        self.events.extend((e.seq, e.type, dict(stats)) for e in events)


def test_service_events_reach_listeners_in_seq_order(centre):
    rec = Recorder()
    centre.service.listeners.append(rec)
    for _ in range(3):
        centre.service.execute(lambda now: centre.service.engine.issue("stp-hotich", now))
    assert [s for s, _, _ in rec.events] == [1, 2, 3]
    assert rec.events[-1][2]["stp-hotich"]["waiting"] == 3


def test_service_restart_keeps_tickets_and_numbering(tmp_path, demo_config, clock):
    service = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    ids = [service.execute(lambda now: service.engine.issue("stp-hotich", now))[-1].ticket.id for _ in range(2)]
    service.store.close()
    again = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    assert set(ids) <= set(again.engine.state.tickets)
    assert again.execute(lambda now: again.engine.issue("stp-hotich", now))[-1].ticket.label == "1003"
    assert again.seq == 3


def test_service_new_day_on_restart_expires_leftovers(tmp_path, demo_config, clock):
    service = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    service.execute(lambda now: service.engine.issue("stp-hotich", now))
    service.store.close()
    clock.advance(days=1)
    again = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    types = [r["type"] for r in again.store.events_since(0)]
    assert types == ["ticket.issued", "ticket.expired", "day.ended"]
    assert again.execute(lambda now: again.engine.issue("stp-hotich", now))[-1].ticket.label == "1001"


def test_service_storage_failure_leaves_engine_as_on_disk(centre):
    """A real full database (PRAGMA max_page_count), not a patched commit: see test_service_full_disk.py."""
    service = centre.service
    service.execute(lambda now: service.engine.issue("stp-hotich", now))
    limit_pages(service.store)
    with pytest.raises(QueueError) as err:
        for _ in range(500):
            service.execute(lambda now: service.engine.issue("stp-hotich", now))
    assert err.value.status == 503 and err.value.code == "storage_failed"
    stored = service.store.count_tickets(service.centre_id)
    assert len(service.engine.state.tickets) == stored
    unlimit_pages(service.store)
    label = service.execute(lambda now: service.engine.issue("stp-hotich", now))[-1].ticket.label
    assert int(label) == 1000 + stored + 1


def test_service_public_ticket_shows_place_and_wait(centre):
    service = centre.service
    first = service.execute(lambda now: service.engine.issue("stp-hotich", now))[-1].ticket
    second = service.execute(lambda now: service.engine.issue("stp-hotich", now))[-1].ticket
    view = service.public_ticket(second.id)
    assert view["ahead"] == 1 and view["wait_minutes"] > 0 and view["label"] == "1002"
    assert "officer_id" not in view and service.public_ticket(first.id)["ahead"] == 0


def test_service_recent_calls_survive_restart(tmp_path, demo_config, clock):
    service = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    service.execute(lambda now: service.engine.issue("stp-hotich", now))
    service.execute(lambda now: service.engine.open_counter(1, 5, "Hoa", now))
    service.execute(lambda now: service.engine.call_next(1, now))
    service.store.close()
    again = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    assert [(c["label"], c["counter"]) for c in again.recent_calls] == [("1001", 1)]
