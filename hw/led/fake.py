"""Fake displays that parse frames and answer like real ones: in memory or over TCP."""

import socket
import threading

import serial

from hw.led.codec import Codec, Command


class FakeLedPanel:
    """Every display on a bus: parses frames, records commands, answers unless told not to.

    >>> panel = FakeLedPanel(StxCodec()); panel.stop_answering(5)   # doctest: +SKIP
    """

    def __init__(self, codec: Codec):
        self.codec = codec
        self.commands: list[Command] = []
        self.shown: dict[int, Command] = {}
        self.silent: set[int] | None = set()
        self._rx = bytearray()

    def stop_answering(self, address: int | None = None) -> None:
        """Silence one display, or all of them (None)."""
        self.silent = None if address is None else (self.silent or set()) | {address}

    def resume(self) -> None:
        """Every display answers again."""
        self.silent = set()

    def feed(self, data: bytes) -> bytes:
        """Bytes from the bus in; the displays' answers out."""
        self._rx += data
        out = bytearray()
        while self._rx:
            command, used = self.codec.decode(bytes(self._rx))
            if used == 0:
                break
            request, self._rx = bytes(self._rx[:used]), self._rx[used:]
            if command is not None:
                out += self._handle(request, command)
        return bytes(out)

    def _handle(self, request: bytes, command: Command) -> bytes:
        """Record a decoded command and build the answer (none for broadcast or silence)."""
        if command.address >= 0:
            self.commands.append(command)
            self.shown[command.address] = command
        if command.address == self.codec.broadcast_address or self._is_silent(command.address):
            return b""
        return self.codec.reply(request, command)

    def _is_silent(self, address: int) -> bool:
        return self.silent is None or address in self.silent


class FakeLedPort:
    """A pyserial-like port wired to a FakeLedPanel (reads never block)."""

    def __init__(self, panel: FakeLedPanel):
        self.panel = panel
        self.written = bytearray()
        self.plugged = True
        self._rx = bytearray()

    def write(self, data: bytes) -> int:
        """Deliver bytes to the panel; SerialException while unplugged."""
        if not self.plugged:
            raise serial.SerialException("fake RS-485 adapter unplugged")
        self.written += data
        self._rx += self.panel.feed(data)
        return len(data)

    def read(self, size: int = 1) -> bytes:
        """Up to ``size`` bytes of the panel's answers (b"" when none, like a timeout)."""
        data, self._rx = bytes(self._rx[:size]), self._rx[size:]
        return data

    def reset_input_buffer(self) -> None:
        self._rx.clear()

    def close(self) -> None:
        pass


class FakeLedServer:
    """The panel behind a TCP port, for ``socket://127.0.0.1:<port>`` URLs (one client at a time)."""

    def __init__(self, panel: FakeLedPanel):
        self.panel = panel
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.url = f"socket://127.0.0.1:{self.port}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        """Accept clients one at a time and feed their bytes to the panel."""
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            with conn:
                while data := self._recv(conn):
                    if reply := self.panel.feed(data):
                        conn.sendall(reply)

    @staticmethod
    def _recv(conn) -> bytes:
        try:
            return conn.recv(4096)
        except OSError:
            return b""

    def close(self) -> None:
        """Stop listening."""
        try:
            self._server.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._server.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
