"""The production HTTP server: gunicorn's threaded worker (gthread), serving in this process.

Flask-SocketIO documents gunicorn with threads for its threading mode (websockets through
simple-websocket); each websocket holds one of the worker's threads, so `threads` bounds the
connected clients. We run the worker without gunicorn's forking arbiter because a centre's queue
lives in this process: the SQLite connections, the engine's state, the outbound dispatcher, the
systemd watchdog thread (Type=notify, NotifyAccess=main) and the demo's simulator must all be in
the one process that serves, and a database connection must never cross a fork. systemd (or the
demo) supervises the process instead of an arbiter.

Why not gevent (the other documented production choice): a `synchronous=FULL` commit costs about
6 ms on this machine, and SQLite's calls would block the gevent hub, stalling every connection
for each commit; threads release the GIL while SQLite waits on the disk.
"""
from __future__ import annotations

import logging
import os
import queue
import signal
import socket
import threading
from concurrent.futures import Future

from gunicorn import sock as gunicorn_sock
from gunicorn.config import Config
from gunicorn.glogging import Logger
from gunicorn.workers.gthread import ThreadWorker

DEFAULT_THREADS = 1500        # ≥ the clients of a 400-counter building (consoles, displays, tablets)
KEEPALIVE_SECONDS = 5


class NoDelay:
    """WSGI middleware: Nagle's algorithm off on every connection's socket.

    A Socket.IO answer is often two small frames (the event, then the acknowledgement); with Nagle
    on, the second waits for the client's delayed ACK (measured 48 ms per ticket, 4.9 ms without).
    gunicorn sets TCP_NODELAY on its listener; this makes it hold per connection whatever the
    platform inherits.
    """

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        sock = environ.get("gunicorn.socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        return self.app(environ, start_response)


class DaemonPool:
    """A bounded thread pool (at most `max_workers` threads, made on demand) whose threads do not
    hold the process open at exit: a websocket's thread lives as long as its client."""

    def __init__(self, max_workers: int):
        self.max_workers = max_workers
        self.threads: list[threading.Thread] = []
        self.idle = 0
        self.work: queue.SimpleQueue = queue.SimpleQueue()
        self.lock = threading.Lock()

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        self.work.put((future, fn, args))
        with self.lock:
            if self.idle <= 0 and len(self.threads) < self.max_workers:
                thread = threading.Thread(target=self._loop, name=f"http-{len(self.threads)}", daemon=True)
                self.threads.append(thread)
                thread.start()
            else:
                self.idle -= 1
        return future

    def _loop(self) -> None:
        while True:
            item = self.work.get()
            if item is None:
                return
            future, fn, args = item
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args))
                except BaseException as exc:       # handed to gunicorn through the future
                    future.set_exception(exc)
            with self.lock:
                self.idle += 1

    def shutdown(self, wait: bool = False) -> None:
        for _ in self.threads:
            self.work.put(None)


class Worker(ThreadWorker):
    """gunicorn's gthread worker with a DaemonPool, stopping like the process that runs it:
    Ctrl+C (SIGINT) stops as gracefully as SIGTERM, and handlers the caller installed (the
    demo's SIGHUP clean-up) are kept."""

    def get_thread_pool(self):
        return DaemonPool(self.cfg.threads)

    def init_signals(self):
        kept = {sig: signal.getsignal(sig) for sig in (signal.SIGHUP,)}
        super().init_signals()
        signal.signal(signal.SIGINT, self.handle_exit)
        for sig, handler in kept.items():
            if callable(handler):
                signal.signal(sig, handler)


class _Loaded:
    """What gunicorn's worker asks for its WSGI application."""

    def __init__(self, wsgi):
        self.wsgi_app = wsgi

    def wsgi(self):
        return self.wsgi_app


def server_config(host: str, port: int, certfile: str | None = None, keyfile: str | None = None,
                  threads: int = DEFAULT_THREADS) -> Config:
    """gunicorn settings for the centre server (TLS when a certificate and key are given)."""
    cfg = Config()
    settings = {"bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
                "worker_class": "gthread", "workers": 1, "threads": threads,
                "worker_connections": threads + 100, "keepalive": KEEPALIVE_SECONDS,
                "timeout": 0, "graceful_timeout": 2, "accesslog": None, "errorlog": "-",
                "loglevel": "warning"}
    if certfile and keyfile:
        settings.update(certfile=str(certfile), keyfile=str(keyfile))
    for key, value in settings.items():
        cfg.set(key, value)
    return cfg


def serve(wsgi, host: str, port: int, certfile: str | None = None, keyfile: str | None = None,
          threads: int = DEFAULT_THREADS) -> None:
    """Serve `wsgi` until SIGTERM (graceful) or SIGINT/SIGQUIT; returns after a graceful stop."""
    cfg = server_config(host, port, certfile, keyfile, threads)
    log = Logger(cfg)
    logging.getLogger("gunicorn.error").setLevel(logging.WARNING)
    listeners = gunicorn_sock.create_sockets(cfg, log)
    worker = Worker(1, os.getppid(), listeners, _Loaded(NoDelay(wsgi)), cfg.timeout or 3600, cfg, log)
    try:
        worker.init_process()           # runs the worker's loop; ends with SystemExit
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise
    finally:
        for listener in listeners:
            listener.close()
