"""JSON Lines exports in the codebook's own formats: events (section 3) and documents (section 4)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from diaspora_watch.export import records
from diaspora_watch.export.registry import exporter


def _write(rows: Any, out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


@exporter("events-jsonl", media_type="application/x-ndjson", suffix=".jsonl")
def events_jsonl(store: Any, out: TextIO, filters: dict[str, Any]) -> int:
    """Events, one codebook object a line (filters and the names rule applied)."""
    return _write(records.events(store, filters), out)


@exporter("documents-jsonl", media_type="application/x-ndjson", suffix=".jsonl")
def documents_jsonl(store: Any, out: TextIO, filters: dict[str, Any]) -> int:
    """Stored documents, one codebook document a line."""
    return _write((d.to_codebook() for d in store.documents()), out)
