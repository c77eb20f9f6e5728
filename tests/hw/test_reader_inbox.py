"""The inbox shared by input devices: queue and callback, a failing callback is contained."""

from hw.reader import Inbox


def test_inbox_get_times_out_with_none():
    assert Inbox().get(0.01) is None


def test_inbox_failing_callback_still_queues():
    def boom(item):
        raise RuntimeError("app bug")

    box = Inbox(boom)
    box.put("next")
    assert box.get(0) == "next"
