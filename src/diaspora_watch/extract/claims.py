"""Attributed statements about an event: who says it, in the words of the sentence."""

from __future__ import annotations

import re

from diaspora_watch.extract.components import component

_BY = {
    "en": re.compile(r"(?:according to|said|told|claimed)\s+((?:[A-Z][\w'/.-]+\s?){1,4})|((?:[A-Z][\w'/.-]+\s){1,3})(?:said|says|told|claimed|stated)\b"),
    "ru": re.compile(r"(?:по словам|по данным|сообщил[аио]?|заявил[аио]?)\s+((?:[А-ЯЁA-Z][\w.-]+\s?){1,4})"),
}


@component("dw.extract.claims.v1")
def find(sentences: list[str], lang: str, alleged: bool) -> list[dict[str, str]]:
    """Claims for an event: for an alleged event, each evidence sentence that names its source."""
    if not alleged:
        return []
    out = []
    rx = _BY.get(lang, _BY["en"])
    for s in sentences:
        m = rx.search(s)
        if m:
            by = (m.group(1) or (m.group(2) if m.lastindex and m.lastindex > 1 else "") or "").strip()
            if by:
                out.append({"by": by, "text": s})
    return out
