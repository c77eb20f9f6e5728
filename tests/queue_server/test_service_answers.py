"""Every action's answer is built under the service lock: its `seq` is its own change's, and no
answer is ever an exception from reading state another thread is changing (issue #12)."""
import sys
import threading

import pytest

from queue_server.actions import perform
from queue_server.auth import Principal, Role
from queue_server.engine import QueueError
from queue_server.service import QueueService
from queue_server.storage import Store


@pytest.fixture
def fast_switching():
    """Thread switches every microsecond: races that take hours in life show up in a second."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def run_threads(work, count: int) -> None:
    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)


def test_answers_carry_their_own_seq_under_concurrent_actions(tmp_path, always_open_config, clock, fast_switching):
    service = QueueService(always_open_config, Store(tmp_path / "q.db"), clock)
    centre = service.centre_id
    kiosk = Principal("device", 1, Role.KIOSK, "kiosk-1", centre)
    officers = {n: Principal("user", 10 + n, Role.OFFICER, f"Cán bộ {n}", centre) for n in (1, 2)}
    for number, officer in officers.items():
        perform(service, officer, "open_counter", {"counter": number})
    answers, failures = [], []

    def work(i):
        for _ in range(25):
            try:
                if i < 3:
                    answers.append(("issue", perform(service, kiosk, "issue_ticket", {"service_id": "stp-hotich"})))
                else:
                    number = 1 + i % 2
                    answers.append(("call", perform(service, officers[number], "call_next", {"counter": number})))
            except QueueError as exc:
                if exc.code != "no_waiting":
                    failures.append(exc)
            except Exception as exc:            # any other exception: a client left without an answer
                failures.append(exc)
    run_threads(work, 5)
    assert not failures
    issued_seq = {r["ticket_id"]: r["seq"] for r in service.store.query(
        "SELECT ticket_id, seq FROM events WHERE type = 'ticket.issued'")}
    for kind, answer in answers:
        if kind == "issue":
            assert answer["seq"] == issued_seq[answer["ticket"]["id"]]
        else:
            assert answer["seq"] == answer["events"][-1]["seq"]
            assert answer["counter"]["ticket"]["id"] == answer["events"][-1]["ticket"]["id"]
    service.store.close()
