"""The live queue on a full disk: memory never runs ahead of disk, and the queue recovers by itself.

Seen in life (issue #12): 400 tickets in memory and 36 on disk; once space came back, refused tickets
were called and announced, and after a restart called citizens were waiting again.
"""
from datetime import timedelta

import pytest

from queue_server.engine import QueueEngine, QueueError, TicketStatus
from queue_server.service import QueueService
from queue_server.storage import Store
from queue_server.views import counter_views

from .faults import limit_pages, unlimit_pages


def on_disk(service: QueueService):
    """The engine state a restart would see."""
    return QueueEngine(service.config, service.store.load_state(service.centre_id)).state


def issue(service):
    return service.execute(lambda now: service.engine.issue("stp-hotich", now))[-1].ticket


def attempt(service, action, n: int) -> tuple[list, list]:
    """Run `action` n times; (results, refusals)."""
    done, refused = [], []
    for _ in range(n):
        try:
            done.append(action())
        except QueueError as exc:
            refused.append(exc)
    return done, refused


@pytest.fixture
def service(tmp_path, demo_config, clock):
    service = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    yield service
    service.store.close()


def test_service_full_disk_keeps_memory_equal_to_disk(service, clock):
    limit_pages(service.store, room=2)
    issued, refused = attempt(service, lambda: issue(service), 400)
    assert refused and {e.code for e in refused} == {"storage_failed"} and {e.status for e in refused} == {503}
    assert service.engine.state == on_disk(service)
    assert len(service.engine.state.tickets) == len(issued) == service.store.count_tickets(service.centre_id)
    assert service.seq == service.store.last_seq() == len(issued)


def test_service_refused_ticket_never_appears_when_space_returns(service, clock):
    limit_pages(service.store, room=2)
    issued, refused = attempt(service, lambda: issue(service), 200)
    unlimit_pages(service.store)                                   # no restart
    service.execute(lambda now: service.engine.open_counter(1, 7, "Hoa", now))
    called = []
    while service.engine.waiting(["stp-hotich"]):
        called.append(service.execute(lambda now: service.engine.call_next(1, now))[-1].ticket.id)
    assert called == [t.id for t in issued]                        # exactly the acknowledged, in order
    after = issue(service)
    assert int(after.label) == int(issued[-1].label) + 1           # refused numbers are not burnt either


def test_service_failed_calls_keep_served_counts_across_restart(tmp_path, demo_config, clock):
    service = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    for _ in range(150):
        issue(service)
    service.execute(lambda now: service.engine.open_counter(1, 7, "Hoa", now))
    limit_pages(service.store, room=1)
    calls, refused = attempt(service, lambda: service.execute(
        lambda now: service.engine.call_next(1, clock.advance(minutes=1))), 150)
    assert refused, "the page limit never bit"
    served_live = {v["number"]: v["served"] for v in counter_views(service.engine)}
    current = service.engine.state.counters[1].ticket_id
    service.store.close()
    again = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    assert {v["number"]: v["served"] for v in counter_views(again.engine)} == served_live
    assert again.engine.state.tickets[current].status is TicketStatus.CALLED
    waiting = {t.id for t in again.engine.waiting()}
    assert not waiting & {e[-1].ticket.id for e in calls}       # nobody already called waits again


def test_service_recent_calls_and_seq_only_move_on_commit(service, clock):
    issue(service)
    issue(service)
    service.execute(lambda now: service.engine.open_counter(1, 7, "Hoa", now))
    seq = service.seq
    limit_pages(service.store)
    _, refused = attempt(service, lambda: service.execute(lambda now: service.engine.recall(1, now)), 1)
    _, refused_calls = attempt(service, lambda: service.execute(lambda now: service.engine.call_next(1, now)), 50)
    snapshot = service.snapshot()
    assert snapshot["seq"] == service.store.last_seq() and snapshot["recent_calls"] == [
        c for c in snapshot["recent_calls"] if c["seq"] <= snapshot["seq"]]
    assert [c["seq"] for c in service.recent_calls] == [
        r["seq"] for r in service.store.recent_calls(service.centre_id, clock().date(), 20)]
    assert seq <= service.seq == service.store.last_seq()


def test_service_unexpected_error_in_a_command_leaves_engine_as_on_disk(service):
    issue(service)

    def buggy(now):
        service.engine.issue("stp-hotich", now)      # the engine changed ...
        raise RuntimeError("a bug after the change")  # ... and then something failed
    with pytest.raises(RuntimeError):
        service.execute(buggy)
    assert service.engine.state == on_disk(service) and len(service.engine.state.tickets) == 1
    assert issue(service).label == "1002"


def test_service_config_change_on_full_disk_changes_nothing(service, demo_config):
    limit_pages(service.store)
    from queue_server.admin.configedit import data_of
    from queue_server.storage.admin import AdminStore, AuditEntry
    data = data_of(demo_config)
    data["centre"]["name"] = "Trung tâm mới " * 400             # needs new pages
    from queue_server.config import parse_config
    new = parse_config(data, "test")
    entry = AuditEntry("admin", "admin", "centre.update", "centre")
    with pytest.raises(QueueError) as refused:
        service.apply_config(new, lambda event: AdminStore(service.store).save_config(
            service.centre_id, data, entry, event, []))
    assert refused.value.status == 503
    assert service.config is demo_config and service.engine.config is demo_config and service.seq == 0


def test_service_starts_on_a_full_disk_on_a_new_day_and_rolls_over_once_there_is_room(tmp_path, demo_config, clock):
    service = QueueService(demo_config, Store(tmp_path / "q.db"), clock)
    for _ in range(60):
        issue(service)
    service.store.close()
    clock.advance(days=1)
    store = Store(tmp_path / "q.db")
    limit_pages(store)
    again = QueueService(demo_config, store, clock)            # up, though the new day cannot be stored
    assert again.engine.state == on_disk(again) and again.engine.state.service_day == clock().date() - timedelta(days=1)
    with pytest.raises(QueueError) as refused:
        issue(again)
    assert refused.value.status == 503
    unlimit_pages(store)
    assert issue(again).label == "1001"                         # the new day, numbering restarted
    assert again.engine.state == on_disk(again)
    assert {t.status for t in QueueEngine(demo_config, store.load_state(again.centre_id)).state.tickets.values()} == {
        TicketStatus.WAITING}
    store.close()


def test_service_kiosk_retry_of_a_refused_issue_gets_exactly_one_ticket(tmp_path, always_open_config, clock):
    from queue_server.actions import perform
    from queue_server.auth import Principal, Role
    service = QueueService(always_open_config, Store(tmp_path / "q.db"), clock)
    kiosk = Principal("device", 1, Role.KIOSK, "kiosk-1", service.centre_id)
    limit_pages(service.store)
    request = {"service_id": "stp-hotich", "request_id": "kiosk1-000042"}
    with pytest.raises(QueueError):                                    # other kiosks fill the disk
        for i in range(300):
            perform(service, kiosk, "issue_ticket", {"service_id": "stp-hotich", "request_id": f"fill-{i:08}"})
    stored = service.store.count_tickets(service.centre_id)
    with pytest.raises(QueueError) as refused:
        perform(service, kiosk, "issue_ticket", request)
    assert refused.value.status == 503 and service.store.ticket_for_request(service.centre_id, "kiosk1-000042") is None
    unlimit_pages(service.store)
    first = perform(service, kiosk, "issue_ticket", request)           # the retry once there is room
    again = perform(service, kiosk, "issue_ticket", request)           # its answer was lost: asked again
    assert again["repeated"] and again["ticket"]["id"] == first["ticket"]["id"]
    assert service.store.count_tickets(service.centre_id) == stored + 1
    service.store.close()
