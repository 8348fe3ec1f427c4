"""A figure of the title or the lead, or a qualified one, restating a precise figure elsewhere.

'More than 2 million passengers departed in October' ... 'October by itself
accounted for 2,002,078 passengers': the rounded or qualified figure is checked
against the precise one (UN01), when both are of one kind, unit, measure and
period, the precise one has at least as many digits, and they are within a
quarter of each other. The link is the reader's inference: uncertain.
"""

from __future__ import annotations

import re

from validator.exact import Q
from validator.extract.found import Claim
from validator.extract.measures import HUMAN, compatible, measure, same_measure
from validator.extract.mentions import Mention
from validator.extract.sentences import Sentence
from validator.numbers import Kind

_RELATIVE = re.compile(
    r"\b(?:a\s+(?:year|month|week|quarter|day)\s+(?:earlier|before|ago)|(?:last|previous|prior)\s+(?:year|month|week|"
    r"quarter|season)|the\s+(?:year|month|week)\s+before)\b",
    re.I,
)


def claims(sentences: list[Sentence], mentions, used: set[int]) -> list[Claim]:
    """'More than 2 million passengers' ... '2,002,078 passengers': a figure of the title, the lead or with a
    qualifier, restating a more precise one of the same measure and period elsewhere in the article."""
    out: list[Claim] = []
    taken: set[int] = set()
    figures = [m for s in sentences for m in mentions[s.index] if m.is_amount and m.kind in (Kind.NUMBER, Kind.PERCENT)]
    lead = {s.index for s in sentences if s.block <= 1}
    for m in figures:
        if id(m) in used or id(m) in taken or m.written.value == 0:
            continue
        if not (m.qualifier or m.sentence in lead):
            continue
        matches = [p for p in figures if p is not m and id(p) not in taken and _restates(m, p, sentences)]
        if len(matches) != 1:
            continue
        p = matches[0]
        taken.update((id(m), id(p)))
        claim = Claim("restatement", {"value": p, "as": m}, m.quote_start, m.noun_end or m.end, m.sentence,
                      wording=None, confidence=0.6)  # fmt: skip
        claim.assume(f"'{m.text}' taken to restate '{p.text}', the same measure and period")
        out.append(claim)
    return out


def _restates(m: Mention, p: Mention, sentences: list[Sentence]) -> bool:
    """p is the precise figure m repeats: same kind, unit, measure and period, more digits, close in value."""
    if p.kind is not m.kind or not compatible(p, m) or p.sentence == m.sentence:
        return False
    if p.written.significant < m.written.significant or p.written.value == 0:
        return False
    if p.period and m.period and p.period != m.period:
        return False
    if _RELATIVE.search(sentences[p.sentence].text) or _RELATIVE.search(sentences[m.sentence].text):
        return False  # 'A year earlier, 9,029 students': a figure of another period, not the same one restated
    if abs(sentences[p.sentence].block - sentences[m.sentence].block) > 6:
        return False
    ratio = p.written.value / m.written.value
    if not (Q(4, 5) <= ratio <= Q(5, 4)):
        return False
    same = same_measure(p, m)
    if same is None:
        return Q(49, 50) <= ratio <= Q(51, 50)  # no noun to compare: only a near-identical figure
    return same or measure(p) in HUMAN and measure(m) in HUMAN
