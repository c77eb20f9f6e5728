"""Audio outputs that play one WAV to the end: pygame.mixer for real, a recorder for tests."""

from abc import ABC, abstractmethod
import io
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from hw.backends import choose_backend
from hw.errors import DeviceNotFound


class AudioOutput(ABC):
    """Plays a WAV (bytes) and returns when it has finished; ``close()`` releases the device."""

    @abstractmethod
    def play(self, wav: bytes) -> None:
        """Play ``wav`` to the end (blocking)."""

    def close(self) -> None:
        """Release the audio device; safe to call twice."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class FakeAudio(AudioOutput):
    """Records every WAV it was given, in order.

    >>> out = FakeAudio(); out.play(b"RIFF..."); out.played
    [b'RIFF...']
    """

    def __init__(self, delay: float = 0.0, sleep: Callable[[float], None] = time.sleep):
        self.played: list[bytes] = []
        self.delay = delay
        self._sleep = sleep
        self.playing = threading.Event()

    def play(self, wav: bytes) -> None:
        """Record ``wav``; if ``delay`` is set, stay "playing" that long (to test overlap)."""
        self.playing.set()
        self._sleep(self.delay)
        self.played.append(wav)
        self.playing.clear()


class PygameAudio(AudioOutput):
    """pygame.mixer output at the voice pack's format (22050 Hz mono 16-bit).

    >>> with PygameAudio() as out:   # doctest: +SKIP
    ...     out.play(open("docs/samples/announcement.wav", "rb").read())
    """

    def __init__(self, poll: float = 0.02, sleep: Callable[[float], None] = time.sleep):
        import pygame

        self._pygame = pygame
        self._poll = poll
        self._sleep = sleep
        try:
            pygame.mixer.init(frequency=22050, size=-16, channels=1)
        except pygame.error as exc:
            raise DeviceNotFound(str(exc), message_vi="Không mở được loa") from exc

    def play(self, wav: bytes) -> None:
        """Play and wait until the channel is idle."""
        sound = self._pygame.mixer.Sound(file=io.BytesIO(wav))
        channel = sound.play()
        while channel is not None and channel.get_busy():
            self._sleep(self._poll)

    def close(self) -> None:
        """Quit the mixer."""
        self._pygame.mixer.quit()


def open_audio(config: Mapping[str, Any]) -> AudioOutput:
    """Audio output named by ``config["backend"]``: "pygame" or "fake"."""
    return choose_backend("audio", config, {
        "pygame": lambda c: PygameAudio(),
        "fake": lambda c: FakeAudio(),
    })
