"""Read queries behind the pages and the API: filtered lists with cursor pagination, one
incident with its sources, documents, and counts for the charts.

The incident package provides linking and aggregates; the filtering and paging SQL the web
needs lives here until a shared query module exists (see ``Filters``).
"""

from __future__ import annotations

import base64
import functools
import json
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from diaspora_watch.errors import UsageError
from diaspora_watch.export.filters import publish
from diaspora_watch.link.incidents import member_events, resolve
from diaspora_watch.link.search import documents_matching
from diaspora_watch.link.aggregate import sources as aggregate_sources
from diaspora_watch.serve import search
from diaspora_watch.serve.filters import Filters
from diaspora_watch.store._events import to_codebook
from diaspora_watch.store.incidents import IncidentRow, IncidentSource, MergeHistory
from diaspora_watch.store.schema import DocumentRow, EventRow

MAX_LIMIT = 500
INCIDENT_FIELDS = ("id", "type", "subtype", "date", "time_precision", "country", "admin1", "place", "latitude", "longitude",
                   "geo_precision", "groups", "actors", "status", "certainty", "count_low", "count_best",
                   "count_high", "fatalities_low", "fatalities_best", "fatalities_high", "n_sources", "contested", "updated")


class NotFound(UsageError):
    """The incident, event or document asked for does not exist."""

    status = 404


# cursors ------------------------------------------------------------------------------------


def encode_cursor(*values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, n: int) -> list[Any] | None:
    """The key a cursor stands for; a cursor that was not made here is a usage error."""
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError:
        values = None
    if not isinstance(values, list) or len(values) != n:
        raise UsageError("cursor: not a cursor this API gave out; start again without it")
    return values


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"limit: must be 1 to {MAX_LIMIT}, such as 50")
    return limit


# filters -------------------------------------------------------------------------------------


def _json_has(column: Any, code: str) -> Any:
    """A JSON list column holds the code: a textual test that works on SQLite and PostgreSQL alike."""
    return cast(column, String).like(f'%"{code}"%')


def _apply(q: Any, model: Any, f: Filters, s: Session) -> Any:
    for name in ("type", "subtype", "country", "admin1", "status"):
        value = getattr(f, name)
        if value:
            q = q.where(getattr(model, name) == value)
    if f.group:
        q = q.where(_json_has(model.groups, f.group))
    if f.date_from:
        q = q.where(model.date >= f.date_from)
    if f.date_to:
        q = q.where(model.date <= f.date_to + "\uffff")  # "2025-06" holds every day of June
    if f.q:
        if model is IncidentRow:
            q = q.where(IncidentRow.id.in_(search.incidents_with(s, f.q)))
        else:
            q = q.where(model.document_id.in_(documents_matching(s, f.q)))
    return q


def _keyset(q: Any, date_col: Any, id_col: Any, after: list[Any] | None) -> Any:
    """Newest first by (date, id), undated last; a cursor continues after the last row of the previous page.

    The plain columns are sorted (not ``coalesce(date, '')``), so the database walks its
    (date, id) index instead of sorting every row; an undated cursor row is ``null``.
    """
    if after is not None:
        day, last = after
        if day is None:
            q = q.where(date_col.is_(None), id_col < last)
        else:
            q = q.where(or_(date_col < day, and_(date_col == day, id_col < last), date_col.is_(None)))
    return q.order_by(date_col.desc().nulls_last(), id_col.desc())


# incidents -----------------------------------------------------------------------------------


def incident_dict(row: IncidentRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in INCIDENT_FIELDS}


def incidents(s: Session, f: Filters, *, limit: int = 50, cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of active incidents matching ``f``, and the cursor of the next page (None at the end)."""
    check_limit(limit)
    after = decode_cursor(cursor, 2)
    rows = _common_word_page(s, f, limit, after) if f.q and search.common(s, f.q) else None
    if rows is None:
        q = _apply(select(IncidentRow).where(IncidentRow.state == "active"), IncidentRow, f, s)
        rows = list(s.scalars(_keyset(q, IncidentRow.date, IncidentRow.id, after).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1].date, rows[-1].id) if more else None
    return [incident_dict(r) for r in rows], nxt


def _common_word_page(s: Session, f: Filters, limit: int, after: list[Any] | None) -> list[IncidentRow] | None:
    """A page for a common search word: test the newest ``search.WALK`` candidates one by one, in index order.

    None when they hold less than a page but more candidates remain: the words are common
    only in older incidents, and collecting their documents is then the quicker way.
    """
    base = _apply(select(IncidentRow).where(IncidentRow.state == "active"), IncidentRow, replace(f, q=None), s)
    ordered = _keyset(base, IncidentRow.date, IncidentRow.id, after)
    edge = s.execute(ordered.with_only_columns(IncidentRow.date, IncidentRow.id).offset(search.WALK - 1).limit(1)).first()
    page = ordered.where(search.sourced_by_match(s, IncidentRow.id, f.q or ""))
    if edge is not None:
        page = page.where(_up_to(IncidentRow.date, IncidentRow.id, edge[0], edge[1]))
    rows = list(s.scalars(page.limit(limit + 1)))
    return rows if len(rows) > limit or edge is None else None


def _up_to(date_col: Any, id_col: Any, day: str | None, last: str) -> Any:
    """Rows at or before (``day``, ``last``) in the newest-first, undated-last order of ``_keyset``."""
    if day is None:
        return or_(date_col.is_not(None), id_col >= last)
    return or_(date_col > day, and_(date_col == day, id_col >= last))


def incident(s: Session, incident_id: str) -> dict[str, Any]:
    """An incident with its claims, its sources (with evidence) and its merge history; follows merges."""
    row = resolve(s, incident_id)
    if row is None:
        raise NotFound(f"no incident {incident_id!r}")
    # one event per document and incident; names withheld as the exports withhold them
    members = {m["doc_id"]: publish(m, include_names=False) for m in member_events(s, row.id)}
    seqs = {doc_id: seq for doc_id, seq in s.execute(
        select(DocumentRow.doc_id, IncidentSource.seq).join(DocumentRow, DocumentRow.id == IncidentSource.document_id)
        .where(IncidentSource.incident == row.id))}
    out = incident_dict(row)
    out["state"], out["claims"] = row.state, [c for m in members.values() for c in _claims_of(m)] + _figure_claims(row)
    out["persons"] = sorted({p for m in members.values() for p in m.get("persons") or []})
    out["sources"] = [dict(src, title=members[src["doc_id"]]["title"], key=f"{src['doc_id']}:{seqs.get(src['doc_id'])}")
                      for src in aggregate_sources(list(members.values()))]
    history = s.scalars(select(MergeHistory).where(or_(MergeHistory.incident == row.id, MergeHistory.other == row.id)).order_by(MergeHistory.id))
    out["history"] = [{"action": h.action, "incident": h.incident, "other": h.other, "events": h.events, "by": h.by, "why": h.why, "at": h.at}
                      for h in history]
    out["aliases"] = list(s.scalars(select(IncidentRow.id).where(IncidentRow.merged_into == row.id)))
    return out


def _claims_of(m: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"by": c.get("by"), "text": c.get("text"), "doc_id": m["doc_id"], "outlet": m.get("outlet"), "url": m.get("url")}
            for c in m.get("claims") or []]


def _figure_claims(row: IncidentRow) -> list[dict[str, Any]]:
    """The aggregate's per-source figures (count, fatalities) where sources disagree: they name no person."""
    return [c for c in row.claims or [] if c.get("field")]


def map_features(s: Session, f: Filters, *, limit: int = 5000) -> dict[str, Any]:
    """Active incidents with coordinates as a GeoJSON FeatureCollection, newest first."""
    q = _apply(select(IncidentRow.id, IncidentRow.subtype, IncidentRow.date, IncidentRow.place, IncidentRow.latitude,
                      IncidentRow.longitude, IncidentRow.count_best, IncidentRow.n_sources)
               .where(IncidentRow.state == "active", IncidentRow.latitude.is_not(None)), IncidentRow, f, s)
    q = q.order_by(IncidentRow.date.desc().nulls_last(), IncidentRow.id.desc()).limit(limit)
    features = [{"type": "Feature", "id": r.id, "geometry": {"type": "Point", "coordinates": [r.longitude, r.latitude]},
                 "properties": {"subtype": r.subtype, "date": r.date, "place": r.place, "count": r.count_best, "sources": r.n_sources}}
                for r in s.execute(q)]
    return {"type": "FeatureCollection", "features": features}


# events and documents ------------------------------------------------------------------------


def events(s: Session, f: Filters, *, limit: int = 50, cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of events (codebook form plus their ``key``) matching ``f``."""
    q = _apply(select(EventRow, DocumentRow.doc_id).join(DocumentRow, DocumentRow.id == EventRow.document_id), EventRow, f, s)
    q = _keyset(q, EventRow.date, EventRow.id, decode_cursor(cursor, 2)).limit(check_limit(limit) + 1)
    rows = list(s.execute(q))
    more = len(rows) > limit
    rows = rows[:limit]
    items = [dict(publish(to_codebook(r, doc_id), include_names=False), key=f"{doc_id}:{r.seq}") for r, doc_id in rows]
    nxt = encode_cursor(rows[-1][0].date, rows[-1][0].id) if more else None
    return items, nxt


def document_summary(row: DocumentRow) -> dict[str, Any]:
    return {"doc_id": row.doc_id, "url": row.url, "title": row.title, "outlet": row.outlet, "published": row.published,
            "language": row.language, "collected": row.collected}


def documents(s: Session, *, q: str | None = None, language: str | None = None, limit: int = 50,
              cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of documents, newest stored first; ``q`` searches title and text in any word form."""
    query = select(DocumentRow)
    if q:
        query = query.where(DocumentRow.id.in_(documents_matching(s, q)))
    if language:
        query = query.where(DocumentRow.language == language)
    after = decode_cursor(cursor, 1)
    if after is not None:
        query = query.where(DocumentRow.id < after[0])
    rows = list(s.scalars(query.order_by(DocumentRow.id.desc()).limit(check_limit(limit) + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return [document_summary(r) for r in rows], (encode_cursor(rows[-1].id) if more else None)


def document(s: Session, doc_id: str) -> dict[str, Any]:
    """A stored document with its text and its events (with the incident each belongs to)."""
    row = s.scalar(select(DocumentRow).where(DocumentRow.doc_id == doc_id))
    if row is None:
        raise NotFound(f"no document {doc_id!r}")
    evs = s.scalars(select(EventRow).where(EventRow.document_id == row.id).order_by(EventRow.seq))
    out = document_summary(row)
    out["text"] = row.text
    out["republication_of"] = s.scalar(select(DocumentRow.doc_id).where(DocumentRow.id == row.republication_of)) if row.republication_of else None
    out["events"] = [dict(publish(to_codebook(e, row.doc_id), include_names=False), key=f"{row.doc_id}:{e.seq}") for e in evs]
    return out


# statistics ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def week_of(day: str) -> str:
    """The Monday that starts the ISO week holding ``day`` (a month or year counts from its first day).

    Examples:
        >>> week_of("2025-06-27"), week_of("2025-06"), week_of("2025")
        ('2025-06-23', '2025-05-26', '2024-12-30')
    """
    d = date.fromisoformat((day + "-01-01")[:10] if len(day) == 4 else (day + "-01")[:10])
    return (d - timedelta(days=d.weekday())).isoformat()


def stats(s: Session, f: Filters) -> dict[str, Any]:
    """Counts of active incidents matching ``f``: in all, by type, subtype and country, and by week (and month) and type.

    Two small groupings (by type, subtype and country; by type and date) rather than one by all
    four: each is a few thousand rows on 100,000 incidents, where the four-way one is tens of thousands.
    """
    def grouped(*cols: Any) -> Any:
        q = _apply(select(*cols, func.count().label("n")).where(IncidentRow.state == "active"), IncidentRow, f, s)
        return s.execute(q.group_by(*cols)).all()

    by_type: Counter[str] = Counter()
    by_subtype: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    for kind, subtype, country, n in grouped(IncidentRow.type, IncidentRow.subtype, IncidentRow.country):
        by_type[kind] += n
        by_subtype[subtype] += n
        by_country[country or ""] += n
    weeks: dict[str, Counter[str]] = defaultdict(Counter)
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, day, n in grouped(IncidentRow.type, IncidentRow.date):
        if day:
            weeks[week_of(day)][kind] += n
            months[(day + "-01")[:7]][kind] += n  # a year alone counts in its January, as in week_of
    return {
        "incidents": sum(by_type.values()),
        "by_type": dict(by_type.most_common()),
        "by_subtype": dict(by_subtype.most_common()),
        "by_country": dict(by_country.most_common()),
        "timeline": [{"week": w, "counts": dict(weeks[w])} for w in sorted(weeks)],
        "months": [{"month": m, "counts": dict(months[m])} for m in sorted(months)],
    }


def facets(s: Session) -> dict[str, list[str]]:
    """The values present for each filter, for the dashboard's select boxes: one pass over the active incidents.

    ``groups`` is compared as text: PostgreSQL's ``json`` has no equality, so ``DISTINCT`` cannot take it as it is.
    """
    names = ("type", "subtype", "country", "admin1", "status")
    q = select(*(getattr(IncidentRow, n) for n in names), cast(IncidentRow.groups, String)).where(IncidentRow.state == "active")
    seen: dict[str, set[str]] = {n: set() for n in (*names, "group")}
    for *values, groups in s.execute(q.distinct()):
        for name, value in zip(names, values):
            if value:
                seen[name].add(value)
        seen["group"].update(json.loads(groups) if groups else [])
    return {name: sorted(values) for name, values in seen.items()}
