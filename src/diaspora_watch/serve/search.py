"""Free-text filters: documents whose lemmatized title or text holds every word, and the incidents they source.

Documents are found only by ``link.search.documents_matching`` (FTS5 on SQLite, a GIN-indexed
``tsvector`` on PostgreSQL), the search the exports narrow by too: whole lemmas, so any inflected
form of a Russian word finds the others. Which incidents a match picks can be asked two ways,
and each is slow where the other is fast: for a rare word, collect its few documents' incidents
(``IN``); for a common one, walk incidents newest first and test each (``EXISTS``), which finds a
page after a few dozen tests instead of collecting tens of thousands of documents.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, func, literal, select
from sqlalchemy.orm import Session

from diaspora_watch.link.search import documents_matching
from diaspora_watch.store.incidents import IncidentSource

#: more matching documents than this and a word counts as common (a probe reads at most this many ids)
COMMON = 2000
#: a common word walks at most this many incidents before falling back to collecting
WALK = 1000


def common(s: Session, q: str) -> bool:
    """Whether more than ``COMMON`` documents match ``q``: a probe that stops reading at ``COMMON + 1``."""
    probe = documents_matching(s, q).limit(COMMON + 1).subquery()
    return (s.scalar(select(func.count()).select_from(probe)) or 0) > COMMON


def incidents_with(s: Session, q: str) -> Any:
    """A subquery of incident ids one of whose sources matches ``q`` (the way for rare words and for counts)."""
    return select(IncidentSource.incident).where(IncidentSource.document_id.in_(documents_matching(s, q)))


def sourced_by_match(s: Session, incident_id: Any, q: str) -> Any:
    """``EXISTS``: the incident ``incident_id`` (a column of the outer query) has a source matching ``q``.

    The match is asked of one source document at a time (its id equals the source's), which both
    FTS5 and PostgreSQL answer by key, so a walk costs a few lookups per incident.
    """
    docs = documents_matching(s, q)
    this_source = docs.where(docs.selected_columns[0] == IncidentSource.document_id)
    return exists(select(literal(1)).select_from(IncidentSource).where(IncidentSource.incident == incident_id, exists(this_source)))
