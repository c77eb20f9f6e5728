"""Linux input devices (USB HID scanners and keypads) through python-evdev."""

import select
from collections.abc import Callable

from hw.errors import DeviceNotFound


class EvdevSource:
    """An opened, grabbed input device that yields events with a timeout (so close() is prompt).

    >>> with EvdevSource.open("/dev/input/by-id/usb-Honeywell-event-kbd") as src:  # doctest: +SKIP
    ...     events = src.events(0.2)
    """

    def __init__(self, device):
        self.device = device
        device.grab()

    @classmethod
    def open(cls, path: str | None = None, vendor_id: int | None = None,
             product_id: int | None = None) -> "EvdevSource":
        """Open by ``/dev/input/by-id/...`` path or by USB vendor:product, and grab it."""
        return cls(find_input_device(path, vendor_id, product_id))

    def events(self, timeout: float) -> list:
        """Events that arrived within ``timeout`` seconds; OSError if the device vanished."""
        ready, _, _ = select.select([self.device.fd], [], [], timeout)
        if not ready:
            return []
        try:
            return list(self.device.read())
        except BlockingIOError:
            return []

    def close(self) -> None:
        """Release the grab and close the file."""
        try:
            self.device.ungrab()
        except OSError:
            pass
        self.device.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def find_input_device(path: str | None = None, vendor_id: int | None = None,
                      product_id: int | None = None,
                      list_devices: Callable[[], list[str]] | None = None):
    """The evdev.InputDevice at ``path`` or the first with the vendor:product; DeviceNotFound."""
    import evdev

    if path:
        return evdev.InputDevice(path)
    for dev_path in (list_devices or evdev.list_devices)():
        device = evdev.InputDevice(dev_path)
        if (device.info.vendor, device.info.product) == (vendor_id, product_id):
            return device
        device.close()
    raise DeviceNotFound(f"no input device {vendor_id:04x}:{product_id:04x}")


def evdev_opener(config) -> Callable[[], EvdevSource]:
    """A function that opens the device a config section names (path or vendor/product ids)."""
    path = config.get("path")
    vendor, product = config.get("vendor_id"), config.get("product_id")
    if not path and (vendor is None or product is None):
        raise ValueError("evdev device needs 'path' or 'vendor_id' and 'product_id'")
    return lambda: EvdevSource.open(path, vendor, product)
