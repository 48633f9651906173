"""The engine's contract: profile errors at their JSON path, dates, proposals, answer shape, related incidents."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from diaspora_watch.advise import advise, related_from_events, render_text
from diaspora_watch.errors import UsageError


def naturalized(**extra: Any) -> dict[str, Any]:
    return {"citizenships": [{"country": "RU", "acquired": "naturalization", "year": 2021},
                             {"country": "TJ", "acquired": "birth", "year": None}],
            "residence_country": "RU", "residence_status": "citizen", "sex": "male", "birth_year": 2000,
            "military_registration": "not_registered", **extra}


@pytest.mark.parametrize(("change", "path"), [
    ({"birth_year": "abc"}, "profile/birth_year"),
    ({"citizenships": [{"country": "XX", "acquired": "birth"}]}, "profile/citizenships/0/country"),
    ({"citizenships": [{"country": "RU", "acquired": "bought"}]}, "profile/citizenships/0/acquired"),
    ({"residence_status": "foreign"}, "profile/residence_status"),
    ({"residence_status": "work_patent"}, "profile/residence_status"),
    ({"shoe_size": 43}, "profile"),
    ({"as_of": "2025-02-30"}, "profile/as_of"),
])
def test_bad_profile_names_the_json_path(change: dict[str, Any], path: str) -> None:
    with pytest.raises(UsageError) as e:
        advise(naturalized(**change))
    assert str(e.value).startswith(path + ":")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UsageError, match="lang"):
        advise(naturalized(), lang="de")


@pytest.mark.parametrize(("day", "present", "absent"), [
    (date(2024, 8, 7), set(), {"ru.citizenship.termination_nonregistration"}),
    (date(2024, 8, 8), {"ru.citizenship.termination_nonregistration"}, {"ru.citizenship.termination_procedure_bill"}),
    (date(2025, 7, 31), {"ru.citizenship.termination_procedure_bill"}, set()),
    (date(2025, 12, 31), set(), {"ru.army.conscription_year_round"}),
    (date(2026, 1, 1), {"ru.army.conscription_year_round"}, set()),
])
def test_rules_follow_the_evaluation_day(day: date, present: set[str], absent: set[str]) -> None:
    ids = {r["id"] for r in advise(naturalized(), as_of=day)["risks"]}
    assert present <= ids
    assert not absent & ids


def test_profile_as_of_is_used_when_no_argument() -> None:
    assert advise(naturalized(as_of="2024-01-15"))["as_of"] == "2024-01-15"
    assert advise(naturalized(as_of="2024-01-15"), as_of=date(2025, 1, 1))["as_of"] == "2025-01-01"


def test_proposal_is_never_shown_as_law() -> None:
    answer = advise(naturalized(), as_of=date(2026, 3, 1))
    bill = next(r for r in answer["risks"] if r["id"] == "ru.citizenship.termination_procedure_bill")
    assert bill["status"] == "proposed"
    text = render_text(answer)
    assert "PROPOSAL, NOT LAW" in text
    assert "ПРЕДЛОЖЕНИЕ, НЕ ЗАКОН" in render_text(advise(naturalized(), as_of=date(2026, 3, 1), lang="ru"))


def test_answer_shape_and_trace() -> None:
    answer = advise(naturalized(), as_of=date(2026, 3, 1))
    assert set(answer) == {"as_of", "lang", "profile", "disclaimer", "risks", "not_applicable", "exemptions", "related_incidents"}
    assert answer["related_incidents"] == []
    risk = next(r for r in answer["risks"] if r["id"] == "ru.citizenship.termination_nonregistration")
    assert risk["level"] == "high" and risk["sources"] and risk["actions"]
    assert any("not registered" in w for w in risk["why"])
    levels = [r["level"] for r in answer["risks"]]
    assert levels == sorted(levels, key=["high", "medium", "low"].index)


def test_foreigner_is_told_plainly_he_is_not_conscripted() -> None:
    profile = {"citizenships": [{"country": "AZ", "acquired": "birth"}], "residence_country": "RU",
               "residence_status": "work_patent", "sex": "male", "birth_year": 1995}
    answer = advise(profile, as_of=date(2026, 3, 1))
    item = next(i for i in answer["not_applicable"] if i["category"] == "conscription")
    assert any("foreigners are not conscripted" in r["reason"] for r in item["reasons"])


def test_woman_gets_the_sex_reason() -> None:
    answer = advise(naturalized(sex="female"), as_of=date(2026, 3, 1))
    item = next(i for i in answer["not_applicable"] if i["category"] == "conscription")
    assert [r["reason"] for r in item["reasons"]][0] == "Conscription applies to male citizens only."


def test_related_incidents_match_group_status_and_place_newest_first() -> None:
    events = [
        {"subtype": "citizenship_revocation", "country": "RU", "group": ["TJ"], "status": "naturalized", "date": "2025-03",
         "incident": "a", "evidence": ["first"], "doc_id": "d1"},
        {"subtype": "draft_notice", "country": "RU", "group": ["TJ", "UZ"], "status": "naturalized", "date": "2025-09-01",
         "incident": "b", "evidence": ["second"], "doc_id": "d2"},
        {"subtype": "raid", "country": "AZ", "group": ["RU"], "status": "foreign", "date": "2025-07-02",
         "incident": "c", "evidence": ["third"], "doc_id": "d3"},
        {"subtype": "deportation", "country": "RU", "group": ["TJ"], "status": "foreign", "date": "2025-10-01",
         "incident": "d", "evidence": ["fourth"], "doc_id": "d4"},
    ]
    answer = advise(naturalized(), as_of=date(2026, 3, 1), related=related_from_events(events))
    assert [i["incident"] for i in answer["related_incidents"]] == ["b", "a"]
    assert answer["related_incidents"][0]["title"] == "second"
