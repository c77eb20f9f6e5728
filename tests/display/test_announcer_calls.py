"""Announcer: each call and recall of the group once, in order; nothing on a snapshot."""
from datetime import time, timedelta

from display.announcer import Announcer, in_quiet_hours

from .helpers import MONDAY_8AM


def _run(scene, announcer, start, now=MONDAY_8AM):
    out = []
    for event in scene.events[start:]:
        out += announcer.on_event(event, now)
    return [(a.ticket, a.counter, a.recall) for a in out]


def test_announcer_calls_in_order_once_each(scene):
    scene.open(1, 3)
    scene.issue("stp-hotich", 2)
    scene.issue("stc-dkkd", 1)
    announcer = Announcer({1, 3})
    announcer.on_snapshot(scene.snapshot("A"), MONDAY_8AM)
    start = len(scene.events)
    scene.act("call_next", 1)
    scene.act("call_next", 3)
    scene.act("recall", 1)
    assert _run(scene, announcer, start) == [("1001", 1, False), ("2001", 3, False), ("1001", 1, True)]
    assert _run(scene, announcer, start) == []          # the same events again: not twice


def test_announcer_calls_other_groups_are_silent(scene):
    scene.open(7)
    scene.issue("snnmt-datdai")
    announcer = Announcer({1, 2, 3})
    announcer.on_snapshot(scene.snapshot("A"), MONDAY_8AM)
    start = len(scene.events)
    scene.act("call_next", 7)
    assert _run(scene, announcer, start) == []


def test_announcer_calls_snapshot_announces_nothing(scene):
    scene.open(1)
    scene.issue()
    scene.act("call_next", 1)
    announcer = Announcer({1})
    assert announcer.on_snapshot(scene.snapshot("A"), MONDAY_8AM) == []
    assert _run(scene, announcer, 0) == []             # events before the snapshot's seq


def test_announcer_calls_stale_events_are_not_read_out(scene):
    scene.open(1)
    scene.issue()
    announcer = Announcer({1}, stale_seconds=30)
    announcer.on_snapshot(scene.snapshot("A"), MONDAY_8AM)
    start = len(scene.events)
    scene.act("call_next", 1)
    assert _run(scene, announcer, start, MONDAY_8AM + timedelta(minutes=2)) == []


def test_announcer_calls_quiet_hours_and_off(scene):
    scene.open(1)
    scene.issue("stp-hotich", 2)
    quiet = Announcer({1}, quiet_hours=[(time(7, 30), time(8, 30))])
    off = Announcer({1}, enabled=False)
    for a in (quiet, off):
        a.on_snapshot(scene.snapshot("A"), MONDAY_8AM)
    start = len(scene.events)
    scene.act("call_next", 1)
    assert _run(scene, quiet, start) == [] and _run(scene, off, start) == []


def test_announcer_calls_quiet_hours_across_midnight():
    periods = [(time(22, 0), time(6, 0))]
    assert in_quiet_hours(time(23, 0), periods) and in_quiet_hours(time(5, 59), periods)
    assert not in_quiet_hours(time(6, 0), periods) and not in_quiet_hours(time(12, 0), periods)
