"""The event extractor: from one document to the events codebook.md defines.

``extract_events(doc)`` is the entry point; the components it runs (sentences, triggers, dates,
counts, status, certainty, persons, claims, locate, merge) are registered by name in
:mod:`diaspora_watch.extract.components`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_events"]


def extract_events(doc: Any) -> list[dict[str, Any]]:
    """Codebook events of ``doc`` (a :class:`~diaspora_watch.document.Document`), with ``explain``."""
    from diaspora_watch.extract.assemble import extract_events as run

    return run(doc)
