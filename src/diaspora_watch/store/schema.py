"""Tables, as SQLAlchemy declarative models. Names are plain so Datasette users can read them.

The schema itself is created and changed only by the Alembic migrations in ``migrations/``;
these models must match them (a test compares the two).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


#: Modules whose models share this Base: the core's and each feature package's.
MODEL_MODULES = (
    "diaspora_watch.store.incidents",
    "diaspora_watch.auth.models",
    "diaspora_watch.intake.models",
)


def load_models() -> type[Base]:
    """Import every model module, so the metadata (and ORM relationships) know all tables."""
    import importlib

    for module in MODEL_MODULES:
        importlib.import_module(module)
    return Base


class Run(Base):
    """One ``ingest`` or ``extract`` run: what it was asked, when, and what became of each input."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command: Mapped[str] = mapped_column(String(40))
    started: Mapped[str] = mapped_column(String(32))
    finished: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))  # running | finished | interrupted
    host: Mapped[str] = mapped_column(String(255), default="")
    pid: Mapped[int | None] = mapped_column(Integer)
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class DocumentRow(Base):
    """A stored document, in the codebook's fields, with what dedup and extraction need."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(512), unique=True)
    url: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str] = mapped_column(String(255), default="")
    published: Mapped[str] = mapped_column(String(10), default="")
    language: Mapped[str] = mapped_column(String(8), default="")
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    collected: Mapped[str] = mapped_column(String(10))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    republication_of: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    extracted_by: Mapped[str | None] = mapped_column(String(255))  # pipeline signature; NULL = pending
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))


class EventRow(Base):
    """One event as the codebook writes it, coded from one document."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("document_id", "seq"), Index("ix_events_subtype_date", "subtype", "date"),
                      Index("ix_events_date_id", "date", "id"))  # newest first; DESC NULLS LAST on PostgreSQL (0005)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(16))
    subtype: Mapped[str] = mapped_column(String(32))
    date: Mapped[str | None] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    admin1: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str | None] = mapped_column(Text)
    groups: Mapped[list[Any]] = mapped_column(JSON, default=list)  # the codebook's `group`
    status: Mapped[str | None] = mapped_column(String(16))
    count: Mapped[int | None] = mapped_column(Integer)
    count_qualifier: Mapped[str | None] = mapped_column(String(16))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    actors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    persons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    certainty: Mapped[str] = mapped_column(String(16), default="reported")
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    claims: Mapped[list[Any]] = mapped_column(JSON, default=list)
    explain: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    incident: Mapped[str | None] = mapped_column(String(255), index=True)


class SetAside(Base):
    """An input that could not be used, with its stable reason code; kept so nothing is lost silently."""

    __tablename__ = "set_aside"
    __table_args__ = (UniqueConstraint("source_key", "reason"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    source_key: Mapped[str] = mapped_column(String(64))  # sha256 of source: sources can be any length
    reason: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[str] = mapped_column(String(32))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
