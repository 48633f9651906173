"""An Atom feed (RFC 4287) of incidents for any filter, newest first: a monitor subscribes to a view.

Entry ids are ``urn:diaspora-watch:incident:<id>`` and never change, so a feed reader shows an
incident once and marks it updated when a new source joins. The feed's ``updated`` is the
latest entry's, so the same data always gives the same feed.
"""

from __future__ import annotations

from typing import Any, TextIO
from xml.etree import ElementTree as ET

from diaspora_watch.export import records
from diaspora_watch.export.acled import admin1_name, country_name
from diaspora_watch.export.registry import exporter

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00+00:00"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def title(r: dict[str, Any]) -> str:
    """``Detention in Yekaterinburg (RU), 2025-06-27``."""
    where = r.get("place") or admin1_name(r.get("admin1")) or country_name(r.get("country")) or "unknown place"
    country = f" ({r['country']})" if r.get("country") and where != country_name(r["country"]) else ""
    return f"{r['subtype'].replace('_', ' ').capitalize()} in {where}{country}, {r.get('date') or 'undated'}"


def summary(r: dict[str, Any]) -> str:
    parts = [f"{r['n_sources']} source(s): " + ", ".join(dict.fromkeys(s.get("outlet") or s["doc_id"] for s in r["sources"]))]
    if r.get("count_best") is not None:
        parts.append(f"people: {r['count_best']}" + (f" (sources give {r['count_low']}-{r['count_high']})" if r["count_low"] != r["count_high"] else ""))
    if r.get("fatalities_best") is not None:
        parts.append(f"fatalities: {r['fatalities_best']}")
    if r.get("groups"):
        parts.append("groups: " + ", ".join(r["groups"]))
    for c in r.get("claims") or []:
        if c.get("by") and c.get("text") and not c.get("field"):
            parts.append(f"{c['by']}: {c['text']}")
    if r.get("contested"):
        parts.append("contested: sources disagree")
    return "\n".join(parts)


def _describe(filters: dict[str, Any]) -> str:
    shown = {k: v for k, v in filters.items() if k != "include_names" and v not in (None, "", [])}
    return ", ".join(f"{k}={v}" for k, v in sorted(shown.items())) or "all incidents"


@exporter("atom", media_type="application/atom+xml", suffix=".xml")
def atom(store: Any, out: TextIO, filters: dict[str, Any]) -> int:
    """An Atom feed of the incidents that pass the filters, newest first."""
    ET.register_namespace("", ATOM)
    found = sorted(records.incidents(store, filters), key=lambda r: (r.get("date") or "", r["id"]), reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", f"diaspora-watch incidents: {_describe(filters)}")
    _sub(feed, "id", "urn:diaspora-watch:incidents:" + _describe(filters).replace(" ", ""))
    _sub(feed, "updated", max((r["updated"] for r in found), default=EPOCH))
    _sub(_sub(feed, "author"), "name", "diaspora-watch")
    _sub(feed, "generator", "diaspora-watch")
    for r in found:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:diaspora-watch:incident:{r['id']}")
        _sub(entry, "title", title(r))
        _sub(entry, "updated", r["updated"])
        _sub(entry, "published", r["first_seen"])
        _sub(entry, "category", term=r["subtype"], label=r["type"])
        for n, s in enumerate(x for x in r["sources"] if x.get("url")):
            _sub(entry, "link", rel="alternate" if n == 0 else "related", href=s["url"], title=s.get("outlet") or s["doc_id"])
        _sub(entry, "content", summary(r), type="text")
    ET.indent(feed)
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    out.write(ET.tostring(feed, encoding="unicode"))
    out.write("\n")
    return len(found)
