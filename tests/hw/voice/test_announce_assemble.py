"""Assembling an announcement into one WAV from the voice pack."""

import io
import wave

from hw.voice.announce import Announcement, assemble, call_tokens
from hw.voice.pack import VoicePack


def test_call_tokens_chime_phrase_number_counter():
    assert call_tokens(Announcement("1023", 5)) == [
        "chime", "call_ticket", "một", "nghìn", "không", "trăm", "hai", "mươi", "ba",
        "to_counter", "năm"]


def test_assemble_is_one_wav_in_pack_format_longer_than_its_clips():
    pack = VoicePack()
    tokens = call_tokens(Announcement("A012", 15))
    wav = assemble(tokens, pack)
    with wave.open(io.BytesIO(wav)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (22050, 1, 2)
        clip_frames = sum(len(pack.clip(t).frames) for t in tokens) // 2
        assert w.getnframes() > clip_frames
        assert 3 < w.getnframes() / 22050 < 15


def test_assemble_ends_with_a_pause_between_calls():
    wav = assemble(["hai"], VoicePack())
    with wave.open(io.BytesIO(wav)) as w:
        frames = w.readframes(w.getnframes())
    assert frames[-22050:] == b"\x00" * 22050
