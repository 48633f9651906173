"""Results computed from incidents, kept until the database's data version moves.

``data_version.n`` is bumped by triggers on every change to incidents, incident sources and
search text (migration 0003), whichever process makes it, so a cached count is never stale:
reading the version is one primary-key lookup, recomputing the dashboard's counts is not.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from diaspora_watch.store.incidents import DataVersion


def data_version(s: Session) -> int:
    return int(s.scalar(select(DataVersion.n).where(DataVersion.id == 1)) or 0)


class VersionedCache:
    """A small LRU of results keyed by (what was asked, data version); old versions simply age out."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Hashable, int], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, s: Session, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached result for ``key`` at the session's data version, computing it on a miss."""
        full = (key, data_version(s))
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
