"""Incident linking: the events of a newly stored document join the incidents they report.

Linking is incremental: each document is linked once, inside its own transaction, against
what is already stored, and never re-clusters older documents. An event joins the incident
whose every member it is compatible with (``similarity.compatible``) and whose closest member
scores highest; a sparse event that scores little joins only an incident that is its sole
compatible candidate; one incident takes at most one event per document. Otherwise it opens a new
incident, whose id (a slug plus a short hash of the opening event) is never changed or reused
for anything else: a merged id stays as an alias of the incident it went into.

Human corrections win: an event a person merged or split stays where they put it, and a document
that is extracted again keeps each event in its previous incident while it still fits.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from diaspora_watch.document import Document
from diaspora_watch.link import aggregate
from diaspora_watch.link.similarity import Params, Report, compatible, evidence_words, link_score, params
from diaspora_watch.pipeline import Context, stage
from diaspora_watch.store._events import to_codebook
from diaspora_watch.store.incidents import IncidentRow, IncidentSource, MergeHistory
from diaspora_watch.store.schema import DocumentRow, EventRow


def now() -> str:
    """The clock for ``first_seen``/``updated`` (tests pin it to compare databases)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def event_key(doc_id: str, seq: int) -> str:
    """How people name an event: its document and its position there (``seed-001:3``)."""
    return f"{doc_id}:{seq}"


def slug(event: dict[str, Any], key: str) -> str:
    """``ru-detention-2025-06-ru-sve-1a2b3c``: readable parts, then a hash of the opening event.

    >>> slug({"country": "RU", "subtype": "death_in_custody", "date": "2025-06-27", "admin1": "RU-SVE"}, "d-001:2")[:-7]
    'ru-death-in-custody-2025-06-ru-sve'
    """
    parts = [event.get("country"), event.get("subtype"), (event.get("date") or "")[:7], event.get("admin1")]
    text = "-".join(p for p in parts if p).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return f"{text}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"


@stage("dw.link.incidents.v1", assigns=["event.incident"], phase="stored")
def link_stage(doc: Document, ctx: Context) -> Document:
    """Link the document's events to incidents across documents (new or existing; ids stay stable)."""
    assigned = link_document(ctx.session, ctx.row_id)
    for event, incident in zip(doc.events, assigned, strict=False):
        event["incident"] = incident
    return doc


# reading members -------------------------------------------------------------------------------


def _report(row: EventRow, doc_id: str, original: int | None, language: str) -> Report:
    event = to_codebook(row, doc_id)
    return Report.of(event, key=event_key(doc_id, row.seq), document_id=row.document_id, original=original,
                     language=language, words=evidence_words(event["evidence"]))


def _member_query() -> Any:
    return (select(EventRow, DocumentRow.doc_id, DocumentRow.republication_of, DocumentRow.language)
            .join(DocumentRow, EventRow.document_id == DocumentRow.id))


def members(s: Session, incident_ids: set[str]) -> dict[str, list[Report]]:
    """The reports of each incident, by incident id."""
    out: dict[str, list[Report]] = defaultdict(list)
    if incident_ids:
        for row, doc_id, original, language in s.execute(_member_query().where(EventRow.incident.in_(incident_ids))):
            out[row.incident].append(_report(row, doc_id, original, language))
    return out


def resolve(s: Session, incident_id: str | None) -> IncidentRow | None:
    """The live incident an id stands for, following merges."""
    seen = set()
    row = s.get(IncidentRow, incident_id) if incident_id else None
    while row is not None and row.merged_into and row.id not in seen:
        seen.add(row.id)
        row = s.get(IncidentRow, row.merged_into)
    return row


def pins(s: Session, doc_id: str) -> dict[str, str]:
    """Events of this document that a person moved (merged or split), with where they put them last."""
    out: dict[str, str] = {}
    prefix = f"{doc_id}:"
    for row in s.scalars(select(MergeHistory).order_by(MergeHistory.id)):
        for key in row.events or []:
            if key.startswith(prefix):
                out[key] = row.other if row.action == "split" else row.incident
    return out


# linking ---------------------------------------------------------------------------------------


def incident_score(r: Report, group: list[Report], p: Params, *, unique: bool = False) -> float | None:
    """The best link score to any member, when ``r`` is compatible with every member."""
    if not group or any(not compatible(r, m, p) for m in group):
        return None
    scores = [x for m in group if (x := link_score(r, m, p, unique=unique)) is not None]
    return max(scores) if scores else None


def _candidates(s: Session, r: Report) -> set[str]:
    q = select(EventRow.incident).where(EventRow.subtype == r.subtype, EventRow.country == r.country,
                                        EventRow.incident.is_not(None), EventRow.document_id != r.document_id)
    if r.date:
        year = int(r.date[:4])
        q = q.where(or_(EventRow.date.is_(None), *(EventRow.date.like(f"{y}%") for y in (year - 1, year, year + 1))))
    return set(s.scalars(q.distinct()))


def _choose(s: Session, reports: list[Report], fixed: dict[int, str], p: Params) -> dict[int, str]:
    """Existing incidents for the unfixed reports: best pairs first, one event per incident."""
    open_ = [i for i in range(len(reports)) if i not in fixed]
    wanted = {i: _candidates(s, reports[i]) for i in open_}
    groups = members(s, set().union(*wanted.values()) if wanted else set())
    pairs = []
    for i in open_:
        fits = [inc for inc in wanted[i] if groups.get(inc) and all(compatible(reports[i], m, p) for m in groups[inc])]
        for inc in fits:
            x = incident_score(reports[i], groups[inc], p, unique=len(fits) == 1)
            if x is not None:
                pairs.append((-x, inc, i))
    taken, out = set(fixed.values()), {}
    for _, inc, i in sorted(pairs):
        if i not in out and inc not in taken:
            out[i] = inc
            taken.add(inc)
    return out


def _sticky(s: Session, r: Report, incident_id: str | None, p: Params) -> str | None:
    """The incident an event of a re-extracted document was in, when it still fits there."""
    row = resolve(s, incident_id)
    if row is None or row.subtype != r.subtype:
        return None
    others = [m for m in members(s, {row.id}).get(row.id, []) if m.document_id != r.document_id]
    return row.id if not others or all(compatible(r, m, p) for m in others) else None


def open_incident(s: Session, event: dict[str, Any], key: str) -> str:
    """A new incident for ``event``, or the one it opened before, if it was re-extracted."""
    row = s.scalar(select(IncidentRow).where(IncidentRow.founder == key, IncidentRow.state == "empty",
                                             IncidentRow.subtype == event["subtype"]))
    if row is not None:
        row.state = "active"
        return row.id
    incident_id, n = slug(event, key), 0
    while s.get(IncidentRow, incident_id) is not None:  # a hash clash or a reused key: never take another's id
        n += 1
        incident_id = slug(event, f"{key}#{n}")
    stamp = now()
    s.add(IncidentRow(id=incident_id, type=event["type"], subtype=event["subtype"], country=event.get("country"),
                      groups=[], actors=[], persons=[], claims=[], n_sources=0, contested=0, founder=key,
                      state="active", first_seen=stamp, updated=stamp))
    s.flush()
    return incident_id


def link_document(s: Session, document_id: int | None) -> list[str | None]:
    """Link every event of one stored document; returns each event's incident id, in event order."""
    if document_id is None:
        return []
    doc = s.get(DocumentRow, document_id)
    rows = list(s.scalars(select(EventRow).where(EventRow.document_id == document_id).order_by(EventRow.seq)))
    previous = {src.seq: src.incident for src in s.scalars(select(IncidentSource).where(IncidentSource.document_id == document_id))}
    s.query(IncidentSource).filter(IncidentSource.document_id == document_id).delete()
    for row in rows:
        row.incident = None
    s.flush()
    p = params()
    reports = [_report(row, doc.doc_id, doc.republication_of, doc.language) for row in rows]
    moved = pins(s, doc.doc_id)
    fixed: dict[int, str] = {}
    for i, r in enumerate(reports):
        pinned = resolve(s, moved.get(r.key))
        if pinned is not None and pinned.subtype == r.subtype:
            fixed[i] = pinned.id
        elif (kept := _sticky(s, r, previous.get(rows[i].seq), p)) and kept not in fixed.values():
            fixed[i] = kept
    fixed.update(_choose(s, reports, fixed, p))
    for i, row in enumerate(rows):
        row.incident = fixed.get(i) or open_incident(s, to_codebook(row, doc.doc_id), reports[i].key)
        s.add(IncidentSource(incident=row.incident, document_id=document_id, seq=row.seq))
    s.flush()
    for incident_id in {row.incident for row in rows} | set(previous.values()):
        refresh(s, incident_id)
    return [row.incident for row in rows]


# aggregates ------------------------------------------------------------------------------------


def member_events(s: Session, incident_id: str) -> list[dict[str, Any]]:
    """The incident's events in the codebook's format, each with its document's outlet, url, published, language."""
    q = (select(EventRow, DocumentRow).join(DocumentRow, EventRow.document_id == DocumentRow.id)
         .join(IncidentSource, (IncidentSource.document_id == EventRow.document_id) & (IncidentSource.seq == EventRow.seq))
         .where(IncidentSource.incident == incident_id).order_by(DocumentRow.id, EventRow.seq))
    out = []
    for row, doc in s.execute(q):
        event = to_codebook(row, doc.doc_id)
        event.update(outlet=doc.outlet, url=doc.url, published=doc.published or doc.collected, language=doc.language, title=doc.title)
        out.append(event)
    return out


def refresh(s: Session, incident_id: str) -> None:
    """Recompute an incident's aggregate fields from its current sources."""
    row = s.get(IncidentRow, incident_id)
    if row is None:
        return
    events = member_events(s, incident_id)
    if events:
        for name, value in aggregate.aggregate(events).items():
            setattr(row, name, value)
        if row.state == "empty":
            row.state = "active"
    else:
        row.n_sources = 0
        if row.state == "active":
            row.state = "empty"
    row.updated = now()
