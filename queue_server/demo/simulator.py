"""A simulated centre day: citizens arrive, officers call and serve, citizens rate.

Every action goes through the same action table as real clients (with each actor's principal),
so the demo exercises the real rules, storage and broadcasts.
"""
from __future__ import annotations

import itertools
import random
import threading

from ..actions import perform
from ..auth import Principal, Role
from ..engine import QueueError

RATING_SHARE = 0.45
PRIORITY_SHARE = 0.08


class CentreSimulator:
    """Drives a QueueService with simulated people until stopped.

    >>> sim = CentreSimulator(service, officers, speed=2.0)
    >>> sim.start(); ...; sim.stop()
    """

    def __init__(self, service, officers: dict[int, Principal], speed: float = 1.0, seed: int = 2025,
                 human_counters: tuple[int, ...] = (1,)):
        self.service = service
        self.officers = {n: p for n, p in officers.items() if n not in human_counters}
        self.speed = speed
        self.rng = random.Random(seed)
        self.stop_event = threading.Event()
        self.kiosk = Principal("device", 0, Role.KIOSK, "Mô phỏng máy bốc số", service.centre_id)
        self.ids = itertools.count(1)
        self.threads: list[threading.Thread] = []
        self.services = [s.id for d in service.config.departments for s in d.services]
        self.weights = [3 if not s.result_return else 1 for d in service.config.departments for s in d.services]

    def start(self) -> None:
        for number in self.officers:
            self._act(number, "open_counter")
        for _ in range(40):
            self.arrive()
        self._spawn(self._arrivals)
        for number in self.officers:
            self._spawn(self._officer, number)

    def stop(self) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(5)

    def arrive(self) -> None:
        service_id = self.rng.choices(self.services, self.weights)[0]
        payload = {"service_id": service_id, "priority": self.rng.random() < PRIORITY_SHARE}
        self._try(self.kiosk, "issue_ticket", payload)

    def _spawn(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name=f"sim-{target.__name__}")
        self.threads.append(thread)
        thread.start()

    def _sleep(self, seconds: float) -> bool:
        """Sleep in simulated time; False when the simulation should end."""
        return not self.stop_event.wait(seconds / self.speed)

    def _arrivals(self) -> None:
        while self._sleep(self.rng.expovariate(1 / 4.0)):
            self.arrive()

    def _officer(self, number: int) -> None:
        while self._sleep(self.rng.uniform(2, 6)):
            result = self._act(number, "call_next")
            if result is None:
                continue
            if self.rng.random() < 0.1 and self._sleep(5):
                self._act(number, "recall")
            self._sleep(self.rng.uniform(15, 70))
            ticket = result["counter"]["ticket"]
            if self._act(number, "finish") and self.rng.random() < RATING_SHARE:
                self._rate(number, ticket["id"])

    def _rate(self, number: int, ticket_id: str) -> None:
        terminal = Principal("device", 0, Role.TERMINAL, f"Mô phỏng đánh giá {number}", self.service.centre_id,
                             counter=number)
        options = [o["value"] for o in self._options()]
        weights = [6, 3, 1, 1, 1][: len(options)] if len(options) == 5 else [1] * len(options)
        payload = {"id": f"sim-{next(self.ids):08d}", "ticket_id": ticket_id, "value": self.rng.choices(options, weights)[0]}
        self._try(terminal, "submit_rating", payload)

    def _options(self) -> list[dict]:
        from ..ratings import options
        return options(self.service.config.centre.rating_style)

    def _act(self, number: int, name: str):
        return self._try(self.officers[number], name, {"counter": number})

    def _try(self, principal: Principal, name: str, payload: dict):
        try:
            return perform(self.service, principal, name, payload)
        except QueueError:
            return None
