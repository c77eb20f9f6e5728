"""Many Socket.IO clients in one process: raw Engine.IO v4 websockets on asyncio (wsproto framing).

python-socketio's client spends three threads per connection, so 900 of them would measure the
load generator's GIL rather than the server. These clients do what a device must on the wire:
join a namespace with a token, answer pings, read every message; displays note when each call
arrives. Used by bench_realtime.py and bench_display.py.
"""
from __future__ import annotations

import asyncio
import json
import time

from wsproto import ConnectionType, WSConnection
from wsproto.events import (AcceptConnection, CloseConnection, Message, Ping, Request, TextMessage)


class RawClient:
    """One connection: `run()` until `stop` is set; `calls` holds (ticket id, arrival time)."""

    def __init__(self, host: str, port: int, namespace: str, token: str, record_calls: bool):
        self.host, self.port, self.namespace, self.token = host, port, namespace, token
        self.record_calls = record_calls
        self.calls: list[tuple[str, float]] = []
        self.snapshot_seq: int | None = None
        self.first: str | None = None          # the first message's name: must be "snapshot"
        self.ready = asyncio.Event()
        self.ws = WSConnection(ConnectionType.CLIENT)
        self._text: list[str] = []

    async def run(self, stop: asyncio.Event) -> None:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        writer.write(self.ws.send(Request(host=f"{self.host}:{self.port}",
                                          target="/socket.io/?EIO=4&transport=websocket")))
        pending = asyncio.ensure_future(stop.wait())
        try:
            while not stop.is_set():
                read = asyncio.ensure_future(reader.read(65536))
                done, _ = await asyncio.wait({read, pending}, return_when=asyncio.FIRST_COMPLETED)
                if read not in done:
                    read.cancel()
                    break
                data = read.result()
                if not data:
                    break
                self.ws.receive_data(data)
                for out in self._events():
                    writer.write(out)
                await writer.drain()
        finally:
            pending.cancel()
            writer.close()

    def _events(self):
        for event in self.ws.events():
            if isinstance(event, AcceptConnection):
                continue
            if isinstance(event, Ping):
                yield self.ws.send(event.response())
            elif isinstance(event, CloseConnection):
                return
            elif isinstance(event, TextMessage):
                self._text.append(event.data)
                if event.message_finished:
                    text, self._text = "".join(self._text), []
                    yield from self._packet(text)
            elif isinstance(event, Message):
                continue

    def _packet(self, text: str):
        if text.startswith("0"):                                   # Engine.IO open
            yield self.ws.send(TextMessage(f"40{self.namespace}," + json.dumps({"token": self.token})))
        elif text == "2":                                          # Engine.IO ping
            yield self.ws.send(TextMessage("3"))
        elif text.startswith("42"):
            self._message(text, time.time())

    def _message(self, text: str, at: float) -> None:
        body = text[text.index(",") + 1:] if text.startswith(f"42{self.namespace},") else text[2:]
        if self.first is None:
            self.first = body[2:body.index('"', 2)]
        if body.startswith('["snapshot"'):
            if self.snapshot_seq is None:
                self.snapshot_seq = json.loads(body)[1]["seq"]
                self.ready.set()
        elif self.record_calls and '"ticket.called"' in body:
            name, message = json.loads(body)[:2]
            events = message["events"] if name == "events" else [message]    # "event": before issue 15
            for event in events:
                if event["type"] == "ticket.called":
                    self.calls.append((event["ticket"]["id"], at))


async def _run_many(host, port, groups, stop_flag, ready_flag, connect_rate: float) -> list[RawClient]:
    stop = asyncio.Event()
    clients = [RawClient(host, port, ns, token, record) for ns, token, n, record in groups for _ in range(n)]
    tasks = []
    for client in clients:
        tasks.append(asyncio.ensure_future(client.run(stop)))
        await asyncio.sleep(1 / connect_rate)
    await asyncio.wait_for(asyncio.gather(*(c.ready.wait() for c in clients)), timeout=300)
    ready_flag.set()
    while not stop_flag.is_set():
        await asyncio.sleep(0.1)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return clients


def worker(host: str, port: int, groups, ready_flag, stop_flag, results, connect_rate: float = 200.0) -> None:
    """A process's share of clients: groups of (namespace, token, how many, record calls?).
    Puts [(first message name, [(ticket id, time)])] on `results` when told to stop."""
    clients = asyncio.run(_run_many(host, port, groups, stop_flag, ready_flag, connect_rate))
    results.put([(c.first, c.calls) for c in clients])
