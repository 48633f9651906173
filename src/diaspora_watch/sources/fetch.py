"""Fetching one URL politely and safely: guarded addresses, robots.txt, size cap, retries.

A URL may come from a feed that anyone can write, so a fetch must not become a way into the
machine's own network (see :mod:`diaspora_watch.sources._netguard`), must not hang on a slow
server, and must not fill memory with an endless body. Redirects are followed here, not by
httpx, so that every hop is guarded and checked against its host's robots.txt.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from diaspora_watch import __version__
from diaspora_watch.errors import FetchRefused, SkipReason, SourceError
from diaspora_watch.sources._netguard import GuardedTransport, Resolver, checked_addresses, system_resolver

USER_AGENT = f"diaspora-watch/{__version__} (+https://github.com/diaspora-watch/diaspora-watch)"
_ROBOTS_AGENT = "diaspora-watch"
_ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 §2.5: crawlers must read at least 500 KiB
_MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_RETRY_AFTER = 30.0
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,*/*;q=0.5",
    # No br/zstd: gzip and deflate are enough, and fewer decoders means fewer surprises.
    "Accept-Encoding": "gzip, deflate",
}


@dataclass(frozen=True)
class Fetched:
    """A successful (2xx) response, read in full and under the size cap."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes


@dataclass(frozen=True)
class _Response:
    url: str
    status: int
    headers: httpx.Headers
    charset: str | None
    body: bytes


class Fetcher:
    """Fetches URLs through one httpx client; robots.txt answers are kept per host for its lifetime.

    Args:
        allow_private: let private, loopback and other non-public addresses through (tests, intranets).
        timeout: seconds allowed for connecting, for each read, and for the whole body once headers came.
        max_bytes: the most body bytes (after content decoding) read from one response.
        retries: extra attempts after a connect error, a 429 or a 5xx answer (never after other 4xx).
        backoff: first wait between attempts in seconds; it doubles each time. A Retry-After header
            (in seconds, up to 30) is honoured when it asks for longer.
        respect_robots: check each host's robots.txt before fetching from it.
        transport: an httpx transport to use instead of the guarded one (tests). The address check
            before each hop still runs, but connect-time pinning is then the transport's business.
        resolver: ``(host, port) -> addresses``, replacing ``getaddrinfo`` (tests).
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        timeout: float = 20.0,
        max_bytes: int = 10 * 2**20,
        retries: int = 2,
        backoff: float = 0.5,
        respect_robots: bool = True,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self._allow_private = allow_private
        self._resolver = resolver or system_resolver
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._retries = retries
        self._backoff = backoff
        self._respect_robots = respect_robots
        self._robots: dict[str, RobotFileParser | None] = {}
        self._client = httpx.Client(
            transport=transport or GuardedTransport(allow_private=allow_private, resolver=self._resolver),
            timeout=httpx.Timeout(timeout),
            headers=_HEADERS,
            follow_redirects=False,
            trust_env=False,
        )

    def fetch(self, url: str) -> Fetched:
        """GET ``url``, following up to 5 redirects, each hop guarded and robots-checked.

        Raises:
            FetchRefused: a hop is not http(s) or its host resolves to a non-public address.
            SourceError: ROBOTS_DISALLOWED, TOO_LARGE, or FETCH_FAILED (unresolvable host, network
                error, timeout, too many redirects, or a final status other than 2xx).
        """
        resp = self._follow(url, where=url, cap=self._max_bytes, truncate=False, robots=self._respect_robots)
        if not 200 <= resp.status < 300:
            raise SourceError(SkipReason.FETCH_FAILED, url, f"HTTP {resp.status} from {resp.url}")
        media_type = resp.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        return Fetched(url, resp.url, resp.status, media_type, resp.charset, resp.body)

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _follow(self, url: str, *, where: str, cap: int, truncate: bool, robots: bool) -> _Response:
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            self._guard(current, where)
            if robots:
                self._check_robots(current, where)
            resp = self._get(current, where, cap, truncate)
            location = resp.headers.get("location")
            if resp.status not in _REDIRECTS or not location:
                return resp
            current = urljoin(current, location.strip())
        raise SourceError(SkipReason.FETCH_FAILED, where, f"more than {_MAX_REDIRECTS} redirects")

    def _guard(self, url: str, where: str) -> None:
        """Refuse a hop before any byte is sent; the guarded transport checks again at connect."""
        try:
            parts = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise FetchRefused(where, f"not a valid URL: {url!r} ({exc})") from exc
        if parts.scheme not in ("http", "https") or not parts.host:
            raise FetchRefused(where, f"only http(s) URLs with a host are fetched, not {url!r}")
        if not self._allow_private:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            try:
                checked_addresses(parts.raw_host.decode("ascii"), port, self._resolver)  # IDNA form, as connected
            except FetchRefused as exc:
                raise FetchRefused(where, exc.detail) from exc
            except OSError as exc:
                raise SourceError(SkipReason.FETCH_FAILED, where, f"cannot resolve {parts.host}: {exc}") from exc

    def _get(self, url: str, where: str, cap: int, truncate: bool) -> _Response:
        """One hop, with retries on connect errors, 429 and 5xx."""
        for attempt in range(self._retries + 1):
            last = attempt == self._retries
            delay = self._backoff * 2**attempt
            try:
                with self._client.stream("GET", url) as resp:
                    if _retryable(resp.status_code) and not last:
                        delay = max(delay, _retry_after(resp.headers))
                    else:
                        body = self._read(resp, where, cap, truncate)
                        return _Response(url, resp.status_code, resp.headers, resp.charset_encoding, body)
            except FetchRefused as exc:
                raise FetchRefused(where, exc.detail) from exc
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                if last:
                    raise SourceError(SkipReason.FETCH_FAILED, where, f"cannot connect to {url}: {exc}") from exc
            except httpx.TimeoutException as exc:
                raise SourceError(SkipReason.FETCH_FAILED, where, f"timed out reading {url}") from exc
            except httpx.HTTPError as exc:
                raise SourceError(SkipReason.FETCH_FAILED, where, f"{type(exc).__name__}: {exc}") from exc
            time.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _read(self, resp: httpx.Response, where: str, cap: int, truncate: bool) -> bytes:
        """Read the body while streaming; stop at ``cap`` bytes and at the body deadline."""
        declared = resp.headers.get("content-length", "")
        if not truncate and declared.isdigit() and int(declared) > cap:
            raise SourceError(SkipReason.TOO_LARGE, where, f"Content-Length {declared} > {cap} bytes")
        deadline = time.monotonic() + self._timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            if size + len(chunk) > cap:
                if not truncate:
                    raise SourceError(SkipReason.TOO_LARGE, where, f"body over {cap} bytes")
                chunks.append(chunk[: cap - size])
                break
            chunks.append(chunk)
            size += len(chunk)
            if time.monotonic() > deadline:
                raise SourceError(SkipReason.FETCH_FAILED, where, f"body took over {self._timeout} s")
        return b"".join(chunks)

    def _check_robots(self, url: str, where: str) -> None:
        parts = httpx.URL(url)  # netloc without userinfo, host in IDNA form
        origin = f"{parts.scheme}://{parts.netloc.decode('ascii')}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin, where)
        rules = self._robots[origin]
        if rules is not None and not rules.can_fetch(_ROBOTS_AGENT, url):
            raise SourceError(SkipReason.ROBOTS_DISALLOWED, where, f"{origin}/robots.txt disallows {url}")

    def _load_robots(self, origin: str, where: str) -> RobotFileParser | None:
        """Rules for one origin after RFC 9309: 4xx means no rules; 5xx (and 429) mean keep out, not cached."""
        try:
            resp = self._follow(f"{origin}/robots.txt", where=where, cap=_ROBOTS_MAX_BYTES, truncate=True, robots=False)
        except FetchRefused:
            return None  # a redirect into a refused address: nothing was fetched, so no rules
        if _retryable(resp.status) or resp.status in _REDIRECTS:
            raise SourceError(SkipReason.ROBOTS_DISALLOWED, where, f"{origin}/robots.txt answered HTTP {resp.status}")
        if resp.status >= 400:
            return None
        rules = RobotFileParser()
        rules.parse(resp.body.decode("utf-8", errors="replace").splitlines())
        return rules


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


def _retry_after(headers: httpx.Headers) -> float:
    """A Retry-After given in seconds, capped; HTTP-date forms are ignored (the backoff applies)."""
    value = headers.get("retry-after", "").strip()
    return min(float(value), _MAX_RETRY_AFTER) if value.isdigit() else 0.0
