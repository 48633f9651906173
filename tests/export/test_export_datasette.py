"""The SQLite database opened in Datasette: readable views, and full-text search that works for Russian."""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path

import pytest

from diaspora_watch.link.search import lemma_text
from diaspora_watch.store import Store

datasette_app = pytest.importorskip("datasette.app")


def _get(path: Path, url: str) -> dict:
    async def go() -> dict:
        ds = datasette_app.Datasette([str(path)])
        response = await ds.client.get(url)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    # a thread of its own: a session-wide Playwright (sync API) keeps an event loop on the main thread
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, go()).result()


def test_datasette_queries_incident_views_and_russian_search(linked_store: Store) -> None:
    path = Path(linked_store.url.removeprefix("sqlite:///"))
    name = path.stem
    reports = _get(path, f"/{name}/incident_reports.json?_shape=array&incident__startswith=ru-death-in-custody-2025-06-ru-sve")
    assert len(reports) >= 5 and {"outlet", "url", "published", "evidence"} <= set(reports[0])
    overview = _get(path, f"/{name}/incidents_overview.json?_shape=array&subtype=detention&country=RU")
    assert overview and all(r["subtype"] == "detention" for r in overview)
    # азербайджанцев (genitive plural) in the text, азербайджанцы in the query: both lemmatize alike
    query = lemma_text("азербайджанцы")
    found = _get(path, f"/{name}/search_text.json?_shape=array&_search={query}")
    assert {r["doc_id"] for r in found} & {"d-010", "d-013", "d-088", "d-105", "d-106"}
    raw = _get(path, f"/{name}/search_text.json?_shape=array&_search=азербайджанцы")
    assert len(found) > len(raw), "lemmas find more than the surface form alone"
