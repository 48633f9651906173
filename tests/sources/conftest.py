"""A real HTTP server on 127.0.0.1 for the fetch tests, with hostile endpoints beside normal ones.

Each test gets a fresh server, so hit counters and flaky-endpoint state never leak between tests.
Nothing here talks to any address other than 127.0.0.1.
"""

from __future__ import annotations

import gzip
import shutil
import ssl
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from diaspora_watch.sources.fetch import Fetcher

DATA = Path(__file__).resolve().parent / "data"
PAGE = b"<!DOCTYPE html><html><head><title>Test page</title></head><body><p>Written for the tests.</p></body></html>"

Route = Callable[["_Handler"], None]


@dataclass
class LocalServer:
    """The running server: its routes, what it was asked, and what it sent."""

    port: int
    routes: dict[str, Route]
    hits: Counter[str] = field(default_factory=Counter)
    headers: list[dict[str, str]] = field(default_factory=list)
    sent: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        state = self.server.state
        path = self.path.split("?", 1)[0]
        state.hits[path] += 1
        state.headers.append({k.lower(): v for k, v in self.headers.items()})
        state.routes.get(path, _not_found)(self)

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        """Silence: tests do not print."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: LocalServer


def _not_found(h: _Handler) -> None:
    h.send(404, b"not here")


def _slow(h: _Handler) -> None:
    time.sleep(2.0)
    h.send(200, PAGE)


def _stream(h: _Handler, chunk: bytes, pause: float, limit: int) -> None:
    """Send headers, then ``chunk`` every ``pause`` seconds until the client leaves or ``limit`` bytes."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    h.close_connection = True
    try:
        while h.server.state.sent[h.path] < limit:
            h.wfile.write(chunk)
            h.wfile.flush()
            h.server.state.sent[h.path] += len(chunk)
            time.sleep(pause)
    except OSError:
        pass


def _flaky(h: _Handler) -> None:
    if h.server.state.hits["/flaky"] <= 2:
        h.send(503, b"busy", Retry_After="0")
    else:
        h.send(200, PAGE)


def _default_routes() -> dict[str, Route]:
    return {
        "/robots.txt": lambda h: h.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/page": lambda h: h.send(200, PAGE, "Text/HTML; Charset=UTF-8"),
        "/private/page": lambda h: h.send(200, PAGE),
        "/feed.xml": lambda h: h.send(200, (DATA / "rss2.xml").read_bytes(), "application/rss+xml"),
        "/redirect": lambda h: h.send(302, location="/hop"),
        "/hop": lambda h: h.send(301, location=h.server.state.url("/page")),
        "/loop": lambda h: h.send(302, location="/loop"),
        "/slow": _slow,
        "/drip": lambda h: _stream(h, b"x", 0.1, 200),
        "/endless": lambda h: _stream(h, b"x" * 65536, 0.0, 2**30),
        "/declared-huge": _declared_huge,
        "/gzip-bomb": lambda h: h.send(200, gzip.compress(b"\0" * (8 * 2**20)), "text/html", Content_Encoding="gzip"),
        "/flaky": _flaky,
        "/busy": lambda h: h.send(503, b"busy", Retry_After="0"),
        "/echo-host": lambda h: h.send(200, h.headers.get("Host", "").encode(), "text/plain"),
    }


def _declared_huge(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(2**40))
    h.send_header("Connection", "close")
    h.end_headers()
    h.close_connection = True
    h.wfile.write(b"tiny")


@contextmanager
def _serving(context: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    """Run a server on a free 127.0.0.1 port (over TLS when given a context) until the block ends."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.state = LocalServer(port=httpd.server_address[1], routes=_default_routes())
    if context is not None:

        def record_sni(sock: ssl.SSLObject, name: str | None, ctx: ssl.SSLContext) -> None:
            httpd.state.headers.append({"sni": str(name)})

        context.sni_callback = record_sni  # type: ignore[assignment]
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd.state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A fresh plain-HTTP server for one test."""
    with _serving() as state:
        yield state


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[LocalServer, Path]]:
    """The same server over TLS, with a throwaway certificate for ``news.test``; yields it and the cert.

    The server records the SNI name each client sent in ``headers`` as ``{"sni": name}``.
    """
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=news.test",
         "-addext", "subjectAltName=DNS:news.test"],
        check=True, capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with _serving(context) as state:
        yield state, cert


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    """A fetcher allowed onto loopback (the test server), with short timeouts and backoff."""
    with Fetcher(allow_private=True, timeout=0.5, retries=2, backoff=0.01, max_bytes=256 * 1024) as f:
        yield f


class ToLocal(httpx.BaseTransport):
    """Sends every request to the local server whatever host the URL names (Host header kept).

    It lets a test use a host name that the guard sees as public without any traffic leaving
    127.0.0.1.
    """

    def __init__(self, port: int) -> None:
        self._inner = httpx.HTTPTransport(trust_env=False)
        self._port = port

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self._port)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


@pytest.fixture
def to_local(server: LocalServer) -> ToLocal:
    """A :class:`ToLocal` transport aimed at this test's server."""
    return ToLocal(server.port)
