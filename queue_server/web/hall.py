"""Hall call display and dossier board as web pages, for smart TVs with a browser.

The pages need no login: a display device's token is put in the URL *fragment*
(`/hall#token=…`), which the browser never sends to the server (so it stays out of logs and
proxies); the page's JavaScript passes it as the Socket.IO `auth` of the `/display` namespace,
where the server checks it like any device's. Without a valid display token the page shows
nothing but a message. The announcement WAV is assembled here by `hw.voice` (the same clips as
the pygame display) and played by the page through an <audio> element.
"""
from __future__ import annotations

import re
from functools import lru_cache

from flask import Blueprint, Response, abort, current_app, render_template, request

from hw.voice import Announcement, VoicePack, assemble, pack_tokens, sign_name

hall = Blueprint("hall", __name__, template_folder="templates")

LABEL = re.compile(r"^[A-Z]{0,2}[0-9]{1,6}$")


def _centre():
    return current_app.extensions["motcua"].config.centre


def _page(template: str):
    notice = request.args.get("notice", "")[:500]
    html = render_template(template, centre=_centre(), notice=notice)
    response = current_app.make_response(html)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@hall.get("/hall")
def hall_page():
    """The hall call display (1920×1080 layout); token in the fragment: /hall#token=…"""
    return _page("hall.html")


@hall.get("/board")
def board_page():
    """The dossier status board; token in the fragment: /board#token=…"""
    return _page("board.html")


@lru_cache(maxsize=1)
def _pack() -> VoicePack:
    return VoicePack()


@lru_cache(maxsize=256)
def announcement_wav(label: str, counter: int, recall: bool, counter_name: str = "") -> bytes:
    """"Mời công dân có số thứ tự <label> đến quầy số <counter>" (or "… đến <counter_name>", what the
    counter's sign says) with the chime, as one WAV."""
    return assemble(pack_tokens(Announcement(label, counter, recall, counter_name=counter_name), _pack()), _pack())


def _sign_name(number: int) -> str:
    """The counter's sign name in the live configuration ("" for a plain "Quầy <number>")."""
    config = current_app.extensions["motcua"].config
    counter = next((c for c in config.counters if c.number == number), None)
    return sign_name(counter.label, number) if counter else ""


@hall.get("/hall/announce.wav")
def announce_wav():
    """The spoken call for a number and a counter (public: it says what the loudspeaker says)."""
    label = request.args.get("label", "").upper()
    counter = request.args.get("counter", type=int)
    if not LABEL.match(label) or counter is None or not 1 <= counter <= 999:
        abort(400)
    wav = announcement_wav(label, counter, request.args.get("recall") == "1", _sign_name(counter))
    return Response(wav, mimetype="audio/wav", headers={"Cache-Control": "public, max-age=600"})  # a renamed counter is heard within minutes
