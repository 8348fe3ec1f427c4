"""Links across sentences: the figures a claim names but states elsewhere.

A claim whose earlier or later figure, or whole, is not in its own sentence
takes it from the article, by one of these general rules, tried in order:

* *anaphora*: a sentence that opens with "That", "This", "It", "The figure",
  "The total", "Those numbers" ... points at the previous sentence; the figure
  there of the same kind (same currency or noun) is the claim's later figure
  ("The port handled 4.1 million containers. That was 12 percent more than in
  2023, when it handled 3.9 million."). The article's own words make this
  link: it is certain.
* *stated beats implied*: an earlier figure the claim names by its period or
  its measure ("a 25 percent rise from 2016's attendance") is the figure of
  that measure and period the article states elsewhere ("attendance slipped to
  957,000 in 2016"); a share's unstated whole is the total of its kind stated
  before it ("38,520 votes were cast" ... "Phil Goode 7286 (18.91%)"). These
  links are the reader's inference, not the article's words: uncertain.
* *restatement*: a rounded or qualified figure ("more than 2 million
  passengers") that repeats a precise one of the same measure and period
  ("2,002,078 passengers") is checked against it (uncertain).

Links reach within the paragraph and to the one before it. A claim that finds
no partner keeps its implied figure, never a guess. A figure is linked to at
most one claim as the same role, so two claims never share one pair of
figures unless the text says so.
"""

from __future__ import annotations

import re

from validator.extract import rates
from validator.extract.found import Claim, Implied
from validator.extract.mentions import Mention
from validator.extract.periods import PREVIOUS, read_period
from validator.extract.sentences import Sentence
from validator.extract.units import currency_of, measuring_unit
from validator.exact import Q
from validator.numbers import Kind

_ANAPHOR = re.compile(
    r"^\s*(?:(?:and|but|so|yet)\s+)?(?:that|this|it|which|these|those(?:\s+numbers|\s+figures)?|the\s+(?:[\w'-]+\s+){0,2}?"
    r"(?P<noun>figure|total|number|amount|tally|count|sum|result|rise|increase|gain|fall|drop|decline))\b",
    re.I,
)
_STOP = frozenset(
    """the a an of and or in on at for to from by with as is was are were be been its their his her our this that
    these those than more less number total amount figure figures level levels new year years month months week
    weeks last previous same period time per cent percent""".split()
)


def link(claims: list[Claim], sentences: list[Sentence], mentions: list[list[Mention]], year: int | None) -> None:
    """Fill the unstated figures of ``claims`` from the rest of the article; add restatement and rate claims."""
    used = {id(f) for c in claims for f in c.stated()}
    _plural_anaphora(claims, sentences, mentions)
    for claim in claims:
        if claim.rule in ("percent-change", "percentage-points", "from-to", "multiple", "difference"):
            _anaphora(claim, claims, sentences, mentions, used)
    _companions_share_links(claims)
    for claim in claims:
        if claim.rule in ("percent-change", "percentage-points", "from-to"):
            _same_change(claim, claims, sentences)
    _companions_share_links(claims)
    for claim in claims:
        if claim.rule in ("percent-change", "percentage-points", "from-to", "multiple"):
            _stated_base(claim, sentences, mentions, used)
        elif claim.rule == "share":
            _whole(claim, claims, sentences, mentions)
    _companions_share_links(claims)
    for claim in list(claims):
        if claim.of_rates and claim.missing("from", "to"):
            claims.extend(rates.per_capita(claim, sentences, mentions, used))
    claims.extend(rates.stated(sentences, mentions, claims))
    claims.extend(_restatements(sentences, mentions, used, year))


# ------------------------------------------------------------------ measures
def head(noun: str | None) -> str | None:
    """The head word of a noun phrase, singular: 'new confirmed cases' -> 'case'."""
    noun = re.split(r"\s(?:per|a|an|each|every)\s", noun or "")[0]  # 'cases per day' counts cases
    words = [w for w in re.findall(r"[a-z]+", noun.lower()) if w not in _STOP]
    nouns = [w for w in words if not re.search(r"(?:ed|en)$", w)]  # 'ballots returned', 'cases reported'
    if not words:
        return None
    return _singular((nouns or words)[-1])


def _singular(word: str) -> str:
    for end, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)] + repl
    return word


def measure(m: Mention) -> str | None:
    """What a figure counts: its noun's head, or what the sentence says it is of ('exports ... $186 billion')."""
    return head(m.noun) or head(m.subject)


def compatible(a: Mention, b: Mention) -> bool:
    """Two levels that can be compared: both percentages, or amounts of one currency and unit (or neither)."""
    if a.kind is Kind.PERCENT and b.kind is Kind.PERCENT:
        return True
    if a.kind is not Kind.NUMBER or b.kind is not Kind.NUMBER:
        return False
    ua, ub = measuring_unit(a), measuring_unit(b)
    return currency_of(a) == currency_of(b) and (ua == ub or ua is None or ub is None)


def same_measure(a: Mention, b: Mention) -> bool | None:
    """True when both name the same thing, False when they name different things, None when one names nothing."""
    ma, mb = measure(a), measure(b)
    if ma is None or mb is None:
        return None
    return ma == mb


# ------------------------------------------------------------------ anaphora
def _anaphora(claim: Claim, claims: list[Claim], sentences: list[Sentence], mentions, used: set[int]) -> None:
    """'That was 12 percent more than ...': the later figure is the previous sentence's figure of that kind."""
    role = "larger" if claim.rule == "difference" else "to"
    if isinstance(claim.fields.get(role), Mention) or claim.sentence == 0:
        return
    s = sentences[claim.sentence]
    lead = s.text[: max(0, claim.start - s.start)]
    if not _ANAPHOR.match(s.text) or re.search(r"\d", lead[:40]) and not _ANAPHOR.match(lead):
        return
    other = claim.fields.get("from") if role == "to" else claim.fields.get("smaller")
    like = other if isinstance(other, Mention) else None
    change = claim.fields.get("change") or claim.fields.get("difference")
    named = re.match(r"\s*the\s+([\w'-]+)\s+(?:figure|total|number|tally|count)", s.text, re.I)
    bases = {id(c.fields.get("from")) for c in claims} | {id(c.fields.get("smaller")) for c in claims}
    for back in (1, 2) if named else (1,):
        prev = sentences[claim.sentence - back] if claim.sentence - back >= 0 else None
        if prev is None or prev.block not in (s.block, s.block - 1):
            return
        if named and back == 1 and not re.search(rf"\b{re.escape(named.group(1))}\b", prev.text, re.I):
            continue  # 'The October figure': the sentence before that names October
        candidates = [m for m in mentions[prev.index] if m.is_amount and _level_like(m, like, change)]
        if like is not None:
            candidates = [m for m in candidates if same_measure(m, like) is not False]
        if len(candidates) > 1:  # the figure the sentence is about, not the one it compares it with
            candidates = [m for m in candidates if id(m) not in bases] or candidates
        if len(candidates) == 1:
            claim.fields[role] = candidates[0]
            claim.notes.append(f"'{candidates[0].text}' from the sentence before, which the claim points back to")
        return


_PLURAL = re.compile(r"^\s*(?:these|those)(?:\s+(?:numbers|figures|totals|counts))?\b", re.I)


def _plural_anaphora(claims: list[Claim], sentences: list[Sentence], mentions) -> None:
    """'... to 2,857,367, with an average crowd of 35,276. Those numbers are down from the total of 2,980,549 and
    average of 36,797': the figures 'those' points at, taken in order, are the later figures."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        if c.rule == "from-to" and isinstance(c.fields.get("to"), Implied) and isinstance(c.fields.get("from"), Mention):
            by_sentence.setdefault(c.sentence, []).append(c)
    for index, group in by_sentence.items():
        s = sentences[index]
        if len(group) < 2 or index == 0 or not _PLURAL.match(s.text):
            continue
        prev = sentences[index - 1]
        bases = {id(c.fields.get("from")) for c in claims if c.sentence == prev.index}
        levels = [m for m in mentions[prev.index] if m.is_amount and m.kind is Kind.NUMBER and id(m) not in bases]
        levels = [m for m in levels if all(compatible(m, c.fields["from"]) for c in group)]
        if len(levels) != len(group):
            continue
        for c, m in zip(sorted(group, key=lambda c: c.start), levels, strict=True):
            c.fields["to"] = m
            c.notes.append(f"'{m.text}' from the sentence before, which 'those' points back to")


def _level_like(m: Mention, like: Mention | None, change) -> bool:
    if m.kind not in (Kind.NUMBER, Kind.PERCENT) or m.is_share_word:
        return False
    if like is not None:
        return compatible(m, like)
    if isinstance(change, Mention) and change.kind is Kind.NUMBER:
        return m.kind is Kind.NUMBER and currency_of(m) == currency_of(change)
    if isinstance(change, Mention) and change.kind is Kind.POINTS:
        return m.kind is Kind.PERCENT
    return m.kind is Kind.NUMBER


def _companions_share_links(claims: list[Claim]) -> None:
    """Claims that share an implied figure ('fell $6.92, or 4.1%') share what linking found for either."""
    groups: dict[int, list[Claim]] = {}
    for c in claims:
        for key in ("from", "to"):
            f = c.fields.get(key)
            if isinstance(f, Implied):
                groups.setdefault(id(f), []).append(c)
    for c in claims:
        for other in claims:
            if other is c or other.sentence != c.sentence or other.start != c.start or other.end != c.end:
                continue
            for key in ("from", "to"):
                if isinstance(c.fields.get(key), Implied) and isinstance(other.fields.get(key), Mention):
                    c.fields[key] = other.fields[key]
                    if not other.certain:
                        c.assume(other.link or "a link across sentences")


# ------------------------------------------------------------------ one change said twice
_CHANGE_FAMILY = ("percent-change", "percentage-points", "from-to")


def _same_change(claim: Claim, claims: list[Claim], sentences: list[Sentence]) -> None:
    """'In January 2013, exports rose by 0.82 percent to $25.5 billion.' ... 'Exports rose by around $207.4 million
    in January 2013': a change stated without its figures takes those of the same change stated before, the same
    thing (what changed, and when) or the same noun of change ('a discount of 18%' ... 'The true discount is 15%')."""
    if not claim.missing("from", "to"):
        return
    here = sentences[claim.sentence]
    change = claim.fields.get("change")
    subject = head(claim.subject)
    noun = _change_noun(claim.wording)
    best = None
    for other in claims:
        if other is claim or other.rule not in _CHANGE_FAMILY or other.missing("to") or other.missing("from"):
            continue
        if other.sentence >= claim.sentence or here.block - sentences[other.sentence].block > 3:
            continue
        if not _levels_fit(other, change):
            continue
        same_thing = subject is not None and subject == head(other.subject) and _periods_agree(claim, other)
        same_noun = noun is not None and noun == _change_noun(other.wording) and claim.sentence - other.sentence <= 3
        if same_thing or same_noun:
            if best is None or other.sentence > best.sentence:
                best = other
    if best is None:
        return
    claim.fields["from"], claim.fields["to"] = best.fields["from"], best.fields["to"]
    claim.assume(f"the change is the one stated before, from '{best.fields['from'].text}' to '{best.fields['to'].text}'")


def _change_noun(wording: str | None) -> str | None:
    m = re.search(r"\b(discount|markdown|increase|rise|gain|jump|drop|decline|decrease|fall|cut|reduction|growth)\b",
                  wording or "", re.I)  # fmt: skip
    return m.group(1).lower() if m else None


def _levels_fit(other: Claim, change) -> bool:
    to = other.fields["to"]
    if not isinstance(change, Mention) or not isinstance(to, Mention):
        return False
    if change.kind is Kind.NUMBER:
        return to.kind is Kind.NUMBER and currency_of(to) == currency_of(change)
    if change.kind is Kind.POINTS:
        return to.kind is Kind.PERCENT
    return to.kind in (Kind.NUMBER, Kind.PERCENT)


def _periods_agree(a: Claim, b: Claim) -> bool:
    pa = a.fields.get("to").period if isinstance(a.fields.get("to"), Mention) else None
    pb = b.fields.get("to").period if isinstance(b.fields.get("to"), Mention) else None
    return pa is None or pb is None or pa == pb


# ------------------------------------------------------------------ stated beats implied
def _stated_base(claim: Claim, sentences: list[Sentence], mentions, used: set[int]) -> None:
    """'a 25 percent rise from 2016's attendance': the earlier figure the article states for that period."""
    frm, to = claim.fields.get("from"), claim.fields.get("to")
    if not isinstance(frm, Implied) or not isinstance(to, Mention):
        return
    words = frm.base_words or ""
    period = frm.period
    named = head(re.sub(r"^(?:from|on|over|than|compared\s+(?:with|to)|versus|against|since)\s+", "", words, flags=re.I))
    if period is None or not re.fullmatch(r"(?:1[89]|20)\d\d", period):
        return
    found = []
    for s in _reach(claim.sentence, sentences):
        for m in mentions[s.index]:
            if m is to or not m.is_amount or not compatible(m, to) or m.period != period:
                continue
            if m.written.value == 0:
                continue
            same = same_measure(m, to)
            named_match = named is not None and named in (measure(m), head(m.subject))
            if same is False and not named_match:
                continue
            if same is None and not named_match:
                continue
            found.append(m)
    if len(found) != 1:
        return
    claim.fields["from"] = found[0]
    claim.assume(f"'{found[0].text}' ({period}, in another sentence) taken as the earlier figure")


def _reach(index: int, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences a link may reach: the article, nearest first, within two paragraphs either way."""
    here = sentences[index]
    near = [s for s in sentences if s.index != index and abs(s.block - here.block) <= 2]
    return sorted(near, key=lambda s: (abs(s.index - index), s.index > index))


# ------------------------------------------------------------------ wholes
def _whole(claim: Claim, claims: list[Claim], sentences: list[Sentence], mentions) -> None:
    """A share of an unstated whole: the total of its kind stated before it ('38,520 votes were cast', 'a total of
    1,200 exhibitors'), nearest first, in its paragraph or the few before; without a word of totals, only the one
    candidate of its paragraph or the one before."""
    part, whole = claim.fields.get("part"), claim.fields.get("whole")
    if not isinstance(whole, Implied) or not isinstance(part, Mention) or part.kind is not Kind.NUMBER:
        return
    here = sentences[claim.sentence]
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


_WHOLE_REACH = 4  # paragraphs back a stated total may be
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
    people = {"people", "person", "resident", "adult", "individual", "voter", "vote", "ballot"}
    return measure(a) in people and measure(b) in people


# ------------------------------------------------------------------ restatements
_HUMAN = {"people", "person", "visitor", "attendee", "passenger", "traveler", "traveller", "fan", "spectator",
          "participant", "resident", "adult", "voter", "student", "worker", "employee", "member", "exhibitor",
          "customer", "user", "patient", "child", "pupil", "citizen", "tourist", "guest", "crowd"}  # fmt: skip


def _restatements(sentences: list[Sentence], mentions, used: set[int], year: int | None) -> list[Claim]:
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
    if abs(sentences[p.sentence].block - sentences[m.sentence].block) > 6:
        return False
    ratio = p.written.value / m.written.value
    if not (Q(4, 5) <= ratio <= Q(5, 4)):
        return False
    same = same_measure(p, m)
    if same is None:
        return Q(49, 50) <= ratio <= Q(51, 50)  # no noun to compare: only a near-identical figure
    return same or measure(p) in _HUMAN and measure(m) in _HUMAN


__all__ = ["link", "measure", "head", "compatible", "PREVIOUS", "read_period"]
