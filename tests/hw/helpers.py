"""Test doubles for the hardware tests: a fake TCP printer and scripted evdev event sources."""

import socket
import threading

DLE_EOT_PAPER = b"\x10\x04\x04"


class TcpPrinter:
    """A network ESC/POS printer on localhost: records bytes, answers DLE EOT 4, can fail."""

    def __init__(self):
        self.sent = bytearray()
        self.paper = 0x12
        self.answering = True
        self.port = None
        self._server = None
        self.plug()

    def plug(self):
        """Start (or restart, on the same port) listening."""
        self._server = socket.create_server(("127.0.0.1", self.port or 0))
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, args=(self._server,), daemon=True).start()

    def unplug(self):
        """Stop listening and drop connections, like a printer switched off."""
        for sock in [self._server] + getattr(self, "_conns", []):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self._conns = []

    def drop_connections(self):
        """Close open connections but keep listening, like a printer's idle timeout."""
        for conn in getattr(self, "_conns", []):
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()
        self._conns = []

    def set_paper_out(self, out=True):
        self.paper = 0x72 if out else 0x12

    def set_paper_near_end(self, near=True):
        self.paper = 0x1E if near else 0x12

    def set_answering(self, answering):
        self.answering = answering

    def _accept(self, server):
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            self._conns = getattr(self, "_conns", []) + [conn]
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        with conn:
            while data := self._recv(conn):
                self.sent += data
                if self.answering and self.sent.endswith(DLE_EOT_PAPER):
                    self._send(conn, bytes([self.paper]))

    @staticmethod
    def _send(conn, data):
        try:
            conn.sendall(data)
        except OSError:
            pass

    @staticmethod
    def _recv(conn):
        try:
            return conn.recv(65536)
        except OSError:
            return b""


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
