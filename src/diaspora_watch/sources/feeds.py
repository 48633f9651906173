"""RSS and Atom feeds as lists of items to fetch, after the XML has been proved harmless.

feedparser is forgiving, which is right for real-world feeds and wrong for hostile ones, so the
bytes are first parsed by defusedxml with entity declarations and external references
forbidden: a billion-laughs or XXE feed fails there in milliseconds, before anything expands
or any file is opened. Both parsers then see the same bytes, re-encoded as UTF-8 here, so they
cannot disagree about the encoding.
"""

from __future__ import annotations

import codecs
import io
import re
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException

from diaspora_watch.errors import SkipReason, SourceError

_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_FEED_ROOTS = frozenset({"rss", "feed", "rdf"})  # local names; RSS 1.0's root is rdf:RDF
_ROOT = re.compile(  # skip the prolog (BOM, declaration, comments, PIs, DOCTYPE), catch the root name
    rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype(?:[^>\[]|\[.*?\])*>)*<([A-Za-z_][\w:.-]*)",
    re.S | re.I,
)
_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_DECLARED = re.compile(rb"\A\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class FeedItem:
    """One feed entry that links to an article; text fields are plain text, whitespace folded."""

    url: str
    title: str
    published: str  # "YYYY-MM-DD" in UTC, or "" when the entry has no date
    summary: str
    author: str


def looks_like_feed(body: bytes, content_type: str) -> bool:
    """Whether ``body`` is an RSS/Atom document: its root element decides, the media type breaks ties.

    Servers often send feeds as ``text/xml`` or ``text/html``, and error pages as
    ``application/rss+xml``, so the root element is trusted over the header when it can be read.

    >>> looks_like_feed(b'<?xml version="1.0"?><rss version="2.0"></rss>', "text/xml")
    True
    >>> looks_like_feed(b"<!DOCTYPE html><html></html>", "application/rss+xml")
    False
    """
    match = _ROOT.match(body[:4096])
    if match:
        return _local_name(match.group(1).decode("ascii")) in _FEED_ROOTS
    return content_type.split(";", 1)[0].strip().lower() in _FEED_TYPES


def parse_feed(body: bytes, where: str) -> list[FeedItem]:
    """The items of an RSS 0.9x/1.0/2.0 or Atom feed that have an http(s) link, in feed order.

    ``where`` names the feed in errors; when it is an http(s) URL, relative links resolve
    against it.

    Raises:
        SourceError: UNSAFE_XML (entity declarations or external references), BAD_ENCODING
            (undecodable under its BOM or declared encoding), UNREADABLE (not well-formed XML),
            UNSUPPORTED_TYPE (well-formed, but not RSS or Atom).
    """
    data = _as_utf8(body, where)
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError(SkipReason.UNSAFE_XML, where, type(exc).__name__) from exc
    except ParseError as exc:
        raise SourceError(SkipReason.UNREADABLE, where, f"not well-formed XML: {exc}") from exc
    if _local_name(str(root.tag)) not in _FEED_ROOTS:
        raise SourceError(SkipReason.UNSUPPORTED_TYPE, where, f"root element <{root.tag}> is not RSS or Atom")
    headers = {"content-location": where} if urlsplit(where).scheme in ("http", "https") else {}
    # A BytesIO, never bare bytes: feedparser first tries to open bytes as a file name.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    return [item for entry in parsed.entries if (item := _item(entry)) is not None]


def _as_utf8(body: bytes, where: str) -> bytes:
    """Decode by BOM, else by the XML declaration, else as UTF-8; give back UTF-8 declaring so."""
    encoding = next((name for bom, name in _BOMS if body.startswith(bom)), None)
    if encoding is None:
        declared = _DECLARED.match(body[:1024])
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = body.decode(encoding)
    except LookupError as exc:
        raise SourceError(SkipReason.BAD_ENCODING, where, f"unknown encoding {encoding!r}") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(SkipReason.BAD_ENCODING, where, f"not valid {encoding}: {exc.reason} at byte {exc.start}") from exc
    text = _DECLARATION.sub("", text.lstrip("\ufeff"), count=1)
    return b'<?xml version="1.0" encoding="utf-8"?>' + text.encode("utf-8")


def _item(entry: feedparser.FeedParserDict) -> FeedItem | None:
    url = str(entry.get("link", "")).strip()
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")  # UTC struct_time
    return FeedItem(
        url=url,
        title=_plain(entry.get("title", "")),
        published=time.strftime("%Y-%m-%d", stamp) if stamp else "",
        summary=_plain(entry.get("summary", "")),
        author=_plain(entry.get("author", "")),
    )


class _TextOnly(HTMLParser):
    """Collects text; block-level tags become spaces so that paragraphs do not run together."""

    _BLOCKS = frozenset({"p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.handle_starttag(tag, [])

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain(markup: str) -> str:
    """Text of an HTML fragment, whitespace folded (feed titles and summaries may carry markup)."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _local_name(tag: str) -> str:
    """``{ns}name`` or ``prefix:name`` -> ``name``, lowercased."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()
