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
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from diaspora_watch.document import Document
from diaspora_watch.link import aggregate, members
from diaspora_watch.link.similarity import Params, Report, compatible, link_score, params
from diaspora_watch.pipeline import Context, stage
from diaspora_watch.store._events import to_codebook
from diaspora_watch.store.incidents import IncidentRow, IncidentSource, MergeHistory
from diaspora_watch.store.schema import DocumentRow, EventRow

def now() -> str:
    """The clock for ``first_seen``/``updated`` (tests pin it to compare databases)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


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


# reading -------------------------------------------------------------------------------------


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
    q = select(MergeHistory.action, MergeHistory.incident, MergeHistory.other, MergeHistory.events).order_by(MergeHistory.id)
    for action, incident, other, keys in s.execute(q):
        for key in keys or []:
            if key.startswith(prefix):
                out[key] = other if action == "split" else incident
    return out


# linking ---------------------------------------------------------------------------------------


def incident_score(r: Report, group: list[Report], p: Params, *, unique: bool = False) -> float | None:
    """The best link score to any member, when ``r`` is compatible with every member."""
    if not group or any(not compatible(r, m, p) for m in group):
        return None
    scores = [x for m in group if (x := link_score(r, m, p, unique=unique)) is not None]
    return max(scores) if scores else None


def _kept(s: Session, reports: list[Report], previous: list[str | None], doc_id: str, document_id: int, p: Params) -> dict[int, str]:
    """Events a person moved, and events of a re-extracted document whose incident (``previous``) still fits them."""
    moved = pins(s, doc_id)
    if not moved and not any(previous):
        return {}
    before = [resolve(s, incident_id) for incident_id in previous]
    groups = members.reports(s, {row.id for row in before if row is not None}, document_id)
    fixed: dict[int, str] = {}
    for i, r in enumerate(reports):
        pinned, row = resolve(s, moved.get(r.key)), before[i]
        if pinned is not None and pinned.subtype == r.subtype:
            fixed[i] = pinned.id
        elif (row is not None and row.subtype == r.subtype and row.id not in fixed.values()
              and all(compatible(r, m, p) for m in groups.get(row.id, []))):
            fixed[i] = row.id
    return fixed


def _choose(s: Session, reports: list[Report], fixed: dict[int, str], p: Params, document_id: int) -> dict[int, str]:
    """Existing incidents for the unfixed reports: best pairs first, one event per incident."""
    open_ = [i for i in range(len(reports)) if i not in fixed]
    groups = members.candidates(s, [reports[i] for i in open_], p, document_id)
    pairs = []
    for i in open_:
        fits = [inc for inc, group in groups.items() if all(compatible(reports[i], m, p) for m in group)]
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


def _new_incident(s: Session, event: dict[str, Any], key: str, taken: set[str]) -> str:
    """Add an incident for ``event`` under a fresh id: never one in ``taken`` or stored (a hash clash or a reused key)."""
    incident_id, n = slug(event, key), 0
    while incident_id in taken or (n and s.get(IncidentRow, incident_id) is not None):
        n += 1
        incident_id = slug(event, f"{key}#{n}")
    taken.add(incident_id)
    stamp = now()
    s.add(IncidentRow(id=incident_id, type=event["type"], subtype=event["subtype"], country=event.get("country"),
                      groups=[], actors=[], persons=[], claims=[], n_sources=0, contested=0, founder=key,
                      state="active", first_seen=stamp, updated=stamp))
    return incident_id


def open_incidents(s: Session, events: dict[int, tuple[dict[str, Any], str]]) -> dict[int, str]:
    """A new incident for each ``(event, key)``, or the one it opened before, if it was re-extracted."""
    if not events:
        return {}
    founders = [key for _, key in events.values()]
    slugs = [slug(event, key) for event, key in events.values()]
    empty: dict[tuple[str, str], IncidentRow] = {}
    taken: set[str] = set()
    reused = (IncidentRow.founder.in_(founders) & (IncidentRow.state == "empty")) | IncidentRow.id.in_(slugs)
    for row in s.scalars(select(IncidentRow).where(reused).order_by(IncidentRow.id)):
        taken.add(row.id)
        if row.founder in founders and row.state == "empty":
            empty.setdefault((row.founder, row.subtype), row)
    out = {}
    for i, (event, key) in events.items():
        row = empty.pop((key, event["subtype"]), None)
        if row is not None:
            row.state = "active"
            out[i] = row.id
        else:
            out[i] = _new_incident(s, event, key, taken)
    s.flush()
    return out


def open_incident(s: Session, event: dict[str, Any], key: str) -> str:
    """A new incident for ``event``, or the one it opened before, if it was re-extracted."""
    return open_incidents(s, {0: (event, key)})[0]


def link_document(s: Session, document_id: int | None) -> list[str | None]:
    """Link every event of one stored document; returns each event's incident id, in event order."""
    if document_id is None:
        return []
    doc = s.execute(select(DocumentRow.doc_id, DocumentRow.republication_of, DocumentRow.language)
                    .where(DocumentRow.id == document_id)).one()  # not the text
    rows = list(s.scalars(select(EventRow).where(EventRow.document_id == document_id).order_by(EventRow.seq)))
    previous = dict(s.execute(select(IncidentSource.seq, IncidentSource.incident).where(IncidentSource.document_id == document_id)).all())
    if previous:
        s.execute(delete(IncidentSource).where(IncidentSource.document_id == document_id))
    p = params()
    reports = [members.report(row, doc.doc_id, doc.republication_of, doc.language) for row in rows]
    fixed = _kept(s, reports, [previous.get(row.seq) for row in rows], doc.doc_id, document_id, p)
    fixed.update(_choose(s, reports, fixed, p, document_id))
    fixed.update(open_incidents(s, {i: (to_codebook(row, doc.doc_id), reports[i].key) for i, row in enumerate(rows) if i not in fixed}))
    for i, row in enumerate(rows):
        row.incident = fixed[i]
    if rows:
        s.execute(insert(IncidentSource), [{"incident": row.incident, "document_id": document_id, "seq": row.seq} for row in rows])
    refresh(s, *{row.incident for row in rows}, *previous.values())
    return [row.incident for row in rows]


# aggregates ------------------------------------------------------------------------------------


def member_events(s: Session, incident_id: str) -> list[dict[str, Any]]:
    """The incident's events in the codebook's format, each with its document's outlet, url, published, language."""
    return members.events_of(s, [incident_id]).get(incident_id, [])


def refresh(s: Session, *incident_ids: str | None) -> None:
    """Recompute the incidents' aggregate fields from their current sources (one read for all of them)."""
    ids = {i for i in incident_ids if i}
    if not ids:
        return
    groups = members.events_of(s, ids)
    for row in s.scalars(select(IncidentRow).where(IncidentRow.id.in_(sorted(ids)))):
        events = groups.get(row.id)
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
