"""The seam to the place, group and actor finders (``places``, ``groups``, ``actors`` modules).

They are imported lazily: while one is missing the extractor still runs and simply finds no
mentions of that kind. Results are cached per text, since every event of a document asks.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any


def _finder(module: str, fn: str) -> Any:
    try:
        return getattr(importlib.import_module(f"diaspora_watch.extract.{module}"), fn)
    except (ImportError, AttributeError):
        return None


@lru_cache(maxsize=256)
def _run(module: str, fn: str, text: str, lang: str) -> tuple[Any, ...]:
    finder = _finder(module, fn)
    return tuple(finder(text, lang)) if finder else ()


def places(text: str, lang: str) -> tuple[Any, ...]:
    """PlaceMention objects (start, end, surface, level, country, admin1, name, lat, lon)."""
    return _run("places", "find_places", text, lang)


def groups(text: str, lang: str) -> tuple[Any, ...]:
    """GroupMention objects (start, end, surface, countries, kind)."""
    return _run("groups", "find_groups", text, lang)


def actors(text: str, lang: str) -> tuple[Any, ...]:
    """ActorMention objects (start, end, surface, agency, country)."""
    return _run("actors", "find_actors", text, lang)
