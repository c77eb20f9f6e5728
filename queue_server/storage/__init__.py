"""The storage layer: every SQL statement of the server lives in this package."""
from .store import Store, StoreError

__all__ = ["Store", "StoreError"]
