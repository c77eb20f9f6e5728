"""open_voice builds a queue from config and refuses an incomplete pack at start."""

import shutil

import pytest

from hw.voice import VoicePackError, open_voice
from hw.voice.pack import DEFAULT_PACK


def test_open_voice_fake_speaks_calls_in_order():
    voice = open_voice({"backend": "fake", "digit_by_digit": True})
    voice.call("A012", 3)
    voice.call("A012", 3, recall=True)
    voice.close()
    assert len(voice.output.played) == 2 and voice.output.played[0] == voice.output.played[1]


def test_open_voice_incomplete_pack_is_refused(tmp_path):
    shutil.copy(DEFAULT_PACK / "hai.wav", tmp_path)
    with pytest.raises(VoicePackError, match="chime"):
        open_voice({"backend": "fake", "pack": str(tmp_path)})
