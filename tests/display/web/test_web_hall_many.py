"""The hall page with 44 counters in one group: every row fits on a 1920×1080 screen."""
import threading

import pytest
from werkzeug.serving import make_server

from queue_server.app import create_app
from queue_server.setup import add_device

from ..helpers import SCREENSHOTS, big_config
from .helpers import FULL_HD

pytestmark = pytest.mark.browser


@pytest.fixture
def big_server(tmp_path):
    config = big_config(44)
    app = create_app(config, tmp_path / "big.db", secret="test-secret")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield app, config, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    app.extensions["motcua"].store.close()


def test_web_hall_many_counters_fit(big_server, new_page):
    app, config, url = big_server
    service = app.extensions["motcua"]
    for c in config.counters[:30]:
        service.execute(lambda now, c=c: service.engine.open_counter(c.number, 500 + c.number, f"Cán bộ {c.number}", now))
        service.execute(lambda now, c=c: service.engine.issue(c.services[0], now))
        service.execute(lambda now, c=c: service.engine.call_next(c.number, now))
    token = add_device(config, None, "tv-all", "display", store=service.store)
    page = new_page(FULL_HD)
    page.goto(f"{url}/hall#token={token}")
    page.locator(".row[data-counter='30'] .ticket").filter(has_not_text="—").wait_for()
    rows = page.locator(".row")
    assert rows.count() == 44
    for i in (0, 43):
        box = rows.nth(i).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 1080 - 70 and box["height"] >= 24
    page.screenshot(path=f"{SCREENSHOTS}/display-web-hall-40.png")
