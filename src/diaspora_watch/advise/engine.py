"""Evaluate the rules for one profile on one day and build the answer of ``shared/advisor.md``.

A rule applies when it is in force on the day (``valid_from`` <= day <= ``valid_until``) and
all its conditions hold. Its overrides are then tried in order and the first that matches
wins: it may change the level, add a note, or turn the rule into a plain "does not apply"
with its reason (a treaty exemption, an old acquisition date). Proposals keep their status,
so the answer never shows a bill as law. Every category the rules know is reported: as a
risk, or under ``not_applicable`` with the reasons found; an explicit exemption inside a
category that still applies (a regional carve-out) is listed under ``exemptions``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from diaspora_watch.advise.conditions import all_hold, describe, describe_failure, first_failing
from diaspora_watch.advise.labels import LANGS, keys, label
from diaspora_watch.advise.profile import parse_date, validate_profile
from diaspora_watch.advise.rules import load_rules
from diaspora_watch.errors import UsageError

Related = Callable[[dict[str, Any], list[str]], list[dict[str, Any]]]

_LEVELS = {"high": 0, "medium": 1, "low": 2}
_STATUSES = {"in_force": 0, "reported_practice": 1, "proposed": 2}


def in_force(rule: dict[str, Any], day: date) -> bool:
    """Whether ``rule`` is valid on ``day``; an open end is no limit."""
    start, end = rule["valid_from"], rule["valid_until"]
    return (start is None or date.fromisoformat(start) <= day) and (end is None or day <= date.fromisoformat(end))


def advise(
    profile: dict[str, Any],
    *,
    as_of: date | None = None,
    lang: str = "en",
    related: Related | None = None,
    rules: tuple[dict[str, Any], ...] | None = None,
) -> dict[str, Any]:
    """The advice for ``profile`` under the rules in force on ``as_of`` (default: the profile's, else today).

    Raises:
        UsageError: a bad profile field (the message starts with its JSON path) or language.
        RuleInvalid: a shipped rule file is broken.
    """
    if lang not in LANGS:
        raise UsageError(f"lang: {lang!r} is not offered; use one of {', '.join(LANGS)}")
    checked = validate_profile(profile)
    day = as_of or (parse_date(checked["as_of"], "profile/as_of") if checked["as_of"] else date.today())
    risks, reasons = evaluate_all(checked, day, lang, load_rules() if rules is None else rules)
    hit = {r["category"] for r in risks}
    not_applicable = [
        {"category": c, "label": label("categories", c, lang), "reasons": _best_reasons(reasons.get(c, []), lang)}
        for c in keys("categories") if c not in hit
    ]
    # Explicit exemptions (treaties, regional carve-outs) inside categories that still apply.
    exemptions = [{"category": c, **reason} for c in keys("categories") if c in hit
                  for reason in reasons.get(c, []) if reason["sources"]]
    incidents = related(checked, [r["id"] for r in risks] + sorted(hit)) if related else []
    return {
        "as_of": day.isoformat(),
        "lang": lang,
        "profile": profile,
        "disclaimer": label("disclaimer", "text", lang),
        "risks": risks,
        "not_applicable": not_applicable,
        "exemptions": exemptions,
        "related_incidents": incidents,
    }


def _best_reasons(found: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """A cited exemption says it best; otherwise the failed conditions; otherwise 'no rule'."""
    cited = [r for r in found if r["sources"]]
    return cited or found or [{"rule": None, "reason": label("words", "no_rule", lang), "sources": []}]


def evaluate_all(
    profile: dict[str, Any], day: date, lang: str, rules: tuple[dict[str, Any], ...]
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Risks that apply, and per category the reasons others do not (deduplicated)."""
    relevant = {c["country"] for c in profile["citizenships"]} | {profile["residence_country"]}
    risks: list[dict[str, Any]] = []
    reasons: dict[str, list[dict[str, Any]]] = {}

    def exempt(category: str, rule_id: str, reason: str, sources: list[dict[str, Any]]) -> None:
        bucket = reasons.setdefault(category, [])
        if all(r["reason"] != reason for r in bucket):
            bucket.append({"rule": rule_id, "reason": reason, "sources": sources})

    for rule in rules:
        if not in_force(rule, day):
            continue
        category = rule["category"]
        if all_hold(rule["when"], profile, day):
            override = next((o for o in rule.get("overrides", []) if all_hold(o["when"], profile, day)), None)
            if rule.get("effect") == "not_applicable":
                exempt(category, rule["id"], rule["summary"][lang], rule["sources"])
            elif override and "not_applicable" in override:
                exempt(category, f"{rule['id']}#{override['id']}", override["not_applicable"][lang],
                       override.get("sources", rule["sources"]))
            else:
                risks.append(_risk(rule, override, profile, day, lang))
        elif rule["jurisdiction"] in relevant and rule.get("effect", "risk") == "risk":
            failing = first_failing(rule["when"], profile, day)
            if failing is not None:
                exempt(category, rule["id"], describe_failure(failing, lang, day, profile), [])
    risks.sort(key=lambda r: (_LEVELS[r["level"]], _STATUSES[r["status"]], r["id"]))
    return risks, reasons


def _risk(rule: dict[str, Any], override: dict[str, Any] | None, profile: dict[str, Any], day: date, lang: str) -> dict[str, Any]:
    conds = rule["when"] + (override["when"] if override else [])
    uncertain = rule.get("uncertain")
    return {
        "id": rule["id"],
        "category": rule["category"],
        "jurisdiction": rule["jurisdiction"],
        "level": (override or {}).get("level", rule["level"]),
        "status": rule["status"],
        "summary": rule["summary"][lang],
        "note": override["note"][lang] if override and "note" in override else None,
        "uncertain": uncertain[lang] if uncertain else None,
        "override": f"{rule['id']}#{override['id']}" if override else None,
        "instrument": rule["instrument"],
        "valid_from": rule["valid_from"],
        "valid_until": rule["valid_until"],
        "why": [describe(c, lang, day, profile) for c in conds],
        "actions": [a[lang] for a in rule["actions"]],
        "contacts": [_contact(c, lang) for c in rule.get("contacts", [])],
        "sources": rule["sources"] + (override.get("sources", []) if override else []),
    }


def _contact(contact: dict[str, Any], lang: str) -> dict[str, Any]:
    return {
        "name": contact["name"][lang],
        "reach": contact["reach"][lang] if "reach" in contact else None,
        "phone": contact.get("phone"),
        "source": contact["source"],
    }
