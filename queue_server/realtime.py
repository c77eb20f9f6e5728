"""Socket.IO namespaces, one per client role, and the listener that pushes events to them.

Protocol (docs/protocol.md): on connect the client gets `snapshot` (with `seq`); then one `event`
per committed change, `seq` increasing by one. A client that sees a gap, or reconnects, emits
`resync` and gets a fresh `snapshot`. Actions are emitted by name with a payload and answered
through the Socket.IO acknowledgement: `{"ok": true, "result": ...}` or `{"ok": false, "error": ...}`.
"""
from __future__ import annotations

from flask import request, session
from flask_socketio import ConnectionRefusedError, Namespace, SocketIO, emit, join_room

from .actions import ACTIONS, perform
from .auth import Principal, Role
from .engine import Event, QueueError
from .service import QueueService, ServiceListener

NAMESPACE_ROLES = {
    "/kiosk": {Role.KIOSK, Role.ADMIN},
    "/display": {Role.DISPLAY, Role.ADMIN, Role.SUPERVISOR},
    "/counter": {Role.OFFICER, Role.KEYPAD, Role.ADMIN, Role.SUPERVISOR},
    "/terminal": {Role.TERMINAL, Role.ADMIN},
    "/admin": {Role.ADMIN, Role.SUPERVISOR},
}


def refusal(error: dict) -> ConnectionRefusedError:
    """A refused connection: the client's error gets `message` (Vietnamese) and `data` (the whole
    {code, message, message_en}); one argument alone would reach it as the dict's Python repr."""
    return ConnectionRefusedError(error["message"], error)


class RoleNamespace(Namespace):
    """A namespace that admits some roles and offers them the actions of the action table."""

    def __init__(self, path: str, roles: set[Role], service: QueueService):
        super().__init__(path)
        self.roles = roles
        self.service = service
        self.principals: dict[str, Principal] = {}

    def on_connect(self, auth=None):
        token = auth.get("token") if isinstance(auth, dict) else None
        try:
            principal = self.service.auth.principal(token or session.get("token"))
        except QueueError as exc:
            raise refusal(exc.to_dict()) from None
        if principal.role not in self.roles:
            raise refusal({"code": "forbidden", "message": "Sai vai trò cho kênh này",
                           "message_en": f"Role {principal.role.value} may not join {self.namespace}"})
        self.principals[request.sid] = principal
        join_room(principal.centre_id)
        self._seen(principal)
        self._send_snapshot(principal)

    def on_disconnect(self, *reason):
        principal = self.principals.pop(request.sid, None)
        if principal is not None:
            self._seen(principal)

    def _seen(self, principal: Principal) -> None:
        """A device's last contact, for the admin dashboard's device health."""
        if principal.kind == "device":
            self.service.accounts.touch_device(principal.id, self.service.clock())

    def on_resync(self, data=None):
        principal = self.principals.get(request.sid)
        if principal:
            self._send_snapshot(principal)

    def on_ping_server(self, data=None):
        """Lets devices measure latency and read the server clock."""
        return {"ok": True, "time": self.service.clock().isoformat(), "seq": self.service.seq}

    def _send_snapshot(self, principal: Principal) -> None:
        snap = self.service.snapshot()
        snap["me"] = principal.to_dict()
        emit("snapshot", snap)

    def run_action(self, name: str, data) -> dict:
        principal = self.principals.get(request.sid)
        if principal is None:
            return {"ok": False, "error": {"code": "unauthenticated", "message": "Chưa xác thực",
                                           "message_en": "Not authenticated"}}
        try:
            return {"ok": True, "result": perform(self.service, principal, name, data)}
        except QueueError as exc:
            return {"ok": False, "error": exc.to_dict()}


def _action_handler(name: str):
    def handler(self, data=None):
        return self.run_action(name, data)
    handler.__name__ = f"on_{name}"
    return handler


for _name in ACTIONS:
    setattr(RoleNamespace, f"on_{_name}", _action_handler(_name))


class Broadcaster(ServiceListener):
    """Pushes every committed event to every namespace, in order."""

    def __init__(self, socketio: SocketIO, centre_id: str):
        self.socketio = socketio
        self.centre_id = centre_id

    def on_events(self, events: list[Event], stats: dict) -> None:
        for event in events:
            payload = event.to_dict()
            payload["stats"] = stats
            for path in NAMESPACE_ROLES:
                self.socketio.emit("event", payload, namespace=path, to=self.centre_id)


def register(socketio: SocketIO, service: QueueService) -> None:
    for path, roles in NAMESPACE_ROLES.items():
        socketio.on_namespace(RoleNamespace(path, roles, service))
    service.listeners.append(Broadcaster(socketio, service.centre_id))
    watch_credentials(socketio, service)


def watch_credentials(socketio: SocketIO, service: QueueService) -> None:
    """Close sockets whose credential ended or changed (logout, revoke, role change …: credential_watch.py)."""
    from .credential_watch import watch_sockets
    watch_sockets(socketio, service.auth)
