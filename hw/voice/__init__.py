"""Vietnamese voice announcements assembled from a pack of recorded clips.

``open_voice(config)`` → a started VoiceQueue; ``voice.call("1023", 5)`` queues
"Mời công dân có số thứ tự một nghìn không trăm hai mươi ba đến quầy số năm".
"""

from collections.abc import Mapping
from typing import Any

from hw.voice.announce import Announcement, assemble, call_tokens, pack_tokens, sign_name
from hw.voice.audio import AudioOutput, FakeAudio, PygameAudio, open_audio
from hw.voice.numbers import read_digits, read_number, read_ticket
from hw.voice.pack import DEFAULT_PACK, VoicePack, VoicePackError, required_clips
from hw.voice.queue import VoiceQueue

__all__ = ["Announcement", "AudioOutput", "FakeAudio", "PygameAudio", "VoicePack",
           "VoicePackError", "VoiceQueue", "assemble", "call_tokens", "open_audio", "open_voice", "pack_tokens",
           "read_digits", "read_number", "read_ticket", "required_clips", "sign_name"]


def open_voice(config: Mapping[str, Any]) -> VoiceQueue:
    """A voice queue from ``{"backend": "pygame"|"fake", "pack": dir, "zero_tens": "linh",
    "digit_by_digit": false}``; a pack missing clips is refused at start, not mid-call."""
    pack = VoicePack(config.get("pack") or DEFAULT_PACK)
    if missing := pack.missing():
        raise VoicePackError(f"voice pack {pack.directory} lacks {', '.join(missing)}")
    return VoiceQueue(open_audio(config), pack, config.get("zero_tens", "linh"),
                      bool(config.get("digit_by_digit", False)))
