"""Merge and split by hand: recorded with who, when and why, and respected by automatic linking."""

from __future__ import annotations

import pytest
from dw_gold_fixtures import gold_pipeline
from typer.testing import CliRunner

from diaspora_watch.cli import app
from diaspora_watch.errors import UsageError
from diaspora_watch.ingest import finish_pending
from diaspora_watch.link import corrections
from diaspora_watch.link.incidents import resolve
from diaspora_watch.pipeline import Context
from diaspora_watch.store import Store


def _incident_of(store: Store, doc_id: str, subtype: str, date: str | None = None) -> str:
    return next(e["incident"] for e in store.events() if e["doc_id"] == doc_id and e["subtype"] == subtype and date in (None, e["date"]))


def _relink(store: Store, *doc_ids: str) -> None:
    finish_pending(store, gold_pipeline(), Context(store=store), doc_ids=list(doc_ids))


def test_corrections_merge_is_recorded_and_survives_reextraction(gold_store: Store) -> None:
    # two 2024 recruitment reports about Uzbeks, kept apart by the year-only rule
    a, b = _incident_of(gold_store, "d-034", "contract_recruitment"), _incident_of(gold_store, "d-068", "contract_recruitment")
    assert a != b
    with gold_store.transaction() as s:
        assert corrections.merge(s, a, b, by="anna", why="same recruitment drive") == a
    assert _incident_of(gold_store, "d-068", "contract_recruitment") == a
    _relink(gold_store, "d-068", "d-034")
    assert _incident_of(gold_store, "d-068", "contract_recruitment") == a == _incident_of(gold_store, "d-034", "contract_recruitment")
    with gold_store.transaction() as s:
        assert resolve(s, b).id == a, "a merged id stays an alias"
        (h,) = corrections.history(s, a)
    assert (h["action"], h["by"], h["why"], h["other"]) == ("merge", "anna", "same recruitment drive", b)
    assert h["at"]


def test_corrections_split_is_pinned(gold_store: Store) -> None:
    deaths = _incident_of(gold_store, "d-088", "death_in_custody")
    key = next(f"d-088:{i}" for i, e in enumerate(e for e in gold_store.events() if e["doc_id"] == "d-088") if e["subtype"] == "death_in_custody")
    with gold_store.transaction() as s:
        new = corrections.split(s, deaths, [key], by="boris", why="test split")
    assert new != deaths and _incident_of(gold_store, "d-088", "death_in_custody") == new
    _relink(gold_store, "d-088")
    assert _incident_of(gold_store, "d-088", "death_in_custody") == new
    assert _incident_of(gold_store, "d-001", "death_in_custody") == deaths


def test_corrections_refuse_what_the_codebook_forbids(gold_store: Store) -> None:
    raid, detention = _incident_of(gold_store, "d-001", "raid"), _incident_of(gold_store, "d-001", "detention")
    with gold_store.transaction() as s, pytest.raises(UsageError, match="subtypes"):
        corrections.merge(s, raid, detention, by="anna", why="x")
    with gold_store.transaction() as s, pytest.raises(UsageError, match="--by"):
        corrections.merge(s, raid, raid, by="", why="")
    with gold_store.transaction() as s, pytest.raises(UsageError, match="one document reports an action once"):
        # seed-001 reports both the 2025 Sputnik raid and the July raids on Russians
        corrections.merge(s, _incident_of(gold_store, "seed-001", "raid", "2025"), _incident_of(gold_store, "seed-001", "raid", "2025-07-02"),
                          by="anna", why="x")
    with gold_store.transaction() as s, pytest.raises(UsageError, match="not events of"):
        corrections.split(s, raid, ["nope:0"], by="anna", why="x")


def test_corrections_cli_merge_list_show(gold_store: Store) -> None:
    db = gold_store.url
    a, b = _incident_of(gold_store, "d-034", "contract_recruitment"), _incident_of(gold_store, "d-068", "contract_recruitment")
    runner = CliRunner()
    r = runner.invoke(app, ["incidents", "merge", a, b, "--by", "anna", "--why", "same raid", "--db", db])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["incidents", "show", b, "--db", db])
    assert r.exit_code == 0 and f'"id": "{a}"' in r.output and '"why": "same raid"' in r.output
    r = runner.invoke(app, ["incidents", "list", "--subtype", "contract_recruitment", "--db", db])
    assert a in r.output and b not in r.output
    r = runner.invoke(app, ["incidents", "merge", a, b, "--by", "anna", "--db", db])
    assert r.exit_code != 0
