"""``diaspora-watch intake``: the local administrator's commands, with the key from a file or the environment."""

from __future__ import annotations

import json

import pytest
from conftest import ATTACHMENT, NAME_EN, PHONE, sample_report
from typer.testing import CliRunner

from diaspora_watch.cli import app

runner = CliRunner()


@pytest.fixture
def env(tmp_path, sqlite_url, monkeypatch):
    monkeypatch.delenv("DIASPORA_WATCH_INTAKE_KEY", raising=False)
    monkeypatch.delenv("DIASPORA_WATCH_INTAKE_KEY_FILE", raising=False)
    assert runner.invoke(app, ["intake", "keygen", str(tmp_path / "k.key")]).exit_code == 0
    (tmp_path / "summons.jpg").write_bytes(ATTACHMENT)
    (tmp_path / "report.json").write_text(json.dumps(sample_report(attachments=["summons.jpg"])), encoding="utf-8")
    monkeypatch.setenv("DIASPORA_WATCH_DB", sqlite_url)
    monkeypatch.setenv("DIASPORA_WATCH_INTAKE_KEY_FILE", str(tmp_path / "k.key"))
    return tmp_path


def _ok(*args):
    result = runner.invoke(app, ["intake", *args])
    assert result.exit_code == 0, result.output
    return result


def test_cli_intake_add_list_show_export_delete(env):
    rid = _ok("add", "--file", str(env / "report.json"), "--org", "legal-aid-ekb").stdout.strip()
    listed = json.loads(_ok("list", "--json").stdout)
    assert [r["id"] for r in listed] == [rid] and NAME_EN not in json.dumps(listed)
    shown = json.loads(_ok("show", rid).stdout)
    assert shown["report"]["person"]["phone"] == PHONE and shown["report"]["attachments"][0]["name"] == "summons.jpg"
    _ok("export", rid, "-o", str(env / "out.json"))
    exported = json.loads((env / "out.json").read_text(encoding="utf-8"))
    assert oct((env / "out.json").stat().st_mode & 0o777) == "0o600"
    assert exported["attachment_files"][0]["base64"] and exported["audit"]
    assert runner.invoke(app, ["intake", "export", rid, "-o", str(env / "out.json")]).exit_code == 2  # never overwrites
    _ok("delete", rid, "--why", "request of the person")
    assert runner.invoke(app, ["intake", "show", rid]).exit_code == 1
    log = [(e["action"], e["outcome"]) for e in json.loads(_ok("audit", "--report", rid, "--json").stdout)]
    assert log[:2] == [("read", "denied"), ("delete", "ok")]  # the show after deletion is logged too
    assert log[-1] == ("create", "ok") and ("export", "ok") in log


def test_cli_intake_rotate_key_then_old_key_fails(env):
    rid = _ok("add", "--file", str(env / "report.json")).stdout.strip()
    _ok("keygen", str(env / "new.key"))
    assert "1 reports, 1 attachments" in _ok("rotate-key", "--new-key-file", str(env / "new.key")).output
    failed = runner.invoke(app, ["intake", "show", rid])
    assert failed.exit_code == 1 and "cannot be read without that key" in " ".join(failed.output.split())
    assert json.loads(_ok("show", rid, "--key-file", str(env / "new.key")).stdout)["id"] == rid


def test_cli_intake_without_key_or_with_a_bad_report(env, monkeypatch):
    monkeypatch.delenv("DIASPORA_WATCH_INTAKE_KEY_FILE")
    result = runner.invoke(app, ["intake", "add", "--file", str(env / "report.json")])
    assert result.exit_code == 1 and "no intake key" in result.output
    monkeypatch.setenv("DIASPORA_WATCH_INTAKE_KEY_FILE", str(env / "k.key"))
    (env / "bad.json").write_text(json.dumps(sample_report(person={"birth_year": "1990"})), encoding="utf-8")
    result = runner.invoke(app, ["intake", "add", "--file", str(env / "bad.json")])
    assert result.exit_code == 2 and "person/birth_year" in result.output
    assert json.loads(_ok("audit", "--json").stdout) == []  # nothing was stored, nothing read
