"""Lemmatized search text for each stored document, and text matching that works for Russian.

SQLite's FTS5 stemmer knows only English, so "азербайджанцев" would never find
"азербайджанцы". Each document's title and text are stored once more as lemmas
(``search_text.lemmas``), which the FTS5 table indexes; queries are lemmatized the same way.
"""

from __future__ import annotations

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
