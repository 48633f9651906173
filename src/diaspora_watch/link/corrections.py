"""Human corrections of linking: merge two incidents, or split events off into a new one.

Each correction is one transaction and one ``merge_history`` row (who, when, why, which
events). A merged id is never deleted: it stays as an alias of the incident it went into. A
correction pins the events it moved, so re-extracting their documents keeps them where a person put them.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from diaspora_watch.errors import UsageError
from diaspora_watch.link.incidents import now, open_incident, refresh, resolve
from diaspora_watch.link.members import event_key
from diaspora_watch.store._events import to_codebook
from diaspora_watch.store.incidents import IncidentRow, IncidentSource, MergeHistory
from diaspora_watch.store.schema import DocumentRow, EventRow


def _live(s: Session, incident_id: str) -> IncidentRow:
    row = resolve(s, incident_id)
    if row is None:
        raise UsageError(f"no incident {incident_id!r}; see `diaspora-watch incidents list`")
    return row


def _require(by: str, why: str) -> None:
    if not by.strip() or not why.strip():
        raise UsageError("a correction needs --by NAME and --why TEXT: the merge history says who changed what and why")


def _sources(s: Session, incident_id: str) -> list[tuple[IncidentSource, EventRow, str]]:
    q = (select(IncidentSource, EventRow, DocumentRow.doc_id)
         .join(EventRow, (EventRow.document_id == IncidentSource.document_id) & (EventRow.seq == IncidentSource.seq))
         .join(DocumentRow, DocumentRow.id == IncidentSource.document_id)
         .where(IncidentSource.incident == incident_id))
    return [tuple(r) for r in s.execute(q)]  # type: ignore[misc]


def _move(s: Session, rows: list[tuple[IncidentSource, EventRow, str]], target: str) -> None:
    for src, event, _ in rows:
        s.delete(src)
        s.flush()
        s.add(IncidentSource(incident=target, document_id=src.document_id, seq=src.seq))
        event.incident = target
    s.flush()


def merge(s: Session, into: str, other: str, *, by: str, why: str) -> str:
    """Fold incident ``other`` into ``into``; returns the surviving id."""
    _require(by, why)
    a, b = _live(s, into), _live(s, other)
    if a.id == b.id:
        raise UsageError(f"{into} and {other} are already one incident ({a.id})")
    if a.subtype != b.subtype:
        raise UsageError(f"cannot merge a {a.subtype} with a {b.subtype}: events of different subtypes never share an incident")
    rows = _sources(s, b.id)
    clash = {doc for _, _, doc in rows} & {doc for _, _, doc in _sources(s, a.id)}
    if clash:
        raise UsageError(f"both incidents have an event from {', '.join(sorted(clash))}: one document reports an action once")
    _move(s, rows, a.id)
    b.state, b.merged_into, b.n_sources, b.updated = "merged", a.id, 0, now()
    s.add(MergeHistory(action="merge", incident=a.id, other=b.id, events=[event_key(d, e.seq) for _, e, d in rows], by=by, why=why, at=now()))
    refresh(s, a.id)
    return a.id


def split(s: Session, incident_id: str, keys: list[str], *, by: str, why: str) -> str:
    """Move the events named by ``keys`` (``doc_id:seq``) out of an incident into a new one; returns its id."""
    _require(by, why)
    row = _live(s, incident_id)
    rows = _sources(s, row.id)
    by_key = {event_key(d, e.seq): (src, e, d) for src, e, d in rows}
    missing = [k for k in keys if k not in by_key]
    if missing:
        raise UsageError(f"not events of {row.id}: {', '.join(missing)}; its events: {', '.join(sorted(by_key))}")
    if not keys or len(set(keys)) == len(by_key):
        raise UsageError("split moves some of an incident's events, not none or all")
    moving = [by_key[k] for k in dict.fromkeys(keys)]
    _, first, doc_id = moving[0]
    new_id = open_incident(s, to_codebook(first, doc_id), f"split:{row.id}:{','.join(keys)}")
    _move(s, moving, new_id)
    s.add(MergeHistory(action="split", incident=row.id, other=new_id, events=list(dict.fromkeys(keys)), by=by, why=why, at=now()))
    refresh(s, row.id, new_id)
    return new_id


def history(s: Session, incident_id: str | None = None) -> list[dict[str, object]]:
    """Corrections, oldest first; for one incident, those that name it."""
    q = select(MergeHistory).order_by(MergeHistory.id)
    if incident_id:
        q = q.where((MergeHistory.incident == incident_id) | (MergeHistory.other == incident_id))
    return [{"action": h.action, "incident": h.incident, "other": h.other, "events": h.events, "by": h.by, "why": h.why, "at": h.at}
            for h in s.scalars(q)]
