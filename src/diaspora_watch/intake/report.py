"""The report JSON: its schema check, and what of it may stay in clear under each consent.

The default is coarse: a report kept for aggregates shows its country, region and month only;
its place and exact day stay sealed unless the person consented to be ``named``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from diaspora_watch.intake.errors import ReportInvalid

CONSENTS = ("none", "aggregate", "named")
#: consents under which coarse fields are in clear and a report counts in aggregates
SHAREABLE = ("aggregate", "named")
CLEAR_FIELDS = ("type", "subtype", "country", "admin1", "place", "date")


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads((resources.files("diaspora_watch.intake") / "schema" / "report.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@cache
def subtypes() -> dict[str, str]:
    """The codebook's subtypes and the type each belongs to (codebook section 2)."""
    from diaspora_watch.extract import lexicon

    return dict(lexicon.load("subtypes", "common"))


def validate(report: Any, where: str = "report") -> dict[str, Any]:
    """Check ``report`` against the schema and the codebook's type/subtype pairs.

    Raises:
        ReportInvalid: with every error at its JSON path, e.g. ``person/birth_year: 1850 is less than 1900``.
    """
    errors = [
        f"{'/'.join(map(str, e.path)) or '(top)'}: {e.message}"
        for e in sorted(_validator().iter_errors(report), key=lambda e: list(map(str, e.path)))
    ]
    if not errors:
        expected = subtypes().get(report["subtype"])
        if expected is None:
            errors.append(f"subtype: {report['subtype']!r} is not a codebook subtype (e.g. 'draft_notice', 'detention')")
        elif expected != report["type"]:
            errors.append(f"subtype: {report['subtype']!r} belongs to type {expected!r}, not {report['type']!r}")
    if errors:
        raise ReportInvalid(where, errors)
    return report


def clear_fields(report: dict[str, Any]) -> dict[str, Any]:
    """The columns kept in clear for ``report``: nothing without consent, coarse for aggregates.

    Examples:
        >>> r = {"type": "recruitment", "subtype": "coercion", "country": "RU", "admin1": "RU-SVE",
        ...      "place": "Yekaterinburg", "date": "2025-03-14", "consent": "aggregate"}
        >>> clear_fields(r)["date"], clear_fields(r)["place"]
        ('2025-03', None)
        >>> clear_fields({**r, "consent": "none"})["country"] is None
        True
    """
    consent = report["consent"]
    if consent not in SHAREABLE:
        return dict.fromkeys(CLEAR_FIELDS)
    named = consent == "named"
    date = report.get("date")
    return {
        "type": report["type"],
        "subtype": report["subtype"],
        "country": report.get("country"),
        "admin1": report.get("admin1"),
        "place": report.get("place") if named else None,
        "date": date if named or not date else date[:7],
    }
