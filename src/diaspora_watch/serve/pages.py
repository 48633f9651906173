"""Server-rendered pages: the incident dashboard, one incident, one document, downloads and the feed."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from diaspora_watch.errors import UsageError
from diaspora_watch.export import registry
from diaspora_watch.intake import first_hand_count
from diaspora_watch.serve import chart, highlight, i18n, queries
from diaspora_watch.serve.app import pages_context
from diaspora_watch.serve.filters import Filters
from diaspora_watch.serve.security import with_etag

router = APIRouter(include_in_schema=False)


def _render(request: Request, name: str, **values: Any) -> Response:
    return with_etag(request, request.app.state.templates.TemplateResponse(request, name, pages_context(request, **values)))


def export_filters(f: Filters) -> dict[str, str]:
    """The web's filters in the exporters' vocabulary (``q`` is their ``text``)."""
    out = f.as_dict()
    if "q" in out:
        out["text"] = out.pop("q")
    return out


@router.get("/")
def dashboard(request: Request, cursor: str | None = None) -> Response:
    f = Filters.from_query(request.query_params)
    query = urlencode(f.as_dict())
    state = request.app.state
    with state.store.transaction() as s:
        items, nxt = queries.incidents(s, f, limit=state.settings.page_size, cursor=cursor)
        stats = state.cache.get(s, ("stats", f), lambda: queries.stats(s, f))
        facets = state.cache.get(s, "facets", lambda: queries.facets(s))
        # drawing the chart costs more than reading the page's rows: keep it with the counts it shows
        timeline = state.cache.get(s, ("timeline", f, i18n.current()), lambda: chart.svg(state.templates.env, stats))
    downloads = [(name, fmt.doc) for name, fmt in sorted(registry.formats().items())]
    return _render(request, "incidents.html", items=items, next=nxt, filters=f, query=query, stats=stats, facets=facets,
                   timeline=timeline, downloads=downloads)


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: str) -> Response:
    with request.app.state.store.transaction() as s:
        inc = queries.incident(s, incident_id)
        texts = {d: queries.document(s, d)["text"] for d in {src["doc_id"] for src in inc["sources"]}}
        first_hand = first_hand_count(s, inc["id"])  # consented, reviewed reports only; nothing else about them
    for src in inc["sources"]:
        src["excerpts"] = [highlight.excerpt(texts[src["doc_id"]], sentence) for sentence in src.get("evidence") or []]
    return _render(request, "incident.html", incident=inc, first_hand=first_hand)


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str) -> Response:
    with request.app.state.store.transaction() as s:
        doc = queries.document(s, doc_id)
    marked = highlight.segments(doc["text"], {e["key"]: e["evidence"] for e in doc["events"]})
    return _render(request, "document.html", document=doc, segments=marked)


@router.get("/export/{name}")
def download(request: Request, name: str) -> Response:
    """The current filter's incidents/events in any export format, as an attachment."""
    fmt = registry.formats().get(name)
    if fmt is None:
        raise queries.NotFound(f"unknown export format {name!r}")
    filters = export_filters(Filters.from_query(request.query_params))
    store = request.app.state.store
    if fmt.directory:
        with tempfile.TemporaryDirectory() as tmp:
            registry.write_export_dir(store, name, Path(tmp) / name, filters)
            body = _zip(Path(tmp) / name)
        return Response(body, media_type="application/zip", headers=_attachment(f"diaspora-watch-{name}.zip"))
    buf = io.StringIO()
    registry.write_export(store, name, buf, filters)
    return Response(buf.getvalue().encode("utf-8"), media_type=fmt.media_type,
                    headers=_attachment(f"diaspora-watch-{name}{fmt.suffix}"))


@router.get("/feed.atom")
def feed(request: Request) -> Response:
    """The Atom feed of the current filter (the ``atom`` export)."""
    if "atom" not in registry.formats():
        raise UsageError("the atom export is not installed")
    return download(request, "atom")


def _attachment(filename: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{filename}"'}


def _zip(folder: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(folder).as_posix())
    return buf.getvalue()
