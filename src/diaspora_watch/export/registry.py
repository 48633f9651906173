"""Export formats registered by name; each writes what the store holds to a text stream."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from diaspora_watch.errors import UsageError

ExportFn = Callable[[Any, Any, dict[str, Any]], int]  # out: a TextIO, or a Path for folder formats


@dataclass(frozen=True)
class Exporter:
    name: str
    fn: ExportFn
    media_type: str
    suffix: str
    doc: str
    directory: bool = False  # writes several files into a folder; ``fn`` gets the folder as ``out``


_FORMATS: dict[str, Exporter] = {}


def exporter(name: str, *, media_type: str, suffix: str, directory: bool = False) -> Callable[[ExportFn], ExportFn]:
    """Register ``fn(store, out, filters) -> rows written`` as the export format ``name``.

    A ``directory`` format gets a folder path as ``out`` instead of a text stream.
    """

    def register(fn: ExportFn) -> ExportFn:
        _FORMATS[name] = Exporter(name, fn, media_type, suffix, (fn.__doc__ or "").strip().split("\n")[0], directory)
        return fn

    return register


def formats() -> dict[str, Exporter]:
    _load_builtins()
    return dict(_FORMATS)


def _load_builtins() -> None:
    import importlib

    for module in BUILTIN_EXPORT_MODULES:
        importlib.import_module(module)


BUILTIN_EXPORT_MODULES = [
    "diaspora_watch.export.jsonl",
    "diaspora_watch.export.csv_",
    "diaspora_watch.export.geojson",
    "diaspora_watch.export.acled",
    "diaspora_watch.export.datapackage",
    "diaspora_watch.export.atom",
]


def write_export(store: Any, name: str, out: TextIO, filters: dict[str, Any] | None = None) -> int:
    """Write the export ``name`` to ``out``; returns how many rows (or features) it wrote."""
    return get(name, directory=False).fn(store, out, filters or {})


def write_export_dir(store: Any, name: str, folder: Path, filters: dict[str, Any] | None = None) -> int:
    """Write the folder export ``name`` (a Data Package) into ``folder``; returns rows written."""
    folder.mkdir(parents=True, exist_ok=True)
    return get(name, directory=True).fn(store, folder, filters or {})


def get(name: str, *, directory: bool | None = None) -> Exporter:
    """The export format ``name``; UsageError when unknown or written the other way (stream vs folder)."""
    known = formats()
    if name not in known:
        raise UsageError(f"unknown export format {name!r}; known: {', '.join(sorted(known))}")
    fmt = known[name]
    if directory is not None and fmt.directory != directory:
        raise UsageError(f"{name} writes a folder: give -o FOLDER" if fmt.directory else f"{name} writes one file, not a folder")
    return fmt
