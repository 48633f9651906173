"""Marking evidence sentences inside a text, as segments the template escapes and wraps in ``<mark>``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    keys: tuple[str, ...] = ()  # the events this stretch is evidence for; empty = plain text


def segments(text: str, evidence: dict[str, list[str]]) -> list[Segment]:
    """Split ``text`` into plain and evidence stretches; ``evidence`` maps an event key to its sentences.

    Sentences not found verbatim are skipped (the page lists them with the event instead).

    Examples:
        >>> [(s.text, s.keys) for s in segments("A. B. C.", {"d:0": ["B."]})]
        [('A. ', ()), ('B.', ('d:0',)), (' C.', ())]
    """
    marks = [set[str]() for _ in range(len(text) + 1)]
    for key, sentences in evidence.items():
        for sentence in sentences:
            start = text.find(sentence) if sentence else -1
            if start >= 0:
                for i in range(start, start + len(sentence)):
                    marks[i].add(key)
    out: list[Segment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[start]:
            out.append(Segment(text[start:i], tuple(sorted(marks[start]))))
            start = i
    return out


def excerpt(text: str, sentence: str, context: int = 240) -> list[Segment]:
    """The sentence in its surroundings (up to ``context`` characters each side), marked.

    Examples:
        >>> [(s.text, bool(s.keys)) for s in excerpt("one two three", "two", 4)]
        [('one ', False), ('two', True), (' thr…', False)]
    """
    start = text.find(sentence) if sentence else -1
    if start < 0:
        return [Segment(sentence, ("evidence",))]
    end = start + len(sentence)
    before = ("…" if start > context else "") + text[max(0, start - context):start]
    after = text[end:end + context] + ("…" if end + context < len(text) else "")
    return [s for s in (Segment(before), Segment(sentence, ("evidence",)), Segment(after)) if s.text]
