"""Strict YAML for every data file the project ships (lexicons, gazetteers, rules).

PyYAML silently keeps the last of two equal keys, and turns ``2024-13-01`` into a crash
inside its parser. Here a duplicate key is an error naming the file and line, and dates stay
text, so each schema check can say what a good value looks like.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from diaspora_watch.errors import DwError


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver, rejecting duplicate keys."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Duplicate(Exception):
    pass


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in out:
            raise _Duplicate(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
        out[key] = loader.construct_object(value_node, deep=deep)
    return out


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read_strict(path: Path, error: type[DwError]) -> Any:
    """Parse one YAML file strictly; every problem is raised as ``error`` naming the file."""
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except _Duplicate as e:
        raise error(f"{path}: {e}") from None
    except yaml.YAMLError as e:
        raise error(f"{path}: not valid YAML: {e}") from None
    except OSError as e:
        raise error(f"{path}: cannot be read: {e.strerror}") from None
