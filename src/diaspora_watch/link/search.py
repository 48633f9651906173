"""Lemmatized search text for each stored document, and text matching that works for Russian.

SQLite's FTS5 stemmer knows only English, so "азербайджанцев" would never find
"азербайджанцы". Each document's title and text are stored once more as lemmas
(``search_text.lemmas``), which SQLite's FTS5 table and PostgreSQL's ``tsvector`` column
(``simple`` configuration, GIN index; migration 0004) index; queries are lemmatized the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, column, false, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from diaspora_watch.document import Document
from diaspora_watch.extract.morph import lemmas
from diaspora_watch.pipeline import Context, stage
from diaspora_watch.store.incidents import SearchText


def lemma_text(text: str) -> str:
    """The text as space-separated lemmas.

    >>> lemma_text("Задержаны азербайджанцы")
    'задержать азербайджанец'
    """
    return " ".join(lemma for _, _, lemma in lemmas(text))


def matches(query: str, text: str) -> bool:
    """True when every word of ``query`` occurs in ``text`` in any inflected form."""
    wanted = set(lemma_text(query).split())
    return bool(wanted) and wanted <= set(lemma_text(text).split())


def documents_matching(s: Session, query: str) -> Any:
    """A subquery of the row ids of documents whose title or text holds every word of ``query`` in some form.

    Answered by the full-text index of the dialect. It never misses a document for which
    ``matches(query, t)`` holds with ``t`` taken from the document (its title, sentences, quotes),
    so it can narrow what ``matches`` then decides.
    """
    words = lemma_text(query).split()
    if not words:
        return select(SearchText.document_id).where(false())
    if s.get_bind().dialect.name == "postgresql":
        tsv = literal_column("search_text.tsv")  # generated on PostgreSQL only, so not in the model
        return select(SearchText.document_id).where(tsv.bool_op("@@")(func.plainto_tsquery("simple", " ".join(words))))
    # one quoted FTS5 phrase per word, so no word is read as an operator; a word FTS5 sees no token in cannot narrow
    phrases = " ".join('"' + w.replace('"', '""') + '"' for w in words if any(ch.isalnum() for ch in w))
    fts = table("search_text_fts", column("rowid", Integer))
    return select(fts.c.rowid).where(text("search_text_fts MATCH :m").bindparams(m=phrases)) if phrases else select(SearchText.document_id)


def index_document(s: Session, document_id: int, doc: Document) -> None:
    """Store (or replace) the lemmatized title and text of one document."""
    row = s.get(SearchText, document_id)
    title, body = lemma_text(doc.title), lemma_text(doc.text)
    if row is None:
        s.add(SearchText(document_id=document_id, doc_id=doc.doc_id, title=doc.title, lemmas=f"{title} {body}".strip()))
    else:
        row.title, row.lemmas = doc.title, f"{title} {body}".strip()


@stage("dw.link.search.v1", requires=["doc.text"], phase="stored")
def search_stage(doc: Document, ctx: Context) -> Document:
    """Index the document's lemmas for full-text search (Russian included)."""
    if ctx.row_id is not None:
        index_document(ctx.session, ctx.row_id, doc)
    return doc
