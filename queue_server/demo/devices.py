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
