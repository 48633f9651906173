"""Ingest: read sources, decide what is new, run the pipeline, store each document whole.

Every input ends in exactly one of four outcomes, counted in the run's report:

- ``stored``: a new document, with its events;
- ``republication``: a near-duplicate of a stored document under another id or URL, stored
  and linked to the original, and extracted too (its events are further sources);
- ``duplicate``: the same content again: nothing new is stored;
- ``set_aside``: the input could not be used; its reason code is recorded and the batch goes on.

A document and its events are written in one transaction, so a killed run leaves whole
documents only; the next run re-reads its sources, skips what is stored (duplicates) and
extracts anything stored without extraction.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from diaspora_watch.document import Document
from diaspora_watch.errors import SkipReason, SourceError
from diaspora_watch.pipeline import Context, Pipeline, build
from diaspora_watch.sources.fetch import Fetcher
from diaspora_watch.sources.files import MAX_BYTES, Item, read_file, read_jsonl, walk
from diaspora_watch.sources.urls import is_url, read_url
from diaspora_watch.store import Store

OUTCOMES = ("stored", "republication", "duplicate", "set_aside")
#: ``on_progress(advance, total)``: ``advance`` inputs finished; ``total`` known inputs so far.
Progress = Callable[[int, int | None], None]


@dataclass
class IngestReport:
    run_id: int
    counts: Counter[str] = field(default_factory=Counter)
    set_aside: list[dict[str, str]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"run": self.run_id, **{k: self.counts.get(k, 0) for k in OUTCOMES}, "events": self.counts.get("events", 0),
                "extracted_pending": self.counts.get("extracted_pending", 0), "set_aside_items": self.set_aside, "errors": self.errors}


def today() -> str:
    return datetime.now(UTC).date().isoformat()


def pipeline_signature(pipeline: Pipeline) -> str:
    """What a document's extraction was made by: the stages and a fingerprint of their code and data.

    A changed lexicon or component changes the signature, so ``extract --all`` knows what to redo.
    """
    return "+".join(pipeline.names) + "@" + _fingerprint()


@functools.cache
def _fingerprint() -> str:
    import diaspora_watch

    root = Path(diaspora_watch.__file__).parent
    h = hashlib.sha256()
    for package in ("sources", "extract", "link"):
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".json", ".csv", ".tsv", ".txt"):
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def expand(sources: Iterable[str], *, collected: str, stdin: IO[bytes] | None = None, fetcher_factory: Callable[[], Any] | None = None,
           max_bytes: int = MAX_BYTES) -> tuple[int, Iterator[Item]]:
    """The number of inputs known up front (files and URLs) and an iterator over every item."""
    sources = list(sources)
    files: dict[str, list[Path]] = {}
    for s in sources:
        if s != "-" and not is_url(s):
            p = Path(s)
            files[s] = list(walk([p])) if p.exists() else []
    total = sum(len(v) or 1 for v in files.values()) + sum(1 for s in sources if s == "-" or is_url(s))

    def items() -> Iterator[Item]:
        fetcher = None
        try:
            for s in sources:
                if s == "-":
                    yield from read_jsonl(stdin or sys.stdin.buffer, where="<stdin>", collected=collected, max_bytes=max_bytes)
                elif is_url(s):
                    if fetcher is None:
                        fetcher = fetcher_factory() if fetcher_factory else Fetcher()
                    yield from read_url(s, fetcher, collected=collected)
                elif not files[s]:
                    yield SourceError(SkipReason.UNREADABLE, s, "no such file or folder" if not Path(s).exists() else "empty folder")
                else:
                    for path in files[s]:
                        yield from read_file(path, collected=collected, max_bytes=max_bytes)
        finally:
            if fetcher is not None:
                fetcher.close()

    return total, items()


def ingest(
    sources: Iterable[str],
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    allow_private: bool = False,
    stdin: IO[bytes] | None = None,
    max_bytes: int = MAX_BYTES,
    on_progress: Progress | None = None,
    collected: str | None = None,
) -> IngestReport:
    """Ingest every source into ``store``; one bad input never stops the batch."""
    sources = list(sources)
    pipeline = pipeline or build()
    signature = pipeline_signature(pipeline)
    collected = collected or today()
    report = IngestReport(run_id=store.start_run("ingest", sources))
    ctx = Context(store=store, options={"allow_private": allow_private})
    total, items = expand(sources, collected=collected, stdin=stdin, max_bytes=max_bytes,
                          fetcher_factory=lambda: Fetcher(allow_private=allow_private))
    if on_progress:
        on_progress(0, total)
    for item in items:
        outcome = _ingest_one(item, store, pipeline, signature, ctx, report)
        report.counts[outcome] += 1
        if on_progress:
            on_progress(1, None)
    report.counts["extracted_pending"] = finish_pending(store, pipeline, ctx, report, only_unextracted=True)
    store.finish_run(report.run_id, dict(report.counts))
    return report


def _ingest_one(item: Item, store: Store, pipeline: Pipeline, signature: str, ctx: Context, report: IngestReport) -> str:
    if isinstance(item, SourceError):
        store.set_aside(item.where, item.reason, item.detail, report.run_id)
        report.set_aside.append({"source": item.where, "reason": item.reason.value, "detail": item.detail or item.reason.label})
        return "set_aside"
    verdict = store.classify(item)
    if verdict.kind == "duplicate":
        return "duplicate"
    if verdict.kind == "conflict":
        err = SourceError(SkipReason.DOC_ID_CONFLICT, item.source or item.doc_id, f"doc_id {item.doc_id[:80]!r} is stored with other text")
        return _ingest_one(err, store, pipeline, signature, ctx, report)
    doc, extracted_by = _run_pipeline(item, pipeline, signature, ctx, report)
    try:
        with store.transaction() as s:
            row_id = store.save(s, doc, verdict, report.run_id, extracted_by)
            _after_store(pipeline, doc, ctx, s, row_id)
    except Exception as e:  # noqa: BLE001 - linking failed: keep the document, unlinked and pending
        report.errors.append({"doc_id": doc.doc_id, "error": f"{type(e).__name__}: {e}"})
        with store.transaction() as s:
            row_id = store.save(s, doc, verdict, report.run_id, None)
    store.remember(row_id, verdict)
    report.counts["events"] += len(doc.events)
    return "stored" if verdict.kind == "new" else "republication"


def _run_pipeline(doc: Document, pipeline: Pipeline, signature: str, ctx: Context, report: IngestReport) -> tuple[Document, str | None]:
    """Run the stages; a stage that fails leaves the document stored but pending, and is reported."""
    try:
        return pipeline(doc, ctx), signature
    except Exception as e:  # noqa: BLE001 - a bug in one stage must not lose the document
        doc.events = []
        report.errors.append({"doc_id": doc.doc_id, "error": f"{type(e).__name__}: {e}"})
        return doc, None


def _after_store(pipeline: Pipeline, doc: Document, ctx: Context, session: Any, row_id: int) -> None:
    """Run the stored-phase stages (incident linking) inside the document's transaction."""
    ctx.session, ctx.row_id = session, row_id
    try:
        pipeline.after_store(doc, ctx)
    finally:
        ctx.session, ctx.row_id = None, None


def finish_pending(store: Store, pipeline: Pipeline, ctx: Context, report: IngestReport | None = None, *,
                   only_unextracted: bool = False, on_progress: Progress | None = None, doc_ids: list[str] | None = None) -> int:
    """(Re-)extract stored documents; resumable, since each document is finished in its own transaction.

    By default those not extracted by this pipeline; ``only_unextracted`` keeps those never
    extracted (a stage failed); ``doc_ids`` names documents to redo whatever their state.
    """
    signature = pipeline_signature(pipeline)
    ids = store.document_ids(pending_for=None if doc_ids else signature, unextracted=only_unextracted, doc_ids=doc_ids)
    if on_progress:
        on_progress(0, len(ids))
    local = report or IngestReport(run_id=0)
    for row_id in ids:
        doc, extracted_by = _run_pipeline(store.document(row_id), pipeline, signature, ctx, local)
        with store.transaction() as s:
            store.replace_events(s, row_id, doc.events)
            if extracted_by:
                store.mark_extracted(s, row_id, extracted_by)
            _after_store(pipeline, doc, ctx, s, row_id)
        if on_progress:
            on_progress(1, None)
    return len(ids)
