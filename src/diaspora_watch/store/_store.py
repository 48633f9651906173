"""The store: documents, events, runs and set-aside inputs in one SQL database.

Every document is written in one transaction together with its events, so a crash at any point
leaves either all of a document or none of it; a run that died is marked ``interrupted`` by
the next one, which stores what the dead run did not.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from diaspora_watch.document import Document
from diaspora_watch.errors import SkipReason, StoreError
from diaspora_watch.link import dedup
from diaspora_watch.store import _events
from diaspora_watch.store._engine import make_engine
from diaspora_watch.store._migrate import upgrade
from diaspora_watch.store.schema import DocumentRow, EventRow, Run, SetAside, load_models


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Verdict:
    """What storing a document would mean, decided before any work is spent on it."""

    kind: str  # "new" | "republication" | "duplicate" | "conflict"
    original: int | None = None  # the stored document it repeats
    original_doc_id: str | None = None
    signature: bytes | None = None
    content_hash: str = ""


class Store:
    """A diaspora-watch database. Open it with :meth:`open`; it migrates itself to the newest schema."""

    def __init__(self, url: str) -> None:
        self.url = url
        load_models()
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._index: dedup.NearDuplicateIndex | None = None
        try:
            with self.engine.begin() as conn:
                upgrade(conn)
        except (OperationalError, SQLAlchemyError) as e:
            raise StoreError(f"cannot open the database {self.engine.url.render_as_string(hide_password=True)}: {e.orig or e}") from None

    @classmethod
    def open(cls, url: str) -> Store:
        return cls(url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole on success, rolled back whole on any error."""
        with self._sessions() as session, session.begin():
            yield session

    # runs ---------------------------------------------------------------------------------

    def start_run(self, command: str, sources: list[str]) -> int:
        host = socket.gethostname()
        with self.transaction() as s:
            for run in s.scalars(select(Run).where(Run.state == "running", Run.host == host)):
                if run.pid and not _alive(run.pid):
                    run.state, run.finished = "interrupted", now()
            run = Run(command=command, started=now(), state="running", sources=sources[:1000], counts={}, host=host, pid=os.getpid())
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        with self.transaction() as s:
            s.execute(update(Run).where(Run.id == run_id).values(state="finished", finished=now(), counts=counts))

    # documents ----------------------------------------------------------------------------

    def _near_index(self, s: Session) -> dedup.NearDuplicateIndex:
        if self._index is None:
            rows = s.execute(select(DocumentRow.id, DocumentRow.minhash).where(DocumentRow.minhash.is_not(None)))
            self._index = dedup.NearDuplicateIndex((i, m) for i, m in rows)
        return self._index

    def classify(self, doc: Document) -> Verdict:
        """Decide whether ``doc`` is new, a republication of a stored document, a duplicate, or a conflict."""
        chash = dedup.content_hash(doc.text)
        with self._sessions() as s:
            same_id = s.execute(select(DocumentRow.id, DocumentRow.content_hash, DocumentRow.text).where(DocumentRow.doc_id == doc.doc_id)).first()
            if same_id is not None:
                if same_id.content_hash == chash or dedup.containment(same_id.text, doc.text) >= dedup.CONTAINMENT:
                    return Verdict("duplicate", same_id.id, doc.doc_id, content_hash=chash)
                return Verdict("conflict", same_id.id, doc.doc_id, content_hash=chash)
            if doc.url:
                same_url = s.execute(select(DocumentRow.id, DocumentRow.doc_id).where(DocumentRow.url == doc.url, DocumentRow.content_hash == chash)).first()
                if same_url is not None:
                    return Verdict("duplicate", same_url.id, same_url.doc_id, content_hash=chash)
            sig = dedup.signature(doc.text)
            exact = s.execute(select(DocumentRow.id, DocumentRow.doc_id).where(DocumentRow.content_hash == chash).order_by(DocumentRow.id)).first()
            if exact is not None:
                return Verdict("republication", exact.id, exact.doc_id, sig, chash)
            for cand in self._near_index(s).candidates(sig):
                row = s.execute(select(DocumentRow.id, DocumentRow.doc_id, DocumentRow.text, DocumentRow.republication_of).where(DocumentRow.id == cand)).first()
                if row is not None and dedup.containment(row.text, doc.text) >= dedup.CONTAINMENT:
                    original = row.republication_of or row.id
                    orig_doc = s.scalar(select(DocumentRow.doc_id).where(DocumentRow.id == original))
                    return Verdict("republication", original, orig_doc, sig, chash)
            return Verdict("new", signature=sig, content_hash=chash)

    def save(self, s: Session, doc: Document, verdict: Verdict, run_id: int | None, extracted_by: str | None) -> int:
        """Write a new document and its events inside the caller's transaction; returns its row id."""
        row = DocumentRow(
            doc_id=doc.doc_id, url=doc.url, title=doc.title, outlet=doc.outlet, published=doc.published,
            language=doc.language, text=doc.text, author=doc.author, source=doc.source, collected=doc.collected,
            content_hash=verdict.content_hash, minhash=verdict.signature,
            republication_of=verdict.original if verdict.kind == "republication" else None,
            extracted_by=extracted_by, run_id=run_id,
        )
        s.add(row)
        s.flush()
        self.replace_events(s, row.id, doc.events)
        return row.id

    def remember(self, document_id: int, verdict: Verdict) -> None:
        """After a commit: let later documents of this run find this one as a near-duplicate."""
        if self._index is not None and verdict.signature is not None:
            self._index.add(document_id, verdict.signature)

    def replace_events(self, s: Session, document_id: int, events: list[dict[str, Any]]) -> None:
        s.query(EventRow).filter(EventRow.document_id == document_id).delete()
        s.add_all(_events.to_row(e, document_id, i) for i, e in enumerate(events))

    def mark_extracted(self, s: Session, document_id: int, extracted_by: str) -> None:
        s.execute(update(DocumentRow).where(DocumentRow.id == document_id).values(extracted_by=extracted_by))

    def set_aside(self, source: str, reason: SkipReason, detail: str, run_id: int | None) -> None:
        key = hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest()
        source = source.encode("utf-8", "replace").decode("utf-8")[:4000]
        detail = detail.encode("utf-8", "replace").decode("utf-8")[:2000]
        with self.transaction() as s:
            row = s.scalar(select(SetAside).where(SetAside.source_key == key, SetAside.reason == reason.value))
            if row is None:
                s.add(SetAside(source=source, source_key=key, reason=reason.value, detail=detail, first_seen=now(), last_seen=now(), run_id=run_id))
            else:
                row.last_seen, row.detail, row.run_id = now(), detail, run_id

    # reading ------------------------------------------------------------------------------

    def _pending(self, q: Any, pending_for: str | None, unextracted: bool) -> Any:
        if unextracted:
            return q.where(DocumentRow.extracted_by.is_(None))
        if pending_for is not None:
            return q.where((DocumentRow.extracted_by.is_(None)) | (DocumentRow.extracted_by != pending_for))
        return q

    def document_ids(self, *, pending_for: str | None = None, unextracted: bool = False, doc_ids: list[str] | None = None) -> list[int]:
        """Row ids in storage order: all, those not extracted by ``pending_for``, or never extracted."""
        q = self._pending(select(DocumentRow.id).order_by(DocumentRow.id), pending_for, unextracted)
        if doc_ids is not None:
            q = q.where(DocumentRow.doc_id.in_(doc_ids))
        with self._sessions() as s:
            return list(s.scalars(q))

    def document(self, row_id: int) -> Document:
        with self._sessions() as s:
            row = s.get(DocumentRow, row_id)
            if row is None:
                raise StoreError(f"no document with row id {row_id}")
            return _document(row)

    def documents(self) -> Iterator[Document]:
        """Every stored document in storage order."""
        with self._sessions() as s:
            for row in s.scalars(select(DocumentRow).order_by(DocumentRow.id).execution_options(yield_per=200)):
                yield _document(row)

    def events(self, *, doc_ids: list[str] | None = None, explain: bool = False) -> Iterator[dict[str, Any]]:
        """Events in the codebook's format, in document then event order; ``explain`` adds each field's provenance."""
        q = select(EventRow, DocumentRow.doc_id).join(DocumentRow, EventRow.document_id == DocumentRow.id).order_by(DocumentRow.id, EventRow.seq)
        if doc_ids is not None:
            q = q.where(DocumentRow.doc_id.in_(doc_ids))
        with self._sessions() as s:
            for row, doc_id in s.execute(q.execution_options(yield_per=500)):
                event = _events.to_codebook(row, doc_id)
                if explain:
                    event["explain"] = row.explain or {}
                yield event

    def status(self) -> dict[str, Any]:
        with self._sessions() as s:
            docs = s.scalar(select(func.count(DocumentRow.id))) or 0
            repub = s.scalar(select(func.count(DocumentRow.id)).where(DocumentRow.republication_of.is_not(None))) or 0
            pending = s.scalar(select(func.count(DocumentRow.id)).where(DocumentRow.extracted_by.is_(None))) or 0
            events = s.scalar(select(func.count(EventRow.id))) or 0
            incidents = s.scalar(select(func.count(func.distinct(EventRow.incident)))) or 0
            aside = s.execute(select(SetAside.reason, func.count(SetAside.id)).group_by(SetAside.reason)).all()
            runs = s.scalars(select(Run).order_by(Run.id.desc()).limit(5)).all()
            duplicates = sum(int((r.counts or {}).get("duplicate", 0)) for r in s.scalars(select(Run)))
        return {
            "database": self.engine.url.render_as_string(hide_password=True),
            "documents": docs,
            "republications": repub,
            "duplicates_seen": duplicates,
            "pending_extraction": pending,
            "set_aside": {reason: n for reason, n in aside},
            "events": events,
            "incidents": incidents,
            "runs": [
                {"id": r.id, "command": r.command, "started": r.started, "finished": r.finished, "state": r.state, "counts": r.counts}
                for r in runs
            ],
        }


def _document(row: DocumentRow) -> Document:
    return Document(
        doc_id=row.doc_id, text=row.text, url=row.url, title=row.title, outlet=row.outlet, published=row.published,
        language=row.language, collected=row.collected, source=row.source, author=row.author,
        meta={"republication_of": row.republication_of, "row_id": row.id},
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
