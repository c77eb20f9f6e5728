"""How the server is reached: HTTPS served by itself, or behind a reverse proxy that does TLS.

With TLS on, the session cookie gets `Secure` (never sent over plain HTTP) and the centre's CA
certificate is offered at /api/tls/ca.pem for devices to pin while pairing (deploy/tls.py).
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def secure_transport(app: Flask, certfile: str | None = None, keyfile: str | None = None,
                     proxy: bool = False) -> bool:
    """Configure `app` for how it is served; True when clients reach it over HTTPS."""
    if bool(certfile) != bool(keyfile):
        raise SystemExit("motcua: --tls-cert and --tls-key go together")
    for path in (certfile, keyfile):
        if path and not Path(path).is_file():
            raise SystemExit(f"motcua: no such file: {path} (make it with: motcua tls init)")
    if proxy:
        # One reverse proxy on this machine: trust its X-Forwarded-For/-Proto/-Host, one hop only,
        # so login throttling sees the real client address.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    https = bool(certfile) or proxy
    app.config["SESSION_COOKIE_SECURE"] = https
    if certfile:
        ca = Path(certfile).with_name("ca.pem")
        app.config["MOTCUA_TLS_CA"] = str(ca) if ca.is_file() else None
    return https
