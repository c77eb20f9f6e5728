"""The same checks against the fake audio output and pygame.mixer (SDL dummy driver)."""

import os
import time

import pytest

from hw.errors import UnknownBackend
from hw.voice.announce import assemble
from hw.voice.audio import FakeAudio, open_audio
from hw.voice.pack import VoicePack


@pytest.fixture(params=["fake", "pygame"])
def audio(request):
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    out = open_audio({"backend": request.param})
    yield out
    out.close()


def test_audio_play_blocks_until_each_sound_ends(audio):
    wav = assemble(["hai", "ba"], VoicePack())
    seconds = (len(wav) - 44) / 2 / 22050
    start = time.monotonic()
    audio.play(wav)
    audio.play(wav)
    if isinstance(audio, FakeAudio):
        assert audio.played == [wav, wav]
    else:
        assert time.monotonic() - start >= 2 * seconds * 0.8


def test_open_audio_unknown_backend_is_clear():
    with pytest.raises(UnknownBackend, match="pygame"):
        open_audio({"backend": "alsa"})
