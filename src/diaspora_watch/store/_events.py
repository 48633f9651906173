"""Events between their codebook form (dicts) and their rows."""

from __future__ import annotations

from typing import Any

from diaspora_watch.store.schema import EventRow

#: The codebook's event fields (section 3), in its order.
EVENT_FIELDS = (
    "doc_id", "type", "subtype", "date", "country", "admin1", "place", "group", "status", "count",
    "count_qualifier", "fatalities", "actors", "persons", "certainty", "evidence", "claims", "incident",
)
_LISTS = ("actors", "persons", "evidence", "claims")


def to_row(event: dict[str, Any], document_id: int, seq: int) -> EventRow:
    return EventRow(
        document_id=document_id,
        seq=seq,
        type=event["type"],
        subtype=event["subtype"],
        date=event.get("date"),
        country=event.get("country"),
        admin1=event.get("admin1"),
        place=event.get("place"),
        groups=list(event.get("group") or []),
        status=event.get("status"),
        count=event.get("count"),
        count_qualifier=event.get("count_qualifier"),
        fatalities=event.get("fatalities"),
        certainty=event.get("certainty") or "reported",
        explain=dict(event.get("explain") or {}),
        incident=event.get("incident"),
        **{k: list(event.get(k) or []) for k in _LISTS},
    )


def to_codebook(row: EventRow, doc_id: str) -> dict[str, Any]:
    """The event exactly as the codebook writes it (no explain, no row ids)."""
    values = {name: getattr(row, name, None) for name in EVENT_FIELDS if name not in ("doc_id", "group")}
    values["doc_id"] = doc_id
    values["group"] = list(row.groups or [])
    return {name: values[name] for name in EVENT_FIELDS}
