"""Closing the open sockets of ended credentials: a sweep of every Socket.IO server in the process.

A socket keeps the principal it was opened with. Whenever a credential ends or changes (logout,
deactivation, role change, password reset, device revoked or deleted, from a page or the `motcua`
CLI in another process) the store's credential generation moves (triggers, migration 11). One
thread per process reads it every SWEEP_SECONDS (and at once when this process ends a credential);
when it moved, or a session's 12 hours run out, each socket's principal is re-checked: ended, or no
longer allowed on its namespace, or changed (role, counter, display group) → the socket is closed.
A client whose credential still lives may connect again and gets the snapshot its current rights allow.
Actions do not wait for the sweep: `actions.perform` re-checks the principal itself.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
import time
import weakref

from .engine import QueueError

SWEEP_SECONDS = 0.1          # how often the generation is read (one tiny query per server)
EXPIRY_SWEEP_SECONDS = 1.0   # how often sessions are checked for running out

log = logging.getLogger(__name__)
_watches: weakref.WeakSet = weakref.WeakSet()
_wake = threading.Event()
_started = threading.Lock()
_thread: list[threading.Thread] = []


class SocketWatch:
    """The open sockets of one Socket.IO server and the authenticator that vouches for them."""

    def __init__(self, socketio, auth):
        self.socketio = socketio
        self.auth = auth
        self.generation: int | None = None
        self.full_pass_at = 0.0

    def _namespaces(self) -> list[tuple[str, object]]:
        server = getattr(self.socketio, "server", None)
        if server is None:
            return []
        return [(path, ns) for path, ns in list(server.namespace_handlers.items()) if getattr(ns, "principals", None)]

    def sweep(self) -> int:
        """Close the sockets whose credential ended or changed; returns how many were closed."""
        namespaces = self._namespaces()
        if not namespaces:
            return 0
        generation = self.auth.generation()
        if generation == self.generation and time.monotonic() - self.full_pass_at < EXPIRY_SWEEP_SECONDS:
            return 0
        self.generation, self.full_pass_at = generation, time.monotonic()
        return sum(self._check(path, ns) for path, ns in namespaces)

    def _check(self, path: str, namespace) -> int:
        closed = 0
        for sid, principal in list(namespace.principals.items()):
            try:
                fresh = self.auth.current(principal)
            except QueueError:
                fresh = None
            if fresh is principal:
                continue
            if fresh is not None and fresh == principal and fresh.role in getattr(namespace, "roles", {fresh.role}):
                if namespace.principals.get(sid) is principal:    # not gone meanwhile
                    namespace.principals[sid] = fresh           # same rights, newer generation
                continue
            namespace.principals.pop(sid, None)
            try:
                self.socketio.server.disconnect(sid, namespace=path)
            except Exception as exc:                            # already gone: nothing to close
                log.debug("closing %s on %s: %s", sid, path, exc)
            closed += 1
        return closed


def watch_sockets(socketio, auth) -> SocketWatch:
    """Have the process's sweeper check this Socket.IO server's sockets (called by realtime.register)."""
    watch = SocketWatch(socketio, auth)
    socketio.credential_watch = watch           # lives as long as the server; the sweeper holds it weakly
    _watches.add(watch)
    with _started:
        if not _thread:
            thread = threading.Thread(target=_sweep_forever, name="credential-sweep", daemon=True)
            _thread.append(thread)
            thread.start()
    return watch


def credentials_ended() -> None:
    """This process just ended a credential: sweep now rather than at the next tick."""
    _wake.set()


def _sweep_forever() -> None:
    while True:
        _wake.wait(SWEEP_SECONDS)
        _wake.clear()
        for watch in list(_watches):
            try:
                watch.sweep()
            except sqlite3.ProgrammingError:    # its database was closed: that server is gone
                _watches.discard(watch)
            except Exception:                   # a busy database, a server shutting down: next tick
                log.warning("credential sweep failed", exc_info=True)
