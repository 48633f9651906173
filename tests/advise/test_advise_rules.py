"""The rule loader: shipped rules pass; each broken fixture fails with a message naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from diaspora_watch.advise import check_rules, load_rules
from diaspora_watch.advise.labels import keys

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad_rules"

# fixture file -> fragments its single problem message must contain
EXPECTED = {
    "missing_source": ["[sources]", "should be non-empty"],
    "no_sources_key": ["'sources' is a required property"],
    "unknown_field": ["'severity' was unexpected"],
    "duplicate_key": ["line 5", "duplicate key 'level'"],
    "bad_date": ["[valid_from]", "'2024-13-01' is not a real date", "such as 2024-11-01"],
    "until_before_from": ["[valid_until]", "is before valid_from"],
    "two_operators": ["[when -> 0]", "exactly one operator"],
    "unknown_fact": ["[when -> 0]", "unknown fact 'shoe_size'"],
    "bad_between": ["between [18]", "two whole numbers"],
    "missing_translation": ["[summary]", "'ru' is a required property"],
    "duplicate_override": ["[overrides -> 1 -> id]", "duplicate override id 'a'"],
    "empty_override": ["[overrides -> 0]", "must set level, note or not_applicable"],
    "not_yaml": ["not valid YAML"],
    "bad_seen_date": ["[sources -> 0 -> seen]", "not a real date"],
    "bad_status": ["[status]", "'law' is not one of"],
    "quote_missing": ["[sources -> 0]", "'quote' is a required property"],
}


def test_shipped_rules_are_valid() -> None:
    assert check_rules() == []
    rules = load_rules()
    assert len(rules) >= 40
    assert {r["jurisdiction"] for r in rules} == {"RU", "AZ", "KZ", "KG", "TJ", "UZ"}


def test_every_fixture_has_expectations() -> None:
    assert {p.stem for p in BAD.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_rule_is_refused_naming_file_and_key(name: str) -> None:
    problems = check_rules([BAD / f"{name}.yaml"])
    assert len(problems) == 1, problems
    assert f"{name}.yaml" in problems[0]
    for fragment in EXPECTED[name]:
        assert fragment in problems[0]


def test_id_must_match_path() -> None:
    problems = check_rules([HERE / "bad_tree"])
    assert len(problems) == 1
    assert "'ru.test.rule' does not match its path; expected 'ru.army.mismatch'" in problems[0]


def test_duplicate_ids_across_paths_are_refused() -> None:
    good = load_rules()[0]
    shipped = Path(str(Path(__file__).resolve().parents[2] / "src" / "diaspora_watch" / "advise" / "rules"))
    path = next(shipped.rglob(good["id"].split(".")[-1] + ".yaml"))
    problems = check_rules([path, path])
    assert any("is also the id of" in p for p in problems)


def test_every_rule_cites_and_translates() -> None:
    for rule in load_rules():
        assert rule["sources"], rule["id"]
        for action in rule.get("actions", []):
            assert action["en"] and action["ru"]
        assert rule["category"] in keys("categories")


def test_uncertain_sources_are_flagged_to_the_user() -> None:
    """Rows the research marks UNCERTAIN must carry an ``uncertain`` note in the rule."""
    flagged = {r["id"] for r in load_rules() if r.get("uncertain")}
    for rule_id in ("ru.citizenship.termination_crimes", "ru.contract.decree_821", "ru.migration.visa_free_90_per_year",
                    "az.criminal.fighting_abroad", "tj.criminal.mercenarism", "ru.army.mobilization"):
        assert rule_id in flagged
