"""Socket.IO namespaces, one per client role, and their link to the ordered outbound path.

Protocol (docs/protocol.md): on connect the client gets `snapshot` (with `seq`) before anything
else; then one `events` message per committed change that concerns its audience
(`{prev, seq, events, stats}`, projections.py). A client that sees a gap, or reconnects, emits
`resync` and gets a fresh `snapshot`. Actions are emitted by name with a payload and answered
through the Socket.IO acknowledgement: `{"ok": true, "result": ...}` or `{"ok": false, "error": ...}`.

No client can stall others: each connection's events are handled one at a time on its own
connection thread (no thread per event), at most `RATE` per second beyond a burst, resyncs are
coalesced and served from a cached snapshot, and a client that reads nothing is dropped
(outbound.py).
"""
from __future__ import annotations

import json
import time

from flask import request, session
from flask_socketio import ConnectionRefusedError, Namespace, SocketIO
from socketio import packet

from .actions import ACTIONS, perform
from .auth import Principal, Role
from .engine import QueueError
from .outbound import Outbound, SocketIOFanout
from .projections import audience_for
from .service import QueueService

NAMESPACE_ROLES = {
    "/kiosk": {Role.KIOSK, Role.ADMIN},
    "/display": {Role.DISPLAY, Role.ADMIN, Role.SUPERVISOR},
    "/counter": {Role.OFFICER, Role.KEYPAD, Role.ADMIN, Role.SUPERVISOR},
    "/terminal": {Role.TERMINAL, Role.ADMIN},
    "/admin": {Role.ADMIN, Role.SUPERVISOR},
}
RATE, BURST = 50.0, 100           # incoming events per second per connection, and the burst above it
INVALID_INPUT = "invalid_input"   # what an undecodable message becomes (answered with a clear error)


def rate_limited() -> QueueError:
    return QueueError("rate_limited", "Quá nhiều yêu cầu, vui lòng thử lại sau giây lát",
                      "Too many requests, please retry in a moment", 429)


def invalid_json() -> QueueError:
    return QueueError("invalid", "Dữ liệu gửi lên không hợp lệ (JSON sai hoặc lồng quá sâu)",
                      "Malformed or too deeply nested JSON", 400)


class TokenBucket:
    """`rate` events per second with bursts of `burst`; `take()` is False when over."""

    def __init__(self, rate: float = RATE, burst: int = BURST, clock=time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens, self.at = float(burst), clock()

    def take(self) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class _GuardedJSON:
    """JSON for Socket.IO packets: a message that does not decode (malformed, or nested deep
    enough to exhaust the parser) becomes the event `invalid_input` instead of killing the
    connection with a traceback."""

    dumps = staticmethod(json.dumps)

    @staticmethod
    def loads(text, **kwargs):
        try:
            return json.loads(text, **kwargs)
        except (ValueError, RecursionError):
            return [INVALID_INPUT, None]


class GuardedPacket(packet.Packet):
    json = _GuardedJSON


def refusal(error: dict) -> ConnectionRefusedError:
    """A refused connection: the client's error gets `message` (Vietnamese) and `data` (the whole
    {code, message, message_en}); one argument alone would reach it as the dict's Python repr."""
    return ConnectionRefusedError(error["message"], error)


class RoleNamespace(Namespace):
    """A namespace that admits some roles and offers them the actions of the action table."""

    def __init__(self, path: str, roles: set[Role], service: QueueService, outbound: Outbound):
        super().__init__(path)
        self.roles = roles
        self.service = service
        self.outbound = outbound
        self.principals: dict[str, Principal] = {}
        self.buckets: dict[str, TokenBucket] = {}

    def trigger_event(self, event, *args):
        """Every incoming event but connect/disconnect spends a token of its connection's bucket;
        over the rate, actions are refused with `rate_limited` and other events are dropped."""
        if event not in ("connect", "disconnect") and args:
            bucket = self.buckets.get(args[0])
            if bucket is not None and not bucket.take():
                return {"ok": False, "error": rate_limited().to_dict()} if event in ACTIONS else None
        return super().trigger_event(event, *args)

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
        self.buckets[request.sid] = TokenBucket()
        self._seen(principal)
        self.outbound.join(request.sid, audience_for(self.namespace, principal), principal.to_dict())

    def on_disconnect(self, *reason):
        self.buckets.pop(request.sid, None)
        self.outbound.leave(request.sid)
        principal = self.principals.pop(request.sid, None)
        if principal is not None:
            self._seen(principal)

    def _seen(self, principal: Principal) -> None:
        """A device's last contact, for the admin dashboard's device health."""
        if principal.kind == "device":
            self.service.accounts.touch_device(principal.id, self.service.clock())

    def on_resync(self, data=None):
        """A fresh snapshot (at most one on its way per client; later requests are coalesced)."""
        if request.sid in self.principals:
            self.outbound.resync(request.sid)

    def on_ping_server(self, data=None):
        """Lets devices measure latency and read the server clock."""
        return {"ok": True, "time": self.service.clock().isoformat(), "seq": self.service.seq}

    def on_snapshot(self, data=None):
        """The `snapshot` action over Socket.IO: this client's projection, from the cached copy."""
        principal = self.principals.get(request.sid)
        if principal is None:
            return self.run_action("snapshot", data)
        return {"ok": True, "result": self.outbound.snapshot_for(audience_for(self.namespace, principal),
                                                                 principal.to_dict())}

    def on_invalid_input(self, data=None):
        return {"ok": False, "error": invalid_json().to_dict()}

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
    if not hasattr(RoleNamespace, f"on_{_name}"):       # on_snapshot is served from the cache
        setattr(RoleNamespace, f"on_{_name}", _action_handler(_name))


def socketio_options() -> dict:
    """How the server's Socket.IO is set up: threading with simple-websocket; each connection's
    events handled in order on its own thread (no thread per event); undecodable input answered."""
    return {"async_mode": "threading", "async_handlers": False, "serializer": GuardedPacket}


def register(socketio: SocketIO, service: QueueService) -> Outbound:
    """Attach the role namespaces and the outbound path to a Socket.IO server."""
    outbound = Outbound(service, SocketIOFanout(socketio))
    for path, roles in NAMESPACE_ROLES.items():
        socketio.on_namespace(RoleNamespace(path, roles, service, outbound))
    service.listeners.append(outbound)
    watch_credentials(socketio, service)
    return outbound


def watch_credentials(socketio: SocketIO, service: QueueService) -> None:
    """Close sockets whose credential ended or changed (logout, revoke, role change …: credential_watch.py)."""
    from .credential_watch import watch_sockets
    watch_sockets(socketio, service.auth)
