"""Test doubles for the hardware tests: scripted evdev event sources (printer doubles: hw.printer.doubles)."""

from hw.printer.doubles import TcpPrinter  # noqa: F401  (the fixture in conftest)


class ScriptedEvdevSource:
    """An evdev event source that plays scripted batches, then vanishes (ENODEV)."""

    def __init__(self, batches, on_end=None):
        self.batches = list(batches)
        self.on_end = on_end
        self.closed = False

    def events(self, timeout):
        if self.batches:
            return self.batches.pop(0)
        if self.on_end:
            self.on_end()
            return []
        import errno
        raise OSError(errno.ENODEV, "No such device")

    def close(self):
        self.closed = True


def key_events(text, end="KEY_ENTER"):
    """evdev InputEvents a US-layout keyboard wedge sends for ``text``."""
    from evdev import InputEvent, ecodes as e

    from hw.scanner.keys import KEY_CHARS

    by_char = {}
    for code, pair in KEY_CHARS.items():
        by_char.setdefault(pair[0], (code, False))
        by_char.setdefault(pair[1], (code, True))
    events = []
    for ch in text:
        code, shift = by_char[ch]
        if shift:
            events.append(InputEvent(0, 0, e.EV_KEY, e.KEY_LEFTSHIFT, 1))
        events += [InputEvent(0, 0, e.EV_KEY, code, 1), InputEvent(0, 0, e.EV_SYN, 0, 0),
                   InputEvent(0, 0, e.EV_KEY, code, 0)]
        if shift:
            events.append(InputEvent(0, 0, e.EV_KEY, e.KEY_LEFTSHIFT, 0))
    end_code = getattr(e, end)
    return events + [InputEvent(0, 0, e.EV_KEY, end_code, 1), InputEvent(0, 0, e.EV_KEY, end_code, 0)]


class LiveEvdevSource:
    """An evdev event source fed while the reader runs (``push``), blocking like select()."""

    def __init__(self):
        import queue

        self.queue = queue.Queue()

    def push(self, events):
        self.queue.put(events)

    def events(self, timeout):
        import queue

        try:
            return self.queue.get(timeout=timeout)
        except queue.Empty:
            return []

    def close(self):
        pass
