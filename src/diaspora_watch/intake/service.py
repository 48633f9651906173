"""First-hand reports: add, list, show, update, export and delete, with access checks and audit.

Who may do what:

- ``admin``: everything, in every organisation (the local administrator at the CLI is one);
- ``caseworker``: reads and writes the reports of their own organisation;
- ``analyst`` and ``public``: no report content at all, only consented aggregates
  (``corroborate.aggregates``); the public may submit through the public form.

Every call that touches a report writes an audit entry in the same transaction; a refused or
failed one writes its entry in a transaction of its own, so refusals are kept too. A
caseworker asking for another organisation's report is told it does not exist.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import hashlib
import json
import mimetypes
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from diaspora_watch.errors import DwError, UsageError
from diaspora_watch.intake import audit
from diaspora_watch.intake.audit import Actor
from diaspora_watch.intake.crypto import Keyring
from diaspora_watch.intake.errors import AccessDenied, KeyUnavailable, ReportInvalid, ReportNotFound, SealBroken
from diaspora_watch.intake.models import AttachmentRow, LinkRow, ReportRow
from diaspora_watch.intake.report import clear_fields, validate

if TYPE_CHECKING:  # the store package imports intake's tables; no import cycle at run time
    from diaspora_watch.store import Store

MAX_ATTACHMENT = 10 * 1024 * 1024
CONTENT_ROLES = ("admin", "caseworker")
#: what the public form may send: no person's name or contact, no caseworker fields
PUBLIC_FIELDS = frozenset({"type", "subtype", "date", "country", "admin1", "place", "narrative", "demands", "consent"})
PUBLIC = Actor("public-form", "public")


@dataclass(frozen=True)
class Attachment:
    """A file attached to a report: a photo of a summons, a scanned document."""

    name: str
    data: bytes
    media_type: str = "application/octet-stream"


def payload_context(report_id: str) -> str:
    return f"intake_reports:{report_id}:sealed"


def attachment_context(report_id: str, attachment_id: int) -> str:
    return f"intake_attachments:{report_id}:{attachment_id}"


def read_attachments(paths: list[str], base: Path) -> list[Attachment]:
    """The files a report's ``attachments`` names, relative to ``base`` (the report file's folder)."""
    found = []
    for name in paths:
        path = (base / name).expanduser()
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT:
                raise UsageError(f"attachment {path}: {size} bytes, over the {MAX_ATTACHMENT // 2**20} MB cap")
            data = path.read_bytes()
        except OSError as e:
            raise UsageError(f"attachment {path}: cannot be read ({e.strerror})") from None
        found.append(Attachment(path.name, data, mimetypes.guess_type(path.name)[0] or "application/octet-stream"))
    return found


def new_report_id() -> str:
    return "r-" + secrets.token_hex(6)


class Intake:
    """Reports in one store, sealed and opened with one keyring (``None``: aggregates and audit only)."""

    def __init__(self, store: Store, keyring: Keyring | None) -> None:
        self.store = store
        self._keyring = keyring

    @property
    def keyring(self) -> Keyring:
        if self._keyring is None:
            raise KeyUnavailable("this operation needs the intake key (--key-file or $DIASPORA_WATCH_INTAKE_KEY)")
        return self._keyring

    # writing --------------------------------------------------------------------------------

    def add(self, actor: Actor, report: dict[str, Any], attachments: Sequence[Attachment] = (),
            organisation: str | None = None, source: str = "caseworker", state: str = "active") -> str:
        """Validate, seal and store a report for ``organisation`` (a caseworker's own by default); returns its id."""
        org = organisation if organisation is not None else actor.organisation
        self._require_content(actor, "create", None, org)
        validate(report)
        return self._insert(actor, report, attachments, org, source, state)

    def submit_public(self, report: dict[str, Any], organisation: str) -> str:
        """A report from the public form, for ``organisation`` to review; it counts nowhere until reviewed."""
        extra = sorted(set(report) - PUBLIC_FIELDS)
        if extra:
            raise ReportInvalid("public report", [f"{name}: the public form takes no such field" for name in extra])
        validate(report)
        return self._insert(PUBLIC, report, (), organisation, "public", "unreviewed")

    def update(self, actor: Actor, report_id: str, changes: dict[str, Any]) -> None:
        """Change fields of a report (notes, consent, corrections); ``attachments`` cannot be changed here."""
        if "attachments" in changes:
            raise UsageError("attachments cannot be changed by an update; add a new report or delete this one")
        with self.opened(actor, "update", report_id) as (s, row, report):
            files = report["attachments"]
            merged = {k: v for k, v in {**report, **changes}.items() if v is not None or k not in changes}
            validate({**merged, "attachments": [f["name"] for f in files]})
            self._seal(row, {**merged, "attachments": files})
            audit.record(s, actor, "update", report_id, fields=sorted(changes))

    def review(self, actor: Actor, report_id: str) -> None:
        """Accept a report that came through the public form: only then can it count anywhere."""
        with self.opened(actor, "review", report_id) as (s, row, _report):
            row.state, row.updated = "active", audit.now()
            audit.record(s, actor, "review", report_id)

    def delete(self, actor: Actor, report_id: str, why: str) -> None:
        """Remove a report, its attachments and links on request; the audit entries are kept."""
        if not why.strip():
            raise UsageError("say why the report is deleted (e.g. --why 'request of the person, 2025-03-02')")
        with self.opened(actor, "delete", report_id) as (s, row, _report):
            s.delete(row)
            audit.record(s, actor, "delete", report_id, why=why.strip()[:300])
        self._scrub()

    # reading --------------------------------------------------------------------------------

    def list(self, actor: Actor, organisation: str | None = None) -> list[dict[str, Any]]:
        """Summaries (no identities) of the reports the actor may read, newest first."""
        self._require_content(actor, "list", None, organisation or actor.organisation)
        query = select(ReportRow).order_by(ReportRow.created.desc())
        if actor.role != "admin":
            query = query.where(ReportRow.organisation == actor.organisation)
        elif organisation:
            query = query.where(ReportRow.organisation == organisation)
        try:
            with self.store.transaction() as s:
                rows = list(s.scalars(query))
                summaries = [self._summary(row, self._open(row)) for row in rows]
                audit.record(s, actor, "list", None, reports=[r.id for r in rows])
        except (SealBroken, KeyUnavailable) as e:
            self._refuse(actor, "list", None, e)
        return summaries

    def show(self, actor: Actor, report_id: str) -> dict[str, Any]:
        """The whole report, attachments as name, type, size and digest."""
        with self.opened(actor, "read", report_id) as (s, row, report):
            audit.record(s, actor, "read", report_id)
            return {**self._summary(row, report), "report": report}

    def attachment(self, actor: Actor, report_id: str, index: int) -> Attachment:
        """One attached file, checked against the digest the sealed report holds for it."""
        with self.opened(actor, "read_attachment", report_id) as (s, row, report):
            files = report["attachments"]
            if not 0 <= index < len(files):
                raise ReportNotFound(f"report {report_id} has no attachment {index}")
            att = self._open_attachment(s, report_id, files[index])
            audit.record(s, actor, "read_attachment", report_id, index=index)
            return att

    def export(self, actor: Actor, report_id: str) -> dict[str, Any]:
        """Everything held about the person in this report, attachments included (base64), for a data request."""
        with self.opened(actor, "export", report_id) as (s, row, report):
            files = [self._open_attachment(s, report_id, f) for f in report["attachments"]]
            links = sorted(s.scalars(select(LinkRow.incident_id).where(LinkRow.report_id == report_id)))
            audit.record(s, actor, "export", report_id)
            return {
                **self._summary(row, report), "report": report, "incidents": links,
                "attachment_files": [{"name": a.name, "media_type": a.media_type,
                                      "base64": base64.b64encode(a.data).decode("ascii")} for a in files],
                "audit": audit.entries(s, report_id),
            }

    # helpers ---------------------------------------------------------------------------------

    def _require_content(self, actor: Actor, action: str, report_id: str | None, organisation: str | None) -> None:
        if actor.role == "admin":
            return
        if actor.role != "caseworker":
            self._refuse(actor, action, report_id, AccessDenied(f"the {actor.role} role sees only anonymized aggregates"))
        if not actor.organisation or organisation != actor.organisation:
            self._refuse(actor, action, report_id, AccessDenied("caseworkers work on their own organisation's reports only"))

    def _refuse(self, actor: Actor, action: str, report_id: str | None, error: DwError) -> NoReturn:
        outcome = "denied" if isinstance(error, (AccessDenied, ReportNotFound)) else "failed"
        with self.store.transaction() as s:
            audit.record(s, actor, action, report_id, outcome=outcome, error=type(error).__name__)
        raise error

    @contextlib.contextmanager
    def opened(self, actor: Actor, action: str, report_id: str) -> Iterator[tuple[Session, ReportRow, dict[str, Any]]]:
        """Open one report for ``actor`` inside a transaction; refusals and failures are audited."""
        if actor.role not in CONTENT_ROLES or (actor.role == "caseworker" and not actor.organisation):
            self._require_content(actor, action, report_id, None)
        try:
            with self.store.transaction() as s:
                row = s.get(ReportRow, report_id)
                if row is None or (actor.role != "admin" and row.organisation != actor.organisation):
                    raise ReportNotFound(f"no report {report_id}")
                yield s, row, self._open(row)
        except (ReportNotFound, SealBroken, KeyUnavailable) as e:
            self._refuse(actor, action, report_id, e)

    def _insert(self, actor: Actor, report: dict[str, Any], attachments: Sequence[Attachment], organisation: str,
                source: str, state: str) -> str:
        report_id = new_report_id()
        with self.store.transaction() as s:
            row = ReportRow(id=report_id, organisation=organisation, source=source, state=state, consent=report["consent"],
                            created_by=actor.name[:160], created=audit.now(), updated=audit.now(), key_id="", sealed=b"")
            s.add(row)
            s.flush()
            files = self._add_attachments(s, report_id, attachments)
            self._seal(row, {**report, "attachments": files})
            audit.record(s, actor, "create", report_id, source=source, attachments=len(files), consent=report["consent"])
        return report_id

    def _seal(self, row: ReportRow, report: dict[str, Any]) -> None:
        for name, value in clear_fields(report).items():
            setattr(row, name, value)
        row.consent, row.updated, row.key_id = report["consent"], audit.now(), self.keyring.current
        body = {"organisation": row.organisation, "report": report}
        row.sealed = self.keyring.seal(json.dumps(body, ensure_ascii=False).encode("utf-8"), payload_context(row.id))

    def _open(self, row: ReportRow) -> dict[str, Any]:
        """The sealed report, checked against the clear columns (which sit outside the seal)."""
        body = json.loads(self.keyring.open(row.sealed, payload_context(row.id)))
        report = body["report"]
        clear = {name: getattr(row, name) for name in clear_fields(report)}
        if body["organisation"] != row.organisation or clear != clear_fields(report) or row.consent != report["consent"]:
            raise SealBroken(f"report {row.id}: its clear columns were changed outside diaspora-watch")
        return copy.deepcopy(report)

    def _add_attachments(self, s: Session, report_id: str, attachments: Sequence[Attachment]) -> list[dict[str, Any]]:
        files = []
        for att in attachments:
            if len(att.data) > MAX_ATTACHMENT:
                raise UsageError(f"attachment {att.name}: over the {MAX_ATTACHMENT // 2**20} MB cap")
            row = AttachmentRow(report_id=report_id, key_id=self.keyring.current, sealed=b"")
            s.add(row)
            s.flush()
            body = json.dumps({"name": att.name, "media_type": att.media_type,
                               "data": base64.b64encode(att.data).decode("ascii")}).encode("utf-8")
            row.sealed = self.keyring.seal(body, attachment_context(report_id, row.id))
            files.append({"id": row.id, "name": att.name, "media_type": att.media_type, "size": len(att.data),
                          "sha256": hashlib.sha256(att.data).hexdigest()})
        return files

    def _open_attachment(self, s: Session, report_id: str, meta: dict[str, Any]) -> Attachment:
        row = s.get(AttachmentRow, meta["id"])
        if row is None or row.report_id != report_id:
            raise SealBroken(f"report {report_id}: attachment {meta['name']!r} is missing from the database")
        body = json.loads(self.keyring.open(row.sealed, attachment_context(report_id, row.id)))
        data = base64.b64decode(body["data"])
        if hashlib.sha256(data).hexdigest() != meta["sha256"]:
            raise SealBroken(f"report {report_id}: attachment {meta['name']!r} does not match its recorded digest")
        return Attachment(body["name"], data, body["media_type"])

    @staticmethod
    def _summary(row: ReportRow, report: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": row.id, "organisation": row.organisation, "state": row.state, "source": row.source,
            "created": row.created, "updated": row.updated, "consent": report["consent"],
            "type": report["type"], "subtype": report["subtype"], "date": report.get("date"),
            "country": report.get("country"), "admin1": report.get("admin1"),
            "attachments": len(report.get("attachments") or []),
        }

    def _scrub(self) -> None:
        """After a deletion, leave no readable copy in SQLite's free pages or its write-ahead log."""
        if self.store.engine.dialect.name != "sqlite":
            return
        with self.store.engine.connect() as conn:
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
