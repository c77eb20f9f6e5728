"""The simulated devices `motcua demo` starts beside the server, each as its own process.

Each device app adds one function to DEVICE_LAUNCHERS: given the server URL and the seeded
accounts (see people.seed_accounts), it returns the argv of one or more processes to start, e.g.
`[sys.executable, "-m", "queue_server.cli", "kiosk", "--server", url, "--token", token, "--demo"]`.
"""
from __future__ import annotations

import os
import sys
from typing import Callable

Launcher = Callable[[str, dict], list[list[str]]]

DEVICE_LAUNCHERS: list[Launcher] = []


def device_commands(url: str, seeded: dict) -> list[list[str]]:
    return [argv for launcher in DEVICE_LAUNCHERS for argv in launcher(url, seeded)]


def has_screen() -> bool:
    """A desktop session to open windows in (else the device apps run headless)."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def device_environment() -> dict[str, str]:
    """The device processes' environment: without a screen there is nobody to hear them either,
    so SDL's dummy audio driver spares the console ALSA's complaints about missing sound cards."""
    return os.environ | ({} if has_screen() else {"SDL_AUDIODRIVER": "dummy"})


def _app(command: str, url: str, token: str, *options: str) -> list[str]:
    argv = [sys.executable, "-m", "queue_server.cli", command, "--server", url, "--token", token, *options]
    return argv + ([] if has_screen() else ["--headless"])


def _rating_terminal(url: str, seeded: dict) -> list[list[str]]:
    """One rating tablet at counter 1, where the human plays the officer."""
    from .people import DEMO_TERMINAL_COUNTER as counter
    token = seeded.get("terminal_tokens", {}).get(counter)
    if not token:
        return []
    return [_app("terminal", url, token, "--counter", str(counter), "--outbox", f"var/demo-terminal-{counter}-outbox.db")]


def _kiosk(url: str, seeded: dict) -> list[list[str]]:
    """One ticket kiosk with the fake printer and scanner, in a window."""
    token = seeded.get("tokens", {}).get("kiosk")
    return [_app("kiosk", url, token, "--demo", "--windowed")] if token else []


def _hall_display(url: str, seeded: dict) -> list[list[str]]:
    """The hall call display (all counters) with fake audio, in a window. The same display is also
    a web page: its address is printed for a browser or smart TV."""
    token = seeded.get("tokens", {}).get("display")
    if not token:
        return []
    print(f"  Màn hình gọi số / hall display (web): {url}/hall#token={token}\n"
          f"  Bảng tình trạng hồ sơ / dossier board (web): {url}/board#token={token}", flush=True)
    return [_app("display", url, token, "--demo", "--windowed")]


DEVICE_LAUNCHERS.extend([_rating_terminal, _kiosk, _hall_display])
