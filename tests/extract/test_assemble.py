"""The whole extractor on the dev set: interface, no-event documents, and a quality floor."""

import importlib.util
from pathlib import Path

import pytest

from diaspora_watch.extract import extract_events
from diaspora_watch.extract.assemble import FIELDS
from diaspora_watch.pipeline import registered


REPO = Path(__file__).resolve().parents[2]

#: Measured on the dev set when this test was written; a drop below them is a regression.
FLOORS = {"strict": 0.65, "type": 0.66, "fields": 0.68}
#: The project's targets (not yet reached; see the xfail test below).
TARGETS = {"strict": 0.85, "type": 0.90, "fields": 0.85}


def _quality():
    spec = importlib.util.spec_from_file_location("dw_quality", REPO / "benchmarks" / "quality.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate()["all"]


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


def test_assemble_dev_quality_stays_above_the_floor(quality):
    assert quality["events_strict"]["f1"] >= FLOORS["strict"]
    assert quality["events_type_only"]["f1"] >= FLOORS["type"]
    assert quality["fields_mean"] >= FLOORS["fields"]


@pytest.mark.xfail(reason="dev targets not reached yet (see benchmarks/quality.py)", strict=False)
def test_assemble_dev_quality_meets_the_targets(quality):
    assert quality["events_strict"]["f1"] >= TARGETS["strict"]
    assert quality["events_type_only"]["f1"] >= TARGETS["type"]
    assert quality["fields_mean"] >= TARGETS["fields"]
