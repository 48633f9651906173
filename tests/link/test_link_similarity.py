"""The linking gate and score: what keeps two reports apart, and what coarse dates need."""

from __future__ import annotations

from typing import Any

import pytest

from diaspora_watch.link.similarity import Report, compatible, dates_compatible, link_score, params


def report(doc: int, **fields: Any) -> Report:
    event = {"type": "enforcement", "subtype": "detention", "date": "2025-06-27", "country": "RU", **fields}
    return Report.of(event, key=f"d{doc}:0", document_id=doc, original=None, language="en")


@pytest.mark.parametrize(("a", "b", "window", "ok"), [
    ("2025-06-27", "2025-06-29", 3, True),
    ("2025-06-27", "2025-07-01", 3, False),
    ("2025-06-30", "2025-07-01", 1, True),
    ("2025-06", "2025-06-27", 3, True),
    ("2025-06", "2025-07-01", 3, False),
    ("2025", "2025-06-27", 3, True),
    ("2024", "2025", 3, False),
])
def test_similarity_dates_compatible(a: str, b: str, window: int, ok: bool) -> None:
    assert dates_compatible(a, b, window) is ok


def test_similarity_gate_keeps_regions_groups_and_documents_apart() -> None:
    p = params()
    base = report(1, admin1="RU-SVE", group=["AZ"])
    assert compatible(base, report(2, admin1="RU-SVE", group=["AZ"]), p)
    assert compatible(base, report(2, admin1=None, group=[]), p), "a missing field is no conflict"
    assert not compatible(base, report(2, admin1="RU-MOW", group=["AZ"]), p)
    assert not compatible(base, report(2, admin1="RU-SVE", group=["TJ"]), p)
    assert not compatible(base, report(1, admin1="RU-SVE", group=["AZ"]), p), "same document"
    assert not compatible(base, report(2, subtype="raid", admin1="RU-SVE"), p)
    assert not compatible(base, report(2, country="AZ"), p)


def test_similarity_acting_body_separates_diplomatic_acts_only() -> None:
    p = params()
    embassy = report(1, type="diplomatic", subtype="advisory", actors=["RU:EMBASSY"], date="2025-07-02")
    ministry = report(2, type="diplomatic", subtype="advisory", actors=["RU:MFA"], date="2025-07-02")
    assert not compatible(embassy, ministry, p)
    assert compatible(report(1, actors=["RU:MVD"]), report(2, actors=["RU:FSB"]), p), "outlets credit a raid to different agencies"


def test_similarity_year_only_needs_support() -> None:
    p = params()
    a = report(1, date="2025", group=["RU"])
    assert link_score(a, report(2, date="2025-06-30", group=["RU"]), p) is None
    assert link_score(report(1, date="2025", admin1="RU-MOW", place="Moscow"), report(2, date="2025-07", admin1="RU-MOW", place="Moscow"), p) is None
    assert link_score(report(1, date="2025", group=["AZ"], persons=["Elshan Ibragimov"]),
                      report(2, date="2025-07", group=["AZ"], persons=["E. Ibragimov"]), p) is not None


def test_similarity_host_citizens_are_no_group_conflict() -> None:
    p = params()
    assert compatible(report(1, group=["AZ"]), report(2, group=["RU"]), p), "Azerbaijanis who are Russian citizens"
    assert not compatible(report(1, group=["AZ"]), report(2, group=["TJ"]), p)


def test_similarity_other_persons_weigh_against() -> None:
    p = params()
    same = link_score(report(1, persons=["Elshan Ibragimov"]), report(2, persons=["Elshan Ibragimov"]), p)
    other = link_score(report(1, persons=["Elshan Ibragimov"]), report(2, persons=["Shahin Shikhlinskiy"]), p)
    assert same is not None and (other is None or other < same)
