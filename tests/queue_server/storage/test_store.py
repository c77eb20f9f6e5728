import sqlite3

import pytest

from queue_server.engine import QueueEngine, TicketStatus
from queue_server.storage import Store, StoreError
from queue_server.storage.migrations import MIGRATIONS


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "q.db")
    yield s
    s.close()


def _day(engine, clock, store, centre_id):
    """Issue, call and finish a few tickets, committing as the service does."""
    commit = lambda events: store.commit_events(centre_id, events, engine.state.service_day)  # noqa: E731
    for _ in range(3):
        commit(engine.issue("stp-hotich", clock.advance(minutes=1)))
    commit(engine.open_counter(1, 9, "Hoa", clock()))
    commit(engine.call_next(1, clock.advance(minutes=1)))


def test_store_is_wal_and_fully_synchronous(store):
    assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    assert store.query("PRAGMA synchronous")[0]["synchronous"] == 2
    assert store.schema_version == len(MIGRATIONS)


def test_store_assigns_consecutive_seqs(store, demo_config, clock):
    engine = QueueEngine(demo_config)
    events = engine.issue("stp-hotich", clock()) + engine.issue("stp-hotich", clock())
    last = store.commit_events(demo_config.centre.id, events, engine.state.service_day)
    assert [e.seq for e in events] == [1, 2] and last == 2


def test_store_state_round_trips(store, demo_config, clock):
    engine = QueueEngine(demo_config)
    _day(engine, clock, store, demo_config.centre.id)
    state = store.load_state(demo_config.centre.id)
    assert state.service_day == clock().date()
    assert {t.id: t for t in state.tickets.values()} == engine.state.tickets
    assert state.counters[1] == engine.state.counters[1]
    assert state.last_numbers == {"stp-hotich": 1003}


def test_store_reloaded_engine_continues_numbering(store, demo_config, clock):
    engine = QueueEngine(demo_config)
    _day(engine, clock, store, demo_config.centre.id)
    again = QueueEngine(demo_config, store.load_state(demo_config.centre.id))
    assert again.issue("stp-hotich", clock())[-1].ticket.label == "1004"
    assert again.state.tickets[again.state.counters[1].ticket_id].status is TicketStatus.CALLED


def test_store_failed_transaction_applies_nothing(store, demo_config, clock):
    engine = QueueEngine(demo_config)
    events = engine.issue("stp-hotich", clock())
    store.commit_events(demo_config.centre.id, events)
    duplicate = engine.issue("stp-hotich", clock())
    duplicate[-1].ticket.number = 1001          # collides with the unique (day, series, number)
    with pytest.raises(StoreError):
        store.commit_events(demo_config.centre.id, duplicate)
    assert store.last_seq() == 1
    assert store.count_tickets(demo_config.centre.id) == 1


def test_store_migrations_are_idempotent(tmp_path):
    Store(tmp_path / "m.db").close()
    again = Store(tmp_path / "m.db")
    assert again.schema_version == len(MIGRATIONS)
    version = sqlite3.connect(tmp_path / "m.db").execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS)


def test_store_read_does_not_wait_for_an_open_write(store, demo_config, clock):
    engine = QueueEngine(demo_config)
    store.commit_events(demo_config.centre.id, engine.issue("stp-hotich", clock()))
    with store.transaction() as conn:             # the writer holds its lock and a write transaction
        conn.execute("UPDATE tickets SET label = 'X'")
        assert store.read("SELECT label FROM tickets") == [("1001",)]   # the committed state, at once
    assert store.read("SELECT label FROM tickets") == [("X",)]
