"""The Flask application factory and the server runner."""
from __future__ import annotations

import secrets
import socket
import threading
from pathlib import Path

from flask import Flask
from flask_socketio import SocketIO
from werkzeug.serving import WSGIRequestHandler

from .config import CentreConfig
from .realtime import register, socketio_options
from .service import QueueService
from .storage import Store
from .storage.files import private_dir, private_file

ROLL_OVER_SECONDS = 30


class NoDelayRequestHandler(WSGIRequestHandler):
    """Werkzeug's handler with Nagle's algorithm off, for in-process test servers only
    (`motcua server` runs gunicorn: wsgi_server.py)."""

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def secret_key(data_dir: Path) -> str:
    """The session-signing key, made once per installation and kept beside the database."""
    path = data_dir / "secret_key"
    if not path.exists() or not path.read_text().strip():
        private_dir(data_dir)
        private_file(path).write_text(secrets.token_urlsafe(48))     # 0600 before the key is in it
    private_file(path)
    return path.read_text().strip()


def create_app(config: CentreConfig, db_path: str | Path, clock=None, secret: str | None = None) -> Flask:
    """Build the app and its Socket.IO server for one centre.

    Each app gets its own SocketIO object (rather than one at module level) so tests and tools can
    run several servers in one process.
    """
    from .admin import register_admin
    from .admin.manage import stored_config
    from .api.json_input import LimitedJSONProvider
    from .api.rest import api
    from .web import web
    from .web.errors import register_error_pages
    from .web.headers import add_security_headers

    app = Flask(__name__, static_folder=None)     # static files are the web blueprint's
    app.config.update(SECRET_KEY=secret or secret_key(Path(db_path).parent),
                      SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      MAX_CONTENT_LENGTH=2 * 1024 * 1024, JSON_AS_ASCII=False)
    app.json = LimitedJSONProvider(app)             # every JSON body parsed within limits (api/json_input.py)
    app.json.ensure_ascii = False
    app.json.sort_keys = False      # keep the order reports give their columns and rows
    store = Store(db_path)
    service = QueueService(stored_config(store, config), store, clock=clock)   # admin edits win over the TOML
    app.extensions["motcua"] = service
    app.register_blueprint(api)
    app.register_blueprint(web)
    from .web.hall import hall                      # hall display and dossier board pages
    app.register_blueprint(hall)
    from .reports_web import reports
    app.register_blueprint(reports)
    from .web.ticket_page import ticket_page        # /t/<id>: the ticket QR's live status page
    app.register_blueprint(ticket_page)
    from .web.help import help_pages                # /help: the Vietnamese user guide (docs/vi)
    app.register_blueprint(help_pages)
    register_error_pages(app)                       # a page for browsers, JSON for /api/ (web/errors.py)
    add_security_headers(app)
    socketio = SocketIO(app, **socketio_options())
    app.extensions["motcua.socketio"] = socketio
    app.extensions["motcua.outbound"] = register(socketio, service)
    register_admin(app, socketio)
    return app


def start_roll_over_timer(service: QueueService, stop: threading.Event) -> threading.Thread:
    """Expire leftovers at midnight even when nobody acts."""
    def loop():
        while not stop.wait(ROLL_OVER_SECONDS):
            try:
                service.roll_over()
            except Exception as exc:  # a failed roll-over is retried next tick
                print(f"roll-over failed: {exc}", flush=True)
    thread = threading.Thread(target=loop, name="roll-over", daemon=True)
    thread.start()
    return thread


def run_server(app: Flask, host: str = "127.0.0.1", port: int = 5000, certfile: str | None = None,
               keyfile: str | None = None, threads: int | None = None) -> None:
    """Serve until SIGTERM or Ctrl+C with gunicorn's threaded worker, in this process
    (wsgi_server.py says why); HTTPS when a certificate and key are given."""
    from .deploy.watchdog import ServerWatchdog
    from .wsgi_server import DEFAULT_THREADS, serve
    stop = threading.Event()
    start_roll_over_timer(app.extensions["motcua"], stop)
    watchdog = ServerWatchdog(app.extensions["motcua"], host, port).start()   # systemd: READY=1, then pings
    try:
        serve(app, host, port, certfile, keyfile, threads or DEFAULT_THREADS)
    finally:
        stop.set()
        watchdog.stop()
        close_connections(app)


def close_connections(app: Flask) -> None:
    """Close every client's connection (they reconnect to the next server)."""
    eio = app.extensions["motcua.socketio"].server.eio
    for sock in list(eio.sockets.values()):
        sock.close(wait=False, abort=True)
