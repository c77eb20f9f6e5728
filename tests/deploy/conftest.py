"""Fixtures of the deployment tests: a real unix datagram socket standing in for systemd."""
from __future__ import annotations

import os
import socket
import tempfile

import pytest


class NotifyListener:
    """A unix datagram socket like systemd's $NOTIFY_SOCKET; `messages()` drains what arrived."""

    def __init__(self, abstract: bool = False):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        if abstract:
            self.name = f"@motcua-test-{os.getpid()}-{id(self)}"
            self.sock.bind(b"\0" + self.name[1:].encode())
        else:
            self._dir = tempfile.TemporaryDirectory()
            self.name = os.path.join(self._dir.name, "notify")
            self.sock.bind(self.name)
        self.sock.settimeout(0.05)

    def messages(self, wait: float = 0.05) -> list[str]:
        got = []
        self.sock.settimeout(wait)
        while True:
            try:
                got.append(self.sock.recv(4096).decode())
            except (TimeoutError, socket.timeout):
                return got

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def notify_socket():
    listener = NotifyListener()
    yield listener
    listener.close()


@pytest.fixture
def abstract_notify_socket():
    listener = NotifyListener(abstract=True)
    yield listener
    listener.close()
