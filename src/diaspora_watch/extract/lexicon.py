"""Lexicons, gazetteers and trigger patterns as checked data files.

A lexicon is ``extract/lexicons/<lang>/<name>.yaml`` (``common`` for what every language
shares). When ``extract/lexicons/schemas/<name>.json`` exists, every file of that name is
validated against it (JSON Schema) when loaded, and the error names the file and the path of
the bad entry, e.g. ``ru/triggers.yaml: [12 -> subtype] 'raid2' is not one of [...]``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from diaspora_watch._yaml import read_strict
from diaspora_watch.errors import LexiconInvalid

ROOT = Path(str(resources.files("diaspora_watch.extract") / "lexicons"))


def read_yaml(path: Path) -> Any:
    """Parse one lexicon file strictly (no duplicate keys, dates as text); errors name the file."""
    return read_strict(path, LexiconInvalid)


def validate(data: Any, name: str, where: str) -> None:
    """Check ``data`` against the schema for lexicons called ``name``, if there is one."""
    schema_path = ROOT / "schemas" / f"{name}.json"
    if not schema_path.exists():
        return
    import jsonschema

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        at = " -> ".join(str(p) for p in first.path) or "top"
        raise LexiconInvalid(f"{where}: [{at}] {first.message}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))


@cache
def load(name: str, lang: str = "common") -> Any:
    """Load and validate ``lexicons/<lang>/<name>.yaml``; cached, so call it freely."""
    path = ROOT / lang / f"{name}.yaml"
    if not path.exists():
        raise LexiconInvalid(f"no lexicon {lang}/{name}.yaml under {ROOT}")
    data = read_yaml(path)
    validate(data, name, f"{lang}/{name}.yaml")
    return data


@cache
def words(name: str, lang: str, key: str) -> frozenset[str]:
    """The word list ``key`` of lexicon ``name`` as a set; English for a language with no lexicons
    of its own, empty where the file has no such list."""
    return frozenset(load(name, lang if lang in ("en", "ru") else "en").get(key, []))


def check_all() -> list[str]:
    """Load every shipped lexicon; returns the files checked, raises on the first bad one."""
    checked = []
    for path in sorted(ROOT.glob("*/*.yaml")):
        load.__wrapped__(path.stem, path.parent.name)
        checked.append(f"{path.parent.name}/{path.name}")
    return checked
