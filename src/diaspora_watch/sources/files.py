"""Local inputs: codebook JSON documents, JSON Lines, HTML, plain text, folders and stdin.

Each reader yields, per input, either a :class:`Document` or the :class:`SourceError` that sets
it aside; it never raises for one bad input, so the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from diaspora_watch.document import DOCUMENT_FIELDS, Document
from diaspora_watch.errors import SkipReason, SourceError
from diaspora_watch.sources._decode import decode_text
from diaspora_watch.sources.html import document_from_html

MAX_BYTES = 10 * 2**20
PUBLISHED = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")  # the codebook says day or month; real feeds also give a bare year
Item = Document | SourceError

SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html", ".txt": "txt"}


def content_id(prefix: str, data: bytes | str) -> str:
    """A stable id from content, so the same file ingested twice is recognised."""
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    return f"{prefix}-{hashlib.sha256(raw).hexdigest()[:16]}"


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, folders walked recursively in sorted order (hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in rel):
                    yield child
        else:
            yield path


def read_file(path: Path, *, collected: str, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Read one file by its suffix; JSON Lines yields one item per line."""
    where = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield SourceError(SkipReason.UNSUPPORTED_TYPE, where, f"suffix {path.suffix or '(none)'!r}; use .json, .jsonl, .html or .txt")
        return
    try:
        if kind == "jsonl":  # the cap is per line: a JSON Lines file may hold any number of documents
            with path.open("rb") as f:
                yield from read_jsonl(f, where=where, collected=collected, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield SourceError(SkipReason.TOO_LARGE, where, f"{size} bytes, cap {max_bytes}")
            return
        data = path.read_bytes()
    except OSError as e:
        yield SourceError(SkipReason.UNREADABLE, where, e.strerror or str(e))
        return
    try:
        if kind == "json":
            yield document_from_json(_load_json(decode_text(data, where), where), where=where, collected=collected)
        elif kind == "html":
            yield document_from_html(data, where=where, doc_id=content_id("html", data), collected=collected)
        else:
            text = decode_text(data, where).strip()
            if not text:
                raise SourceError(SkipReason.MISSING_TEXT, where)
            yield Document(doc_id=content_id("txt", text), text=text, title=path.stem, collected=collected, source=where)
    except SourceError as e:
        yield e


def read_jsonl(stream: IO[bytes], *, where: str, collected: str, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """One document per line; a bad line is set aside with its line number, the rest go on."""
    for n, raw in enumerate(_lines(stream, max_bytes), 1):
        at = f"{where}:{n}"
        if raw is None:
            yield SourceError(SkipReason.TOO_LARGE, at, f"line over {max_bytes} bytes")
            continue
        if not raw.strip():
            continue
        try:
            yield document_from_json(_load_json(decode_text(raw, at), at), where=at, collected=collected)
        except SourceError as e:
            yield e


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of at most ``max_bytes``; an over-long line yields None and is skipped without being held."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _load_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise SourceError(SkipReason.BAD_JSON, where, f"{e.msg} at line {e.lineno} column {e.colno}") from None
    except RecursionError:
        raise SourceError(SkipReason.BAD_JSON, where, "nested too deeply") from None


def document_from_json(obj: Any, *, where: str, collected: str) -> Document:
    """A codebook document (section 4) from parsed JSON, checking each field's type."""
    if not isinstance(obj, dict):
        raise SourceError(SkipReason.BAD_FIELD, where, f"a document is a JSON object, not {type(obj).__name__}")
    fields: dict[str, str] = {}
    for name in DOCUMENT_FIELDS:
        value = obj.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise SourceError(SkipReason.BAD_FIELD, where, f"{name} must be a string, not {type(value).__name__}")
        fields[name] = value
    if not fields["text"].strip():
        raise SourceError(SkipReason.MISSING_TEXT, where)
    if not PUBLISHED.match(fields["published"]):
        raise SourceError(SkipReason.BAD_FIELD, where, f"published {fields['published'][:40]!r} must be YYYY-MM-DD, YYYY-MM, YYYY or empty")
    if not fields["doc_id"]:
        fields["doc_id"] = content_id("doc", fields["text"])
    return Document(**fields, collected=collected, source=where)
