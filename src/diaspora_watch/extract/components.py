"""Named, versioned extractor components, each with one job.

A component is a plain function registered under a dotted name (``dw.extract.dates.v1``) so
that ``explain`` output, logs and tests can say which piece produced a field, and a later
version can sit beside an older one while both are compared.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from diaspora_watch.errors import UsageError

F = TypeVar("F", bound=Callable[..., Any])

_COMPONENTS: dict[str, Callable[..., Any]] = {}


def component(name: str) -> Callable[[F], F]:
    """Register ``fn`` under ``name``; the function is returned unchanged, tagged with its name."""

    def register(fn: F) -> F:
        if name in _COMPONENTS and _COMPONENTS[name] is not fn:
            raise UsageError(f"extractor component {name!r} is registered twice")
        _COMPONENTS[name] = fn
        fn.component_name = name  # type: ignore[attr-defined]
        return fn

    return register


def name_of(fn: Callable[..., Any]) -> str:
    """The registered name of a component function."""
    return getattr(fn, "component_name", fn.__name__)


def registered() -> dict[str, Callable[..., Any]]:
    """Every registered component by name (after the extractor modules are imported)."""
    import diaspora_watch.extract.assemble  # noqa: F401 - importing registers the components

    return dict(_COMPONENTS)
