"""The whole a share is of, when the article states it elsewhere.

* a share of an unstated whole ('Phil Goode 7286 (18.91%)') is of the total of
  its kind stated before it, a figure said to be a total ('38,520 votes were
  cast', 'totalled 17,227', 'a total of 1,200'), nearest first; without such a
  word, the one candidate of its paragraph or the one before;
* '80% of those cases' is of the part and whole stated just before ('12 of the
  15 countries'); 'over 60 percent of the exhibitors' of the one count of
  exhibitors the article states;
* 'the proportion of international exhibitors ... 35 percent' is a share of
  the exhibitors the article counts;
* a margin given as a percent ('cut the lead to 96 votes, or 0.4 percent') is
  a share of the two figures it lies between, whose sum is an implied total.

Every such link is the reader's inference: the claims are marked uncertain.
"""

from __future__ import annotations

import re

from validator.extract.found import Claim, Implied
from validator.extract.measures import HUMAN, compatible, head, measure, same_measure
from validator.extract.mentions import Mention
from validator.extract.relations import part_whole_pairs
from validator.extract.sentences import Sentence
from validator.numbers import Kind


def link(claims: list[Claim], sentences: list[Sentence], mentions, year: int | None) -> list[Claim]:
    """Fill the wholes of share claims; the sum claims that margins as shares imply."""
    for claim in claims:
        if claim.rule == "share":
            _whole(claim, claims, sentences, mentions)
    return _margins_as_shares(claims, sentences, mentions) + _proportions(claims, sentences, mentions, year)


def _whole(claim: Claim, claims: list[Claim], sentences: list[Sentence], mentions) -> None:
    """A share of an unstated whole: the total of its kind stated before it ('38,520 votes were cast', 'a total of
    1,200 exhibitors'), nearest first, in its paragraph or the few before; without a word of totals, only the one
    candidate of its paragraph or the one before."""
    part, whole = claim.fields.get("part"), claim.fields.get("whole")
    if isinstance(whole, Implied) and claim.label and (isinstance(part, Implied) or re.match(r"them|those|these", claim.label)):
        _named_whole(claim, claims, sentences, mentions)
        return
    if not isinstance(whole, Implied) or not isinstance(part, Mention) or part.kind is not Kind.NUMBER:
        return
    here = sentences[claim.sentence]
    sibling = _sibling_whole(claim, claims, sentences)
    if sibling is not None:  # 'Phil Goode 7286 (18.91%)', 'Alexa Scholl 7224 (18.75%)': a list shares its whole
        claim.fields["whole"] = sibling
        claim.assume(f"'{sibling.text}' taken as the whole, as for the line before")
        return
    before = [s for s in sentences if s.index < here.index and here.block - s.block <= _WHOLE_REACH]
    cued, near = [], []
    for s in reversed(before + [here]):
        for m in reversed(mentions[s.index]):
            if s is here and m.start >= part.start:
                continue
            if not m.is_amount or m.kind is not Kind.NUMBER or not compatible(m, part):
                continue
            if m.written.value <= part.written.value or same_measure(m, part) is False and not _people(m, part):
                continue
            if _is_total(s, m):
                cued.append(m)
            elif here.block - s.block <= 1:
                near.append(m)
    pick = cued[0] if cued else (near[0] if len(near) == 1 else None)
    if pick is None:
        return
    claim.fields["whole"] = pick
    claim.assume(f"'{pick.text}' taken as the whole, the total stated before")


def _named_whole(claim: Claim, claims: list[Claim], sentences: list[Sentence], mentions) -> None:
    """'80% of those cases' takes the part and whole just before it ('12 of the 15 countries'); 'over 60 percent of
    the exhibitors' takes the one count of exhibitors the article states before it."""
    det, _, noun = claim.label.partition(" ")
    if det in ("those", "these", "them"):
        here = sentences[claim.sentence]
        part = claim.fields.get("part")
        before = [m for m in mentions[here.index] if m.is_amount and m.kind is Kind.NUMBER and m.end <= claim.start
                  and (not isinstance(part, Mention) or compatible(m, part) and m.written.value >= part.written.value)]  # fmt: skip
        if len(before) == 1:  # 'enrolled 25,521 students, and 44 per cent of them came from overseas'
            claim.fields["whole"] = before[0]
            claim.notes.append(f"'{before[0].text}' as the whole, which '{det}' points back to")
            return
        for s in reversed(sentences[max(0, claim.sentence - 2) : claim.sentence]):
            pairs = part_whole_pairs(s.text, s.start, mentions[s.index])
            if pairs:
                claim.fields["part"], claim.fields["whole"] = pairs[-1]
                claim.notes.append("the share is of the part and whole stated just before, which 'those' points at")
                return
        return
    wanted = head(noun)
    if not wanted:
        return
    found = [m for s in sentences[: claim.sentence] for m in mentions[s.index]
             if m.is_amount and m.kind is Kind.NUMBER and measure(m) == wanted]  # fmt: skip
    if len(found) == 1:
        claim.fields["whole"] = found[0]
        claim.fields["part"] = Implied(noun, found[0].period, found[0], "part")
        claim.assume(f"'{found[0].text}' taken as the whole, the one count of {noun} stated before")


_WHOLE_REACH = 8  # paragraphs back a figure said to be a total may be


def _sibling_whole(claim: Claim, claims: list[Claim], sentences: list[Sentence]) -> Mention | None:
    """The whole of the share just before, when it is a line of the same list (a count and its percent)."""
    prev = [c for c in claims if c.rule == "share" and c is not claim and 0 < claim.sentence - c.sentence <= 1
            and isinstance(c.fields.get("whole"), Mention) and isinstance(c.fields.get("part"), Mention)]  # fmt: skip
    part = claim.fields["part"]
    for c in prev:
        whole = c.fields["whole"]
        if compatible(whole, part) and whole.written.value >= part.written.value and same_measure(c.fields["part"], part) is not False:
            return whole
    return None
_TOTAL_BEFORE = re.compile(r"\b(?:total(?:l?ed|ing|s)?(?:\s+of)?|a\s+combined|overall|all\s+told|in\s+all)\s+(?:\w+\s+)?$", re.I)
_TOTAL_AFTER = re.compile(
    r"^(?:\s+[a-z-]+){0,3}?\s+(?:(?:were|was|have\s+been|had\s+been)\s+(?:cast|counted|registered|enrolled|returned)|"
    r"took\s+part|in\s+(?:all|total)|altogether|overall|in\s+the\s+(?:whole|entire))\b",
    re.I,
)


def _is_total(s: Sentence, m: Mention) -> bool:
    """Said to be a total: 'totalled 17,227', 'a total of 1,200', '38,520 votes were cast', '102,665 ... took part'."""
    before = s.text[max(0, m.quote_start - s.start - 30) : m.quote_start - s.start]
    after = s.text[m.end - s.start : m.end - s.start + 50]
    return bool(_TOTAL_BEFORE.search(before) or _TOTAL_AFTER.match(after))


def _people(a: Mention, b: Mention) -> bool:
    """Votes and ballots, residents and people: counts of the same kind for a whole."""
    people = HUMAN | {"individual", "vote", "ballot"}
    return measure(a) in people and measure(b) in people


# ------------------------------------------------------------------ proportions
_PROPORTION = re.compile(
    r"\b(?:the\s+)?(?:proportion|share|percentage)\s+of\s+(?P<noun>(?:[a-z-]+\s+){0,3}?[a-z-]+s)\b", re.I
)


def _proportions(claims: list[Claim], sentences: list[Sentence], mentions, year: int | None) -> list[Claim]:
    """'The proportion of international exhibitors ... to 35 percent this year': a share of the exhibitors the
    article counts (the one count of them it states before)."""
    out = []
    shares = {id(c.fields.get("share")) for c in claims if c.rule == "share"}
    for s in sentences:
        pm = _PROPORTION.search(s.text)
        if not pm:
            continue
        wanted = head(pm.group("noun"))
        found = [m for t in sentences[: s.index] for m in mentions[t.index]
                 if m.is_amount and m.kind is Kind.NUMBER and measure(m) == wanted]  # fmt: skip
        if len(found) != 1:
            continue
        whole = found[0]
        for m in mentions[s.index]:
            if m.is_amount and m.kind is Kind.PERCENT and id(m) not in shares and m.period in (None, whole.period, str(year)):
                part = Implied(pm.group("noun"), whole.period, whole, "part")
                claim = Claim("share", {"part": part, "whole": whole, "share": m}, s.start + pm.start(), m.end, s.index,
                              confidence=0.6, notes=[f"the whole is the {whole.text} {whole.noun} stated earlier"])  # fmt: skip
                claim.assume(f"'{m.text}' taken as a share of the {whole.text} {whole.noun} stated before")
                out.append(claim)
    return out


# ------------------------------------------------------------------ margins
_MARGIN_BEFORE = re.compile(r"\b(?:margin|lead|gap|difference|edge|advantage)\b[^.;«]{0,30}$", re.I)
_MARGIN_AFTER = re.compile(r"^[-\s]*(?:[a-z]+[-\s]+)?(?:margin|lead|gap|edge|advantage)\b", re.I)
_CONTEST = re.compile(
    r"(?:\bby|\b(?:won|wins|beat|beats|defeated|led|leads|leading|trailed|trails|lost|loses)\b[^.;]{0,30}?)\s+"
    r"(?P<a>[\d,]+)\s*(?:to|-|\u2013)\s*(?P<b>[\d,]+)\b",
    re.I,
)


def _margins_as_shares(claims: list[Claim], sentences: list[Sentence], mentions) -> list[Claim]:
    """'ahead by 12,480 to 11,960, a margin of 520 votes' ... 'cut the lead to 96 votes, or 0.4 percent': a margin
    as a share of the two figures it lies between, so the whole is their sum (a sum claim with an implied total)."""
    out = []
    margins = [c for c in claims if c.rule == "difference" and not c.missing("larger") and not c.missing("smaller")]
    for share in claims:
        part = share.fields.get("part")
        if share.rule != "share" or not isinstance(share.fields.get("whole"), Implied) or not isinstance(part, Mention):
            continue
        s = sentences[share.sentence]
        said = bool(_MARGIN_BEFORE.search(s.text[max(0, part.quote_start - s.start - 60) : part.quote_start - s.start])
                    or _MARGIN_AFTER.match(s.text[(part.noun_end or part.end) - s.start :]))  # fmt: skip
        if not said:
            continue
        found = [(c.fields["larger"], c.fields["smaller"]) for c in margins
                 if abs(share.sentence - c.sentence) <= 2 and compatible(c.fields["larger"], part)]  # fmt: skip
        if not found:
            found = [pair for t in sentences[max(0, share.sentence - 2) : share.sentence + 1]
                     for pair in _contest(t, mentions[t.index]) if part not in pair and compatible(pair[0], part)]  # fmt: skip
        if len(found) != 1:
            continue
        larger, smaller = found[0]
        total = Implied(part.noun or larger.noun, larger.period, larger, "total")
        a, b = min(larger.quote_start, smaller.quote_start), max(larger.end, smaller.end)
        out.append(Claim("sum", {"parts": [larger, smaller], "total": total}, a, b, larger.sentence, confidence=0.55,
                         notes=["the total is not stated: the two figures together"]))  # fmt: skip
        share.fields["whole"] = total
        why = f"the margin as a share of the two figures it lies between, {larger.text} + {smaller.text}"
        if sentences[larger.sentence].block == s.block:
            share.notes.append(why)  # the article states the margin and its two figures together
        else:
            share.assume(why)
    return out


def _contest(s: Sentence, ms: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'won 5,210 to 4,980', 'led Jones by 4,120 to 3,980': the two figures of a contest, larger first."""
    out = []
    for m in _CONTEST.finditer(s.text):
        a = next((x for x in ms if x.start == s.start + m.start("a") and x.is_amount), None)
        b = next((x for x in ms if x.start == s.start + m.start("b") and x.is_amount), None)
        if a is not None and b is not None and a.kind is Kind.NUMBER and compatible(a, b):
            out.append((a, b) if a.written.value >= b.written.value else (b, a))
    return out
