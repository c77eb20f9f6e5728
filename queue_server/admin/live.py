"""The admin side's view of live Socket.IO connections: who is connected, and cutting off a device."""
from __future__ import annotations


def _namespaces(socketio):
    server = getattr(socketio, "server", None)
    return list(server.namespace_handlers.items()) if server else []


def connected_device_ids(socketio) -> set[int]:
    """Ids of devices with at least one open socket."""
    ids = set()
    for _, namespace in _namespaces(socketio):
        for principal in list(getattr(namespace, "principals", {}).values()):
            if principal.kind == "device":
                ids.add(principal.id)
    return ids


def disconnect_device(socketio, device_id: int) -> int:
    """Close every socket of a device (after its tokens are revoked); returns how many."""
    closed = 0
    for path, namespace in _namespaces(socketio):
        for sid, principal in list(getattr(namespace, "principals", {}).items()):
            if principal.kind == "device" and principal.id == device_id:
                socketio.server.disconnect(sid, namespace=path)
                namespace.principals.pop(sid, None)
                closed += 1
    return closed
