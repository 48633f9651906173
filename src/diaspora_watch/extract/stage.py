"""The pipeline stage that fills ``doc.events``."""

from __future__ import annotations

from diaspora_watch.document import Document
from diaspora_watch.extract.assemble import extract_events
from diaspora_watch.pipeline import Context, stage


@stage("dw.extract.events.v1", requires=["doc.text", "doc.language", "doc.published"], assigns=["doc.events"])
def extract_stage(doc: Document, ctx: Context) -> Document:
    """Extract the codebook events of a document into ``doc.events``."""
    doc.events = extract_events(doc)
    return doc
