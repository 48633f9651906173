"""Rate limits for the public form: a sliding window per client address and one for everybody.

The overall window bounds what a crowd of addresses can pile up for caseworkers to review. Kept
in memory, like the login limiter: one server process guards its own door.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from diaspora_watch.intake.errors import RateLimited

OVERALL = "*"
MAX_CLIENTS = 10_000


class SubmissionLimiter:
    """Accept at most ``per_client`` submissions per ``window`` s from one address, ``overall`` from all."""

    def __init__(self, per_client: int = 5, window: float = 600.0, overall: int = 200, overall_window: float = 3600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = {"client": (per_client, window), OVERALL: (overall, overall_window)}
        self._hits: dict[str, deque[float]] = {}
        self._clock = clock
        self._lock = threading.Lock()

    def hit(self, client: str) -> None:
        """Count one submission from ``client``, or raise :class:`RateLimited` without counting it."""
        now = self._clock()
        with self._lock:
            queues = []
            for key, (limit, window) in ((f"client:{client}", self._limits["client"]), (OVERALL, self._limits[OVERALL])):
                q = self._hits.setdefault(key, deque())
                while q and q[0] <= now - window:
                    q.popleft()
                if len(q) >= limit:
                    raise RateLimited(max(1, int(q[0] + window - now) + 1))
                queues.append(q)
            for q in queues:
                q.append(now)
            if len(self._hits) > MAX_CLIENTS:  # forget addresses whose window has passed
                window = self._limits["client"][1]
                self._hits = {k: q for k, q in self._hits.items() if k == OVERALL or q[-1] > now - window}
