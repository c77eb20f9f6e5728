"""sd_notify without a dependency: one datagram to the unix socket systemd names in $NOTIFY_SOCKET.

>>> notify("READY=1")            # False (and nothing happens) when not run by systemd
False

A name starting with `@` is an abstract socket (a leading NUL byte in Linux's namespace).
Sending never raises: a service must not die because its supervisor's socket went away.
"""
from __future__ import annotations

import os
import socket


def socket_address(name: str) -> str | bytes:
    """The address to send to: abstract names ('@…') become b'\\0…'."""
    if name.startswith("@"):
        return b"\0" + name[1:].encode()
    return name


def notify(message: str, environ=None) -> bool:
    """Send `message` (e.g. 'READY=1', 'WATCHDOG=1', 'STATUS=…') to systemd; True if sent."""
    name = (environ if environ is not None else os.environ).get("NOTIFY_SOCKET")
    if not name:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message.encode("utf-8"), socket_address(name))
        return True
    except OSError:
        return False


def watchdog_interval(environ=None) -> float | None:
    """Half of systemd's WatchdogSec (seconds), or None when no watchdog is set.

    WATCHDOG_PID is deliberately not compared with our pid: the device apps run as the child of
    the `cage` compositor (the unit's main process) and feed the watchdog through
    NotifyAccess=all, which is what we want."""
    env = environ if environ is not None else os.environ
    usec = env.get("WATCHDOG_USEC")
    if not usec:
        return None
    try:
        return int(usec) / 2_000_000
    except ValueError:
        return None
