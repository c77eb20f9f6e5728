"""RealtimeClient: a device's or tool's connection to the queue server over Socket.IO.

It keeps a LiveState current (snapshot, then `events` messages; resync on a gap or reconnect) and
sends actions, returning their result or raising the server's QueueError. Messages that arrive
before the snapshot (python-socketio handles each on its own thread, so they can overtake it) are
kept, and only those the snapshot already includes are dropped.
"""
from __future__ import annotations

import os
import threading
import time

import socketio

from .engine import QueueError
from .livestate import LiveState, Resequencer


class RealtimeClient:
    """Connects to one namespace with a token.

    >>> client = RealtimeClient("http://127.0.0.1:5000", "/display", token)
    >>> client.connect(); client.wait_ready()
    >>> client.state.recent_calls[0]["label"]
    """

    def __init__(self, url: str, namespace: str, token: str, on_change=None, reconnect: bool = True,
                 ca_file: str | None = None):
        self.url, self.namespace, self.token = url, namespace, token
        self.state = LiveState()
        self.on_change = on_change or (lambda kind, payload: None)
        self.resyncs = 0
        self._order = Resequencer()
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self.sio = socketio.Client(reconnection=reconnect, reconnection_delay=0.5, reconnection_delay_max=5,
                                   http_session=_trusting(url, ca_file))
        self.sio.on("snapshot", self._on_snapshot, namespace=namespace)
        self.sio.on("events", self._on_message, namespace=namespace)
        self.sio.on("disconnect", self._on_disconnect, namespace=namespace)

    @property
    def connected(self) -> bool:
        return self.sio.connected and self.namespace in self.sio.namespaces

    def connect(self, timeout: float = 10) -> None:
        self.sio.connect(self.url, namespaces=[self.namespace], auth={"token": self.token},
                         transports=["websocket"], wait_timeout=timeout)

    def wait_ready(self, timeout: float = 10) -> bool:
        return self._ready.wait(timeout)

    def close(self) -> None:
        """Disconnect, and stop any reconnection attempt in progress."""
        self.sio.shutdown()

    def call(self, action: str, payload: dict | None = None, timeout: float = 10) -> dict:
        """Run an action on the server; raises QueueError when it is refused."""
        answer = self.sio.call(action, payload or {}, namespace=self.namespace, timeout=timeout)
        if not answer.get("ok"):
            e = answer.get("error", {})
            raise QueueError(e.get("code", "error"), e.get("message", ""), e.get("message_en", ""), 409)
        return answer["result"]

    def resync(self) -> None:
        """Ask for a fresh snapshot; while disconnected there is nothing to do, since the server
        sends one by itself on reconnect."""
        self.resyncs += 1
        try:
            self.sio.emit("resync", {}, namespace=self.namespace)
        except socketio.exceptions.BadNamespaceError:
            pass

    def _on_snapshot(self, snap: dict) -> None:
        with self._lock:
            self.state.apply_snapshot(snap)
            self._ready.set()
            self.on_change("snapshot", snap)
            self._apply_pending()

    def _on_message(self, message: dict) -> None:
        """Apply messages in order (they may arrive on different threads, swapped, even before
        the snapshot) and hand each event to `on_change` in that order; resync only when a
        missing message does not turn up."""
        with self._lock:
            self._order.add(message)
            self._apply_pending()

    def _apply_pending(self) -> None:
        if self.state.seq is None:
            return                                   # kept until the snapshot arrives
        now = time.monotonic()
        for event in self._order.take(self.state, now):
            self.on_change("event", event)
        if self._order.gap_outlasted(now):
            self._order.clear()
            self.resync()
        elif self._order.pending:
            self._check_later()

    def _check_later(self) -> None:
        """A gap with no further event to notice it: look again once patience has run out."""
        timer = threading.Timer(self._order.patience, self._recheck)
        timer.daemon = True
        timer.start()

    def _recheck(self) -> None:
        with self._lock:
            if not self._order.gap_outlasted(time.monotonic()):
                return
            self._order.clear()
        self.resync()

    def _on_disconnect(self, *reason) -> None:
        self._ready.clear()
        self.on_change("disconnect", None)


def close_all(clients) -> None:
    """Close many clients at once: each close may wait up to 3 s for the websocket close handshake."""
    threads = [threading.Thread(target=c.close) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


CENTRE_CA = "/etc/motcua/ca.pem"      # where `motcua pair` saves the pinned CA on a device


def _trusting(url: str, ca_file: str | None):
    """For an https:// server, a session that trusts only the centre's CA: `ca_file`, else
    $MOTCUA_CA, else the one pairing saved (None: plain HTTP, or no centre CA: the system's)."""
    if not url.lower().startswith("https://"):
        return None
    ca_file = ca_file or os.environ.get("MOTCUA_CA") or (CENTRE_CA if os.path.isfile(CENTRE_CA) else None)
    if not ca_file:
        return None
    import requests
    session = requests.Session()
    session.verify = ca_file            # engine.io passes it on to the websocket as ca_certs
    return session
