"""HTML pages to documents through trafilatura: main text, title, date, author, site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from diaspora_watch.document import Document
from diaspora_watch.errors import SkipReason, SourceError
from diaspora_watch.sources._decode import check_not_binary

_DEPTH_LIMIT = 2_000  # lxml and trafilatura recurse; pathological nesting is refused, not crashed on
_TAG = re.compile(rb"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/)?>")
_VOID = {b"br", b"img", b"meta", b"link", b"hr", b"input", b"area", b"base", b"col", b"embed", b"source", b"track", b"wbr", b"param"}


def _too_deep(data: bytes) -> bool:
    depth = 0
    for m in _TAG.finditer(data):
        name = m.group(2).lower()
        if m.group(1):
            depth = max(depth - 1, 0)
        elif not m.group(3) and name not in _VOID:
            depth += 1
            if depth > _DEPTH_LIMIT:
                return True
    return False


def document_from_html(data: bytes, *, where: str, url: str = "", doc_id: str, collected: str) -> Document:
    """Extract the article in an HTML page; pages with no main text are set aside."""
    import trafilatura

    check_not_binary(data, where)
    if _too_deep(data):
        raise SourceError(SkipReason.UNREADABLE, where, f"HTML nested deeper than {_DEPTH_LIMIT} elements")
    try:
        result = trafilatura.bare_extraction(
            data, url=url or None, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except (RecursionError, ValueError, TypeError, MemoryError) as e:
        raise SourceError(SkipReason.UNREADABLE, where, f"HTML could not be parsed: {type(e).__name__}") from None
    if result is None:
        raise SourceError(SkipReason.NO_MAIN_TEXT, where)
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (meta.get("text") or "").strip()
    if not text:
        raise SourceError(SkipReason.NO_MAIN_TEXT, where)
    date = meta.get("date") or ""
    return Document(
        doc_id=doc_id,
        text=text,
        url=url or meta.get("url") or "",
        title=(meta.get("title") or "").strip(),
        outlet=(meta.get("sitename") or urlsplit(url).hostname or "").strip(),
        published=date[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", date) else "",
        language=(meta.get("language") or "")[:2],
        author=(meta.get("author") or "").strip(),
        collected=collected,
        source=where,
    )
