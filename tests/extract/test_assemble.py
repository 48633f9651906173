"""The whole extractor on the dev set: interface, no-event documents, and a quality floor."""

import importlib.util
from pathlib import Path

import pytest

from diaspora_watch.extract import extract_events
from diaspora_watch.extract.assemble import FIELDS
from diaspora_watch.pipeline import registered


REPO = Path(__file__).resolve().parents[2]

#: Measured on the dev set (2026-12-01: all 0.927/0.927/0.868, en 0.914/0.914/0.855, ru
#: 0.952/0.952/0.894), overall and per language; a drop below them is a regression.
FLOORS = {
    "all": {"strict": 0.92, "type": 0.92, "fields": 0.86},
    "en": {"strict": 0.91, "type": 0.91, "fields": 0.85},
    "ru": {"strict": 0.95, "type": 0.95, "fields": 0.89},
}
#: The project's targets, which each language must meet on its own.
TARGETS = {"strict": 0.85, "type": 0.90, "fields": 0.85}
METRIC = {"strict": lambda q: q["events_strict"]["f1"], "type": lambda q: q["events_type_only"]["f1"],
          "fields": lambda q: q["fields_mean"]}


def _quality():
    spec = importlib.util.spec_from_file_location("dw_quality", REPO / "benchmarks" / "quality.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate()


@pytest.fixture(scope="module")
def quality():
    return _quality()


def test_assemble_events_have_codebook_fields_in_order_and_exact_evidence(dev_doc):
    d = dev_doc("seed-002")
    events = extract_events(d)
    assert events
    for e in events:
        assert list(e)[: len(FIELDS)] == list(FIELDS) and list(e)[-1] == "explain"
        assert all(s in d.text for s in e["evidence"])
        assert all(set(v) == {"component", "text"} for v in e["explain"].values())
        assert e["explain"]["subtype"]["component"] == "dw.extract.triggers.v1"


def test_assemble_seed_002_revocation_and_planned_deportation(dev_doc):
    by = {e["subtype"]: e for e in extract_events(dev_doc("seed-002"))}
    rev, dep = by["citizenship_revocation"], by["deportation"]
    assert (rev["country"], rev["date"], rev["count"], rev["status"]) == ("RU", "2025-12", 3, "naturalized")
    assert dep["certainty"] == "planned"


@pytest.mark.parametrize("doc_id", ["seed-000", "n-01", "n-02", "n-03"])
def test_assemble_opinion_advice_and_unrelated_documents_yield_no_events(doc_id, dev_doc):
    assert extract_events(dev_doc(doc_id)) == []


def test_assemble_stage_is_registered():
    import diaspora_watch.extract.stage  # noqa: F401

    s = registered()["dw.extract.events.v1"]
    assert s.assigns == ("doc.events",)


@pytest.mark.parametrize("lang", ["all", "en", "ru"])
def test_assemble_dev_quality_stays_above_the_floor(quality, lang):
    q, floor = quality[lang], FLOORS[lang]
    assert {m: METRIC[m](q) >= floor[m] for m in floor} == {m: True for m in floor}, {m: METRIC[m](q) for m in floor}


@pytest.mark.parametrize("lang,metric", [(lang, metric) for lang in ("en", "ru") for metric in TARGETS])
def test_assemble_dev_quality_meets_the_targets(quality, lang, metric):
    assert METRIC[metric](quality[lang]) >= TARGETS[metric]


def test_assemble_headlines_make_no_events(dev_doc):
    d = dev_doc("d-028")
    title_line = d.text.split("\n")[2]  # the telegraph-style headline repeated in the body
    assert "Jailed" in title_line
    assert not any(title_line in e["evidence"] for e in extract_events(d))


@pytest.mark.parametrize("doc_id", ["d-024", "d-028", "d-068"])
def test_assemble_recruitment_to_fight_in_ukraine_is_not_located_in_ukraine(doc_id, dev_doc):
    events = extract_events(dev_doc(doc_id))
    assert events
    assert not [e for e in events if e["type"] == "recruitment" and e["country"] == "UA"]


def test_assemble_each_count_goes_to_its_nearest_trigger(dev_doc):
    by = {e["subtype"]: e for e in extract_events(dev_doc("d-035")) if e["admin1"] == "RU-MOW"}
    assert (by["detention"]["count"], by["detention"]["count_qualifier"]) == (500, "at_least")
    assert by["raid"]["count"] == 2500


def test_assemble_deportation_of_the_stripped_inherits_their_status_place_and_count(dev_doc):
    by = {e["subtype"]: e for e in extract_events(dev_doc("seed-002"))}
    dep = by["deportation"]
    assert (dep["status"], dep["admin1"], dep["count"], dep["group"]) == ("naturalized", "RU-ZAB", 3, ["AZ"])


def test_assemble_sources_of_a_report_are_not_its_persons(dev_doc):
    for e in extract_events(dev_doc("d-091")):
        if e["type"] in ("enforcement", "status"):
            assert "Valentina Chupik" not in e["persons"]


def test_assemble_a_statement_made_to_advise_is_the_advisory(dev_doc):
    events = extract_events(dev_doc("seed-001"))
    advisories = [e for e in events if e["subtype"] == "advisory"]
    assert {a for e in advisories for a in e["actors"]} >= {"RU:MFA", "RU:EMBASSY"}
    assert not [e for e in events if e["subtype"] == "statement"]


def test_assemble_one_action_in_a_list_of_regions_is_one_event_per_region(dev_doc):
    regions = {e["admin1"] for e in extract_events(dev_doc("d-035")) if e["subtype"] == "detention"}
    assert {"RU-KGD", "RU-SMO"} <= regions


def test_assemble_an_unqualified_ministry_is_the_one_named_before(dev_doc):
    protests = [e for e in extract_events(dev_doc("d-090")) if e["subtype"] == "protest"]
    assert [(e["country"], e["actors"]) for e in protests] == [("KG", ["KG:MFA"])]
