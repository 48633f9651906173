"""Full-text search through the index of each dialect: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dw_gold_fixtures import ingest_gold
from sqlalchemy import select, text

from diaspora_watch.export import filters as F
from diaspora_watch.export.records import keyed_events
from diaspora_watch.link.search import documents_matching, lemma_text, matches
from diaspora_watch.store import Store
from diaspora_watch.store.incidents import SearchText
from diaspora_watch.store.schema import DocumentRow

# inflected forms on purpose: the index holds lemmas, so "задержаны" finds "задержали"
QUERIES = ["задержаны", "мигрантов", "Yekaterinburg", "deported", "Таджикистана суд", "embassy warns", "nothingsuchword"]


@pytest.fixture
def gold_any(db_url: str) -> Iterator[Store]:
    """The dev documents with gold events, on SQLite and on PostgreSQL."""
    with Store.open(db_url) as store:
        ingest_gold(store)
        yield store


def test_search_index_finds_exactly_the_documents_holding_every_word(gold_any: Store) -> None:
    with gold_any.transaction() as s:
        lemmas = dict(s.execute(select(SearchText.document_id, SearchText.lemmas)).all())
        for q in QUERIES:
            wanted = set(lemma_text(q).split())
            expected = {doc for doc, text_ in lemmas.items() if wanted <= set(text_.split())}
            assert set(s.scalars(documents_matching(s, q))) == expected, q
        assert set(s.scalars(documents_matching(s, "  ,. "))) == set(), "no words: nothing matches, like `matches`"
    assert 0 < len(expected := {d for d, t in lemmas.items() if "задержать" in t.split()}) < len(lemmas), expected


def test_search_index_narrows_the_text_filter_without_losing_an_event(gold_any: Store) -> None:
    with gold_any.transaction() as s:
        doc_ids = dict(s.execute(select(DocumentRow.id, DocumentRow.doc_id)).all())
        for q in QUERIES:
            passing = {key.rsplit(":", 1)[0] for key, _ in keyed_events(gold_any, {"text": q})}
            narrowed = {doc_ids[i] for i in s.scalars(F.text_documents(s, {"text": q}))}
            assert passing <= narrowed, q
            assert len(narrowed) < len(doc_ids), q
        assert F.text_documents(s, {"country": "RU"}) is None


def test_search_postgres_has_a_tsvector_with_a_gin_index_and_sqlite_none(gold_any: Store) -> None:
    with gold_any.transaction() as s:
        dialect = s.get_bind().dialect.name
        if dialect == "sqlite":
            assert "tsv" not in {row[1] for row in s.execute(text("PRAGMA table_info(search_text)"))}
            return
        assert s.scalar(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_search_text_tsv'")).lower().count("gin") == 1
        s.execute(text("SET LOCAL enable_seqscan = off"))  # a 40-document table is read whole otherwise
        q = documents_matching(s, "задержаны")
        compiled = q.compile(s.get_bind())
        plan = "\n".join(r[0] for r in s.connection().exec_driver_sql("EXPLAIN " + str(compiled), compiled.params))
    assert "ix_search_text_tsv" in plan, plan


def test_search_matches_any_inflected_form() -> None:
    assert matches("задержаны мигранты", "Полиция задержала мигрантов в Москве")
    assert not matches("задержаны туристы", "Полиция задержала мигрантов в Москве")
    assert not matches(" ", "anything")
