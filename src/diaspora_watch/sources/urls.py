"""URLs: an article page, or an RSS/Atom feed whose items are each fetched as articles."""

from __future__ import annotations

from collections.abc import Iterator

from diaspora_watch.document import Document
from diaspora_watch.errors import SourceError
from diaspora_watch.sources.feeds import looks_like_feed, parse_feed
from diaspora_watch.sources.fetch import Fetched, Fetcher
from diaspora_watch.sources.files import Item, content_id
from diaspora_watch.sources.html import document_from_html


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_url(url: str, fetcher: Fetcher, *, collected: str) -> Iterator[Item]:
    """The document at ``url``; for a feed, one document (or set-aside) per item."""
    try:
        page = fetcher.fetch(url)
    except SourceError as e:
        yield e
        return
    if looks_like_feed(page.body, page.content_type):
        try:
            items = parse_feed(page.body, page.final_url)  # relative item links resolve against where it was served
        except SourceError as e:
            yield e
            return
        for item in items:
            try:
                doc = _article(fetcher.fetch(item.url), collected)
            except SourceError as e:
                yield e
                continue
            doc.title = doc.title or item.title
            doc.published = doc.published or item.published
            doc.author = doc.author or item.author
            doc.meta["feed"] = url
            yield doc
        return
    try:
        yield _article(page, collected)
    except SourceError as e:
        yield e


def _article(page: Fetched, collected: str) -> Document:
    return document_from_html(page.body, where=page.final_url, url=page.final_url, doc_id=content_id("url", page.final_url), collected=collected)
