"""The voice queue plays calls in order, one at a time, and repeats recalls."""

import io
import threading
import wave

from hw.voice.announce import Announcement, assemble, call_tokens
from hw.voice.audio import FakeAudio
from hw.voice.pack import VoicePack
from hw.voice.queue import VoiceQueue


class OverlapCheckingAudio(FakeAudio):
    """Fails the test if play() is entered while another play() runs."""

    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()
        self.overlaps = 0

    def play(self, wav):
        if not self.lock.acquire(blocking=False):
            self.overlaps += 1
            return
        try:
            threading.Event().wait(0.01)
            super().play(wav)
        finally:
            self.lock.release()


def test_queue_plays_in_order_without_overlap_and_repeats_recall():
    pack, out = VoicePack(), OverlapCheckingAudio()
    calls = [Announcement("1", 1), Announcement("2", 2), Announcement("2", 2, recall=True)]
    with VoiceQueue(out, pack) as voice:
        for call in calls:
            voice.announce(call)
        assert voice.wait_idle(10)
    assert out.overlaps == 0
    assert out.played == [assemble(call_tokens(c), pack) for c in calls]


def test_queue_close_plays_what_was_queued_then_stops():
    out = FakeAudio()
    voice = VoiceQueue(out, VoicePack())
    voice.announce(Announcement("7", 3))
    voice.close()
    assert len(out.played) == 1 and not voice._thread.is_alive()


def test_queue_survives_a_bad_announcement(tmp_path):
    out = FakeAudio()
    with VoiceQueue(out, VoicePack(tmp_path)) as voice:
        voice.announce(Announcement("7", 3))
        assert voice.wait_idle(5)
    assert out.played == []


def test_queue_wav_is_the_pack_format():
    out = FakeAudio()
    with VoiceQueue(out, VoicePack()) as voice:
        voice.announce(Announcement("15", 2))
    with wave.open(io.BytesIO(out.played[0])) as w:
        assert w.getframerate() == 22050
