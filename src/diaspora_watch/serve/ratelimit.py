"""The web's one rate limiter: a sliding window of hits per key (an address, a username, everybody).

Login counts only its failures, the public form counts every submission: which calls count is
the caller's choice of when to call :meth:`SlidingWindow.hit`. Kept in memory: one server
process guards its own door, which is what a small team runs.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping

#: past this many keys, those whose window has passed are forgotten (a crowd of addresses cannot fill memory)
MAX_KEYS = 10_000


class SlidingWindow:
    """At most ``limit`` hits per key within the last ``window`` seconds; a key in ``by_key`` has its own (limit, window).

    Examples:
        >>> now = [0.0]
        >>> w = SlidingWindow(2, 60, by_key={"*": (3, 600)}, clock=lambda: now[0])
        >>> w.hit("ip:a", "*"), w.hit("ip:a", "*"), w.hit("ip:a", "*"), w.hit("ip:b", "*"), w.hit("ip:c", "*")
        (0, 0, 61, 0, 601)
        >>> now[0] = 601.0
        >>> w.wait("ip:a", "*")
        0
    """

    def __init__(self, limit: int, window: float, *, by_key: Mapping[str, tuple[int, float]] | None = None,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_KEYS) -> None:
        self.limit, self.window = limit, window
        self._by_key = dict(by_key or {})
        self._clock, self._max_keys = clock, max_keys
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> int:
        """Seconds until every key has room for one more hit (at least 1), or 0 when they have it now."""
        now = self._clock()
        with self._lock:
            return self._wait(keys, now)

    def hit(self, *keys: str) -> int:
        """Count one hit on every key and return 0, or, when a key is full, count nothing and return :meth:`wait`.

        Checking and counting happen under one lock, so concurrent callers cannot pass a full window.
        """
        now = self._clock()
        with self._lock:
            wait = self._wait(keys, now)
            if wait:
                return wait
            for key in keys:
                self._hits.setdefault(key, deque()).append(now)
            if len(self._hits) > self._max_keys:
                self._hits = {k: q for k, q in self._hits.items() if q and q[-1] > now - self._rule(k)[1]}
            return 0

    def reset(self, *keys: str) -> None:
        """Forget the keys' hits (a login that succeeded clears its failures)."""
        with self._lock:
            for key in keys:
                self._hits.pop(key, None)

    def _rule(self, key: str) -> tuple[int, float]:
        return self._by_key.get(key, (self.limit, self.window))

    def _wait(self, keys: tuple[str, ...], now: float) -> int:
        wait = 0
        for key in keys:
            limit, window = self._rule(key)
            q = self._hits.get(key)
            if q is None:
                continue
            while q and q[0] <= now - window:
                q.popleft()
            if len(q) >= limit:  # room comes back when the hit that filled the window leaves it
                wait = max(wait, max(1, int(q[-limit] + window - now) + 1))
        return wait
