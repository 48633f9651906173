"""The dev corpus for web tests: real documents with their GOLD events, linked into incidents.

Extraction is another package's job; feeding gold events through the real ``ingest`` path
gives the web real incidents, sources, evidence and claims. One hostile document is added, whose
title and text are markup, to prove that article text is shown as text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diaspora_watch.document import Document
from diaspora_watch.pipeline import Context, build, stage
from diaspora_watch.store import Store

SHARED = Path(__file__).resolve().parents[3] / "shared"
DOCS = SHARED / "data" / "dev" / "docs"
GOLD = SHARED / "data" / "dev" / "gold.jsonl"
STAGE = "test.serve.gold_events.v1"
HOSTILE_ID = "hostile-001"
HOSTILE_TITLE = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"
_BY_DOC: dict[str, list[dict[str, Any]]] = {}


def gold_events() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _hostile_events() -> list[dict[str, Any]]:
    return [{"type": "enforcement", "subtype": "raid", "date": "2025-07-01", "country": "RU", "admin1": "RU-MOW", "place": "Moscow",
             "group": ["TJ"], "status": "foreign", "count": 12, "count_qualifier": "exact", "fatalities": None, "actors": ["RU:MVD"],
             "persons": [], "certainty": "reported", "evidence": [HOSTILE_TITLE], "claims": [{"by": "<b>police</b>", "text": HOSTILE_TITLE}]}]


@stage(STAGE, requires=["doc.doc_id"], assigns=["doc.events"])
def gold_stage(doc: Document, ctx: Context) -> Document:
    """Test stage: the document's gold events, without their incident labels."""
    if not _BY_DOC:
        for e in gold_events():
            _BY_DOC.setdefault(e["doc_id"], []).append({k: v for k, v in e.items() if k != "incident"})
        _BY_DOC[HOSTILE_ID] = _hostile_events()
    doc.events = [dict(e) for e in _BY_DOC.get(doc.doc_id, [])]
    return doc


def hostile_file(folder: Path) -> Path:
    path = folder / f"{HOSTILE_ID}.json"
    path.write_text(json.dumps({"doc_id": HOSTILE_ID, "url": "https://example.org/<script>", "title": HOSTILE_TITLE,
                                "outlet": "<i>outlet</i>", "published": "2025-07-02", "language": "en",
                                "text": f"Intro. {HOSTILE_TITLE} Police raided a market."}), encoding="utf-8")
    return path


def load(store: Store, scratch: Path) -> None:
    """Ingest the dev corpus and the hostile document with gold events, then link and index them."""
    from diaspora_watch.ingest import ingest

    pipeline = build([STAGE, "dw.link.incidents.v1", "dw.link.search.v1"])
    report = ingest([str(DOCS), str(hostile_file(scratch))], store, pipeline=pipeline, collected="2025-12-31")
    assert not report.errors, report.errors


def every_item(client: Any, path: str, **params: Any) -> list[dict[str, Any]]:
    """All items of a cursor-paged API list, following ``next`` to the end."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        r = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items
