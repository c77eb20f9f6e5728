"""The ordered outbound path: committed changes leave the service lock as queued work, and one
dispatcher thread projects, serialises and sends them, after the acting client has its answer.

Order is the queue's order. A client's `snapshot` goes through the same queue, and the client
joins its audience's room only when the dispatcher sends that snapshot: it receives nothing
before its snapshot, and every message after it (docs/protocol.md, "Snapshot, then messages").

Sending goes through a `Fanout`: `SocketIOFanout` emits to Socket.IO rooms (one per audience), so
Flask-SocketIO's `message_queue` (Redis, for several server processes) can sit under it unchanged.

>>> outbound = Outbound(service, SocketIOFanout(socketio))
>>> service.listeners.append(outbound)           # on_events() queues; the dispatcher sends
>>> outbound.join(sid, audience, me)              # snapshot first, then the audience's messages
"""
from __future__ import annotations

import logging
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from .engine import Event
from .projections import Audience, project_message, project_snapshot
from .service import ServiceListener

log = logging.getLogger(__name__)

COALESCE_SECONDS = 0.001     # lets the acting client's answer leave first; merges bursts of changes
SNAPSHOT_MAX_AGE = 1.0       # a cached snapshot is reused for this long while seq has not moved
MAX_PENDING_PACKETS = 256    # a client with more unsent packets than this reads nothing: dropped
SLOW_CHECK_SECONDS = 0.2


class Fanout:
    """Where the dispatcher's messages go; methods do nothing by default."""

    def to_audience(self, audience: Audience, name: str, message: dict) -> None:
        """Send one message to every client of an audience (serialised once)."""

    def to_client(self, sid: str, namespace: str, name: str, message: dict) -> None:
        """Send one message to one client."""

    def enter(self, sid: str, audience: Audience) -> bool:
        """Make a client a member of its audience; False when it has gone meanwhile."""
        return True

    def drop_slow_clients(self) -> int:
        """Disconnect clients that read nothing (their reconnect brings a snapshot); how many."""
        return 0


class SocketIOFanout(Fanout):
    """Audiences are Socket.IO rooms; python-socketio encodes a room emit once for all its members."""

    def __init__(self, socketio, max_pending: int = MAX_PENDING_PACKETS):
        self.socketio = socketio
        self.max_pending = max_pending

    @property
    def server(self):
        return self.socketio.server

    def to_audience(self, audience: Audience, name: str, message: dict) -> None:
        self.server.emit(name, message, to=audience.room, namespace=audience.namespace)

    def to_client(self, sid: str, namespace: str, name: str, message: dict) -> None:
        self.server.emit(name, message, to=sid, namespace=namespace)

    def enter(self, sid: str, audience: Audience) -> bool:
        if not self.server.manager.is_connected(sid, audience.namespace):
            return False
        try:
            self.server.enter_room(sid, audience.room, namespace=audience.namespace)
        except (KeyError, ValueError):       # disconnected between the check and here
            return False
        return True

    def drop_slow_clients(self) -> int:
        """Close the Engine.IO sockets whose outgoing queue is over the bound (without flushing)."""
        dropped = 0
        for eio_sid, sock in list(self.server.eio.sockets.items()):
            queue = getattr(sock, "queue", None)
            if queue is not None and queue.qsize() > self.max_pending and not sock.closed:
                log.warning("dropping client %s: %d packets unread", eio_sid, queue.qsize())
                raw = self._raw_socket(eio_sid)         # before close() forgets the connection
                sock.close(wait=False, abort=True)
                _shut(raw)
                dropped += 1
        return dropped


    def _raw_socket(self, eio_sid: str):
        environ = self.server.environ.get(eio_sid) or {}
        return environ.get("gunicorn.socket") or environ.get("werkzeug.socket")


def _shut(raw) -> None:
    """Shut a connection's TCP socket, so the threads blocked writing to it end now."""
    if raw is not None:
        try:
            raw.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


@dataclass
class Batch:
    """The events of one committed change (or of several, merged), with what projecting needs."""

    seq: int
    events: list[Event]
    stats: dict
    config: object


@dataclass
class SnapshotFor:
    """A snapshot to send one client; `join` makes it a member of its audience after sending."""

    sid: str
    audience: Audience
    snap: dict
    config: object
    me: dict
    join: bool


@dataclass
class Leave:
    sid: str


@dataclass
class _Chain:
    """Per audience: the seq of its last message, and its members."""

    last: int
    members: set = field(default_factory=set)


class Outbound(ServiceListener):
    """Queues the service's changes and the clients' snapshots; one thread sends them in order."""

    def __init__(self, service, fanout: Fanout):
        self.service = service
        self.fanout = fanout
        self.chains: dict[Audience, _Chain] = {}
        self.members: dict[str, Audience] = {}
        self.sent_messages = 0
        self._items: deque = deque()
        self._wake = threading.Condition(threading.Lock())
        self._pending_snapshots: set[str] = set()
        self._cache: tuple[int, float, dict] | None = None
        self._projected: dict[tuple[Audience, int, float], dict] = {}
        self._thread: threading.Thread | None = None
        self._last_slow_check = 0.0
        self._me: dict[str, dict] = {}
        self._queued = self._done = 0
        self._cache_lock = threading.Lock()

    # -- producers (any thread) -----------------------------------------------------------------

    def on_events(self, events: list[Event], stats: dict) -> None:
        """Called by the service under its lock, right after the commit: queue, never send."""
        self._put(Batch(self.service.seq, list(events), stats, self.service.config))

    def join(self, sid: str, audience: Audience, me: dict) -> None:
        """A client connected: its snapshot, then its audience's messages."""
        with self.service.lock:
            self._pending_snapshots.add(sid)
            self._put(SnapshotFor(sid, audience, self._snapshot(), self.service.config, me, join=True))

    def resync(self, sid: str) -> bool:
        """A fresh snapshot for a member; False when one is already on its way (coalesced)."""
        audience = self.members.get(sid)
        with self.service.lock:
            if audience is None or sid in self._pending_snapshots:
                return False
            self._pending_snapshots.add(sid)
            self._put(SnapshotFor(sid, audience, self._snapshot(), self.service.config, {}, join=False))
        return True

    def snapshot_for(self, audience: Audience, me: dict) -> dict:
        """The current snapshot as `audience` sees it, from the cache (the `snapshot` action)."""
        with self.service.lock:
            snap, config = self._snapshot(), self.service.config
        return {**self._project(audience, snap, config), "me": me}

    def leave(self, sid: str) -> None:
        self._put(Leave(sid))

    def _snapshot(self) -> dict:
        """The service's snapshot, built at most once per seq and second (under the lock)."""
        now = time.monotonic()
        if self._cache and self._cache[0] == self.service.seq and now - self._cache[1] < SNAPSHOT_MAX_AGE:
            return self._cache[2]
        snap = self.service.snapshot()
        self._cache = (self.service.seq, now, snap)
        return snap

    def _put(self, item) -> None:
        with self._wake:
            self._items.append(item)
            self._queued += 1
            self._wake.notify_all()
        if self._thread is None or not self._thread.is_alive():
            self._start()

    def _start(self) -> None:
        with self._wake:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="outbound", daemon=True)
                self._thread.start()

    # -- the dispatcher -------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            items = self._take()
            try:
                self._dispatch(items)
            except Exception:                 # the path must outlive any one bad message
                log.exception("outbound dispatch failed")
            with self._wake:
                self._done += len(items)
                self._wake.notify_all()

    def _take(self) -> list:
        while True:
            with self._wake:
                if not self._items:
                    self._wake.wait(SLOW_CHECK_SECONDS)
                if self._items:
                    first = self._items[0]
                    break
            self._check_slow()                # idle: still look for clients that read nothing
        if isinstance(first, Batch):
            time.sleep(COALESCE_SECONDS)
        with self._wake:
            items = list(self._items)
            self._items.clear()
        return items

    def drain(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued so far has been sent (tests and tools)."""
        deadline = time.monotonic() + timeout
        with self._wake:
            target = self._queued
            while self._done < target:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._wake.wait(left)
        return True

    def _dispatch(self, items: list) -> None:
        run: list[Batch] = []
        for item in items:
            if isinstance(item, Batch):
                run.append(item)
                continue
            self._send_batches(run)
            run = []
            if isinstance(item, SnapshotFor):
                self._send_snapshot(item)
            else:
                self._forget(item.sid)
        self._send_batches(run)
        self._check_slow()

    def _send_batches(self, batches: list[Batch]) -> None:
        """One message per audience for consecutive changes (nothing for an audience it concerns not)."""
        if not batches:
            return
        dicts = [[e.to_dict() for e in b.events] for b in batches]
        for audience, chain in list(self.chains.items()):
            if not chain.members:
                continue
            events, stats = [], {}
            for batch, evs in zip(batches, dicts):
                part = project_message(audience, batch.config, evs, batch.stats, chain.last, batch.seq)
                if part:
                    events += part["events"]
                    stats.update(part["stats"])
            if events or stats:
                message = {"prev": chain.last, "seq": batches[-1].seq, "events": events, "stats": stats}
                chain.last = batches[-1].seq
                self.fanout.to_audience(audience, "events", message)
                self.sent_messages += 1

    def _send_snapshot(self, item: SnapshotFor) -> None:
        self._pending_snapshots.discard(item.sid)
        if item.join and item.sid in self.members:
            return
        if not item.join and self.members.get(item.sid) != item.audience:
            return                            # it left meanwhile
        snap = dict(self._project(item.audience, item.snap, item.config))
        snap["me"] = item.me or self._me.get(item.sid, {})
        self.fanout.to_client(item.sid, item.audience.namespace, "snapshot", snap)
        if item.join and self.fanout.enter(item.sid, item.audience):
            chain = self.chains.setdefault(item.audience, _Chain(item.snap["seq"]))
            chain.members.add(item.sid)
            self.members[item.sid] = item.audience
            self._me[item.sid] = item.me

    def _project(self, audience: Audience, snap: dict, config) -> dict:
        key = (audience, snap["seq"], id(snap))
        with self._cache_lock:
            projected = self._projected.get(key)
        if projected is None:
            projected = project_snapshot(audience, config, snap)
            with self._cache_lock:
                if len(self._projected) > 256:
                    self._projected.clear()
                self._projected[key] = projected
        return projected

    def _forget(self, sid: str) -> None:
        audience = self.members.pop(sid, None)
        self._me.pop(sid, None)
        self._pending_snapshots.discard(sid)
        if audience is not None:
            self.chains[audience].members.discard(sid)

    def _check_slow(self) -> None:
        now = time.monotonic()
        if now - self._last_slow_check >= SLOW_CHECK_SECONDS:
            self._last_slow_check = now
            self.fanout.drop_slow_clients()
