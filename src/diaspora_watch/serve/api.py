"""The JSON API, ``/api/v1``: incidents, events, documents and stats, filtered and cursor-paged.

Every read answers with an ETag and honours ``If-None-Match``; writes live in ``actions``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from diaspora_watch.serve import queries
from diaspora_watch.serve.filters import Filters
from diaspora_watch.serve.security import with_etag

router = APIRouter(prefix="/api/v1", tags=["read"])
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="The `next` value of the previous page.")]


def filters(
    type: Annotated[str | None, Query(description="enforcement, status, recruitment, policy, diplomatic")] = None,
    subtype: Annotated[str | None, Query(description="e.g. detention, raid, citizenship_revocation")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 of where it happened, e.g. RU")] = None,
    admin1: Annotated[str | None, Query(description="ISO 3166-2 region, e.g. RU-SVE")] = None,
    group: Annotated[str | None, Query(description="national origin of those targeted, e.g. AZ")] = None,
    status: Annotated[str | None, Query(description="legal status, e.g. naturalized")] = None,
    date_from: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
    date_to: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
    q: Annotated[str | None, Query(description="words in the sources' title or text, any inflected form (EN, RU)")] = None,
) -> Filters:
    return Filters.from_query(locals())


FiltersDep = Annotated[Filters, Depends(filters)]


def _json(request: Request, payload: Any) -> Response:
    return with_etag(request, JSONResponse(payload))


def _page(items: list[dict[str, Any]], nxt: str | None) -> dict[str, Any]:
    return {"ok": True, "items": items, "next": nxt}


@router.get("/incidents", summary="Incidents, newest first")
def list_incidents(request: Request, f: FiltersDep, limit: Limit = 50, cursor: Cursor = None) -> Response:
    with request.app.state.store.transaction() as s:
        return _json(request, _page(*queries.incidents(s, f, limit=limit, cursor=cursor)))


@router.get("/incidents/{incident_id}", summary="One incident with its claims, sources and merge history")
def get_incident(request: Request, incident_id: str) -> Response:
    with request.app.state.store.transaction() as s:
        return _json(request, {"ok": True, "incident": queries.incident(s, incident_id)})


@router.get("/events", summary="Events (one per source document), newest first")
def list_events(request: Request, f: FiltersDep, limit: Limit = 50, cursor: Cursor = None) -> Response:
    with request.app.state.store.transaction() as s:
        return _json(request, _page(*queries.events(s, f, limit=limit, cursor=cursor)))


@router.get("/documents", summary="Stored documents, newest first")
def list_documents(request: Request, limit: Limit = 50, cursor: Cursor = None,
                   q: Annotated[str | None, Query(description="words in title or text, any form")] = None,
                   language: Annotated[str | None, Query(pattern="^[a-z]{2}$")] = None) -> Response:
    with request.app.state.store.transaction() as s:
        return _json(request, _page(*queries.documents(s, q=q, language=language, limit=limit, cursor=cursor)))


@router.get("/documents/{doc_id}", summary="One document with its text and events")
def get_document(request: Request, doc_id: str) -> Response:
    with request.app.state.store.transaction() as s:
        return _json(request, {"ok": True, "document": queries.document(s, doc_id)})


@router.get("/stats", summary="Counts of incidents by type, subtype, country, and by week and month")
def get_stats(request: Request, f: FiltersDep) -> Response:
    with request.app.state.store.transaction() as s:
        return _json(request, {"ok": True, **request.app.state.cache.get(s, ("stats", f), lambda: queries.stats(s, f))})


@router.get("/map", summary="Incidents with coordinates, as GeoJSON")
def get_map(request: Request, f: FiltersDep) -> Response:
    with request.app.state.store.transaction() as s:
        return _json(request, queries.map_features(s, f))
