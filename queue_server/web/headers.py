"""Security headers on every response the server sends (pages, API, static files, photos).

The pages load scripts, styles, images, sounds and the Socket.IO connection from the server itself
only (no CDN, no inline script: the JSON data blocks in pages are not scripts), so the policy
below can forbid everything else. A file uploaded as a photo is only ever an image: `nosniff`
stops a browser from running a PNG/HTML polyglot as a page.
"""
from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "media-src 'self'", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
])

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # no-referrer: a ticket's status page address (/t/<id>) is its only secret
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_security_headers(app: Flask) -> None:
    """Set the headers on every response (a view that sets one of them keeps its own)."""
    @app.after_request
    def secure(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response
