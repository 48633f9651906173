"""Related incidents for an answer: recent events that concern people like the user.

The engine takes any callable ``(profile, matched ids) -> incident dicts``:
``related_from_events`` builds one over codebook event dicts (a JSONL export, say), and
``related_from_store`` over the events of a database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Which codebook ``status`` values describe someone with a given residence situation.
_STATUSES = {
    "citizen_acquired": {"naturalized", "dual", "mixed", "unknown"},
    "citizen_birth": {"citizen", "dual", "mixed", "unknown"},
    "foreign": {"foreign", "mixed", "unknown"},
    "undocumented": {"undocumented", "foreign", "mixed", "unknown"},
}


def _situation(profile: dict[str, Any]) -> str:
    if profile["residence_status"] == "undocumented":
        return "undocumented"
    home = [c for c in profile["citizenships"] if c["country"] == profile["residence_country"]]
    if not home:
        return "foreign"
    return "citizen_birth" if home[0]["acquired"] == "birth" else "citizen_acquired"


def matches(event: dict[str, Any], profile: dict[str, Any]) -> bool:
    """Whether an event concerns the profile's group, status and country.

    The group must share a citizenship with the person (an empty group, "migrants", matches
    foreigners only); the event must happen in the residence country or a citizenship country.
    """
    cits = {c["country"] for c in profile["citizenships"]}
    situation = _situation(profile)
    group = set(event.get("group") or [])
    if group and not group & cits:
        return False
    if not group and situation not in ("foreign", "undocumented"):
        return False
    if event.get("country") not in cits | {profile["residence_country"]}:
        return False
    return event.get("status", "unknown") in _STATUSES[situation]


def related_from_events(events: list[dict[str, Any]], limit: int = 10) -> Callable[[dict[str, Any], list[str]], list[dict[str, Any]]]:
    """A ``related`` callable over codebook events: one entry per incident, newest first."""

    def related(profile: dict[str, Any], ids: list[str]) -> list[dict[str, Any]]:
        del ids  # categories could narrow the choice; group, status and place already do
        best: dict[str, dict[str, Any]] = {}
        for e in events:
            if not e.get("date") or not matches(e, profile):
                continue
            key = e.get("incident") or f"{e.get('doc_id')}:{e.get('subtype')}:{e.get('date')}"
            if key not in best or str(e["date"]) > str(best[key]["date"]):
                best[key] = e
        ordered = sorted(best.items(), key=lambda kv: str(kv[1]["date"]), reverse=True)[:limit]
        return [_incident(key, e) for key, e in ordered]

    return related


def _incident(key: str, e: dict[str, Any]) -> dict[str, Any]:
    evidence = e.get("evidence") or []
    title = e.get("title") or (evidence[0][:160] if evidence else e.get("subtype", ""))
    return {"incident": key, "date": str(e["date"]), "subtype": e.get("subtype"), "country": e.get("country"),
            "title": title, "url": e.get("url")}


def related_from_store(store: Any, limit: int = 10) -> Callable[[dict[str, Any], list[str]], list[dict[str, Any]]]:
    """A ``related`` callable over the events a :class:`~diaspora_watch.store.Store` holds."""
    return related_from_events(list(store.events()), limit)
