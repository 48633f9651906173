"""An incident's fields from its sources: best date and place with precision codes, ranges, claims.

Conventions follow ACLED and UCDP where they fit: time precision 1 = a day, 3 = a month (ACLED),
and 4 = only a year (ours: ACLED drops such events, we keep them and say so); geo precision
1 = a named town, 2 = near a town or part of it, 3 = a region or the country. Counts and
fatalities are low / best / high over the sources (UCDP); best is the figure most sources give,
and on a tie the lowest of them (ACLED's conservative rule). Conflicting statements are kept
side by side with who made them and in which source, never averaged away.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from diaspora_watch.link import geo

TIME_PRECISION = {10: 1, 7: 3, 4: 4}
_CERTAINTY_ORDER = ("reported", "planned", "alleged")


def best_date(dates: list[str | None]) -> tuple[str | None, int | None]:
    """The finest date the sources give, the most common at that precision (earliest on a tie).

    >>> best_date(["2025-06", "2025-06-28", "2025-06-27", "2025-06-27"])
    ('2025-06-27', 1)
    >>> best_date(["2025", None])
    ('2025', 4)
    """
    known = [d for d in dates if d]
    if not known:
        return None, None
    finest = max(len(d) for d in known)
    votes = Counter(d for d in known if len(d) == finest)
    top = max(votes.values())
    chosen = min(d for d, n in votes.items() if n == top)
    return chosen, TIME_PRECISION.get(finest)


def _mode(values: list[Any]) -> Any:
    """Most common non-empty value; on a tie the first seen."""
    votes = Counter(v for v in values if v)
    if not votes:
        return None
    top = max(votes.values())
    return next(v for v in values if v and votes[v] == top)


def figure_range(values: list[int | None]) -> tuple[int | None, int | None, int | None]:
    """Low, best and high of the figures sources give.

    >>> figure_range([50, 9, 50, None])
    (9, 50, 50)
    >>> figure_range([8, 6])
    (6, 6, 8)
    """
    known = [v for v in values if v is not None]
    if not known:
        return None, None, None
    votes = Counter(known)
    top = max(votes.values())
    return min(known), min(v for v, n in votes.items() if n == top), max(known)


def _union(lists: list[list[str]]) -> list[str]:
    return sorted({x for items in lists for x in items or []})


def _persons(lists: list[list[str]]) -> list[str]:
    """Names in first-seen spelling, one per normalized name."""
    from diaspora_watch.link.similarity import norm_name

    seen: dict[str, str] = {}
    for items in lists:
        for name in items or []:
            seen.setdefault(norm_name(name), name)
    return sorted(seen.values())


def _source(m: dict[str, Any]) -> dict[str, Any]:
    return {key: m.get(key) for key in ("doc_id", "outlet", "url", "published", "language", "date", "certainty", "count",
                                        "count_qualifier", "fatalities", "evidence")}


def _claims(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every attributed statement, plus each source's figure when the sources disagree on one."""
    out = []
    for m in members:
        for c in m.get("claims") or []:
            out.append({"by": c.get("by"), "text": c.get("text"), "doc_id": m["doc_id"], "outlet": m.get("outlet"), "url": m.get("url")})
    for name in ("count", "fatalities"):
        if len({m.get(name) for m in members if m.get(name) is not None}) > 1:
            for m in members:
                if m.get(name) is not None:
                    qualifier = f" ({m['count_qualifier']})" if name == "count" and m.get("count_qualifier") else ""
                    out.append({"by": m.get("outlet") or m["doc_id"], "field": name, "value": m[name],
                                "text": f"{name}: {m[name]}{qualifier}", "doc_id": m["doc_id"], "outlet": m.get("outlet"), "url": m.get("url")})
    return out


def aggregate(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The incident's fields from its member events (codebook fields plus their document's outlet, url, published)."""
    first = members[0]
    date, time_precision = best_date([m.get("date") for m in members])
    admin1 = _mode([m.get("admin1") for m in members])
    place = _mode([m.get("place") for m in members if m.get("admin1") in (admin1, None)])
    lat, lon, geo_precision = geo.locate(first.get("country"), admin1, place)
    count = figure_range([m.get("count") for m in members])
    deaths = figure_range([m.get("fatalities") for m in members])
    statuses = [m.get("status") for m in members if m.get("status") not in (None, "unknown")]
    certainties = {m.get("certainty") or "reported" for m in members}
    claims = _claims(members)
    return {
        "type": first["type"], "subtype": first["subtype"], "country": first.get("country"), "admin1": admin1, "place": place,
        "date": date, "time_precision": time_precision, "latitude": lat, "longitude": lon, "geo_precision": geo_precision,
        "groups": _union([m.get("group") for m in members]), "actors": _union([m.get("actors") for m in members]),
        "persons": _persons([m.get("persons") for m in members]),
        "status": _mode(statuses) or ("unknown" if any(m.get("status") for m in members) else None),
        "certainty": next(c for c in _CERTAINTY_ORDER if c in certainties),
        "count_low": count[0], "count_best": count[1], "count_high": count[2],
        "fatalities_low": deaths[0], "fatalities_best": deaths[1], "fatalities_high": deaths[2],
        "n_sources": len({m["doc_id"] for m in members}),
        "claims": claims,
        "contested": int(count[0] != count[2] or deaths[0] != deaths[2] or len({c["by"] for c in claims if c.get("by")}) > 1),
    }


def sources(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The incident's sources, one per member event, oldest publication first."""
    return sorted((_source(m) for m in members), key=lambda s: (s.get("published") or "", s["doc_id"]))
