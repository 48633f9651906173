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
