"""Tables for first-hand reports. Only coarse, consented fields are in clear; the rest is sealed.

``intake_reports`` keeps in clear what an aggregate needs and only when consent allows it:
nothing but the organisation, consent, state and times for consent ``none``; type, country,
region and month for ``aggregate``; also place and exact date for ``named``. Everything else
(person, narrative, demands, actors, caseworker notes, exact place and date) is one sealed
JSON payload. Attachments are sealed whole, file name included. ``intake_audit`` is
append-only: the migration adds triggers that reject UPDATE and DELETE on it, and no code
path writes one. Audit rows name a report by id without a foreign key, so they outlive it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from diaspora_watch.store.schema import Base


class ReportRow(Base):
    """One first-hand report: clear coarse fields (per consent) and one sealed payload."""

    __tablename__ = "intake_reports"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    organisation: Mapped[str] = mapped_column(String(255), index=True)
    source: Mapped[str] = mapped_column(String(16))  # caseworker | cli | public
    state: Mapped[str] = mapped_column(String(16), default="active")  # active | unreviewed (public form)
    consent: Mapped[str] = mapped_column(String(16))  # none | aggregate | named
    type: Mapped[str | None] = mapped_column(String(16))
    subtype: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str | None] = mapped_column(Text)  # only with consent ``named``
    date: Mapped[str | None] = mapped_column(String(10))  # month unless consent ``named``
    created_by: Mapped[str] = mapped_column(String(160))
    created: Mapped[str] = mapped_column(String(32))
    updated: Mapped[str] = mapped_column(String(32))
    key_id: Mapped[str] = mapped_column(String(16))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class AttachmentRow(Base):
    """One attached file (a photo of a summons, a document), sealed with its name and media type."""

    __tablename__ = "intake_attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("intake_reports.id", ondelete="CASCADE"), index=True)
    key_id: Mapped[str] = mapped_column(String(16))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class LinkRow(Base):
    """A report corroborating a public incident (same type, place, time), as a caseworker judged."""

    __tablename__ = "intake_links"
    report_id: Mapped[str] = mapped_column(ForeignKey("intake_reports.id", ondelete="CASCADE"), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(255), primary_key=True, index=True)
    linked_by: Mapped[str] = mapped_column(String(160))
    linked: Mapped[str] = mapped_column(String(32))


class AuditRow(Base):
    """One read or write of intake data: who, as what role, did what to which report, when."""

    __tablename__ = "intake_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(160))
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(24))
    report_id: Mapped[str | None] = mapped_column(String(32), index=True)
    outcome: Mapped[str] = mapped_column(String(16))  # ok | denied | failed
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # never report content


class TotpRow(Base):
    """A user's optional second factor: the TOTP secret, sealed, and the last time step used."""

    __tablename__ = "intake_totp"
    user_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    enabled: Mapped[int] = mapped_column(Integer, default=0)
    last_step: Mapped[int] = mapped_column(Integer, default=0)  # refuses a code used twice
