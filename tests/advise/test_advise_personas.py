"""Persona cases: a profile on a day must yield the listed risks and leave out the others."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from diaspora_watch.advise import advise, load_rules
from advise_cases import PERSONA_KEYS, personas

CASES = personas()


def _run(case: dict[str, Any]) -> dict[str, Any]:
    return advise(case["profile"], as_of=date.fromisoformat(case["as_of"]), lang=case.get("lang", "en"))


def test_personas_enough_and_well_formed() -> None:
    assert len(CASES) >= 40
    names = [c["name"] for c in CASES]
    assert len(set(names)) == len(names), "persona names must be unique"
    for c in CASES:
        assert set(c) - {"_file"} <= PERSONA_KEYS, f"{c['name']}: unknown keys {set(c) - PERSONA_KEYS - {'_file'}}"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_persona(case: dict[str, Any]) -> None:
    answer = _run(case)
    risks = {r["id"]: r for r in answer["risks"]}
    categories = {r["category"] for r in answer["risks"]}
    exempt_ids = {reason["rule"] for item in answer["not_applicable"] for reason in item["reasons"]}
    exempt_ids |= {item["rule"] for item in answer["exemptions"]}
    na_categories = {item["category"] for item in answer["not_applicable"]}
    assert not set(case.get("expect", [])) - set(risks), f"missing risks; got {sorted(risks)}"
    assert not set(case.get("not_ids", [])) & set(risks), f"unexpected risks; got {sorted(risks)}"
    assert not set(case.get("categories", [])) - categories, f"missing categories; got {sorted(categories)}"
    assert not set(case.get("absent", [])) & categories, f"categories that must be absent: {sorted(categories)}"
    assert set(case.get("absent", [])) <= na_categories, "an absent category must be listed as not applicable"
    assert not set(case.get("exempt", [])) - exempt_ids, f"missing not-applicable reasons; got {sorted(exempt_ids - {None})}"
    applied = {r["override"] for r in answer["risks"] if r["override"]}
    assert not set(case.get("overrides", [])) - applied, f"overrides not applied; got {sorted(applied)}"
    for rule_id, level in case.get("levels", {}).items():
        assert risks[rule_id]["level"] == level
    for rule_id in case.get("proposals", []):
        assert risks[rule_id]["status"] == "proposed"
    if "risk_count" in case:
        assert len(risks) == case["risk_count"], sorted(risks)
    if "contacts_phone" in case:
        assert case["contacts_phone"] in {c["phone"] for r in answer["risks"] for c in r["contacts"]}
    for rule_id, text in case.get("summary_contains", {}).items():
        assert text in risks[rule_id]["summary"]


def test_every_rule_and_override_is_exercised_by_a_persona() -> None:
    seen: set[str] = set()
    for case in CASES:
        answer = _run(case)
        for r in answer["risks"]:
            seen.add(r["id"])
            if r["override"]:
                seen.add(r["override"])
        seen |= {reason["rule"] for item in answer["not_applicable"] for reason in item["reasons"]
                 if reason["rule"] and (reason["sources"] or "#" in reason["rule"])}
        seen |= {item["rule"] for item in answer["exemptions"]}
    wanted = set()
    for rule in load_rules():
        wanted.add(rule["id"])
        wanted |= {f"{rule['id']}#{o['id']}" for o in rule.get("overrides", [])}
    assert not wanted - seen, f"never exercised: {sorted(wanted - seen)}"


def test_seed_000_four_groups_get_different_answers() -> None:
    by_name = {c["name"]: c for c in CASES if c["_file"].startswith("seed000")}
    groups = [n for n in by_name if n.startswith(("Russian citizen by birth", "Dual Russian-Azerbaijani, naturalized",
                                                  "Azerbaijani citizen working legally", "Undocumented Azerbaijani"))]
    assert len(groups) == 4
    answers = [frozenset(r["id"] for r in _run(by_name[n])["risks"]) for n in groups]
    assert len(set(answers)) == 4
