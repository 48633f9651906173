"""Rule files: where they live, how they are read, and what makes one invalid.

One rule is one legal effect in one YAML file, ``rules/<jurisdiction>/<area>/<name>.yaml``;
the path gives its id (``rules/ru/army/conscription.yaml`` is ``ru.army.conscription``) and
the file must say the same id. A rule is checked against ``schema/rule.json`` (so an unknown
field or a rule without a source is refused), then for what a schema cannot see: real dates
in order, one operator per condition, known facts, unique override ids.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from diaspora_watch._yaml import read_strict
from diaspora_watch.advise.conditions import check_condition
from diaspora_watch.errors import RuleInvalid

ROOT = Path(str(resources.files("diaspora_watch.advise") / "rules"))


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads((ROOT.parent / "schema" / "rule.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def rule_id(path: Path, root: Path) -> str:
    """The id a rule file must carry, from its path under ``root``.

    Examples:
        >>> rule_id(Path("/r/ru/army/conscription.yaml"), Path("/r"))
        'ru.army.conscription'
    """
    return ".".join(path.relative_to(root).with_suffix("").parts)


def problems_in(data: Any, where: str, expected_id: str | None = None) -> list[str]:
    """Everything wrong with one parsed rule, each message naming ``where`` and the key."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.path])
    if errors:
        return [f"{where}: [{' -> '.join(str(p) for p in e.path) or 'top'}] {e.message}" for e in errors]
    problems = []
    if expected_id is not None and data["id"] != expected_id:
        problems.append(f"{where}: [id] {data['id']!r} does not match its path; expected {expected_id!r}")
    problems += _date_problems(data, where)
    for i, cond in enumerate(data["when"]):
        problems += check_condition(cond, f"{where}: [when -> {i}]")
    seen: set[str] = set()
    for i, override in enumerate(data.get("overrides", [])):
        if override["id"] in seen:
            problems.append(f"{where}: [overrides -> {i} -> id] duplicate override id {override['id']!r}")
        seen.add(override["id"])
        if not ({"level", "note", "not_applicable"} & set(override)):
            problems.append(f"{where}: [overrides -> {i}] an override must set level, note or not_applicable")
        for j, cond in enumerate(override["when"]):
            problems += check_condition(cond, f"{where}: [overrides -> {i} -> when -> {j}]")
    return problems


def _date_problems(data: dict[str, Any], where: str) -> list[str]:
    dated = [("valid_from", data["valid_from"]), ("valid_until", data["valid_until"])]
    dated += [(f"sources -> {i} -> seen", s["seen"]) for i, s in enumerate(data["sources"])]
    problems, days = [], {}
    for key, text in dated:
        if text is None:
            continue
        try:
            days[key] = date.fromisoformat(text)
        except ValueError:
            problems.append(f"{where}: [{key}] {text!r} is not a real date; use YYYY-MM-DD, such as 2024-11-01")
    if "valid_from" in days and "valid_until" in days and days["valid_from"] > days["valid_until"]:
        problems.append(f"{where}: [valid_until] {data['valid_until']} is before valid_from {data['valid_from']}")
    return problems


def _files(paths: list[Path] | None) -> list[tuple[Path, str | None]]:
    """Rule files to check, each with the id its path demands (None for a loose file)."""
    out: list[tuple[Path, str | None]] = []
    for p in paths or [ROOT]:
        if p.is_dir():
            out += [(f, rule_id(f, p)) for f in sorted(p.rglob("*.yaml"))]
        else:
            out.append((p, None))
    return out


def check_rules(paths: list[Path] | None = None) -> list[str]:
    """All problems in the given rule files or folders (default: the shipped rules); [] if none."""
    problems: list[str] = []
    ids: dict[str, Path] = {}
    files = _files(paths)
    if not files:
        return [f"{', '.join(str(p) for p in paths or [ROOT])}: no rule files found"]
    for path, expected in files:
        try:
            data = read_strict(path, RuleInvalid)
        except RuleInvalid as e:
            problems.append(str(e))
            continue
        found = problems_in(data, str(path), expected)
        problems += found
        if not found and data["id"] in ids:
            problems.append(f"{path}: [id] {data['id']!r} is also the id of {ids[data['id']]}")
        elif not found:
            ids[data["id"]] = path
    return problems


@cache
def load_rules() -> tuple[dict[str, Any], ...]:
    """The shipped rules, validated; raises ``RuleInvalid`` listing every problem."""
    problems = check_rules()
    if problems:
        raise RuleInvalid("\n".join(problems))
    return tuple(read_strict(path, RuleInvalid) for path, _ in _files(None))
