"""``diaspora-watch advise`` and ``diaspora-watch rules check``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from diaspora_watch.advise import advise, check_rules, next_question, parse_answer, related_from_events, related_from_store, render_text
from diaspora_watch.advise.profile import parse_date
from diaspora_watch.advise.questions import apply_answer, finished_profile
from diaspora_watch.cli._common import DEFAULT_DB, DbOption, db_url, err, errors, open_store
from diaspora_watch.errors import DwError, UsageError

rules_app = typer.Typer(help="Inspect the advisor's rule files.", no_args_is_help=True)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise UsageError(f"{path}: cannot be read: {e.strerror}") from None
    except json.JSONDecodeError as e:
        raise UsageError(f"{path}: not valid JSON: {e}") from None


def _read_events(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except OSError as e:
        raise UsageError(f"{path}: cannot be read: {e.strerror}") from None
    except json.JSONDecodeError as e:
        raise UsageError(f"{path}: not valid JSON Lines: {e}") from None


def _ask(day: date, lang: str) -> dict[str, Any]:
    """Drive the questionnaire on the terminal; a bad answer is asked again."""
    answers: dict[str, Any] = {}
    while (q := next_question(answers, as_of=day, lang=lang)) is not None:
        hint = f" [{' / '.join(f'{i}={c}' for i, c in enumerate(q.choices, 1))}]" if q.kind == "choice" else ""
        text = typer.prompt(q.prompt + hint, default="", show_default=False)
        try:
            answers = apply_answer(answers, q, parse_answer(q, text))
        except UsageError as e:
            err.print(f"[yellow]{e}[/yellow]", highlight=False)
    return finished_profile(answers)


def advise_cmd(
    profile: Annotated[Path | None, typer.Option("--profile", help="Profile JSON (see shared/advisor.md), e.g. me.json. Without it, a questionnaire asks.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: json or text, e.g. --format text.")] = "json",
    lang: Annotated[str, typer.Option("--lang", help="Language of the answer: en or ru, e.g. --lang ru.")] = "en",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Evaluate the rules in force on this day, e.g. 2025-03-01 (default: today).")] = None,
    events: Annotated[Path | None, typer.Option("--events", help="Codebook events (JSON Lines) to pick related incidents from, e.g. events.jsonl.")] = None,
    db: DbOption = None,
) -> None:
    """Tell one person which legal risks apply to them, with sources.

    Example: diaspora-watch advise --profile me.json --format text --lang ru --as-of 2025-03-01
    """
    with errors():
        if fmt not in ("json", "text"):
            raise UsageError(f"--format: {fmt!r} is not offered; use json or text")
        day = parse_date(as_of, "--as-of") if as_of else None
        data = _read_json(profile) if profile else _ask(day or date.today(), lang)
        if events:
            answer = advise(data, as_of=day, lang=lang, related=related_from_events(_read_events(events)))
        elif _has_database(db):
            with open_store(db) as store:
                answer = advise(data, as_of=day, lang=lang, related=related_from_store(store))
        else:
            answer = advise(data, as_of=day, lang=lang)
        typer.echo(json.dumps(answer, ensure_ascii=False, indent=2) if fmt == "json" else render_text(answer), nl=fmt == "json")


def _has_database(db: str | None) -> bool:
    """Related incidents come from the database when one was named or the default one exists (none is created)."""
    url = db_url(db)
    return url != DEFAULT_DB or Path(DEFAULT_DB.removeprefix("sqlite:///")).exists()


def check_cmd(
    paths: Annotated[list[Path] | None, typer.Argument(help="Rule files or folders (default: the shipped rules), e.g. my_rules/.")] = None,
) -> None:
    """Validate rule files: schema, sources, dates, conditions; exit 1 on any problem.

    Example: diaspora-watch rules check
    """
    with errors():
        problems = check_rules(paths or None)
        for p in problems:
            err.print(p, highlight=False, markup=False)
        if problems:
            raise DwError(f"{len(problems)} problem(s) in the rules")
        typer.echo("rules: ok")


def register(app: typer.Typer) -> None:
    app.command("advise")(advise_cmd)
    rules_app.command("check")(check_cmd)
    app.add_typer(rules_app, name="rules")
