"""Rating tablet figures: a rating's durable outbox write (before the thank-you), draining, frame time.

    .venv/bin/python bench/bench_terminal.py

Prints figures; asserts nothing. The write happens on the touch that ends a rating, so it must stay
well under a frame (50 ms at 20 fps) even on an SD card; a frame must fit in 50 ms on a Pi.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from satisfaction_terminal.config import DEFAULT_PHRASES  # noqa: E402
from satisfaction_terminal.draw import Painter, Scene  # noqa: E402
from satisfaction_terminal.info import counter_info  # noqa: E402
from satisfaction_terminal.layout import buttons_for  # noqa: E402
from satisfaction_terminal.outbox import Outbox  # noqa: E402
from tests.satisfaction_terminal.helpers import FakeServer, centre, finished, make_flow, rating  # noqa: E402


def ms(samples: list[float]) -> str:
    samples = sorted(samples)
    return (f"median {statistics.median(samples) * 1000:.2f} ms, "
            f"p95 {samples[int(len(samples) * 0.95)] * 1000:.2f} ms, max {samples[-1] * 1000:.2f} ms")


def bench_outbox(n: int = 300) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        box = Outbox(Path(tmp) / "outbox.db")
        times = []
        for i in range(n):
            start = time.perf_counter()
            box.add(rating(i))
            times.append(time.perf_counter() - start)
        print(f"outbox add (synchronous=FULL), {n} ratings: {ms(times)}")
        start = time.perf_counter()
        sent = 0
        while len(box):
            sent += box.drain(FakeServer()).sent
        took = time.perf_counter() - start
        print(f"outbox drain to an instant server: {sent} ratings in {took * 1000:.0f} ms "
              f"({sent / took:.0f}/s; the network round trip dominates in real use)")
        box.close()


def bench_frames(frames: int = 60) -> None:
    pygame.display.init()
    pygame.font.init()
    for size in [(800, 480), (1024, 600), (1280, 800)]:
        surface = pygame.Surface(size)
        painter = Painter(surface)
        info = counter_info(centre(), {"number": 5, "status": "open", "officer_id": 7,
                                        "officer_name": "Hoàng Văn Đức"}, 5)
        for name, flow in screens().items():
            s = flow.state
            scene = Scene(s, info, buttons_for(s.phase, flow.options, DEFAULT_PHRASES, s.phrases, size),
                          "category", True, 0, DEFAULT_PHRASES)
            painter.draw(scene)                         # fonts made once
            times = []
            for _ in range(frames):
                start = time.perf_counter()
                painter.draw(scene)
                times.append(time.perf_counter() - start)
            print(f"frame {size[0]}x{size[1]} {name:8}: {ms(times)}")
    pygame.quit()


def screens() -> dict:
    idle = make_flow()
    rating_ = make_flow()
    rating_.ticket_finished(finished(), now=1.0)
    comment = make_flow()
    comment.ticket_finished(finished(), now=1.0)
    comment.press("choose", "dissatisfied_time", now=2.0)
    return {"idle": idle, "rating": rating_, "comment": comment}


if __name__ == "__main__":
    bench_outbox()
    bench_frames()
