"""Pick a device backend by the name in its config section; never fall back silently."""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from hw.errors import UnknownBackend

T = TypeVar("T")


def choose_backend(kind: str, config: Mapping[str, Any],
                   factories: Mapping[str, Callable[[Mapping[str, Any]], T]]) -> T:
    """Build the backend named by ``config["backend"]`` using ``factories``.

    Example: ``choose_backend("printer", {"backend": "fake"}, {"fake": FakePrinter.from_config})``.
    """
    name = config.get("backend")
    if name not in factories:
        known = ", ".join(sorted(factories))
        raise UnknownBackend(f"{kind} backend {name!r}; choose one of: {known}",
                             message_vi=f"Kiểu thiết bị '{name}' không được hỗ trợ ({kind})")
    return factories[name](config)
