"""The command line: exit statuses, summaries, and help with an example for every command."""

from __future__ import annotations

import json

import pytest
from dwtest import DEV_DOCS
from typer.testing import CliRunner

from diaspora_watch.cli import app

runner = CliRunner()


def _commands(group=app, prefix=()):
    import typer.main

    click_group = typer.main.get_command(group)
    stack = [(prefix, click_group)]
    while stack:
        path, cmd = stack.pop()
        sub = getattr(cmd, "commands", None)
        if sub:
            stack.extend((path + (name,), c) for name, c in sub.items())
        else:
            yield path


@pytest.mark.parametrize("path", sorted(_commands()), ids=" ".join)
def test_cli_every_command_has_help_with_an_example(path):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_cli_ingest_json_summary_and_exit_zero_with_set_asides(sqlite_url, tmp_path):
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(DEV_DOCS / "seed-002.json"), str(tmp_path / "bad.json"), "--db", sqlite_url, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["set_aside"]) == (1, 1)
    assert summary["set_aside_items"][0]["reason"] == "DW-S001"


def test_cli_export_documents_round_trip(sqlite_url, tmp_path):
    assert runner.invoke(app, ["ingest", str(DEV_DOCS), "--db", sqlite_url, "--quiet"]).exit_code == 0
    out = tmp_path / "docs.jsonl"
    result = runner.invoke(app, ["export", "--format", "documents-jsonl", "--db", sqlite_url, "-o", str(out)])
    assert result.exit_code == 0, result.output
    exported = {d["doc_id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    original = json.loads((DEV_DOCS / "seed-000.json").read_text(encoding="utf-8"))
    assert exported["seed-000"] == original
    assert len(exported) == len(list(DEV_DOCS.glob("*.json")))


def test_cli_status_counts(sqlite_url):
    runner.invoke(app, ["ingest", str(DEV_DOCS / "seed-003.json"), str(DEV_DOCS / "d-103.json"), "--db", sqlite_url, "--quiet"])
    runner.invoke(app, ["ingest", str(DEV_DOCS / "seed-003.json"), "--db", sqlite_url, "--quiet"])
    st = json.loads(runner.invoke(app, ["status", "--db", sqlite_url, "--json"]).stdout)
    assert (st["documents"], st["republications"], st["duplicates_seen"]) == (2, 1, 1)
    assert len(st["runs"]) == 2


def test_cli_usage_errors_exit_2(sqlite_url):
    result = runner.invoke(app, ["export", "--format", "no-such-format", "--db", sqlite_url])
    assert result.exit_code == 2
    assert "unknown export format" in result.stderr


def test_cli_unusable_database_exits_1(tmp_path):
    result = runner.invoke(app, ["status", "--db", f"sqlite:///{tmp_path}/missing-dir/x.db"])
    assert result.exit_code == 1
    assert "cannot open the database" in result.stderr
    assert runner.invoke(app, ["status", "--db", "not a url"]).exit_code == 1


def test_cli_default_database_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DIASPORA_WATCH_DB", f"sqlite:///{tmp_path}/env.db")
    assert runner.invoke(app, ["ingest", str(DEV_DOCS / "seed-001.json"), "--quiet"]).exit_code == 0
    assert (tmp_path / "env.db").exists()
