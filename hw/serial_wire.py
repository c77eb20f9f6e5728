"""Serial wire settings (speed, data bits, parity, stop bits, timeouts) → pyserial arguments."""

from collections.abc import Callable, Mapping
from typing import Any

PARITIES = {"N": "N", "E": "E", "O": "O", "M": "M", "S": "S"}


def serial_kwargs(config: Mapping[str, Any], timeout_s: float = 0.2) -> dict:
    """pyserial keyword arguments from a config section (``baudrate``, ``parity`` "E", …).

    >>> serial_kwargs({"baudrate": 19200, "parity": "E", "stopbits": 1})["parity"]
    'E'
    """
    stopbits = float(config.get("stopbits", 1))
    return {"baudrate": int(config.get("baudrate", 9600)),
            "bytesize": int(config.get("bytesize", 8)),
            "parity": PARITIES[str(config.get("parity", "N")).upper()],
            "stopbits": stopbits if stopbits == 1.5 else int(stopbits),
            "timeout": float(config.get("timeout_s", timeout_s)),
            "write_timeout": float(config.get("write_timeout_s", 2.0))}


def serial_opener(config: Mapping[str, Any], timeout_s: float = 0.2) -> Callable[[], object]:
    """A function opening the port (device path or pyserial URL) in ``config["port"]``."""
    import serial

    url, kwargs = config["port"], serial_kwargs(config, timeout_s)
    return lambda: serial.serial_for_url(url, **kwargs)
