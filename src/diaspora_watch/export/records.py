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
        rows = s.execute(q).all()
    for row, doc_id, title in rows:
        event = to_codebook(row, doc_id)
        if F.event_matches(event, f, title):
            yield f"{doc_id}:{row.seq}", F.publish(event, bool(f.get("include_names")))


def events(store: Any, filters: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Codebook events that pass ``filters``, in document then event order, names rule applied."""
    return (event for _, event in keyed_events(store, filters))


def _members(s: Any) -> dict[str, list[dict[str, Any]]]:
    q = (select(IncidentSource.incident, EventRow, DocumentRow)
         .join(EventRow, (EventRow.document_id == IncidentSource.document_id) & (EventRow.seq == IncidentSource.seq))
         .join(DocumentRow, DocumentRow.id == IncidentSource.document_id)
         .order_by(DocumentRow.id, EventRow.seq))
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
        rows = list(s.scalars(select(IncidentRow).where(IncidentRow.state == "active")))
        members = _members(s)
    out = []
    for row in rows:
        group = members.get(row.id, [])
        if not group or not any(F.event_matches(e, f, e.get("title") or "") for e in group):
            continue
        published = [F.publish(e, include) for e in group]
        shown = aggregate.aggregate(published)
        record = {name: getattr(row, name) for name in INCIDENT_FIELDS}
        record.update(persons=shown["persons"], claims=shown["claims"], events=published, sources=aggregate.sources(published))
        out.append(record)
    out.sort(key=lambda r: (r["date"] or "", r["id"]))
    return out


def incident(store: Any, incident_id: str, include_names: bool = False) -> dict[str, Any] | None:
    """One incident by id (a merged id finds the incident it went into), or None."""
    from diaspora_watch.link.incidents import resolve

    with store.transaction() as s:
        row = resolve(s, incident_id)
        target = row.id if row is not None else None
    if target is None:
        return None
    return next((r for r in incidents(store, {"include_names": include_names}) if r["id"] == target), None)
