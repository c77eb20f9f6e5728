"""A serial device on a real pseudo-terminal at a fixed (symlinked) path that can be unplugged
and plugged back, like a USB-serial adapter whose /dev/serial/by-id link comes and goes."""

import os
import select
import threading
import tty
from collections.abc import Callable


class PtyDevice:
    """The device end of a pty; ``path`` is what the host opens. ``respond(bytes) -> bytes``
    answers what the host writes (an LED panel); ``send(bytes)`` talks first (a scanner)."""

    def __init__(self, path: str, respond: Callable[[bytes], bytes] | None = None):
        self.path = str(path)
        self.respond = respond
        self.received = bytearray()
        self.master = self.slave = None
        self.plug()

    def plug(self) -> None:
        """A fresh pty (a new /dev/pts/N) behind the same path."""
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        link = self.path + ".new"
        os.symlink(os.ttyname(self.slave), link)
        os.replace(link, self.path)
        threading.Thread(target=self._serve, args=(self.master,), daemon=True).start()

    def unplug(self) -> None:
        """The adapter is pulled out: the path disappears and the host's open port fails (EIO)."""
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        master, slave, self.master, self.slave = self.master, self.slave, None, None
        for fd in (master, slave):
            if fd is not None:
                os.close(fd)

    def send(self, data: bytes) -> None:
        """Bytes from the device to the host."""
        os.write(self.master, data)

    def _serve(self, master: int) -> None:
        while True:
            try:
                ready, _, _ = select.select([master], [], [], 0.1)
                if master != self.master:
                    return
                if not ready:
                    continue
                data = os.read(master, 4096)
            except (OSError, ValueError):
                return
            self.received += data
            if self.respond and (answer := self.respond(data)):
                try:
                    os.write(master, answer)
                except OSError:
                    return

    def close(self) -> None:
        self.unplug()
