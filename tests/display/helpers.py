"""Test doubles for the display: a real queue service in process that records its events.

`Scene` runs the demo centre's QueueService (real engine, real SQLite in tmp_path, a fake clock)
and keeps each published event as the `/display` namespace would send it, so the pure display
modules are tested on the server's own data rather than hand-written dicts.
"""
from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from queue_server.actions import perform  # noqa: E402
from queue_server.auth import Principal, Role  # noqa: E402
from queue_server.clock import FakeClock  # noqa: E402
from queue_server.config import DEMO_CONFIG, Hours, load_config  # noqa: E402
from queue_server.livestate import LiveState  # noqa: E402
from queue_server.service import QueueService, ServiceListener  # noqa: E402
from queue_server.storage import Store  # noqa: E402
from tests.conftest import screenshots_dir

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MONDAY_8AM = datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
SCREENSHOTS = str(screenshots_dir())


class _Recorder(ServiceListener):
    def __init__(self):
        self.events: list[dict] = []

    def on_events(self, events, stats):
        for e in events:
            self.events.append({**e.to_dict(), "stats": stats})


class Scene:
    """The demo centre in process; act as an administrator at any counter.

    >>> scene = Scene(tmp_path); scene.open(1); scene.issue("stp-hotich"); scene.act("call_next", 1)
    >>> state = scene.state(group="A")      # LiveState from a snapshot, as display "A" would get
    """

    def __init__(self, tmp_path, config=None):
        config = config or load_config(DEMO_CONFIG).model_copy(update={"hours": Hours(enforce=False)})
        self.clock = FakeClock(MONDAY_8AM)
        self.service = QueueService(config, Store(tmp_path / "scene.db"), clock=self.clock)
        self.recorder = _Recorder()
        self.service.listeners.append(self.recorder)
        self.admin = Principal("user", 1, Role.ADMIN, "Quản trị", config.centre.id)

    @property
    def events(self) -> list[dict]:
        return self.recorder.events

    def act(self, name: str, counter: int, **payload) -> dict:
        """An action at `counter` by that counter's own officer (an administrator account)."""
        officer = Principal("user", 1000 + counter, Role.ADMIN, f"Cán bộ quầy {counter}", self.admin.centre_id)
        return perform(self.service, officer, name, {"counter": counter, **payload})

    def open(self, *counters: int) -> None:
        for c in counters:
            self.act("open_counter", c)

    def issue(self, service_id: str = "stp-hotich", n: int = 1) -> None:
        for _ in range(n):
            perform(self.service, self.admin, "issue_ticket", {"service_id": service_id})

    def snapshot(self, group: str | None = None) -> dict:
        snap = self.service.snapshot()
        snap["me"] = {"role": "display", "display_group": group}
        return snap

    def state(self, group: str | None = None) -> LiveState:
        state = LiveState()
        state.apply_snapshot(self.snapshot(group))
        return state

    def close(self):
        self.service.store.close()


def big_config(counters: int = 44):
    """The demo centre grown to `counters` counters (the extra ones in room E, floor 3)."""
    config = load_config(DEMO_CONFIG)
    data = config.model_dump(mode="json")
    data["hours"]["enforce"] = False
    services = [s["id"] for d in data["departments"] for s in d["services"]]
    for number in range(len(data["counters"]) + 1, counters + 1):
        data["counters"].append({"number": number, "room": "E", "floor": 3,
                                 "services": [services[number % len(services)]]})
    from queue_server.config import parse_config
    return parse_config(data)
