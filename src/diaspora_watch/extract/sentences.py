"""Sentence splitting with character offsets, so evidence is copied from the text exactly."""

from __future__ import annotations

import re
from dataclasses import dataclass

from diaspora_watch.extract.components import component

#: Characters that open a quotation, and that close one (straight quotes are both, and "“" closes
#: a German-style „...“ quotation).
OPENING_QUOTES = frozenset("\"'«“„‘")
CLOSING_QUOTES = frozenset("\"'»”“’")
# A boundary: end punctuation (optionally closing quotes/brackets) then space, or a line break.
_END = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*(?=\s+[\"'«“(\[]?[A-ZА-ЯЁ0-9])|(?<=[.!?…][\"»”])(?=[A-ZА-ЯЁ])|(?<=[a-zа-яё]{2}[.!?])(?=[A-ZА-ЯЁ][a-zа-яё])")
_NEWLINE = re.compile(r"\n+")
# Tokens before a full stop that do not end a sentence: initials, titles, short abbreviations,
# the parts of a legal reference ("п. «а» ч. 2 ст. 322.1") and of an address ("с. Емантаево", "обл.").
_NO_BREAK = re.compile(
    r"(?:\b[A-ZА-ЯЁ]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|No|Jr|Sr|vs|etc|Inc|Ltd|Co|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|янв|февр|сент|окт|нояб|дек|ст|ч|пп|г|гг|тыс|млн|млрд|им|ул|д|т|п|с|пос|дер|обл|пгт|пр|просп|пер|наб|пл|рис|см|напр|проф|акад))\.$"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int


@component("dw.extract.sentences.v1")
def split(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each keeps its offsets and paragraph number.

    >>> [s.text for s in split("Seven were detained. Police said so.\\nNext line")]
    ['Seven were detained.', 'Police said so.', 'Next line']
    """
    out: list[Sentence] = []
    for para_no, para in enumerate(_paragraphs(text)):
        p_start, p_end = para
        cut = p_start
        for m in _END.finditer(text, p_start, p_end):
            if _NO_BREAK.search(text[max(cut, m.start() - 6) : m.start()]):
                continue
            _add(out, text, cut, m.end(), para_no)
            cut = m.end()
        _add(out, text, cut, p_end, para_no)
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, cut = [], 0
    for m in _NEWLINE.finditer(text):
        spans.append((cut, m.start()))
        cut = m.end()
    spans.append((cut, len(text)))
    return spans


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2:
        out.append(Sentence(start, end, text[start:end], para, len(out)))
