"""The append-only audit log of intake: every read and write of a report, allowed or refused.

There is deliberately no function here that changes or removes an entry, and the database
rejects UPDATE and DELETE on ``intake_audit`` with triggers. Details never hold report
content: ids, counts, key ids, field names and the reason given for a deletion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from diaspora_watch.intake.models import AuditRow


@dataclass(frozen=True)
class Actor:
    """Who acts on intake data: a user of the web app, or the local administrator at the CLI."""

    name: str
    role: str  # admin | caseworker | analyst | public
    organisation: str = ""

    @classmethod
    def from_principal(cls, principal: Any) -> Actor:
        """From the web layer's ``auth.service.Principal`` (username, role, organisation)."""
        return cls(principal.username, principal.role, principal.organisation or "")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def record(session: Session, actor: Actor, action: str, report_id: str | None = None,
           outcome: str = "ok", **detail: Any) -> None:
    """Append one entry inside the caller's transaction (so it commits with what it records)."""
    session.add(AuditRow(at=now(), actor=actor.name[:160], role=actor.role, action=action,
                         report_id=report_id, outcome=outcome, detail=detail))


def entries(session: Session, report_id: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """The newest entries first, for one report or all."""
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if report_id is not None:
        query = query.where(AuditRow.report_id == report_id)
    return [
        {"id": r.id, "at": r.at, "actor": r.actor, "role": r.role, "action": r.action,
         "report_id": r.report_id, "outcome": r.outcome, "detail": r.detail}
        for r in session.scalars(query)
    ]
