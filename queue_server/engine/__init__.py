"""The queue engine: pure Python rules of tickets and counters (no Flask, SQL or hardware)."""
from .errors import QueueError
from .model import CounterState, CounterStatus, Event, Ticket, TicketSource, TicketStatus
from .queue import AlreadyQueued, EngineState, QueueEngine

__all__ = [
    "AlreadyQueued", "CounterState", "CounterStatus", "EngineState", "Event", "QueueEngine", "QueueError",
    "Ticket", "TicketSource", "TicketStatus",
]
