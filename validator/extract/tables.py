"""Tables written as lines of text: a change column checked against its two value columns.

News copy and press releases often carry a small table as plain lines:

    Team     2016    2017    Change
    Braves   23,269  31,077  34%

A table is a run of at least two rows, each a label followed by the same
number of figures, under a header line whose last column names a change
("Change", "% change", "Pct", "%", "Growth"). When a row has two figures and
then a percent, the percent is the change from the first to the second, as
the header says; each row is one claim (CH01), placed on its line. Without
such a header, rows are left alone: the order of columns is not something to
guess.
"""

from __future__ import annotations

import re

from validator.extract.found import Claim
from validator.extract.mentions import Mention
from validator.extract.sentences import Sentence
from validator.numbers import Kind

_CHANGE_HEADER = re.compile(
    r"(?:^|\s)(?:%\s*)?(?:change|chg|pct\.?|percent(?:age)?\s+change|growth|%|diff(?:erence)?|\+/-)\s*$", re.I
)
_ROW = re.compile(r"^\s*[^\d\s$£€¥%-][^\d$£€¥]{0,60}?\s+[-\u2212+$£€¥]?\d")


def claims(sentences: list[Sentence], mentions: list[list[Mention]]) -> list[Claim]:
    """A percent-change claim for each row of each table with a change column."""
    out: list[Claim] = []
    i = 0
    while i < len(sentences):
        header = sentences[i]
        rows = _rows_after(i, sentences, mentions)
        if len(rows) >= 2 and _CHANGE_HEADER.search(header.text) and not mentions[header.index] or (
            len(rows) >= 2 and _CHANGE_HEADER.search(header.text) and _only_periods(mentions[header.index])
        ):
            for s in rows:
                claim = _row_claim(s, mentions[s.index])
                if claim is not None:
                    out.append(claim)
            i += len(rows) + 1
            continue
        i += 1
    return out


def _only_periods(ms: list[Mention]) -> bool:
    """A header's figures are its columns' periods ('2016 2017'), not amounts."""
    return all(not m.is_amount for m in ms)


def _rows_after(i: int, sentences: list[Sentence], mentions: list[list[Mention]]) -> list[Sentence]:
    """The lines after line i that are rows of one shape: a label, then figures, the same number each."""
    rows: list[Sentence] = []
    width = None
    for s in sentences[i + 1 :]:
        amounts = [m for m in mentions[s.index] if m.is_amount]
        if "\n" in s.text or not _ROW.match(s.text) or len(amounts) < 2:
            break
        if width is not None and len(amounts) != width:
            break
        if not _only_figures_after_label(s, amounts):
            break
        width = len(amounts)
        rows.append(s)
    return rows


def _only_figures_after_label(s: Sentence, amounts: list[Mention]) -> bool:
    rest = s.text[amounts[0].quote_start - s.start :]
    for m in amounts:
        rest = rest.replace(s.text[m.quote_start - s.start : m.end - s.start], " ", 1)
    return not re.search(r"[A-Za-z]{2,}", rest)


def _row_claim(s: Sentence, ms: list[Mention]) -> Claim | None:
    amounts = [m for m in ms if m.is_amount]
    if len(amounts) != 3:
        return None
    a, b, change = amounts
    if change.kind is not Kind.PERCENT or a.kind is not Kind.NUMBER or b.kind is not Kind.NUMBER:
        return None
    if (a.written.currency or None) != (b.written.currency or None):
        return None
    return Claim("percent-change", {"from": a, "to": b, "change": change}, s.start, s.end, s.index,
                 wording=None, confidence=0.8, notes=["a row of a table: the change column from the first column to the "
                                                      "second"])  # fmt: skip
