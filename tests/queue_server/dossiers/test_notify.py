"""Result-ready notices: template, log-only default, HTTP gateway, config checks."""
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from queue_server.config import DossierNotify
from queue_server.dossiers.notify import HttpNotifier, LogNotifier, make_notifier, render

from .conftest import make_dossier


def test_notify_render_template():
    text = render("Hồ sơ {code} ({procedure}) tại {department}, hẹn {due_date}. {unknown}", make_dossier(),
                  "Sở Tư pháp", "TTPVHCC")
    assert text == ("Hồ sơ 000.17.22.H56-261120-0001 (Cấp phiếu lý lịch tư pháp) tại Sở Tư pháp, hẹn 27/11/2026. "
                    "{unknown}")


class _Lines(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@pytest.fixture
def log_lines():
    logger, handler = logging.getLogger("motcua.dossiers.notify"), _Lines()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler.lines
    logger.removeHandler(handler)


def test_notify_log_default_masks_phone(log_lines):
    notifier = make_notifier(DossierNotify(), "TTPVHCC")
    assert isinstance(notifier, LogNotifier)
    assert notifier.result_ready(make_dossier(), "Sở Tư pháp")
    assert "091****678" in log_lines[0] and "0912345678" not in log_lines[0]
    assert notifier.result_ready(make_dossier(phone=""), "Sở Tư pháp") is False


def test_notify_http_gateway_posts_json():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.headers["Authorization"], json.loads(body)))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.handle_request, daemon=True).start()
    notifier = HttpNotifier("{code} xong", "TT", f"http://127.0.0.1:{server.server_port}/sms", token="k")
    assert notifier.deliver("0912345678", "A-1 xong", "A-1")
    server.server_close()
    assert received == [("Bearer k", {"phone": "0912345678", "message": "A-1 xong", "code": "A-1"})]


def test_notify_http_failure_is_logged_not_raised(log_lines):
    notifier = HttpNotifier("{code}", "TT", "http://127.0.0.1:9/none", timeout=0.5)
    assert notifier.deliver("0912345678", "x", "A-1") is False
    assert log_lines and log_lines[0].startswith("result-ready notice for A-1 failed")


def test_notify_http_needs_url():
    with pytest.raises(ValueError):
        DossierNotify(kind="http")
