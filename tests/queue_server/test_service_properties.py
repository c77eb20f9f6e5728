"""Property: under any interleaving of actions from many threads, with the disk filling up and
emptying on the way, the live queue equals what a restart would load, every answer is a result or
a clear QueueError, every acknowledged ticket is on disk, and `seq` has no gaps."""
import sys
import tempfile
import threading
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from queue_server.actions import perform
from queue_server.auth import Principal, Role
from queue_server.clock import FakeClock
from queue_server.config import DEMO_CONFIG, Hours, load_config
from queue_server.engine import QueueEngine, QueueError
from queue_server.service import QueueService
from queue_server.storage import Store
from tests.conftest import MONDAY_8AM

from .faults import limit_pages, small_pages, unlimit_pages

CONFIG = load_config(DEMO_CONFIG).model_copy(update={"hours": Hours(enforce=False)})
COUNTERS = [c.number for c in CONFIG.counters][:3]
SERVICES = sorted({s for c in CONFIG.counters if c.number in COUNTERS for s in c.services})
CENTRE = CONFIG.centre.id
KIOSK = Principal("device", 1, Role.KIOSK, "kiosk-1", CENTRE)
ADMIN = Principal("user", 2, Role.ADMIN, "Quản trị", CENTRE)

counter = st.sampled_from(COUNTERS)
step = st.one_of(
    st.tuples(st.just("issue_ticket"), st.fixed_dictionaries({"service_id": st.sampled_from(SERVICES),
                                                             "priority": st.booleans()})),
    st.tuples(st.sampled_from(["open_counter", "close_counter", "pause", "resume", "call_next", "recall",
                               "absent", "start", "finish"]),
              st.fixed_dictionaries({"counter": counter})),
    st.tuples(st.just("transfer"), st.fixed_dictionaries({"counter": counter,
                                                         "to_service": st.sampled_from(SERVICES)})),
    st.tuples(st.just("call_number"), st.fixed_dictionaries({"counter": counter,
                                                            "label": st.integers(1001, 1006).map(str)})),
    st.tuples(st.just("end_day"), st.just({})),
    st.tuples(st.just("disk_full"), st.integers(0, 3)),
    st.tuples(st.just("disk_full"), st.just(0)),          # twice: a full phase in most examples
    st.tuples(st.just("disk_free"), st.just({})),
)
scripts = st.lists(st.lists(step, min_size=1, max_size=12), min_size=2, max_size=4)


def act(service, name, data):
    """One step as its client would take it; the disk steps stand for the machine's disk filling up."""
    if name == "disk_full":               # `data`: how many more pages the disk can take
        return limit_pages(service.store, room=data)
    if name == "disk_free":
        return unlimit_pages(service.store)
    if name == "open_counter":          # each counter's own officer logs in there
        officer = Principal("user", 100 + data["counter"], Role.OFFICER, f"Cán bộ {data['counter']}", CENTRE)
        return perform(service, officer, name, data)
    return perform(service, KIOSK if name == "issue_ticket" else ADMIN, name, data)


def run(service, scripts) -> tuple[list, list, list]:
    """Each script on its own thread, all at once; (results, refusals, anything else raised)."""
    results, refusals, others = [], [], []
    start = threading.Barrier(len(scripts))

    def worker(script):
        start.wait()
        for name, data in script:
            try:
                results.append((name, act(service, name, data)))
            except QueueError as exc:
                refusals.append(exc)
            except Exception as exc:
                others.append(exc)
    threads = [threading.Thread(target=worker, args=(s,)) for s in scripts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results, refusals, others


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scripts=scripts)
def test_service_any_interleaving_leaves_memory_equal_to_disk(scripts):
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    with tempfile.TemporaryDirectory() as folder:
        service = QueueService(CONFIG, Store(small_pages(Path(folder) / "q.db")), FakeClock(MONDAY_8AM))
        try:
            results, refusals, others = run(service, scripts)
        finally:
            sys.setswitchinterval(before)
        unlimit_pages(service.store)
        assert not others
        for exc in refusals:
            assert exc.code and exc.message_vi and exc.message_en
            assert exc.status != 500
            assert exc.status == 503 or exc.code != "storage_failed"
        store = service.store
        assert service.engine.state == QueueEngine(CONFIG, store.load_state(CENTRE)).state
        seqs = [r["seq"] for r in store.events_since(0, limit=10_000)]
        assert seqs == list(range(1, len(seqs) + 1)) and service.seq == len(seqs)
        stored = {r["id"] for r in store.query("SELECT id FROM tickets")}
        acknowledged = {answer["ticket"]["id"] for name, answer in results if name == "issue_ticket"}
        assert acknowledged <= stored
        restarted = QueueService(CONFIG, store, FakeClock(MONDAY_8AM))
        assert restarted.engine.state == service.engine.state and restarted.seq == service.seq
        store.close()
