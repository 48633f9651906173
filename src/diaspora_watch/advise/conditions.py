"""Conditions over a profile: evaluation in three values, and the words of the trace.

A condition is ``{fact: age, between: [18, 30]}`` (one operator), or ``{any: [...]}``. A
value may be dated, ``{dated: {"1998-03-28": [18, 27], "2024-01-01": [18, 30]}}``: the latest
date not after the evaluation day wins, so one rule follows a law through its amendments.
Evaluation returns ``True``, ``False`` or ``None`` (a fact is not answered yet).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from diaspora_watch.advise.labels import label
from diaspora_watch.advise.profile import UNKNOWN, fact, known_fact

OPS = ("eq", "ne", "in", "not_in", "has", "lacks", "has_any", "min", "max", "between")
_LISTS = ("in", "not_in", "has_any")
_NUMBERS = ("min", "max")


def resolve(value: Any, as_of: date) -> Any:
    """A plain value as it is; a dated one as in force on ``as_of`` (None before the first date).

    Examples:
        >>> resolve({"dated": {"1998-03-28": 27, "2024-01-01": 30}}, date(2023, 6, 1))
        27
        >>> resolve(5, date(2023, 6, 1))
        5
    """
    if not (isinstance(value, dict) and "dated" in value):
        return value
    current = None
    for day in sorted(value["dated"]):
        if date.fromisoformat(day) <= as_of:
            current = value["dated"][day]
    return current


def operator(cond: dict[str, Any]) -> str:
    """The one operator of a fact condition."""
    return next(op for op in OPS if op in cond)


def evaluate(cond: dict[str, Any], profile: dict[str, Any], as_of: date) -> bool | None:
    """Whether ``cond`` holds for ``profile`` on ``as_of``; None while a fact is unanswered."""
    if "any" in cond:
        results = [evaluate(c, profile, as_of) for c in cond["any"]]
        return True if True in results else (None if None in results else False)
    value = fact(profile, cond["fact"], as_of)
    if value is UNKNOWN:
        return None
    op = operator(cond)
    return _apply(op, value, resolve(cond[op], as_of))


def _apply(op: str, value: Any, arg: Any) -> bool:
    if arg is None and op not in ("eq", "ne"):
        return False  # a dated value not yet in force: nothing to match
    if op in ("has", "lacks", "has_any"):
        items = value or []
        found = any(a in items for a in arg) if op == "has_any" else arg in items
        return found if op != "lacks" else not found
    if op in ("min", "max", "between"):
        if value is None:
            return False
        low, high = (arg, None) if op == "min" else (None, arg) if op == "max" else arg
        return (low is None or value >= low) and (high is None or value <= high)
    if op in ("in", "not_in"):
        return (value in arg) == (op == "in")
    return (value == arg) == (op == "eq")


def all_hold(conds: list[dict[str, Any]], profile: dict[str, Any], as_of: date) -> bool | None:
    """Three-valued AND: False as soon as one fails, None if some are unanswered."""
    results = [evaluate(c, profile, as_of) for c in conds]
    return False if False in results else (None if None in results else True)


def first_failing(conds: list[dict[str, Any]], profile: dict[str, Any], as_of: date) -> dict[str, Any] | None:
    """The first condition that does not hold (for the not-applicable reason)."""
    return next((c for c in conds if evaluate(c, profile, as_of) is False), None)


def facts_of(conds: list[dict[str, Any]]) -> list[str]:
    """Every fact a list of conditions reads, in order, nested ``any`` included."""
    out: list[str] = []
    for c in conds:
        for name in facts_of(c["any"]) if "any" in c else [c["fact"]]:
            if name not in out:
                out.append(name)
    return out


def describe(cond: dict[str, Any], lang: str, as_of: date, profile: dict[str, Any] | None = None) -> str:
    """The condition in words, with the profile's value when given: one line of the trace."""
    if "say" in cond:
        text = cond["say"][lang]
    elif "any" in cond:
        text = f" {label('words', 'or', lang)} ".join(describe(c, lang, as_of) for c in cond["any"])
    else:
        op = operator(cond)
        text = f"{label('facts', cond['fact'].partition('.')[0], lang)}{_country(cond['fact'])} "
        arg = resolve(cond[op], as_of)
        shown = f"{arg[0]}–{arg[1]}" if op == "between" and arg else _show(arg, lang)
        text += f"{label('ops', op, lang)} {shown}"
    if profile is not None and "fact" in cond:
        text += f" ({label('words', 'you', lang)}: {_show(fact(profile, cond['fact'], as_of), lang)})"
    return text


def describe_failure(cond: dict[str, Any], lang: str, as_of: date, profile: dict[str, Any]) -> str:
    """Why a condition fails: its own plain ``otherwise`` text, or 'not met: <condition>'."""
    if "otherwise" in cond:
        return str(cond["otherwise"][lang])
    return f"{label('words', 'not_met', lang)}: {describe(cond, lang, as_of, profile)}"


def _country(name: str) -> str:
    country = name.partition(".")[2]
    return f" {country}" if country else ""


def _show(value: Any, lang: str) -> str:
    if isinstance(value, list):
        return ", ".join(_show(v, lang) for v in value) if value else "—"
    if value is None:
        return "—"
    if isinstance(value, bool):
        return label("values", "yes" if value else "no", lang)
    return label("values", str(value), lang)


def check_condition(cond: dict[str, Any], where: str) -> list[str]:
    """Problems JSON Schema cannot see: one operator per condition, known facts, value shapes."""
    if "any" in cond:
        extra = [k for k in cond if k not in ("any", "say", "otherwise")]
        problems = [f"{where}: 'any' cannot be combined with {', '.join(extra)}"] if extra else []
        for i, c in enumerate(cond["any"]):
            problems += check_condition(c, f"{where} -> any -> {i}")
        return problems
    ops = [op for op in OPS if op in cond]
    if "fact" not in cond or len(ops) != 1:
        return [f"{where}: a condition needs 'fact' and exactly one operator of {', '.join(OPS)} (found {ops or 'none'})"]
    if not known_fact(cond["fact"]):
        return [f"{where}: unknown fact {cond['fact']!r}"]
    values = cond[ops[0]]["dated"].values() if isinstance(cond[ops[0]], dict) else [cond[ops[0]]]
    return [f"{where}: {ops[0]} {v!r}: {problem}" for v in values if (problem := _shape_problem(ops[0], v))]


def _shape_problem(op: str, value: Any) -> str:
    if op in _LISTS and not isinstance(value, list):
        return "needs a list, such as [RU, AZ]"
    if op in _NUMBERS and not isinstance(value, int):
        return "needs a whole number, such as 18"
    if op == "between" and not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        return "needs two whole numbers, such as [18, 30]"
    return ""
