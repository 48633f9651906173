"""Stages registered by name, and the pipeline that runs them in order.

A stage is a callable ``(doc, ctx) -> doc`` registered with :func:`stage` under a dotted,
versioned name (``dw.extract.events.v1``) and the fields it requires and assigns. Stages of
phase ``"document"`` work on the document alone, before it is stored; stages of phase
``"stored"`` (incident linking) run after the document and its events are written, inside the
same transaction, with ``ctx.session`` and ``ctx.row_id`` set. A pipeline is
a list of stage names; :func:`build` checks that each requirement is met by the document or by
an earlier stage, so a misordered pipeline fails when it is built, not halfway through a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from diaspora_watch.document import Document
from diaspora_watch.errors import UsageError

StageFn = Callable[[Document, "Context"], Document]

#: What every document has when it enters the pipeline.
DOCUMENT_PROVIDES = frozenset(
    {"doc.doc_id", "doc.text", "doc.url", "doc.title", "doc.outlet", "doc.published", "doc.language", "doc.collected"}
)


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str
    phase: str = "document"


@dataclass
class Context:
    """What a stage may need beyond the document: the store, options, a clock."""

    store: Any = None
    options: dict[str, Any] = field(default_factory=dict)
    session: Any = None  # set for "stored" stages: the open transaction
    row_id: int | None = None  # set for "stored" stages: the document's row


_REGISTRY: dict[str, Stage] = {}


def stage(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), phase: str = "document"
) -> Callable[[StageFn], StageFn]:
    """Register a stage under ``name``; the function itself is returned unchanged."""
    if phase not in ("document", "stored"):
        raise UsageError(f"stage {name!r}: phase must be 'document' or 'stored', not {phase!r}")

    def register(fn: StageFn) -> StageFn:
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise UsageError(f"stage {name!r} is registered twice")
        doc = (fn.__doc__ or "").strip().split("\n")[0]
        _REGISTRY[name] = Stage(name, fn, tuple(requires), tuple(assigns), doc, phase)
        return fn

    return register


def registered() -> dict[str, Stage]:
    """Every registered stage by name (after the built-in stages are imported)."""
    _load_builtins()
    return dict(_REGISTRY)


def _load_builtins() -> None:
    # Importing a stage's module registers it; the built-ins are plain modules like a plugin's.
    import importlib

    for module in BUILTIN_STAGE_MODULES:
        importlib.import_module(module)


#: Modules whose import registers the built-in stages.
BUILTIN_STAGE_MODULES: list[str] = [
    "diaspora_watch.sources.stages",
    "diaspora_watch.extract.stage",
    "diaspora_watch.link.incidents",
    "diaspora_watch.link.search",
]

#: The stages ``ingest`` runs after a document is read, in order, when they are registered.
DEFAULT_PIPELINE: list[str] = [
    "dw.sources.language.v1",
    "dw.extract.events.v1",
    "dw.link.incidents.v1",
    "dw.link.search.v1",
]


@dataclass
class Pipeline:
    stages: list[Stage]

    def __call__(self, doc: Document, ctx: Context) -> Document:
        """Run the document-phase stages."""
        for s in self.stages:
            if s.phase == "document":
                doc = s.fn(doc, ctx)
        return doc

    def after_store(self, doc: Document, ctx: Context) -> Document:
        """Run the stored-phase stages; ``ctx.session`` and ``ctx.row_id`` must be set."""
        for s in self.stages:
            if s.phase == "stored":
                doc = s.fn(doc, ctx)
        return doc

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]


def build(names: Iterable[str] | None = None) -> Pipeline:
    """Build a pipeline from stage names, checking each stage's requirements are met."""
    stages = registered()
    chosen = list(DEFAULT_PIPELINE if names is None else names)
    have = set(DOCUMENT_PROVIDES)
    out = []
    for name in chosen:
        if name not in stages:
            raise UsageError(f"unknown stage {name!r}; registered: {', '.join(sorted(stages))}")
        s = stages[name]
        missing = [r for r in s.requires if r not in have]
        if missing:
            raise UsageError(f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns")
        have.update(s.assigns)
        out.append(s)
    return Pipeline(out)
