"""The advisor's input: validate a profile and derive the facts that rules test.

A profile is the JSON object of ``shared/advisor.md``. Errors name the JSON path of the bad
field (``profile/citizenships/0/country: ...``) so the CLI and the web form can point at it.
Facts are what conditions read: profile fields as they are, plus a few derived ones (age on
the evaluation day, how a given citizenship was acquired). A fact whose inputs are not yet
answered is ``UNKNOWN``, which lets the questionnaire evaluate rules on a partial profile.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import pycountry

from diaspora_watch.errors import UsageError

UNKNOWN: Any = type("Unknown", (), {"__repr__": lambda self: "UNKNOWN"})()

DEFAULTS: dict[str, Any] = {
    "residence_region": None,
    "days_in_country": None,
    "military_registration": "unknown",
    "summons_received": False,
    "considering_contract": False,
    "served_foreign_army": False,
    "criminal_record": False,
    "applying_for": None,
    "as_of": None,
}

PLAIN_FACTS = (
    "residence_country", "residence_region", "residence_status", "days_in_country", "sex",
    "military_registration", "summons_received", "considering_contract", "served_foreign_army",
    "criminal_record", "applying_for",
)
COUNTRY_FACTS = ("acquired", "acquired_year", "other_acquired", "other_acquired_year")
DERIVED_FACTS = ("citizenships", "age", "foreign_in_residence")


@cache
def _schema() -> dict[str, Any]:
    path = resources.files("diaspora_watch.advise") / "schema" / "profile.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def validate_profile(data: Any) -> dict[str, Any]:
    """Check a profile and return it with defaults filled in.

    Raises:
        UsageError: naming the JSON path of the first bad field, e.g.
            ``profile/birth_year: 'abc' is not of type 'integer'``.
    """
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        at = "/".join(["profile", *(str(p) for p in first.path)])
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise UsageError(f"{at}: {first.message}{more}")
    profile = {**DEFAULTS, **data}
    _check_meaning(profile)
    return profile


def _check_meaning(profile: dict[str, Any]) -> None:
    """Checks JSON Schema cannot express: real country codes, no repeats, a coherent status."""
    places = [("profile/residence_country", profile["residence_country"])]
    places += [(f"profile/citizenships/{i}/country", c["country"]) for i, c in enumerate(profile["citizenships"])]
    for at, code in places:
        if pycountry.countries.get(alpha_2=code) is None:
            raise UsageError(f"{at}: {code!r} is not an ISO 3166-1 alpha-2 country code, such as 'RU' or 'AZ'")
    codes = [c["country"] for c in profile["citizenships"]]
    if len(set(codes)) != len(codes):
        raise UsageError("profile/citizenships: each country may appear only once")
    citizen = profile["residence_country"] in codes
    if (profile["residence_status"] == "citizen") != citizen:
        expected = "'citizen'" if citizen else "not 'citizen' (you hold no citizenship of that country)"
        raise UsageError(f"profile/residence_status: must be {expected} given citizenships and residence_country")


def parse_date(text: str, where: str) -> date:
    """Parse ``YYYY-MM-DD``; the error says where and shows a good value."""
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise UsageError(f"{where}: {text!r} is not a date; use YYYY-MM-DD, such as 2025-03-01") from None


def fact(profile: dict[str, Any], name: str, as_of: date) -> Any:
    """The value of fact ``name`` (``acquired.RU`` style for per-country facts), or UNKNOWN.

    Examples:
        >>> p = {"citizenships": [{"country": "RU", "acquired": "naturalization", "year": 2019}]}
        >>> fact(p, "acquired.RU", date(2025, 1, 1)), fact(p, "acquired.AZ", date(2025, 1, 1))
        ('naturalization', None)
        >>> fact(p, "sex", date(2025, 1, 1))
        UNKNOWN
    """
    base, _, country = name.partition(".")
    if base in PLAIN_FACTS:
        return profile.get(base, UNKNOWN)
    if base == "age":
        year = profile.get("birth_year", UNKNOWN)
        return UNKNOWN if year is UNKNOWN else as_of.year - year
    cits = profile.get("citizenships", UNKNOWN)
    if cits is UNKNOWN:
        return UNKNOWN
    if base == "citizenships":
        return [c["country"] for c in cits]
    if base == "foreign_in_residence":
        home = profile.get("residence_country", UNKNOWN)
        return UNKNOWN if home is UNKNOWN else home not in [c["country"] for c in cits]
    return _country_fact(cits, base, country)


def _country_fact(cits: list[dict[str, Any]], base: str, country: str) -> Any:
    """Per-country facts: how and when ``country``'s citizenship, or the others, were acquired."""
    mine = [c for c in cits if c["country"] == country]
    others = [c for c in cits if c["country"] != country]
    if base == "acquired":
        return mine[0].get("acquired", UNKNOWN) if mine else None
    if base == "acquired_year":
        return mine[0].get("year", UNKNOWN) if mine else None
    hows = [c.get("acquired", UNKNOWN) for c in others]
    if UNKNOWN in hows:
        return UNKNOWN
    if base == "other_acquired":
        return hows
    acquired = [c for c in others if c["acquired"] != "birth"]
    years = [c.get("year", UNKNOWN) for c in acquired]
    if UNKNOWN in years:
        return UNKNOWN
    known = [y for y in years if y is not None]
    # A missing year counts as recent: the cautious reading for rules that exempt old acquisitions.
    return None if not known or len(known) < len(years) else max(known)


def known_fact(name: str) -> bool:
    """Whether ``name`` is a fact rules may test (per-country facts need ``.CC``)."""
    base, dot, country = name.partition(".")
    if base in COUNTRY_FACTS:
        return bool(dot) and pycountry.countries.get(alpha_2=country) is not None
    return not dot and (base in PLAIN_FACTS or base in DERIVED_FACTS)


def fields_for(name: str) -> list[str]:
    """The profile fields (questionnaire keys) a fact reads, in asking order."""
    base = name.partition(".")[0]
    if base in PLAIN_FACTS:
        return [base]
    if base == "age":
        return ["birth_year"]
    if base == "citizenships":
        return ["citizenships"]
    if base == "foreign_in_residence":
        return ["residence_country", "citizenships"]
    return ["citizenships", "acquisition"]
