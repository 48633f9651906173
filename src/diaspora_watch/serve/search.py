"""Free-text filters: documents whose lemmatized title or text holds every word, and the incidents they source.

Documents are found by ``link.search.documents_matching`` (FTS5 on SQLite, a tsvector on
PostgreSQL). Which incidents a match picks can be asked two ways, and each is slow where the
other is fast: for a rare word, collect its few documents' incidents
(``IN``); for a common one, walk incidents newest first and test each (``EXISTS``), which
finds a page after a few dozen tests instead of collecting tens of thousands of documents.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, column, exists, func, literal, select, table, text
from sqlalchemy.orm import Session

from diaspora_watch.link.search import documents_matching, lemma_text
from diaspora_watch.store.incidents import IncidentSource

#: more matching documents than this and a word counts as common (a probe reads at most this many rowids)
COMMON = 2000
#: a common word walks at most this many incidents before falling back to collecting
WALK = 1000
_FTS = table("search_text_fts", column("rowid", Integer))


def _match(q: str) -> Any:
    """The FTS5 condition for every word of ``q``, quoted as ``link.search.documents_matching`` quotes them."""
    words = [w for w in lemma_text(q).split() if any(ch.isalnum() for ch in w)] or [q.lower()]
    return text("search_text_fts MATCH :m").bindparams(m=" ".join('"' + w.replace('"', '""') + '"' for w in words))


def fts(s: Session) -> bool:
    return s.get_bind().dialect.name == "sqlite"


def common(s: Session, q: str) -> bool:
    """Whether more than ``COMMON`` documents match ``q`` (always False without FTS5: there is no cheap probe)."""
    if not fts(s):
        return False
    probe = select(_FTS.c.rowid).where(_match(q)).limit(COMMON + 1).subquery()
    return (s.scalar(select(func.count()).select_from(probe)) or 0) > COMMON


def incidents_with(s: Session, q: str) -> Any:
    """A subquery of incident ids one of whose sources matches ``q`` (the way for rare words and for counts)."""
    return select(IncidentSource.incident).where(IncidentSource.document_id.in_(documents_matching(s, q)))


def sourced_by_match(incident_id: Any, q: str) -> Any:
    """``EXISTS``: the incident ``incident_id`` (a column of the outer query) has a source matching ``q`` (FTS5 only)."""
    return exists(select(literal(1)).select_from(IncidentSource).join(_FTS, _FTS.c.rowid == IncidentSource.document_id)
                  .where(IncidentSource.incident == incident_id, _match(q)))
