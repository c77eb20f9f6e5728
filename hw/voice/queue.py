"""The voice queue: announcements play one after another in a background thread, never overlapping."""

import logging
import queue
import threading

from hw.voice.announce import Announcement, assemble, pack_tokens
from hw.voice.audio import AudioOutput
from hw.voice.pack import VoicePack

log = logging.getLogger(__name__)
_STOP = object()


class VoiceQueue:
    """Queues calls and plays each to the end before the next; recalls are announced again.

    >>> with VoiceQueue(FakeAudio(), VoicePack()) as voice:   # doctest: +SKIP
    ...     voice.announce(Announcement("1023", 5))
    """

    def __init__(self, output: AudioOutput, pack: VoicePack, zero_tens: str = "linh",
                 digit_by_digit: bool = False):
        self.output = output
        self.pack = pack
        self.zero_tens = zero_tens
        self.digit_by_digit = digit_by_digit
        self._items: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="voice-queue", daemon=True)
        self._thread.start()

    def announce(self, announcement: Announcement) -> None:
        """Queue a call; it plays after every call queued before it."""
        self._items.put(announcement)

    def call(self, ticket: str, counter: int, recall: bool = False, counter_name: str = "") -> None:
        """Queue "Mời công dân có số thứ tự <ticket> đến quầy số <counter>" (or "… đến <counter_name>")."""
        self.announce(Announcement(ticket, counter, recall, self.digit_by_digit, counter_name))

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until everything queued so far has played; False on timeout."""
        done = threading.Event()
        self._items.put(done)
        return done.wait(timeout)

    def close(self, timeout: float | None = 5.0) -> None:
        """Play what is queued, stop the thread, then close the audio output."""
        if self._thread.is_alive():
            self._items.put(_STOP)
            self._thread.join(timeout)
        self.output.close()

    def _run(self) -> None:
        """The worker: play items in order until the stop marker."""
        while (item := self._items.get()) is not _STOP:
            if isinstance(item, threading.Event):
                item.set()
            else:
                self._play(item)

    def _play(self, announcement: Announcement) -> None:
        """Assemble and play one call; a bad clip or audio fault is logged, not fatal."""
        try:
            self.output.play(assemble(pack_tokens(announcement, self.pack, self.zero_tens), self.pack))
        except Exception:
            log.exception("announcement %s failed", announcement)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
