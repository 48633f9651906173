"""Feeds: normal RSS and Atom parse into items; hostile XML is refused before anything expands."""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from diaspora_watch.errors import SkipReason, SourceError
from diaspora_watch.sources.feeds import FeedItem, looks_like_feed, parse_feed

if TYPE_CHECKING:
    from conftest import LocalServer

    from diaspora_watch.sources.fetch import Fetcher

DATA = Path(__file__).resolve().parent / "data"

_opened: list[str] = []
_watched: set[str] = set()


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and str(args[0]) in _watched:
        _opened.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one only looks at watched paths


def _billion_laughs(levels: int = 10) -> bytes:
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(decls)}]>'
        f"<rss version=\"2.0\"><channel><item><title>&lol{levels - 1};</title>"
        "<link>https://a.example/x</link></item></channel></rss>"
    ).encode()


def test_feeds_parses_rss2_items_with_utc_dates_and_resolved_links() -> None:
    items = parse_feed((DATA / "rss2.xml").read_bytes(), "https://news.example.org/feed.xml")
    assert [i.url for i in items] == [
        "https://news.example.org/2025/07/first-item",
        "https://news.example.org/2025/06/relative",
        "https://news.example.org/undated",
    ]
    first = items[0]
    assert first == FeedItem(
        url="https://news.example.org/2025/07/first-item",
        title="First test item & more",
        published="2025-07-03",  # 23:30 at UTC-3 is the next day in UTC
        summary="A short summary. Second paragraph.",
        author="Test Author",
    )
    assert items[2].published == ""


def test_feeds_parses_atom_alternate_link_and_published_date() -> None:
    items = parse_feed((DATA / "atom.xml").read_bytes(), "feeds/atom.xml")
    assert [(i.url, i.published) for i in items] == [
        ("https://atom.example.net/entries/one", "2025-07-02"),  # 01:15 at UTC+5
        ("https://atom.example.net/entries/two", "2025-06-29"),  # no <published>: <updated>
    ]
    assert items[0].title == "Atom entry one"
    assert items[0].author == "Atom Writer"


def test_feeds_skips_items_without_http_link() -> None:
    titles = [i.title for i in parse_feed((DATA / "rss2.xml").read_bytes(), "rss2.xml")]
    assert "Item without a link" not in titles
    assert "Script link" not in titles


def test_feeds_refuses_billion_laughs_fast_without_memory_growth() -> None:
    body = _billion_laughs()
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(SourceError) as caught:
        parse_feed(body, "laughs.xml")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert caught.value.reason is SkipReason.UNSAFE_XML
    assert elapsed < 0.5
    assert peak < 2 * 2**20  # expanded, it would be 10**9 * 3 bytes


def test_feeds_refuses_quadratic_blowup() -> None:
    big = "A" * 50_000
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{big}">]>'
        f'<rss version="2.0"><channel><item><title>{"&a;" * 5000}</title></item></channel></rss>'
    ).encode()
    with pytest.raises(SourceError) as caught:
        parse_feed(body, "quadratic.xml")
    assert caught.value.reason is SkipReason.UNSAFE_XML


@pytest.mark.parametrize("form", ["entity", "parameter-entity"])
def test_feeds_refuses_xxe_without_reading_the_file(tmp_path: Path, form: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-7f3a")
    _watched.add(str(secret))
    if form == "entity":
        doctype = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        title = "&xxe;"
    else:
        doctype = f'<!DOCTYPE rss [<!ENTITY % xxe SYSTEM "file://{secret}"> %xxe;]>'
        title = "t"
    body = (
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><item>'
        f"<title>{title}</title><link>https://a.example/x</link></item></channel></rss>"
    ).encode()
    with pytest.raises(SourceError) as caught:
        parse_feed(body, "xxe.xml")
    assert caught.value.reason is SkipReason.UNSAFE_XML
    assert "CANARY" not in str(caught.value)
    assert _opened == []


def test_feeds_accepts_doctype_without_entities() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<title>Old</title><item><title>Old item</title><link>https://old.example/1</link></item>"
        b"</channel></rss>"
    )
    assert [i.url for i in parse_feed(body, "old.xml")] == ["https://old.example/1"]


def test_feeds_decodes_declared_single_byte_encoding() -> None:
    body = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><item>'
        "<title>Проверка кодировки</title><link>https://ru.example/1</link></item></channel></rss>"
    ).encode("cp1251")
    assert parse_feed(body, "ru.xml")[0].title == "Проверка кодировки"


def test_feeds_decodes_utf16_with_bom() -> None:
    body = (
        '<?xml version="1.0" encoding="utf-16"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<entry><title>Шестнадцать</title><link href="https://u16.example/1"/>'
        "<updated>2025-01-02T00:00:00Z</updated></entry></feed>"
    ).encode("utf-16")
    assert parse_feed(body, "u16.xml")[0].title == "Шестнадцать"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'<?xml version="1.0"?><rss><channel><item><title>open', SkipReason.UNREADABLE),
        (b"<rss><channel></rss>", SkipReason.UNREADABLE),
        (b"", SkipReason.UNREADABLE),
        (b'<?xml version="1.0" encoding="utf-8"?><rss><channel><title>\xff\xfe</title></channel></rss>', SkipReason.BAD_ENCODING),
        (b'<?xml version="1.0" encoding="no-such-codec"?><rss/>', SkipReason.BAD_ENCODING),
        (b"<html><body><p>a page, not a feed</p></body></html>", SkipReason.UNSUPPORTED_TYPE),
    ],
    ids=["truncated", "mismatched-tags", "empty", "bad-utf8", "unknown-encoding", "html"],
)
def test_feeds_rejects_malformed_feed(body: bytes, reason: SkipReason) -> None:
    with pytest.raises(SourceError) as caught:
        parse_feed(body, "bad.xml")
    assert caught.value.reason is reason
    assert caught.value.where == "bad.xml"


@pytest.mark.parametrize(
    ("body", "ctype", "expected"),
    [
        (b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0"/>', "text/xml", True),
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom"/>', "text/html", True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', "application/xml", True),
        (b'<!DOCTYPE rss [<!ENTITY a "b">]><rss/>', "", True),
        (b"<!DOCTYPE html><html><head></head></html>", "application/rss+xml", False),
        (b"<svg/>", "image/svg+xml", False),
        ("<rss/>".encode("utf-16"), "application/atom+xml", True),
        ("<rss/>".encode("utf-16"), "text/plain", False),
        (b"plain words", "text/plain", False),
    ],
)
def test_feeds_looks_like_feed(body: bytes, ctype: str, expected: bool) -> None:
    assert looks_like_feed(body, ctype) is expected


def test_feeds_parses_what_the_fetcher_got(server: LocalServer, fetcher: Fetcher) -> None:
    got = fetcher.fetch(server.url("/feed.xml"))
    assert looks_like_feed(got.body, got.content_type)
    items = parse_feed(got.body, got.final_url)
    assert items[1].url == server.url("/2025/06/relative")  # relative links resolve against the feed's URL
