"""Stages of the sources package that run on every document before extraction."""

from __future__ import annotations

from diaspora_watch.document import Document
from diaspora_watch.pipeline import Context, stage
from diaspora_watch.sources.language import detect


@stage("dw.sources.language.v1", requires=["doc.text"], assigns=["doc.language"])
def language(doc: Document, ctx: Context) -> Document:
    """Detect the language when the source did not give one."""
    if not doc.language:
        doc.language = detect(doc.text)
    return doc
