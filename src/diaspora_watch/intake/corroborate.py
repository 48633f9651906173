"""First-hand reports as corroboration of public incidents, and the aggregates anyone may see.

A caseworker links a report to an incident of the same subtype, country and time; the public
incident then shows how many first-hand reports back it, counting only reports whose person
consented to sharing and that are not waiting for review. Aggregates drop every cell with
fewer than ``MIN_CELL`` reports, so a rare combination cannot point at one person.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from diaspora_watch.errors import UsageError
from diaspora_watch.intake import audit
from diaspora_watch.intake.audit import Actor
from diaspora_watch.intake.errors import ReportNotFound
from diaspora_watch.intake.models import LinkRow, ReportRow
from diaspora_watch.intake.report import SHAREABLE
from diaspora_watch.intake.service import Intake

MIN_CELL = 3


def _countable() -> ColumnElement[bool]:
    return (ReportRow.state == "active") & ReportRow.consent.in_(SHAREABLE)


def first_hand_count(session: Session, incident_id: str) -> int:
    """How many consented, reviewed first-hand reports back ``incident_id`` (nothing else about them)."""
    query = select(func.count()).select_from(LinkRow).join(ReportRow, ReportRow.id == LinkRow.report_id)
    return int(session.scalar(query.where(LinkRow.incident_id == incident_id, _countable())) or 0)


def aggregates(session: Session, min_cell: int = MIN_CELL) -> list[dict[str, Any]]:
    """Counts of consented reports by subtype, country, region and month; small cells are left out."""
    month = func.substr(ReportRow.date, 1, 7)
    cols = (ReportRow.type, ReportRow.subtype, ReportRow.country, ReportRow.admin1, month)
    rows = session.execute(select(*cols, func.count()).where(_countable()).group_by(*cols).order_by(*cols))
    return [
        {"type": t, "subtype": st, "country": c, "admin1": a, "month": m, "reports": n}
        for t, st, c, a, m, n in rows if n >= min_cell
    ]


def _compatible(a: str | None, b: str | None) -> bool:
    """Two dates at any precision that may be the same time (one is a prefix of the other)."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def link(intake: Intake, actor: Actor, report_id: str, incident_id: str) -> None:
    """Link a report to a public incident; refuses an incident of another subtype, country or time."""
    from diaspora_watch.store.incidents import IncidentRow

    with intake.opened(actor, "link", report_id) as (s, _row, report):
        incident = s.get(IncidentRow, incident_id)
        if incident is None:
            raise ReportNotFound(f"no incident {incident_id}")
        mismatch = [name for name, ours, theirs in (
            ("subtype", report["subtype"], incident.subtype),
            ("country", report.get("country"), incident.country),
        ) if ours and theirs and ours != theirs]
        if not _compatible(report.get("date"), incident.date):
            mismatch.append("date")
        if mismatch:
            raise UsageError(f"report {report_id} and incident {incident_id} differ in {', '.join(mismatch)}")
        if s.get(LinkRow, (report_id, incident_id)) is None:
            s.add(LinkRow(report_id=report_id, incident_id=incident_id, linked_by=actor.name[:160], linked=audit.now()))
        audit.record(s, actor, "link", report_id, incident=incident_id)


def unlink(intake: Intake, actor: Actor, report_id: str, incident_id: str) -> None:
    with intake.opened(actor, "unlink", report_id) as (s, _row, _report):
        link_row = s.get(LinkRow, (report_id, incident_id))
        if link_row is not None:
            s.delete(link_row)
        audit.record(s, actor, "unlink", report_id, incident=incident_id)
