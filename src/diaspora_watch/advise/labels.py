"""Words the advisor shows around the rules (fact names, headings, the disclaimer), in en/ru.

They live in ``labels.yaml`` so a translator edits data, not code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from diaspora_watch._yaml import read_strict
from diaspora_watch.errors import RuleInvalid

LANGS = ("en", "ru")


@cache
def _labels() -> dict[str, Any]:
    return read_strict(Path(str(resources.files("diaspora_watch.advise") / "labels.yaml")), RuleInvalid)  # type: ignore[no-any-return]


def label(section: str, key: str, lang: str) -> str:
    """The ``lang`` word for ``key`` in ``section``; the key itself when none is written."""
    entry = _labels().get(section, {}).get(key)
    return str(entry[lang]) if entry else key


def keys(section: str) -> list[str]:
    """The keys written in one section (tests check every category has its words)."""
    return list(_labels().get(section, {}))
