"""The bundled voice pack: telex file names, every clip present and in one format."""

import pytest

from hw.voice.pack import VoicePack, VoicePackError, clip_name, telex


@pytest.mark.parametrize("word, name", [
    ("mười", "muwowif"), ("mươi", "muwowi"), ("một", "mootj"), ("mốt", "moots"),
    ("nghìn", "nghinf"), ("không", "khoong"), ("lăm", "lawm"), ("đến", "ddeens"),
])
def test_telex_names_are_unique_ascii(word, name):
    assert telex(word) == name


def test_clip_name_keeps_phrase_and_letter_ids():
    assert clip_name("chime") == "chime" and clip_name("letter_a") == "letter_a"


def test_pack_bundled_is_complete():
    assert VoicePack().missing() == []


def test_pack_clip_is_not_silent():
    frames = VoicePack().clip("mười").frames
    assert len(frames) > 2000 and max(frames) > 100


def test_pack_rejects_wrong_format(tmp_path):
    import wave
    with wave.open(str(tmp_path / "hai.wav"), "wb") as w:
        w.setnchannels(2), w.setsampwidth(2), w.setframerate(44100)
        w.writeframes(b"\0" * 400)
    with pytest.raises(VoicePackError):
        VoicePack(tmp_path).clip("hai")


def test_pack_missing_clip_is_typed_error(tmp_path):
    with pytest.raises(VoicePackError):
        VoicePack(tmp_path).clip("ba")
