"""Batched reads for linking and aggregates: a few queries per document, however many members.

Linking needs, for the events of a new document, the incidents they could join and every member
of those; aggregates need each touched incident's members with their documents' fields. Each is
one query for all of a document's events, through the indexed subtype, country and date columns,
selecting only the columns used (never a document's text), so the cost grows with the candidate
incidents, not with the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from diaspora_watch.link.similarity import Params, Report, evidence_words, parse_day
from diaspora_watch.store._events import to_codebook
from diaspora_watch.store.incidents import IncidentSource
from diaspora_watch.store.schema import DocumentRow, EventRow

#: The event columns linking and aggregates read (everything ``to_codebook`` uses, no ``explain``).
_EVENT = [getattr(EventRow, name) for name in (
    "document_id", "seq", "incident", "type", "subtype", "date", "country", "admin1", "place", "groups", "status", "count",
    "count_qualifier", "fatalities", "actors", "persons", "certainty", "evidence", "claims")]


def event_key(doc_id: str, seq: int) -> str:
    """How people name an event: its document and its position there (``seed-001:3``)."""
    return f"{doc_id}:{seq}"


def report(row: Any, doc_id: str, original: int | None, language: str) -> Report:
    """An event row (ORM or plain, with the ``_EVENT`` columns) as linking sees it."""
    event = to_codebook(row, doc_id)
    return Report.of(event, key=event_key(doc_id, row.seq), document_id=row.document_id, original=original,
                     language=language, words=evidence_words(event["evidence"]))


def _after(prefix: str) -> str:
    """The least string above every string that starts with ``prefix`` (``"2025-06"`` -> ``"2025-07"``)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _window(r: Report, p: Params) -> list[Any]:
    """Index ranges of the stored dates that may be compatible with ``r``'s (a superset of ``similarity.dates_compatible``)."""
    col, d = EventRow.date, r.date
    if not d or len(d) not in (4, 7, 10):
        return [true()]
    coarser = [col.is_(None), *(col == d[:n] for n in (4, 7) if n < len(d))]
    if len(d) < 10:
        return [*coarser, (col >= d) & (col < _after(d))]
    day = parse_day(d)
    if day is None:  # not a real day: only coarser dates can be compatible
        return coarser
    w = timedelta(days=p.window(r.type))
    return [*coarser, col.between((day - w).isoformat(), (day + w).isoformat())]


def _reports(s: Session, where: Any, document_id: int) -> dict[str, list[Report]]:
    q = (select(*_EVENT, DocumentRow.doc_id, DocumentRow.republication_of, DocumentRow.language)
         .join(DocumentRow, EventRow.document_id == DocumentRow.id)
         .where(where, EventRow.document_id != document_id))
    out: dict[str, list[Report]] = defaultdict(list)
    for row in s.execute(q):
        out[row.incident].append(report(row, row.doc_id, row.republication_of, row.language))
    return out


def reports(s: Session, incident_ids: Iterable[str], document_id: int) -> dict[str, list[Report]]:
    """The members of each incident, by incident id, leaving out the events of ``document_id``."""
    ids = sorted(set(incident_ids))
    return _reports(s, EventRow.incident.in_(ids), document_id) if ids else {}


def candidates(s: Session, wanted: list[Report], p: Params, document_id: int) -> dict[str, list[Report]]:
    """Every member of each incident that has an event of one of ``wanted``'s subtype and country in its date window."""
    wanted = list({(r.subtype, r.country, r.type, r.date): r for r in wanted}.values())
    if not wanted:
        return {}
    # one OR branch per (subtype, country, date range): each is a range of ix_events_subtype_country_date
    near = or_(*(and_(EventRow.subtype == r.subtype, EventRow.country == r.country, when) for r in wanted for when in _window(r, p)))
    near = select(EventRow.incident).distinct().where(EventRow.incident.is_not(None), EventRow.document_id != document_id, near)
    return _reports(s, EventRow.incident.in_(near), document_id)


def events_of(s: Session, incident_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Each incident's events in the codebook's format, with their document's outlet, url, published, language, title."""
    ids = sorted(set(incident_ids))
    if not ids:
        return {}
    q = (select(IncidentSource.incident.label("member_of"), *_EVENT, DocumentRow.doc_id, DocumentRow.outlet, DocumentRow.url,
                DocumentRow.published, DocumentRow.collected, DocumentRow.language, DocumentRow.title)
         .select_from(IncidentSource)
         .join(EventRow, (EventRow.document_id == IncidentSource.document_id) & (EventRow.seq == IncidentSource.seq))
         .join(DocumentRow, DocumentRow.id == IncidentSource.document_id)
         .where(IncidentSource.incident.in_(ids)).order_by(DocumentRow.id, EventRow.seq))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in s.execute(q):
        event = to_codebook(row, row.doc_id)
        event.update(outlet=row.outlet, url=row.url, published=row.published or row.collected, language=row.language, title=row.title)
        out[row.member_of].append(event)
    return out
