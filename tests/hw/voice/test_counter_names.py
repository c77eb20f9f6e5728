"""Calls say what the counter's sign says ("Quầy tổng hợp") when the pack has that name's clip."""

import io
import wave

from display.announcer import Announcer
from hw.voice.announce import Announcement, assemble, call_tokens, pack_tokens, sign_name
from hw.voice.pack import VoicePack, name_token, required_clips


def test_sign_name_is_empty_for_a_plain_number():
    assert sign_name("Quầy 21", 21) == "" and sign_name("", 3) == ""
    assert sign_name("Quầy tổng hợp", 21) == "Quầy tổng hợp"


def test_name_token_is_ascii_telex():
    assert name_token("Quầy tổng hợp") == "ten_quaayf_toongr_howpj"
    assert name_token("Quầy Bưu điện") == "ten_quaayf_buwu_ddieenj"
    assert name_token("Quầy trả kết quả") == "ten_quaayf_trar_keets_quar"


def test_named_counter_tokens_say_the_name():
    a = Announcement("1023", 21, counter_name="Quầy tổng hợp")
    assert call_tokens(a, named=True)[-2:] == ["to", "ten_quaayf_toongr_howpj"]
    assert call_tokens(a)[-3:] == ["to_counter", "hai", "mươi", "mốt"][-3:]


def test_pack_tokens_fall_back_to_the_number_without_the_clip(tmp_path):
    a = Announcement("1023", 21, counter_name="Quầy Lạ")
    assert pack_tokens(a, VoicePack())[-4:] == ["to_counter", "hai", "mươi", "mốt"]
    assert pack_tokens(Announcement("1023", 21, counter_name="Quầy tổng hợp"), VoicePack())[-1] == (
        "ten_quaayf_toongr_howpj")


def test_bundled_pack_has_the_demo_centre_names():
    from queue_server.config import DEMO_CONFIG, load_config
    names = [n for c in load_config(DEMO_CONFIG).counters if (n := sign_name(c.label, c.number))]
    assert names and VoicePack().missing(names) == []
    assert set(required_clips(names)) - set(required_clips()) == {name_token(n) for n in names}


def test_named_call_is_one_wav():
    tokens = pack_tokens(Announcement("A012", 21, counter_name="Quầy tổng hợp"), VoicePack())
    with wave.open(io.BytesIO(assemble(tokens, VoicePack()))) as w:
        assert 3 < w.getnframes() / 22050 < 15


def test_display_announcer_learns_names_from_snapshot_and_config_changes():
    from datetime import datetime
    announcer = Announcer()
    now = datetime.fromisoformat("2026-11-02T09:00:00+07:00")
    centre = {"counters": [{"number": 21, "label": "Quầy tổng hợp"}, {"number": 5, "label": "Quầy 5"}]}
    announcer.on_snapshot({"seq": 1, "centre": centre}, now)
    call = {"seq": 2, "type": "ticket.called", "at": now.isoformat(), "ticket": {"label": "1001", "counter": 21}}
    assert announcer.on_event(call, now)[0].counter_name == "Quầy tổng hợp"
    plain = {**call, "seq": 3, "ticket": {"label": "1002", "counter": 5}}
    assert announcer.on_event(plain, now)[0].counter_name == ""
    renamed = {"seq": 4, "type": "config.changed", "at": now.isoformat(),
               "data": {"centre": {"counters": [{"number": 21, "label": "Quầy một cửa"}]}}}
    announcer.on_event(renamed, now)
    assert announcer.on_event({**call, "seq": 5}, now)[0].counter_name == "Quầy một cửa"
