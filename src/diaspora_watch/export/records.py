"""Events and incidents as exports publish them: filtered, and under the names rule.

Every export format reads through these two functions, so filters and the publication rule
mean the same thing in JSON Lines, CSV, GeoJSON, ACLED, the Data Package and the Atom feed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from diaspora_watch.export import filters as F
from diaspora_watch.link import aggregate
from diaspora_watch.store._events import to_codebook
from diaspora_watch.store.incidents import IncidentRow, IncidentSource
from diaspora_watch.store.schema import DocumentRow, EventRow

INCIDENT_FIELDS = (
    "id", "type", "subtype", "date", "time_precision", "country", "admin1", "place", "latitude", "longitude",
    "geo_precision", "groups", "actors", "persons", "status", "certainty", "count_low", "count_best", "count_high",
    "fatalities_low", "fatalities_best", "fatalities_high", "n_sources", "contested", "claims", "first_seen", "updated",
)


def keyed_events(store: Any, filters: dict[str, Any] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """``("doc_id:seq", event)`` for codebook events that pass ``filters``, in document then event order, names rule applied."""
    f = F.check(filters)
    q = (select(EventRow, DocumentRow.doc_id, DocumentRow.title).join(DocumentRow, EventRow.document_id == DocumentRow.id)
         .order_by(DocumentRow.id, EventRow.seq))
    with store.transaction() as s:
        docs = F.text_documents(s, f)  # the full-text index narrows what is read; event_matches still decides
        if docs is not None:
            q = q.where(EventRow.document_id.in_(docs))
        rows = s.execute(q).all()
    for row, doc_id, title in rows:
        event = to_codebook(row, doc_id)
        if F.event_matches(event, f, title):
            yield f"{doc_id}:{row.seq}", F.publish(event, bool(f.get("include_names")))


def events(store: Any, filters: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Codebook events that pass ``filters``, in document then event order, names rule applied."""
    return (event for _, event in keyed_events(store, filters))


def _members(s: Any, incident_id: str | None = None, incident_ids: Any = None) -> dict[str, list[dict[str, Any]]]:
    """Member events (with their document's fields) per incident; of one incident, or of a subquery of ids."""
    q = (select(IncidentSource.incident, EventRow, DocumentRow)
         .join(EventRow, (EventRow.document_id == IncidentSource.document_id) & (EventRow.seq == IncidentSource.seq))
         .join(DocumentRow, DocumentRow.id == IncidentSource.document_id)
         .order_by(DocumentRow.id, EventRow.seq))
    if incident_id is not None:
        q = q.where(IncidentSource.incident == incident_id)
    if incident_ids is not None:
        q = q.where(IncidentSource.incident.in_(incident_ids))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for incident, row, doc in s.execute(q):
        event = to_codebook(row, doc.doc_id)
        event.update(outlet=doc.outlet, url=doc.url, published=doc.published or doc.collected, language=doc.language, title=doc.title)
        out[incident].append(event)
    return out


def incidents(store: Any, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Live incidents one of whose events passes ``filters``, by date then id.

    Each has the incident's fields, ``events`` (its member events, names rule applied) and
    ``sources`` (outlet, URL, published, evidence per source); ``persons`` and ``claims`` are
    taken only from what may be published.
    """
    f = F.check(filters)
    include = bool(f.get("include_names"))
    with store.transaction() as s:
        q = select(IncidentRow).where(IncidentRow.state == "active")
        docs = F.text_documents(s, f)
        wanted = None if docs is None else select(IncidentSource.incident).where(IncidentSource.document_id.in_(docs))
        if wanted is not None:
            q = q.where(IncidentRow.id.in_(wanted))
        rows = list(s.scalars(q))
        members = _members(s, incident_ids=wanted)
    out = []
    for row in rows:
        group = members.get(row.id, [])
        if group and any(F.event_matches(e, f, e.get("title") or "") for e in group):
            out.append(_record(row, group, include))
    out.sort(key=lambda r: (r["date"] or "", r["id"]))
    return out


def _record(row: IncidentRow, group: list[dict[str, Any]], include_names: bool) -> dict[str, Any]:
    """An incident's fields with its member events, sources, persons and claims as they may be published."""
    published = [F.publish(e, include_names) for e in group]
    shown = aggregate.aggregate(published)
    record = {name: getattr(row, name) for name in INCIDENT_FIELDS}
    record.update(persons=shown["persons"], claims=shown["claims"], events=published, sources=aggregate.sources(published))
    return record


def incident(store: Any, incident_id: str, include_names: bool = False) -> dict[str, Any] | None:
    """One incident by id (a merged id finds the incident it went into), or None; reads only its own rows."""
    from diaspora_watch.link.incidents import resolve

    with store.transaction() as s:
        row = resolve(s, incident_id)
        if row is None or row.state != "active":
            return None
        group = _members(s, row.id).get(row.id, [])
        return _record(row, group, include_names) if group else None
