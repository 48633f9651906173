"""Paths and readers shared by the tests: the real dev corpus lives outside the repository."""

from __future__ import annotations

import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV_DOCS = SHARED / "data" / "dev" / "docs"
DEV_GOLD = SHARED / "data" / "dev" / "gold.jsonl"
PG_ADMIN_URL = os.environ.get("DW_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def dev_doc(doc_id: str) -> dict:
    """A real dev article, read at test time (the repository holds no article text)."""
    return json.loads((DEV_DOCS / f"{doc_id}.json").read_text(encoding="utf-8"))


def trigger_subtypes(text: str, lang: str) -> set[str]:
    """The subtypes the trigger component finds in ``text`` read as one sentence."""
    from diaspora_watch.extract import triggers
    from diaspora_watch.extract.matcher import tokenize

    return {t.subtype for t in triggers.detect([tokenize(text, lang)], lang, text)}


def events(text: str, lang: str = "en", published: str = "2026-11-19", title: str = "") -> list[dict]:
    """The events extracted from ``text`` as one document (collected 2026-12-01, a fixed day)."""
    from diaspora_watch.document import Document
    from diaspora_watch.extract import extract_events

    return extract_events(Document(doc_id="t", text=text, title=title, published=published, language=lang,
                                   collected="2026-12-01"))


def event_of(text: str, subtype: str, lang: str = "en", published: str = "2026-11-19") -> dict:
    """The first ``subtype`` event of ``text`` read as one document; fails when there is none."""
    found = [e for e in events(text, lang, published) if e["subtype"] == subtype]
    assert found, f"no {subtype} in {text!r}"
    return found[0]
