"""The document that flows through the pipeline, in the codebook's format (section 4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The codebook's document fields, in its order.
DOCUMENT_FIELDS = ("doc_id", "url", "title", "outlet", "published", "language", "text")


@dataclass
class Document:
    """One article. Stages add to ``events`` and ``meta``; they never drop fields.

    ``published`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``""``; ``collected`` is the ISO date the
    system read it, used when ``published`` is empty.
    """

    doc_id: str
    text: str
    url: str = ""
    title: str = ""
    outlet: str = ""
    published: str = ""
    language: str = ""
    collected: str = ""
    source: str = ""
    author: str = ""
    events: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_codebook(self) -> dict[str, Any]:
        """The document as the codebook writes it."""
        return {name: getattr(self, name) for name in DOCUMENT_FIELDS}
