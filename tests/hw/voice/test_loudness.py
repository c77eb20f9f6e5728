"""Every clip of a pack at one level: measured, normalised, checked (the quiet "J" of issue #16)."""

import array
import math
import statistics

import pytest

from hw.voice.build import normalise_pack, read_clip, write_clip
from hw.voice.cli import main as voice_main
from hw.voice.loudness import TOLERANCE_DB, normalise, peak_dbfs, rms_dbfs
from hw.voice.pack import VoicePack, required_clips


def _tone(amplitude: int, n: int = 4000) -> array.array:
    return array.array("h", (int(amplitude * math.sin(i / 5)) for i in range(n)))


def test_rms_of_a_full_scale_sine_is_minus_3_db():
    assert rms_dbfs(_tone(32767)) == pytest.approx(-3.0, abs=0.1)
    assert rms_dbfs(array.array("h", [0] * 100)) == -math.inf


def test_normalise_reaches_the_target_without_clipping():
    quiet = _tone(300)
    assert rms_dbfs(normalise(quiet)) == pytest.approx(-18.0, abs=0.1)
    spiky = array.array("h", [0] * 999 + [20000])      # one click: the peak limit wins
    assert peak_dbfs(normalise(spiky)) <= -0.99


def test_bundled_pack_clips_are_within_tolerance_of_each_other():
    pack = VoicePack()
    levels = {n: rms_dbfs(array.array("h", pack.clip(n).frames)) for n in required_clips() if n != "chime"}
    median = statistics.median(levels.values())
    assert {n: round(v - median, 1) for n, v in levels.items() if abs(v - median) > TOLERANCE_DB} == {}
    assert abs(levels["letter_j"] - median) <= 1      # was 12 dB quieter than the median


def _pack(tmp_path, quiet: str | None = None, leave_out: str | None = None):
    for name in required_clips():
        if name != leave_out:
            write_clip(tmp_path / f"{name}.wav", _tone(200 if name == quiet else 6000))
    return tmp_path


def test_check_reports_a_quiet_clip_and_normalise_mends_it(tmp_path, capsys):
    pack = _pack(tmp_path, quiet="letter_j")
    assert voice_main(["voice", "check", "--pack", str(pack)]) == 1
    assert "letter_j.wav" in capsys.readouterr().out
    normalise_pack(pack)
    assert voice_main(["voice", "check", "--pack", str(pack)]) == 0
    assert rms_dbfs(read_clip(pack / "letter_j.wav")) == pytest.approx(-18.0, abs=0.2)


def test_check_reports_missing_clips_and_named_counters(tmp_path, capsys):
    from queue_server.config import DEMO_CONFIG
    pack = _pack(tmp_path, leave_out="hai")
    assert voice_main(["voice", "check", "--pack", str(pack), "--config", str(DEMO_CONFIG)]) == 1
    out = capsys.readouterr().out
    assert "hai.wav" in out and "ten_quaayf_toongr_howpj.wav («Quầy tổng hợp»): thiếu tệp ghi âm" in out


def test_script_lists_every_clip_with_its_words(capsys):
    from queue_server.config import DEMO_CONFIG
    assert voice_main(["voice", "script", "--config", str(DEMO_CONFIG)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "ten_quaayf_toongr_howpj.wav,Quầy tổng hợp" in lines and "letter_j.wav,gi" in lines
    assert "call_ticket.wav,Mời công dân có số thứ tự" in lines
