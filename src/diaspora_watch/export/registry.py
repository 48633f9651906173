"""Export formats registered by name; each writes what the store holds to a text stream."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from diaspora_watch.errors import UsageError

ExportFn = Callable[[Any, TextIO, dict[str, Any]], int]


@dataclass(frozen=True)
class Exporter:
    name: str
    fn: ExportFn
    media_type: str
    suffix: str
    doc: str


_FORMATS: dict[str, Exporter] = {}


def exporter(name: str, *, media_type: str, suffix: str) -> Callable[[ExportFn], ExportFn]:
    """Register ``fn(store, out, filters) -> rows written`` as the export format ``name``."""

    def register(fn: ExportFn) -> ExportFn:
        _FORMATS[name] = Exporter(name, fn, media_type, suffix, (fn.__doc__ or "").strip().split("\n")[0])
        return fn

    return register


def formats() -> dict[str, Exporter]:
    _load_builtins()
    return dict(_FORMATS)


def _load_builtins() -> None:
    import importlib

    for module in BUILTIN_EXPORT_MODULES:
        importlib.import_module(module)


BUILTIN_EXPORT_MODULES = ["diaspora_watch.export.jsonl"]


def write_export(store: Any, name: str, out: TextIO, filters: dict[str, Any] | None = None) -> int:
    """Write the export ``name`` to ``out``; returns how many rows (or features) it wrote."""
    known = formats()
    if name not in known:
        raise UsageError(f"unknown export format {name!r}; known: {', '.join(sorted(known))}")
    return known[name].fn(store, out, filters or {})
