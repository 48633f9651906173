"""The web's text filter on SQLite (FTS5) and PostgreSQL (tsvector, GIN): whole lemmas, any inflected form, every list alike."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest
from corpus import every_item, load
from sqlalchemy import select

from diaspora_watch.link.search import lemma_text
from diaspora_watch.serve import create_app, search
from diaspora_watch.store import Store
from diaspora_watch.store.incidents import IncidentRow, IncidentSource, SearchText
from diaspora_watch.store.schema import DocumentRow

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2 on import; httpx is what the project pins
    from fastapi.testclient import TestClient

# inflected on purpose: "азербайджанцев" must find "азербайджанцы", "задержаны" must find "задержали"
QUERIES = ["азербайджанцев", "задержаны", "мигрантов суд", "Yekaterinburg", "deported", "nothingsuchword"]
HTML = {"accept": "text/html"}


@pytest.fixture
def any_client(db_url: str, tmp_path) -> Iterator[tuple[TestClient, Store]]:
    """The dev corpus and a client of the app over it, on SQLite and on PostgreSQL."""
    with Store.open(db_url) as store:
        load(store, tmp_path)
        with TestClient(create_app(db_url)) as client:
            yield client, store


def _expected(store: Store, q: str) -> tuple[set[str], set[str]]:
    """By reading every row: the documents whose lemmas hold every word of ``q``, and the active incidents they source."""
    wanted = set(lemma_text(q).split())
    with store.transaction() as s:
        docs = {i for i, lemmas in s.execute(select(SearchText.document_id, SearchText.lemmas)) if wanted <= set(lemmas.split())}
        names = {doc_id for i, doc_id in s.execute(select(DocumentRow.id, DocumentRow.doc_id)) if i in docs}
        incidents = set(s.scalars(select(IncidentRow.id).join(IncidentSource, IncidentSource.incident == IncidentRow.id)
                                  .where(IncidentRow.state == "active", IncidentSource.document_id.in_(docs))))
    return names, incidents


def _lists(client: TestClient, q: str) -> tuple[set[str], set[str], set[str]]:
    incidents = {i["id"] for i in every_item(client, "/api/v1/incidents", q=q, limit=7)}
    events = {e["key"].rsplit(":", 1)[0] for e in every_item(client, "/api/v1/events", q=q)}
    documents = {d["doc_id"] for d in every_item(client, "/api/v1/documents", q=q)}
    return incidents, events, documents


def test_search_every_list_finds_what_the_lemmas_hold(any_client, monkeypatch):
    client, store = any_client
    found_any = 0
    for q in QUERIES:
        docs, incidents = _expected(store, q)
        got_incidents, got_events, got_documents = _lists(client, q)
        assert got_incidents == incidents, q
        assert got_documents == docs, q
        assert got_events and got_events <= docs or not docs, q  # events exist only where gold coded some
        total = re.search(r'<p id="total">(\d+)', client.get("/", params={"q": q, "lang": "en"}, headers=HTML).text)
        assert total and int(total.group(1)) == len(incidents), q
        found_any += bool(incidents)
    assert found_any >= len(QUERIES) - 1  # only the made-up word finds nothing
    assert _lists(client, "азербайджанцев") == _lists(client, "азербайджанец")  # any form finds the others
    # every word counted as common: pages come from the newest-first walk (and its fallback), with the same answers
    monkeypatch.setattr(search, "COMMON", 0)
    monkeypatch.setattr(search, "WALK", 3)
    for q in QUERIES:
        assert {i["id"] for i in every_item(client, "/api/v1/incidents", q=q, limit=2)} == _expected(store, q)[1], q
    client.cookies.clear()


def test_search_lists_are_read_newest_first_from_an_index(db_url: str) -> None:
    """The events and incidents lists, text search's walk included, read an index in order: no sort of every row."""
    from sqlalchemy import text

    from diaspora_watch.serve import queries

    with Store.open(db_url) as store, store.transaction() as s:
        dialect = s.get_bind().dialect
        if dialect.name == "postgresql":
            s.execute(text("SET LOCAL enable_sort = off"))  # a sort is then chosen only where no index gives the order
            s.execute(text("SET LOCAL enable_seqscan = off"))
        lists = {
            "events": queries._keyset(select(DocumentRow.doc_id).join(queries.EventRow, DocumentRow.id == queries.EventRow.document_id),
                                      queries.EventRow.date, queries.EventRow.id, None),
            "incidents": queries._keyset(select(IncidentRow.id).where(IncidentRow.state == "active"), IncidentRow.date, IncidentRow.id, None),
            "walk": queries._keyset(select(IncidentRow.id).where(IncidentRow.state == "active", search.sourced_by_match(s, IncidentRow.id, "суд")),
                                    IncidentRow.date, IncidentRow.id, None),
            "country": queries._keyset(select(IncidentRow.id).where(IncidentRow.state == "active", IncidentRow.country == "RU"),
                                       IncidentRow.date, IncidentRow.id, None),
        }
        for name, q in lists.items():
            c = q.limit(51).compile(dialect=dialect)
            params = tuple(c.params[k] for k in c.positiontup) if c.positional else c.params
            explain = ("EXPLAIN QUERY PLAN " if dialect.name == "sqlite" else "EXPLAIN ") + str(c)
            plan = "\n".join(str(r[-1] if dialect.name == "sqlite" else r[0]) for r in s.connection().exec_driver_sql(explain, params))
            assert "ix_" in plan and "TEMP B-TREE FOR ORDER BY" not in plan and "Sort" not in plan, (name, plan)
