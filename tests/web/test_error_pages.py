"""Every page a person sees answers an error with a plain bilingual page saying what to do; API
clients keep their JSON (issue #16). One mechanism: queue_server/web/errors.py + error.html."""
import pytest
import socketio
from playwright.sync_api import expect

from tests.conftest import screenshots_dir

from .helpers import open_console

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
SCRIPT = {"Accept": "*/*"}


def _logged_in(centre, role="officer"):
    client = centre.app.test_client()
    username, password = centre.officer("hoa" if role == "officer" else "giamsat", role=role)
    token = centre.login_token(username, password)
    with client.session_transaction() as session:
        session["token"] = token
    return client


def _is_error_page(answer, status, *words):
    text = answer.get_data(as_text=True)
    assert answer.status_code == status, text[:300]
    assert answer.mimetype == "text/html", answer.mimetype
    assert 'id="error-message"' in text and "{'" not in text and '{"' not in text
    for word in words:
        assert word in text, (word, text[:600])
    return text


def test_officer_opening_admin_gets_a_page_with_the_way_back(centre):
    client = _logged_in(centre)
    for path in ("/admin/", "/admin/officers", "/admin/reports/"):
        text = _is_error_page(client.get(path, headers=BROWSER), 403,
                              "Trang này dành cho quản trị viên", 'href="/console"')
        assert 'action="/logout"' in text                  # sign out to use another account


def test_unknown_page_bad_request_and_too_large_are_pages_for_a_browser(centre):
    client = centre.app.test_client()
    _is_error_page(client.get("/khong-co-trang-nay", headers=BROWSER), 404, "Không tìm thấy trang này",
                   'href="/login"')
    _is_error_page(client.get("/help/khong-co", headers=BROWSER), 404, "Không tìm thấy trang này")
    _is_error_page(client.post("/login", data=b"x" * (3 * 1024 * 1024), headers=BROWSER,
                               content_type="application/x-www-form-urlencoded"), 413, "quá lớn")
    _is_error_page(client.post("/console", headers=BROWSER), 405, "Phương thức không được hỗ trợ")


def test_bad_report_period_is_a_page_with_the_picker_link(centre):
    client = _logged_in(centre, role="admin")
    text = _is_error_page(client.get("/admin/reports/satisfaction?kind=month&year=2026&number=13", headers=BROWSER),
                          400, "Kỳ báo cáo không hợp lệ", 'href="/admin/reports/"')
    assert "Chọn lại kỳ báo cáo" in text
    far = client.get("/admin/reports/queue?kind=custom&from=2000-01-01&to=2026-01-01", headers=BROWSER)
    _is_error_page(far, far.status_code, 'href="/admin/reports/"')
    assert 400 <= far.status_code < 500


def test_api_clients_keep_json(centre):
    client = _logged_in(centre)
    for path, status in (("/api/khong-co", 404), ("/admin/", 403)):
        for headers in (SCRIPT, {}):
            answer = client.get(path, headers=headers)
            assert answer.status_code == status and answer.is_json, (path, headers)
            assert set(answer.get_json()["error"]) == {"code", "message", "message_en"}
    answer = client.get("/api/khong-co", headers=BROWSER)           # /api/ is JSON even for a browser
    assert answer.is_json and answer.status_code == 404
    admin = _logged_in(centre, role="admin")
    far = admin.get("/admin/reports/queue.json?kind=custom&from=2000-01-01&to=2026-01-01", headers=SCRIPT)
    assert far.is_json and far.get_json()["error"]["message_en"]


def test_unexpected_failure_of_a_page_is_a_page(centre, monkeypatch):
    """A page whose view crashes (here: its template is gone) says so in both languages."""
    client = centre.app.test_client()
    monkeypatch.setattr(centre.app.jinja_env.loader, "get_source", _missing_template(centre.app.jinja_env.loader))
    centre.app.jinja_env.cache.clear()
    answer = client.get("/", headers=BROWSER)
    assert answer.status_code == 500
    assert "Máy chủ gặp lỗi ngoài dự kiến" in answer.get_data(as_text=True)


def _missing_template(loader):
    real = loader.get_source

    def get_source(env, name):
        if name == "home.html":
            from jinja2 import TemplateNotFound
            raise TemplateNotFound(name)
        return real(env, name)
    return get_source


def test_socketio_refusal_is_a_clean_message_for_every_client(live_centre):
    """A refused connection carries {code, message, message_en} as data, not a dict's repr."""
    refused = {}
    sio = socketio.Client(reconnection=False)

    @sio.on("connect_error", namespace="/display")
    def on_error(data):
        refused.update(data if isinstance(data, dict) else {"raw": data})

    with pytest.raises(socketio.exceptions.ConnectionError) as err:
        sio.connect(live_centre.url, namespaces=["/display"], transports=["websocket"],
                    auth={"token": "forged"}, wait_timeout=5)
    sio.disconnect()
    assert "{'" not in str(err.value) and "'code'" not in str(err.value)
    assert refused["message"] == refused["data"]["message"] and "{" not in refused["message"], refused
    assert refused["data"]["code"] == "unauthenticated" and refused["data"]["message_en"], refused


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/hall", "/board"])
def test_hall_and_board_with_a_bad_token_say_it_plainly(live_centre, page, path):
    page.goto(f"{live_centre.url}{path}#token=forged-token")
    message = page.locator("#message")
    expect(message).to_be_visible()
    expect(message).not_to_have_text("")
    text = message.text_content()
    assert "{" not in text and "'code'" not in text and "unauthenticated" not in text, text
    assert " / " in text                                            # Vietnamese / English
    kiosk = live_centre.device("kiosk-1", "kiosk")
    page.goto(f"{live_centre.url}{path}?x=1#token={kiosk}")
    expect(message).to_contain_text("Sai vai trò cho kênh này / Role kiosk may not join /display")
    expect(message).to_contain_text("--role display")                 # what to do
    page.screenshot(path=str(screenshots_dir() / f"error{path.replace('/', '-')}-bad-token.png"))


@pytest.mark.browser
def test_officer_opening_admin_in_a_browser(live_centre, page):
    open_console(page, live_centre)
    page.goto(live_centre.url + "/admin/")
    expect(page.locator("#error-message .vi")).to_contain_text("Trang này dành cho quản trị viên")
    page.screenshot(path=str(screenshots_dir() / "error-admin-for-officer.png"))
    page.click("text=Về màn hình quầy")
    page.wait_for_url("**/console")
