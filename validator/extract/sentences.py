"""Sentences with their character offsets.

The text is first cut into blocks: blank lines always end a block, and so does
a single line break unless the text is hard-wrapped (most lines end without
sentence punctuation), because news copy puts its title and each paragraph on
a line of its own. Each block is then split by sentencex, which knows the
abbreviations of news copy ("Jan. 1", "U.S.", "Inc.", "No. 10") and gives
character offsets; measured against a hand-made regular expression it made
fewer errors on unseen text at the same speed (see the commit that adopted it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sentencex

_END = re.compile(r"[.!?:;\"'\u201d\u2019)]\s*$")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str  # the analysed text of the sentence (same offsets as the article)
    block: int  # paragraph number, to keep linking within reach


def split(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, with offsets into it."""
    out: list[Sentence] = []
    for block, (a, b) in enumerate(_blocks(text)):
        chunk = text[a:b]
        for part in sentencex.get_sentence_boundaries("en", chunk):
            s, e = part["start_index"], part["end_index"]
            piece = chunk[s:e]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if not piece.strip():
                continue
            start, end = a + s + lead, a + e - trail
            out.append(Sentence(len(out), start, end, text[start:end], block))
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]
    wrapped = _hard_wrapped([text[a:b] for a, b in lines])
    blocks: list[tuple[int, int]] = []
    start = None
    prev_end = None
    for a, b in lines:
        line = text[a:b]
        if not line.strip():
            if start is not None:
                blocks.append((start, prev_end))
            start = None
            continue
        if start is None:
            start = a
        elif not wrapped or _own_line(line):
            blocks.append((start, prev_end))
            start = a
        prev_end = b
    if start is not None:
        blocks.append((start, prev_end))
    return blocks


def _own_line(line: str) -> bool:
    """Lines that start a block even in wrapped text: headings, list items, quotes."""
    return bool(re.match(r"\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>)", line))


def _hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width: most non-empty lines end mid-sentence."""
    body = [ln.rstrip() for ln in lines if ln.strip()]
    if len(body) < 4:
        return False
    open_ended = sum(1 for ln in body[:-1] if not _END.search(ln))
    return open_ended > 0.6 * (len(body) - 1) and max(len(ln) for ln in body) <= 100
