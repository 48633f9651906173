"""Fixtures for extractor tests: real dev documents and sentences, read at test time (no article text in the repo)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diaspora_watch.document import DOCUMENT_FIELDS, Document
from diaspora_watch.extract.sentences import split

DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "dev"


def doc(doc_id: str) -> Document:
    d = json.loads((DEV / "docs" / f"{doc_id}.json").read_text(encoding="utf-8"))
    return Document(**{k: d[k] for k in DOCUMENT_FIELDS if k in d}, collected="2026-12-01")


def sentence(doc_id: str, contains: str) -> str:
    """The first sentence of a dev document that contains ``contains``."""
    for s in split(doc(doc_id).text):
        if contains in s.text:
            return s.text
    raise AssertionError(f"{doc_id}: no sentence contains {contains!r}")


@pytest.fixture
def dev_doc():
    """``dev_doc(doc_id)`` -> the dev document as a Document."""
    return doc


@pytest.fixture
def dev_sentence():
    """``dev_sentence(doc_id, contains)`` -> the first sentence of that document containing the words."""
    return sentence
