"""Differences (SU02) and comparisons (CO01) within one sentence.

A *difference* states by how much one figure exceeds another:

* a margin: "won 5,210 to 4,980, a margin of 230 votes", "won 90 seats to
  the opposition's 65, a margin of 15", "40 seats versus 39, a difference of
  3", "25.25 million ... and 38.13 million, a difference of 4.29 million";
* a contest won by an amount: "led its nearest rival by $0.2bn, $12.5bn to
  $12.1bn";
* a gap named between two figures: "the gap between the museum (15.41
  million visitors) and the science centre (14.4 million) was 510,000".

(An amount "more than", "short of" or "above" another, or "beat ... by" it,
is read as a change between the two by :mod:`validator.extract.relations`.)

A *comparison* says one figure is above another without saying by how much:
"surpassing the previous record of 17.3 million", "fell short of the record
of 10.4 million", "beat the 2.7 percent gain".
"""

from __future__ import annotations

import re

from validator.extract.found import Claim
from validator.extract.relations import POSS, Reading, compatible
from validator.numbers import Kind

_MARGIN = re.compile(
    rf"«N(?P<a>\d+)»[^«;]{{0,40}}?[\s,]+(?:to|versus|vs\.?|against|compared\s+(?:with|to))\s+(?:the\s+)?{POSS}«N(?P<b>\d+)»"
    rf"[^«;]{{0,40}}?,?\s*(?:that\s+is,\s*|or\s+)?(?:a|the)?\s*(?:margin|difference|gap|lead)\s+of\s+«N(?P<d>\d+)»",
    re.I,
)
_AND_DIFFERENCE = re.compile(
    r"«N(?P<a>\d+)»[^«;]{0,60}?\band\b[^«;]{0,60}?«N(?P<b>\d+)»[^«;]{0,30}?,\s*(?:a|the)\s+(?:difference|gap)\s+of\s+"
    r"«N(?P<d>\d+)»",
    re.I,
)
_CONTEST_BY = re.compile(
    r"\bby\s+(?:about\s+|some\s+|nearly\s+|just\s+)?«N(?P<d>\d+)»[^«;]{0,30}?,\s*«N(?P<a>\d+)»\s+to\s+«N(?P<b>\d+)»", re.I
)
_GAP_BETWEEN = re.compile(
    r"\b(?:gap|difference|margin)\s+between\s+[^«;]{0,60}?«N(?P<a>\d+)»[^«;]{0,60}?\band\b[^«;]{0,60}?«N(?P<b>\d+)»"
    r"[^«;]{0,50}?\b(?:was|is|stood\s+at|came\s+to|of|at)\s+(?:about\s+|some\s+|nearly\s+|just\s+)?«N(?P<d>\d+)»",
    re.I,
)
_NOT_ORDER = {"from", "up from", "down from", "compared with", "compared to", "versus", "vs", "vs.", "against",
              "relative to", "than"}  # fmt: skip


def differences(r: Reading) -> list[Claim]:
    """The difference claims of one sentence (unsigned: the larger is the larger of the two stated)."""
    sh, out = r.sh, []
    for pattern, wording in ((_MARGIN, "a margin of"), (_AND_DIFFERENCE, "a difference of"), (_CONTEST_BY, "by"),
                             (_GAP_BETWEEN, "the gap between")):  # fmt: skip
        for m in pattern.finditer(sh.shape):
            a, b, d = (int(m.group(k)) for k in ("a", "b", "d"))
            if {a, b, d} & r.used or not all(sh.at(k).kind is Kind.NUMBER for k in (a, b, d)):
                continue
            if not compatible(sh.at(a), sh.at(b)) or not compatible(sh.at(a), sh.at(d)):
                continue
            larger, smaller = (a, b) if sh.at(a).written.value >= sh.at(b).written.value else (b, a)
            r.used.update((a, b, d))
            out.append(Claim("difference", {"larger": sh.at(larger), "smaller": sh.at(smaller), "difference": sh.at(d)},
                             *sh.span(m.start(), m.end()), r.sentence, wording=wording, confidence=0.8))  # fmt: skip
    return out


def comparisons(r: Reading) -> list[Claim]:
    """'surpassing the previous record of 17.3 million', 'beat the 2.7 percent gain', 'fell short of 10.4 million'."""
    sh, out = r.sh, []
    for j, role in enumerate(r.roles):
        if role.kind != "base" or j in r.used or role.word.lower() in _NOT_ORDER:
            continue
        if any(lo <= sh.token_at[j] < hi for lo, hi in r.change_scopes()):
            continue
        subject = r.apposed(role.at, r.clause_start(j), [], exclude={j})
        if subject is None:
            before = [k for k in range(j) if r.inside(k, r.clause_start(j), role.at)
                      and r.roles[k].kind in ("", "equals") and k not in r.used]  # fmt: skip
            subject = before[-1] if len(before) == 1 else None
        if subject is None or not compatible(sh.at(subject), sh.at(j)):
            continue
        sign = _order_sign(role.word)
        if sign is None:
            continue
        larger, smaller = (subject, j) if sign > 0 else (j, subject)
        r.used.update((subject, j))
        out.append(Claim("comparison", {"larger": sh.at(larger), "smaller": sh.at(smaller)},
                         *sh.span(min(sh.token_at[subject], role.at), sh.token_end(j)), r.sentence,
                         wording=role.word, confidence=0.75))  # fmt: skip
    return out


def _order_sign(word: str) -> int | None:
    """+1 when the word says the first figure is the larger ('beat', 'surpassing', 'above'), -1 for the smaller."""
    low = " ".join(word.lower().split())
    if re.match(r"beat|surpass|top|exceed|outstrip|eclips|ahead", low):
        return 1
    if re.match(r"short|behind", low):
        return -1
    return None
