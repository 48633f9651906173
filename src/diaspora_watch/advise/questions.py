"""The questionnaire as a pure function: given the answers so far, the next question to ask.

It asks only what matters: a question is asked when the profile's required fields lack it,
or when some rule still in play (in force, none of its conditions failed yet) reads a fact
that depends on it. So a Russian citizen by birth is never asked about a work patent, and a
woman is not asked about military registration. The CLI drives the loop:
``q = next_question(answers)``, read text, ``answers = apply_answer(answers, q, parse_answer(q, text))``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from diaspora_watch.advise.conditions import all_hold, facts_of
from diaspora_watch.advise.engine import in_force
from diaspora_watch.advise.labels import label
from diaspora_watch.advise.profile import UNKNOWN, fact, fields_for
from diaspora_watch.advise.rules import load_rules
from diaspora_watch.errors import UsageError

REQUIRED = ("residence_country", "citizenships", "acquisition", "residence_status", "sex", "birth_year")
OPTIONAL = ("residence_region", "days_in_country", "military_registration", "summons_received",
            "considering_contract", "served_foreign_army", "criminal_record", "applying_for")
ACQUIRED = ("birth", "naturalization", "registration", "contract_service")


@dataclass(frozen=True)
class Question:
    """One question: ``key`` is the profile field (``acquired:RU`` for a citizenship's origin)."""

    key: str
    prompt: str
    kind: str  # country, countries, choice, int, bool, region
    choices: tuple[str, ...] = field(default_factory=tuple)
    optional: bool = False


def _choices(name: str) -> tuple[str, ...]:
    schema = json.loads((resources.files("diaspora_watch.advise") / "schema" / "profile.json").read_text(encoding="utf-8"))
    return tuple(v for v in schema["properties"][name]["enum"] if v is not None)


def _needed(answers: dict[str, Any], day: date) -> set[str]:
    """Fields read by unknown facts of rules still in play."""
    out: set[str] = set()
    for rule in load_rules():
        if not in_force(rule, day) or all_hold(rule["when"], answers, day) is False:
            continue
        conds = rule["when"] + [c for o in rule.get("overrides", []) for c in o["when"]]
        for name in facts_of(conds):
            if fact(answers, name, day) is UNKNOWN:
                out.update(fields_for(name))
    return out


def next_question(answers: dict[str, Any], *, as_of: date | None = None, lang: str = "en") -> Question | None:
    """The next question, or None when the profile is complete enough for the answer."""
    day = as_of or date.today()
    needed = _needed(answers, day)
    for key in REQUIRED + OPTIONAL:
        if key == "acquisition":
            q = _acquisition_question(answers, lang)
            if q is not None:
                return q
        elif key not in answers and (key in REQUIRED or key in needed):
            return _question(key, lang)
    return None


def _acquisition_question(answers: dict[str, Any], lang: str) -> Question | None:
    for c in answers.get("citizenships", []):
        text = label("questions", "acquired", lang).replace("{country}", c["country"])
        if "acquired" not in c:
            return Question(f"acquired:{c['country']}", text, "choice", ACQUIRED)
        if "year" not in c:
            if c["acquired"] == "birth":
                continue
            return Question(f"year:{c['country']}", label("questions", "year", lang).replace("{country}", c["country"]),
                            "int", optional=True)
    return None


def _question(key: str, lang: str) -> Question:
    text = label("questions", key, lang)
    kinds = {"residence_country": "country", "citizenships": "countries", "birth_year": "int", "days_in_country": "int",
             "residence_region": "region"}
    if key in kinds:
        return Question(key, text, kinds[key], optional=key == "residence_region")
    if key in ("summons_received", "considering_contract", "served_foreign_army", "criminal_record"):
        return Question(key, text, "bool", ("yes", "no"))
    choices = _choices(key)
    return Question(key, text, "choice", choices, optional=key == "applying_for")


def parse_answer(q: Question, text: str) -> Any:
    """Turn typed text into the field's value; a UsageError says what a good answer looks like."""
    t = text.strip()
    if not t and q.optional:
        return None
    if q.kind == "country" and len(t) == 2 and t.isalpha():
        return t.upper()
    if q.kind == "countries":
        codes = [c.strip().upper() for c in t.split(",") if c.strip()]
        if all(len(c) == 2 and c.isalpha() for c in codes):
            return codes
    if q.kind == "region" and "-" in t:
        return t.upper()
    if q.kind == "int" and t.isdigit():
        return int(t)
    if q.kind == "bool" and t.lower() in ("y", "yes", "n", "no", "д", "да", "н", "нет"):
        return t.lower() in ("y", "yes", "д", "да")
    if q.kind == "choice":
        if t.isdigit() and 1 <= int(t) <= len(q.choices):
            return q.choices[int(t) - 1]
        if t in q.choices:
            return t
    raise UsageError(f"{q.key}: {text!r} is not an answer here; expected {_expected(q)}")


def _expected(q: Question) -> str:
    return {"country": "a two-letter code such as RU", "countries": "codes such as RU,AZ",
            "region": "a code such as RU-MOW", "int": "a whole number such as 1990", "bool": "yes or no"}.get(
        q.kind, f"one of {', '.join(q.choices)} (or its number)")


def apply_answer(answers: dict[str, Any], q: Question, value: Any) -> dict[str, Any]:
    """A new answers dict with ``value`` set; fills what follows for sure (a citizen's status)."""
    out = {k: (list(v) if isinstance(v, list) else v) for k, v in answers.items()}
    kind, _, country = q.key.partition(":")
    if q.key == "citizenships":
        out["citizenships"] = [{"country": c} for c in value]
    elif kind in ("acquired", "year"):
        out["citizenships"] = [{**c, kind: value} if c["country"] == country else c for c in out["citizenships"]]
    else:
        out[q.key] = value
    if "residence_country" in out and "citizenships" in out and "residence_status" not in out:
        if out["residence_country"] in [c["country"] for c in out["citizenships"]]:
            out["residence_status"] = "citizen"
    return out


def finished_profile(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers as a profile: citizenships get a null year where none was asked."""
    return {**answers, "citizenships": [{"year": None, **c} for c in answers.get("citizenships", [])]}
