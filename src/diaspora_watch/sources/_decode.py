"""Bytes to text, refusing what is not text: NUL bytes mean binary, bad UTF-8 means a wrong encoding."""

from __future__ import annotations

from diaspora_watch.errors import SkipReason, SourceError

BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"MZ")


def check_not_binary(data: bytes, where: str) -> None:
    head = data[:8192]
    if b"\x00" in head or head.startswith(BINARY_SIGNATURES):
        raise SourceError(SkipReason.BINARY, where, "NUL bytes or a binary file signature")


def decode_text(data: bytes, where: str, charset: str | None = None) -> str:
    """Decode as UTF-8 (with or without BOM), or as ``charset`` when one was declared."""
    check_not_binary(data, where)
    if b"\x00" in data:
        raise SourceError(SkipReason.BINARY, where, "NUL bytes")
    encoding = (charset or "utf-8").lower()
    try:
        text = data.decode("utf-8-sig" if encoding in ("utf-8", "utf8") else encoding)
    except LookupError:
        raise SourceError(SkipReason.BAD_ENCODING, where, f"unknown declared encoding {charset!r}") from None
    except UnicodeDecodeError as e:
        raise SourceError(SkipReason.BAD_ENCODING, where, f"invalid {encoding} at byte {e.start}") from None
    return text
