"""Tables for incidents: the happening behind events from many documents, and its audit trail.

An incident row is an aggregate, recomputed from its events whenever a source joins or leaves;
``incident_sources`` says which events make it up, so the aggregate can be rebuilt after a
document is re-extracted. ``merge_history`` keeps every human correction (who, when, why),
and automatic linking obeys it. ``search_text`` holds each document's lemmatized text, which
SQLite indexes with FTS5 (its own stemmer is English-only). ``data_version`` is a counter that
triggers bump on every change to incidents, their sources or the search text, so readers can
cache what they computed from them (the dashboard's counts) until it moves.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from diaspora_watch.store.schema import Base, EventRow


class IncidentRow(Base):
    """One happening; its fields are aggregated over its sources (see ``link.aggregate``)."""

    __tablename__ = "incidents"
    # Lists are read newest first among active incidents, alone or by subtype or country; the
    # last index covers the dashboard's counts, so they need no table reads.
    __table_args__ = (
        Index("ix_incidents_state_date_id", "state", "date", "id"),
        Index("ix_incidents_subtype_state_date_id", "subtype", "state", "date", "id"),
        Index("ix_incidents_country_state_date_id", "country", "state", "date", "id"),
        Index("ix_incidents_counts", "state", "country", "type", "subtype", "date"),
    )
    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    subtype: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    time_precision: Mapped[int | None] = mapped_column(Integer)  # 1 day, 3 month, 4 year
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)  # ACLED: 1 town, 2 near town, 3 region
    groups: Mapped[list[Any]] = mapped_column(JSON, default=list)
    actors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    persons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str | None] = mapped_column(String(16))
    certainty: Mapped[str | None] = mapped_column(String(16))
    count_low: Mapped[int | None] = mapped_column(Integer)
    count_best: Mapped[int | None] = mapped_column(Integer)
    count_high: Mapped[int | None] = mapped_column(Integer)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_best: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    claims: Mapped[list[Any]] = mapped_column(JSON, default=list)
    contested: Mapped[int] = mapped_column(Integer, default=0)
    founder: Mapped[str] = mapped_column(String(600))  # "doc_id:seq" of the event that opened it
    state: Mapped[str] = mapped_column(String(16), default="active")  # active | merged | empty
    merged_into: Mapped[str | None] = mapped_column(String(255), index=True)
    first_seen: Mapped[str] = mapped_column(String(32))
    updated: Mapped[str] = mapped_column(String(32))


class IncidentSource(Base):
    """An event (by document and position) that is a source of an incident."""

    __tablename__ = "incident_sources"
    incident: Mapped[str] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)


class MergeHistory(Base):
    """A human correction: ``merge`` folds ``other`` into ``incident``; ``split`` moves ``events`` to ``other``."""

    __tablename__ = "merge_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(8))
    incident: Mapped[str] = mapped_column(String(255), index=True)
    other: Mapped[str] = mapped_column(String(255), index=True)
    events: Mapped[list[Any]] = mapped_column(JSON, default=list)  # event keys "doc_id:seq"
    by: Mapped[str] = mapped_column(String(255))
    why: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(32))


#: Linking's candidate lookup: the events of one subtype and country in a date window (an events index, declared with linking's tables).
Index("ix_events_subtype_country_date", EventRow.subtype, EventRow.country, EventRow.date)


class SearchText(Base):
    """A document's title and text as lemmas, for full-text search that works for Russian.

    On PostgreSQL the table also has ``tsv``, a generated ``tsvector`` of ``lemmas`` with a GIN
    index (migration 0004); it is left out of the model because SQLite has no such column.
    """

    __tablename__ = "search_text"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(512))
    title: Mapped[str] = mapped_column(Text, default="")
    lemmas: Mapped[str] = mapped_column(Text, default="")


class DataVersion(Base):
    """One row whose ``n`` grows with every change to incidents, incident sources or search text (by triggers)."""

    __tablename__ = "data_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)
