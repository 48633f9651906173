"""Fetching against a real local server: guard, redirects, robots.txt, timeouts, size cap, retries."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from diaspora_watch.errors import FetchRefused, SkipReason, SourceError
from diaspora_watch.sources import _netguard
from diaspora_watch.sources.fetch import USER_AGENT, Fetcher

if TYPE_CHECKING:
    from conftest import LocalServer, ToLocal

PUBLIC = "93.184.216.34"  # only ever handed to the guard; no test connects to it


def _reason(exc: pytest.ExceptionInfo[SourceError]) -> SkipReason:
    return exc.value.reason


def test_fetch_gets_page_with_media_type_charset_and_user_agent(server: LocalServer, fetcher: Fetcher) -> None:
    got = fetcher.fetch(server.url("/page"))
    assert got.status == 200
    assert got.content_type == "text/html"
    assert got.charset == "utf-8"
    assert got.url == got.final_url == server.url("/page")
    assert got.body.startswith(b"<!DOCTYPE html>")
    assert server.headers[-1]["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("diaspora-watch/")


def test_fetch_refuses_loopback_by_default(server: LocalServer) -> None:
    with Fetcher() as default, pytest.raises(FetchRefused) as caught:
        default.fetch(server.url("/page"))
    assert caught.value.where == server.url("/page")
    assert "loopback" in caught.value.detail
    assert not server.hits  # not even robots.txt was asked for


@pytest.mark.parametrize(
    "url",
    ["http://localhost/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0.0.0.0/"],
)
def test_fetch_refuses_loopback_spellings(url: str) -> None:
    with Fetcher() as default, pytest.raises(FetchRefused):
        default.fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://a/", "http:///nohost", "not a url"])
def test_fetch_refuses_non_http_urls(url: str, fetcher: Fetcher) -> None:
    with pytest.raises(FetchRefused):
        fetcher.fetch(url)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("169.254.169.254", "cloud metadata"),
        ("169.254.1.1", "link-local"),
        ("fd00:ec2::254", "cloud metadata"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "cloud metadata"),
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("192.0.2.1", "private"),  # documentation range
        (PUBLIC, None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_fetch_guard_judges_address(address: str, reason: str | None) -> None:
    assert _netguard.why_blocked(ipaddress.ip_address(address)) == reason


def test_fetch_guard_refuses_host_if_any_address_is_private() -> None:
    with pytest.raises(FetchRefused) as caught:
        _netguard.checked_addresses("mixed.test", 80, lambda host, port: [PUBLIC, "10.0.0.5"])
    assert "10.0.0.5" in caught.value.detail
    assert _netguard.checked_addresses("fine.test", 80, lambda host, port: [PUBLIC]) == [PUBLIC]


def test_fetch_unresolvable_host_is_a_failure_not_a_refusal(server: LocalServer) -> None:
    def nowhere(host: str, port: int) -> list[str]:
        raise socket.gaierror("Name or service not known")

    with Fetcher(resolver=nowhere, respect_robots=False) as guarded, pytest.raises(SourceError) as caught:
        guarded.fetch("http://nowhere.test/")
    assert type(caught.value) is SourceError
    assert _reason(caught) is SkipReason.FETCH_FAILED
    assert "cannot resolve" in caught.value.detail


def test_fetch_host_vanishing_at_connect_fails_after_retries(server: LocalServer) -> None:
    answers = iter([[PUBLIC]])  # the pre-check sees a public address; the connect-time lookup sees none

    with Fetcher(
        resolver=lambda host, port: next(answers, []), respect_robots=False, retries=1, backoff=0.01
    ) as guarded, pytest.raises(SourceError) as caught:
        guarded.fetch(f"http://vanish.test:{server.port}/page")
    assert _reason(caught) is SkipReason.FETCH_FAILED
    assert "cannot connect" in caught.value.detail
    assert not server.hits


def test_fetch_follows_redirects(server: LocalServer, fetcher: Fetcher) -> None:
    got = fetcher.fetch(server.url("/redirect"))
    assert got.final_url == server.url("/page")
    assert got.url == server.url("/redirect")
    assert server.hits["/hop"] == 1


def test_fetch_stops_redirect_loop(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/loop"))
    assert _reason(caught) is SkipReason.FETCH_FAILED
    assert "redirects" in caught.value.detail
    assert server.hits["/loop"] == 6  # the first request and 5 redirects


@pytest.mark.parametrize(
    "target", ["http://127.0.0.1:{port}/page", "http://169.254.169.254/latest/meta-data/", "http://[::1]:{port}/page"]
)
def test_fetch_refuses_redirect_into_private_address(server: LocalServer, to_local: ToLocal, target: str) -> None:
    location = target.format(port=server.port)
    server.routes["/jump"] = lambda h: h.send(302, location=location)
    resolver = {"public.test": [PUBLIC]}
    with Fetcher(
        transport=to_local, resolver=lambda host, port: resolver[host], respect_robots=False
    ) as guarded, pytest.raises(FetchRefused) as caught:
        guarded.fetch(f"http://public.test:{server.port}/jump")
    assert caught.value.where == f"http://public.test:{server.port}/jump"
    assert server.hits["/jump"] == 1  # the first hop was allowed and made
    assert server.hits["/page"] == 0


def test_fetch_guard_at_connect_stops_dns_rebinding(server: LocalServer) -> None:
    answers = iter([[PUBLIC]])  # first lookup (the pre-check) says public, every later one says loopback

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers, ["127.0.0.1"])

    with Fetcher(resolver=rebinding, respect_robots=False, retries=0) as guarded, pytest.raises(FetchRefused) as caught:
        guarded.fetch(f"http://rebind.test:{server.port}/page")
    assert "127.0.0.1" in caught.value.detail
    assert caught.value.where == f"http://rebind.test:{server.port}/page"
    assert not server.hits


def test_fetch_connects_to_checked_address_and_keeps_host(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # Treat loopback as public for this test only, so the guarded transport's own path is exercised.
    real = _netguard.why_blocked
    monkeypatch.setattr(_netguard, "why_blocked", lambda a: None if str(a) == "127.0.0.1" else real(a))
    lookups: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"] if host == "news.test" else []

    with Fetcher(resolver=resolver, respect_robots=False) as guarded:
        got = guarded.fetch(f"http://news.test:{server.port}/echo-host")
    assert got.body == f"news.test:{server.port}".encode()
    assert lookups == ["news.test", "news.test"]  # checked before the request and again at connect


def test_fetch_pinned_tls_keeps_sni_and_certificate_name(
    tls_server: tuple[LocalServer, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, cert = tls_server
    real = _netguard.why_blocked
    monkeypatch.setattr(_netguard, "why_blocked", lambda a: None if str(a) == "127.0.0.1" else real(a))
    monkeypatch.setattr(_netguard.httpx, "create_ssl_context", lambda **_: ssl.create_default_context(cafile=cert))
    with Fetcher(resolver=lambda host, port: ["127.0.0.1"], respect_robots=False) as guarded:
        got = guarded.fetch(f"https://news.test:{server.port}/echo-host")
    assert got.body == f"news.test:{server.port}".encode()
    assert {"sni": "news.test"} in server.headers  # the socket went to 127.0.0.1, TLS still named the host


def test_fetch_times_out_on_slow_server(server: LocalServer, fetcher: Fetcher) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/slow"))
    assert _reason(caught) is SkipReason.FETCH_FAILED
    assert "timed out" in caught.value.detail
    assert time.monotonic() - started < 1.5
    assert server.hits["/slow"] == 1  # a read timeout is not retried


def test_fetch_stops_drip_fed_body(server: LocalServer, fetcher: Fetcher) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/drip"))
    assert _reason(caught) is SkipReason.FETCH_FAILED
    assert "took over" in caught.value.detail
    assert time.monotonic() - started < 1.5  # each byte came well inside the read timeout


def test_fetch_caps_endless_body_while_streaming(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/endless"))
    assert _reason(caught) is SkipReason.TOO_LARGE
    assert server.sent["/endless"] < 64 * 2**20  # reading stopped long before the server gave up


def test_fetch_refuses_declared_oversize_before_reading(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/declared-huge"))
    assert _reason(caught) is SkipReason.TOO_LARGE
    assert "Content-Length" in caught.value.detail


def test_fetch_caps_decoded_size_of_gzip_bomb(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/gzip-bomb"))  # about 8 KB on the wire, 8 MiB decoded
    assert _reason(caught) is SkipReason.TOO_LARGE


def test_fetch_retries_503_then_succeeds(server: LocalServer, fetcher: Fetcher) -> None:
    got = fetcher.fetch(server.url("/flaky"))
    assert got.status == 200
    assert server.hits["/flaky"] == 3


def test_fetch_gives_up_after_retries(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/busy"))
    assert _reason(caught) is SkipReason.FETCH_FAILED
    assert "HTTP 503" in caught.value.detail
    assert server.hits["/busy"] == 3


def test_fetch_does_not_retry_404(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/missing"))
    assert _reason(caught) is SkipReason.FETCH_FAILED
    assert "HTTP 404" in caught.value.detail
    assert server.hits["/missing"] == 1


def test_fetch_retries_connect_errors(fetcher: Fetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again at once: nothing listens there
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(f"http://127.0.0.1:{port}/")
    assert _reason(caught) is SkipReason.FETCH_FAILED
    assert "cannot connect" in caught.value.detail
    assert time.monotonic() - started >= 0.01 + 0.02  # two backoff waits


def test_fetch_honours_robots_and_asks_once_per_host(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/private/page"))
    assert _reason(caught) is SkipReason.ROBOTS_DISALLOWED
    assert server.hits["/private/page"] == 0
    fetcher.fetch(server.url("/page"))
    fetcher.fetch(server.url("/redirect"))
    assert server.hits["/robots.txt"] == 1


def test_fetch_ignores_robots_when_told(server: LocalServer) -> None:
    with Fetcher(allow_private=True, respect_robots=False) as f:
        assert f.fetch(server.url("/private/page")).status == 200
    assert server.hits["/robots.txt"] == 0


def test_fetch_missing_robots_allows_everything(server: LocalServer, fetcher: Fetcher) -> None:
    del server.routes["/robots.txt"]
    assert fetcher.fetch(server.url("/private/page")).status == 200
    assert server.hits["/robots.txt"] == 1


def test_fetch_robots_server_error_keeps_out(server: LocalServer, fetcher: Fetcher) -> None:
    server.routes["/robots.txt"] = lambda h: h.send(500, b"oops")
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/page"))
    assert _reason(caught) is SkipReason.ROBOTS_DISALLOWED
    assert server.hits["/page"] == 0


def test_fetch_robots_names_our_agent(server: LocalServer, fetcher: Fetcher) -> None:
    rules = b"User-agent: diaspora-watch\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    server.routes["/robots.txt"] = lambda h: h.send(200, rules, "text/plain")
    with pytest.raises(SourceError) as caught:
        fetcher.fetch(server.url("/page"))
    assert _reason(caught) is SkipReason.ROBOTS_DISALLOWED
