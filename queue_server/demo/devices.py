"""The simulated devices `motcua demo` starts beside the server, each as its own process.

Each device app adds one function to DEVICE_LAUNCHERS: given the server URL and the seeded
accounts (see people.seed_accounts), it returns the argv of one or more processes to start, e.g.
`[sys.executable, "-m", "queue_server.cli", "kiosk", "--server", url, "--token", token, "--demo"]`.
"""
from __future__ import annotations

from typing import Callable

Launcher = Callable[[str, dict], list[list[str]]]

DEVICE_LAUNCHERS: list[Launcher] = []


def device_commands(url: str, seeded: dict) -> list[list[str]]:
    return [argv for launcher in DEVICE_LAUNCHERS for argv in launcher(url, seeded)]


def _rating_terminal(url: str, seeded: dict) -> list[list[str]]:
    """One rating tablet at counter 1, where the human plays the officer; headless without a screen."""
    import os
    import sys
    token = seeded.get("terminal_tokens", {}).get(1)
    if not token:
        return []
    argv = [sys.executable, "-m", "queue_server.cli", "terminal", "--server", url, "--token", token,
            "--counter", "1", "--outbox", "var/demo-terminal-1-outbox.db"]
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        argv.append("--headless")
    return [argv]


DEVICE_LAUNCHERS.append(_rating_terminal)


def _kiosk(url: str, seeded: dict) -> list[list[str]]:
    """One ticket kiosk with the fake printer and scanner, in a window; headless without a screen."""
    import os
    import sys
    token = seeded.get("tokens", {}).get("kiosk")
    if not token:
        return []
    argv = [sys.executable, "-m", "queue_server.cli", "kiosk", "--server", url, "--token", token, "--demo",
            "--windowed"]
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        argv.append("--headless")
    return [argv]


DEVICE_LAUNCHERS.append(_kiosk)


def _hall_display(url: str, seeded: dict) -> list[list[str]]:
    """The hall call display (all counters) with fake audio, in a window; headless without a screen.
    The same display is also a web page: its address is printed for a browser or smart TV."""
    import os
    import sys
    token = seeded.get("tokens", {}).get("display")
    if not token:
        return []
    print(f"  Màn hình gọi số / hall display (web): {url}/hall#token={token}\n"
          f"  Bảng tình trạng hồ sơ / dossier board (web): {url}/board#token={token}", flush=True)
    argv = [sys.executable, "-m", "queue_server.cli", "display", "--server", url, "--token", token, "--demo",
            "--windowed"]
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        argv.append("--headless")
    return [argv]


DEVICE_LAUNCHERS.append(_hall_display)
