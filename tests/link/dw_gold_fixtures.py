"""Shared by tests/link and tests/export: the dev documents ingested with their GOLD events (incident labels removed).

Extraction is another package's job; feeding gold events through the real ``ingest`` path
tests linking alone, and the gold incident labels say how well it links.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dwtest import DEV_DOCS as DOCS
from dwtest import DEV_GOLD as GOLD
from dwtest import SHARED

from diaspora_watch.document import Document
from diaspora_watch.pipeline import Context, build, stage
from diaspora_watch.store import Store
GOLD_STAGE = "test.gold_events.v1"
LINK_STAGES = ["dw.link.incidents.v1", "dw.link.search.v1"]


def gold_events() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _by_doc() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for e in gold_events():
        out.setdefault(e["doc_id"], []).append({k: v for k, v in e.items() if k != "incident"})
    return out


_GOLD_BY_DOC: dict[str, list[dict[str, Any]]] = {}


@stage(GOLD_STAGE, requires=["doc.doc_id"], assigns=["doc.events"])
def gold_stage(doc: Document, ctx: Context) -> Document:
    """Test stage: the document's gold events, without their incident labels."""
    if not _GOLD_BY_DOC:
        _GOLD_BY_DOC.update(_by_doc())
    doc.events = [dict(e) for e in _GOLD_BY_DOC.get(doc.doc_id, [])]
    return doc


def gold_pipeline():
    return build([GOLD_STAGE, *LINK_STAGES])


def ingest_gold(store: Store, paths: list[Path] | None = None) -> None:
    from diaspora_watch.ingest import ingest

    report = ingest([str(p) for p in (paths or [DOCS])], store, pipeline=gold_pipeline(), collected="2025-12-31")
    assert not report.errors, report.errors


@pytest.fixture
def gold_store(sqlite_url: str) -> Iterator[Store]:
    """A fresh SQLite store holding the dev documents with gold events, linked."""
    with Store.open(sqlite_url) as store:
        ingest_gold(store)
        yield store


@pytest.fixture(scope="module")
def linked_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Like ``gold_store``, shared by a module's tests: for tests that only read."""
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('linked') / 'dw.db'}") as store:
        ingest_gold(store)
        yield store


def pairwise_f1(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, float]:
    """The scorer's incident pairwise figures (shared/eval/score.py) over gold-matched events."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dw_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    docs = {json.loads(p.read_text(encoding="utf-8"))["doc_id"] for p in DOCS.glob("*.json")}
    return score.score(gold, predicted, docs)["incidents_pairwise"]
