"""Related incidents come from the database the monitors filled."""

from __future__ import annotations

import json

from dwtest import DEV_DOCS
from typer.testing import CliRunner

from diaspora_watch.cli import app
from diaspora_watch.ingest import ingest
from diaspora_watch.store import Store

runner = CliRunner()


def test_advise_related_incidents_from_the_database(tmp_path):
    url = f"sqlite:///{tmp_path}/dw.db"
    with Store.open(url) as store:
        ingest([str(DEV_DOCS / "seed-002.json"), str(DEV_DOCS / "d-065.json")], store)
        stored = {(e["subtype"], e["date"], e["country"]) for e in store.events()}
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({
        "citizenships": [{"country": "RU", "acquired": "naturalization", "year": 2018}, {"country": "AZ", "acquired": "birth"}],
        "residence_country": "RU", "residence_status": "citizen", "sex": "male", "birth_year": 1990,
        "military_registration": "registered",
    }), encoding="utf-8")
    result = runner.invoke(app, ["advise", "--profile", str(profile), "--db", url, "--as-of", "2026-01-15"])
    assert result.exit_code == 0, result.output
    related = json.loads(result.stdout)["related_incidents"]
    assert related, "a naturalized Azerbaijani in Russia should see the revocations of seed-002"
    assert {(r["subtype"], r["date"], r["country"]) for r in related} <= stored
    assert any(r["subtype"] == "citizenship_revocation" for r in related)
