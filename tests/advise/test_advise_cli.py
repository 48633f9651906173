"""The ``advise`` and ``rules check`` commands, and the terminal questionnaire fed from stdin."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from diaspora_watch.advise import next_question
from diaspora_watch.advise.questions import apply_answer, parse_answer
from diaspora_watch.cli import app

HERE = Path(__file__).resolve().parent
runner = CliRunner()
PROFILE = {"citizenships": [{"country": "AZ", "acquired": "birth", "year": None}], "residence_country": "RU",
           "residence_status": "undocumented", "sex": "male", "birth_year": 1985}


def write(tmp_path: Path, data: object, name: str = "p.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_advise_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["advise", "--profile", write(tmp_path, PROFILE), "--as-of", "2026-03-01"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert "ru.migration.expulsion_regime" in {r["id"] for r in answer["risks"]}


def test_advise_text_in_russian(tmp_path: Path) -> None:
    result = runner.invoke(app, ["advise", "--profile", write(tmp_path, PROFILE), "--format", "text", "--lang", "ru",
                                 "--as-of", "2026-03-01"])
    assert result.exit_code == 0, result.output
    assert "Выдворение и реестр контролируемых лиц" in result.stdout
    assert "Это не юридическая консультация" in result.stdout


def test_advise_with_events_file(tmp_path: Path) -> None:
    event = {"subtype": "raid", "country": "RU", "group": ["AZ"], "status": "foreign", "date": "2025-06-27",
             "incident": "x", "evidence": ["raid"], "doc_id": "d"}
    events = tmp_path / "e.jsonl"
    events.write_text(json.dumps(event) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["advise", "--profile", write(tmp_path, PROFILE), "--events", str(events)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["related_incidents"][0]["incident"] == "x"


def test_bad_profile_exits_2_with_json_path(tmp_path: Path) -> None:
    result = runner.invoke(app, ["advise", "--profile", write(tmp_path, {**PROFILE, "birth_year": "old"})])
    assert result.exit_code == 2
    assert "profile/birth_year" in result.stderr


def test_bad_as_of_and_format(tmp_path: Path) -> None:
    path = write(tmp_path, PROFILE)
    assert runner.invoke(app, ["advise", "--profile", path, "--as-of", "March"]).exit_code == 2
    assert runner.invoke(app, ["advise", "--profile", path, "--format", "xml"]).exit_code == 2


def test_rules_check_ok_and_failing() -> None:
    ok = runner.invoke(app, ["rules", "check"])
    assert ok.exit_code == 0 and "rules: ok" in ok.stdout
    bad = runner.invoke(app, ["rules", "check", str(HERE / "bad_rules" / "missing_source.yaml"),
                              str(HERE / "bad_rules" / "unknown_field.yaml")])
    assert bad.exit_code == 1
    assert "missing_source.yaml" in bad.stderr and "'severity' was unexpected" in bad.stderr
    assert "2 problem(s)" in bad.stderr


def test_interactive_questionnaire_from_stdin() -> None:
    # A Russian citizen by birth: no status, region, patent or registration-status questions beyond what rules need.
    answers = "RU\nRU\n1\n2\nwrong\n1990\nno\n"
    result = runner.invoke(app, ["advise", "--format", "json", "--as-of", "2026-03-01"], input=answers)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout[result.stdout.index("{"):])
    assert answer["profile"]["sex"] == "female" and answer["profile"]["birth_year"] == 1990
    assert answer["profile"]["residence_status"] == "citizen"
    assert "Your year of birth?" in result.stdout and "wrong" in result.output


def _keys_asked(script: dict[str, str], as_of: str = "2026-03-01") -> list[str]:
    from datetime import date

    asked, answers = [], {}
    while (q := next_question(answers, as_of=date.fromisoformat(as_of))) is not None:
        asked.append(q.key)
        default = "no" if q.kind == "bool" else ""
        answers = apply_answer(answers, q, parse_answer(q, script.get(q.key, default)))
    return asked


def test_questionnaire_asks_only_what_matters() -> None:
    woman = _keys_asked({"residence_country": "RU", "citizenships": "RU", "acquired:RU": "birth", "sex": "female",
                         "birth_year": "1990"})
    assert "military_registration" not in woman and "days_in_country" not in woman and "residence_status" not in woman
    new_citizen = _keys_asked({"residence_country": "RU", "citizenships": "RU", "acquired:RU": "naturalization",
                               "year:RU": "2022", "sex": "male", "birth_year": "1990", "military_registration": "2"})
    assert "military_registration" in new_citizen and "criminal_record" in new_citizen
    visitor = _keys_asked({"residence_country": "AZ", "citizenships": "RU", "acquired:RU": "birth",
                           "residence_status": "visa_free", "sex": "female", "birth_year": "1990", "days_in_country": "10"})
    assert "days_in_country" in visitor and "applying_for" not in visitor
