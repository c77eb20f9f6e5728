"""The hall page in a real Chromium: live over Socket.IO with a display token, group only, voice."""
import io
import re
import wave

import pytest

from ..helpers import SCREENSHOTS
from ..live import Officers
from .helpers import FULL_HD

pytestmark = pytest.mark.browser


def test_web_hall_shows_group_calls_live(live_centre, new_page):
    officers = Officers(live_centre)
    officers.open(1, 2, 3, 7)
    officers.issue("stp-hotich", 3)
    officers.issue("stc-dkkd", 1)
    officers.issue("snnmt-datdai", 1)
    officers.act("call_next", 2)
    token = live_centre.device("tv-a", "display", group="A")
    page = new_page(FULL_HD)
    page.goto(f"{live_centre.url}/hall?notice=Giờ làm việc: 7h00–11h30, 13h30–17h00#token={token}")
    page.locator(".row[data-counter='2'] .ticket", has_text="1001").wait_for()
    assert "token" not in page.url                              # taken off the address bar
    assert page.locator(".row").count() == 8                    # room A: 1–6, 22, 23
    officers.act("call_next", 7)                                # room B: not here
    officers.act("call_next", 1)
    officers.act("call_next", 3)
    page.locator(".headline.flashing .call").nth(1).wait_for()
    numbers = page.locator(".headline .number").all_text_contents()
    assert numbers == ["2001", "1002"]
    assert page.locator(".row.fresh").count() == 2
    assert page.locator("#recent li b").all_text_contents()[:3] == ["2001", "1002", "1001"]
    assert re.match(r"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d/\d\d/\d{4} \d\d:\d\d$",
                    page.locator("#clock").text_content())
    audio = page.evaluate("window.motcuaHall.audio")
    assert audio["played"] + len(audio["queue"]) + int(audio["playing"]) >= 2   # queued or played
    page.screenshot(path=f"{SCREENSHOTS}/display-web-hall.png")


def test_web_hall_without_token_says_so(live_centre, page):
    page.goto(f"{live_centre.url}/hall")
    page.locator("#message", has_text="Thiếu mã thiết bị").wait_for()


def test_web_hall_refuses_a_non_display_token(live_centre, page):
    kiosk = live_centre.device("kiosk-1", "kiosk")
    page.goto(f"{live_centre.url}/hall#token={kiosk}")
    page.locator("#message", has_text="Sai vai trò").wait_for()


def test_web_hall_announcement_wav(live_centre):
    import urllib.request
    with urllib.request.urlopen(f"{live_centre.url}/hall/announce.wav?label=A012&counter=5") as got:
        assert got.headers["Content-Type"] == "audio/wav"
        with wave.open(io.BytesIO(got.read())) as w:
            assert w.getframerate() == 22050 and w.getnframes() > 22050      # chime + words: over a second
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{live_centre.url}/hall/announce.wav?label=<x>&counter=5")


def test_web_hall_announcement_says_the_counter_sign_name(live_centre):
    """Counter 21 of the demo centre is "Quầy tổng hợp": the call says that, not "quầy số hai mươi mốt"."""
    import urllib.request

    from hw.voice import Announcement, VoicePack, assemble, call_tokens
    with urllib.request.urlopen(f"{live_centre.url}/hall/announce.wav?label=A012&counter=21") as got:
        body = got.read()
    named = Announcement("A012", 21, counter_name="Quầy tổng hợp")
    assert body == assemble(call_tokens(named, named=True), VoicePack())
    assert body != assemble(call_tokens(named), VoicePack())
