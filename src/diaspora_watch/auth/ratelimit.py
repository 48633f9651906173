"""Login rate limiting: a sliding window of failures per key (client address, username).

Kept in memory: one server process guards its own door, which is what a small team runs.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from diaspora_watch.auth.errors import TooManyAttempts


class LoginLimiter:
    """Refuses a login once ``limit`` failures for any of its keys fell within ``window`` seconds."""

    def __init__(self, limit: int = 5, window: float = 300.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self._clock = limit, window, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, *keys: str) -> None:
        """Raise :class:`TooManyAttempts` if any key is over its limit."""
        now = self._clock()
        with self._lock:
            for key in keys:
                q = self._recent(key, now)
                if len(q) >= self.limit:
                    raise TooManyAttempts(max(1, int(q[0] + self.window - now) + 1))

    def failed(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q
