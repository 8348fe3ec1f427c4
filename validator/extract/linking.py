"""Links across sentences: the other figure of a change, the whole of a share.

News copy often states a change in one sentence and its figures in the next
("a decrease of 0.04 percent." ... "Last year, 9,029 students enrolled."), or
restates a claim made just before ("may quadruple housing density"). Each
function here fills the missing figures of claims from sentences nearby
(:data:`REACH` sentences either way), by one general pattern:

* restatement: a claim with no figures of its own takes those of a nearby
  claim of the same family, about the same thing when it names one ("fell 7%
  for Goldman" takes the figures of "shares of Goldman Sachs fell $6.92");
* pairs: two figures set side by side nearby ("60%, versus 57% ... last
  elections"; "$13,777 for owners" and "$7,022 for owners"; 43 homicides in
  2016 and 36 in 2015);
* one side: a claim with one figure takes the other from a nearby figure of
  the same kind about the same noun ("up 3,990 percent from 22 won" and
  "around 900 won"), or from "That compared to 11,000";
* wholes: "65 percent of the exhibitors" takes the count of exhibitors the
  article states; "80% of those cases" takes the part and whole just before.

Whatever finds no partner stays as it was: a claim with implied figures, or
an unlinked quantity, never a guess.
"""

from __future__ import annotations

import re

from validator.extract import rates
from validator.extract.claims import Claim, Implied, comparison_pairs, part_whole_pairs, score_pairs
from validator.extract.mentions import NOUN_STOP, Mention
from validator.extract.sentences import Sentence
from validator.numbers import Kind

REACH = 2
_CHANGE_RULES = {"percent-change", "percentage-points", "from-to", "multiple"}
_STOP = NOUN_STOP | {"the", "a", "an", "and", "or", "of", "per", "number", "total", "amount", "average", "shares"}


def link(
    claims: list[Claim], sentences: list[Sentence], mentions: list[list[Mention]], year: int | None = None
) -> None:
    used = {id(v) for c in claims for v in c.stated()}
    for claim in claims:
        if claim.rule in ("percent-change", "percentage-points", "multiple"):
            if claim.missing("from", "to"):
                _restatement(claim, claims, sentences) or _pair(claim, sentences, mentions, used)
            elif claim.missing("to") or claim.missing("from"):
                _restatement(claim, claims, sentences) or _one_side(claim, sentences, mentions, used)
        elif claim.rule == "share" and claim.label:
            _whole(claim, sentences, mentions)
    claims.extend(_proportions(claims, sentences, mentions, year))
    claims.extend(_sums_as_wholes(claims, sentences, mentions))
    for claim in list(claims):
        if claim.of_rates and claim.missing("from", "to"):
            claims.extend(rates.per_capita(claim, sentences, mentions, used))
    claims.extend(rates.stated(sentences, mentions, claims))


def _near(claim_sentence: int, sentences: list[Sentence]) -> list[Sentence]:
    here = sentences[claim_sentence]
    near = [s for s in sentences if s.index != here.index and abs(s.index - here.index) <= REACH]
    return sorted(near, key=lambda s: (abs(s.index - here.index), s.index < here.index))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _restatement(claim: Claim, claims: list[Claim], sentences: list[Sentence]) -> bool:
    """A claim restated: take the figures of a nearby claim of the same family (about the same thing)."""
    family = {"multiple"} if claim.rule == "multiple" else _CHANGE_RULES - {"multiple"}
    near = {s.index for s in _near(claim.sentence, sentences)}
    to_have = claim.fields.get("to")
    for other in claims:
        if other is claim or other.sentence not in near or other.rule not in family:
            continue
        if not isinstance(other.fields.get("to"), Mention):
            continue
        if isinstance(to_have, Mention) and not to_have.same_number(other.fields["to"]):
            continue
        if claim.label and not _about(claim.label, other, claims, sentences):
            continue
        if not claim.label and claim.missing("from", "to") and not isinstance(other.fields.get("from"), Mention):
            continue
        claim.fields["from"], claim.fields["to"] = other.fields["from"], other.fields["to"]
        claim.confidence = min(claim.confidence, 0.6)
        claim.notes.append(f"figures from the sentence: {sentences[other.sentence].text[:80]}")
        return True
    return False


def _about(label: str, other: Claim, claims: list[Claim], sentences: list[Sentence]) -> bool:
    """Whether the words leading to ``other`` (since the claim before it) name ``label``."""
    s = sentences[other.sentence]
    before = [c.end for c in claims if c.sentence == other.sentence and c.end <= other.start]
    lead = s.text[(max(before) if before else s.start) - s.start : other.start - s.start]
    words = [w for w in re.findall(r"[\w.&]+", label) if w.lower() not in ("the", "of")]
    return bool(words) and all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", lead) for w in words)


def _pair(claim: Claim, sentences: list[Sentence], mentions: list[list[Mention]], used: set[int]) -> bool:
    change = claim.fields.get("change") or claim.fields.get("factor")
    near = _near(claim.sentence, sentences)
    everywhere = [m for s in near for m in mentions[s.index] if m.is_level and id(m) not in used and _fits(m, change)]
    for s in [*near, None]:
        if s is None:  # figures of different periods in different sentences: '43 homicides in 2016' ... '36 in 2015'
            pair = _by_period(everywhere)
        else:
            ms = [m for m in mentions[s.index] if m.is_level and id(m) not in used and _fits(m, change)]
            pair = (
                _side_by_side(s, mentions[s.index], ms)
                or _by_label(claim, s, sentences, mentions, used)
                or _by_than(claim, s, ms)
            )
        if pair:
            later, earlier = pair
            claim.fields["from"], claim.fields["to"] = earlier, later
            used.update((id(later), id(earlier)))
            claim.confidence = 0.6
            return True
    return False


def _fits(m: Mention, change: Mention | None) -> bool:
    if change is not None and change.kind is Kind.POINTS:
        return m.kind is Kind.PERCENT
    return m.kind in (Kind.NUMBER, Kind.PERCENT, Kind.FRACTION)


def _side_by_side(s: Sentence, all_mentions: list[Mention], ms: list[Mention]):
    for later, earlier in comparison_pairs(s.text, s.start, all_mentions):
        if later in ms and earlier in ms:
            return later, earlier
    return None


def _by_period(ms: list[Mention]):
    """Two figures of the same noun from different periods: the latest two, in order."""
    dated = [m for m in ms if m.period and m.noun and re.match(r"\d{4}", m.period)]
    for a in sorted(dated, key=lambda m: m.period, reverse=True):
        earlier = [b for b in dated if _same_noun(a, b) and _earlier(b.period, a.period)]
        if earlier:
            return a, max(earlier, key=lambda b: b.period)
    return None


def _by_than(claim: Claim, s: Sentence, ms: list[Mention]):
    """'Ten Times Less Than Planned For' ... '10,000 were planned for and 1,000 showed up'."""
    if claim.rule != "multiple" or not claim.label:
        return None
    words = _words(claim.label)
    for base in ms:
        after = s.text[base.end - s.start : base.end - s.start + 30]
        if words and words <= _words(" ".join(re.findall(r"[a-z]+", after.lower())[:3])):
            others = [m for m in ms if m is not base and m.kind is base.kind]
            if len(others) == 1:
                return others[0], base
    return None


def _earlier(p: str | None, q: str | None) -> bool:
    pa, qa = re.match(r"\d{4}", p or ""), re.match(r"\d{4}", q or "")
    return bool(pa and qa and pa.group() < qa.group())


def _same_noun(a: Mention, b: Mention) -> bool:
    return bool(a.noun and b.noun and _words(a.noun) & _words(b.noun))


def _by_label(claim: Claim, s: Sentence, sentences, mentions, used):
    """'96 percent higher for owners': the two figures 'for owners' nearby; the later one shares the subject."""
    if not claim.label:
        return None
    found = []
    for t in _near(claim.sentence, sentences):
        for m in mentions[t.index]:
            after = t.text[m.end - t.start : m.end - t.start + 40]
            if m.is_level and id(m) not in used and re.match(rf"\s+(?:for|at|in)\s+{re.escape(claim.label)}\b", after):
                found.append((m, t))
    if len(found) != 2 or found[0][1] is found[1][1]:
        return None
    claim_s = sentences[claim.sentence]
    subject = _words(claim_s.text[: claim.start - claim_s.start])
    (a, sa), (b, sb) = found
    oa, ob = len(subject & _words(sa.text)), len(subject & _words(sb.text))
    if oa == ob:
        return None
    return (a, b) if oa > ob else (b, a)


def _one_side(claim: Claim, sentences: list[Sentence], mentions: list[list[Mention]], used: set[int]) -> bool:
    have_to = isinstance(claim.fields.get("to"), Mention)
    known: Mention = claim.fields["to"] if have_to else claim.fields["from"]
    claim_s = sentences[claim.sentence]
    for s in _near(claim.sentence, sentences):
        if have_to:
            m = re.match(
                r"\s*(?:That|This|It|Which)\s+(?:compared?s?|was\s+up|was\s+down)\s+(?:to|with|from)\s+", s.text
            )
            if m and s.index == claim.sentence + 1:
                first = next((x for x in mentions[s.index] if x.is_level), None)
                if first and first.kind == known.kind:
                    claim.fields["from"] = first
                    claim.confidence = 0.65
                    return True
            continue
        for m in mentions[s.index]:
            if not m.is_level or id(m) in used or m.kind != known.kind or m.written.currency != known.written.currency:
                continue
            same = (
                _same_noun(m, known)
                if (m.noun and known.noun)
                else bool(_words(claim_s.text) & _words(s.text) - {"percent"})
            )
            if same:
                claim.fields["to"] = m
                used.add(id(m))
                claim.confidence = 0.6
                return True
    return False


def _whole(claim: Claim, sentences: list[Sentence], mentions: list[list[Mention]]) -> None:
    """'80% of those cases' takes the part and whole before it; '65 percent of the exhibitors' the count of exhibitors."""
    det, _, noun = claim.label.partition(" ")
    if det in ("those", "these", "them"):
        for s in sorted(_near(claim.sentence, sentences), key=lambda s: -s.index):
            if s.index > claim.sentence:
                continue
            pairs = part_whole_pairs(s.text, s.start, mentions[s.index])
            if pairs:
                claim.fields["part"], claim.fields["whole"] = pairs[-1]
                claim.confidence = 0.6
                return
        return
    whole = _unique_count(noun, sentences, mentions, before=claim.sentence)
    if whole is not None:
        claim.fields["whole"] = whole
        claim.fields["part"] = Implied(noun, whole.period, whole, "part")
        claim.confidence = 0.65


def _unique_count(noun: str, sentences, mentions, before: int) -> Mention | None:
    """The one count of ``noun`` the article states before sentence ``before``."""
    if not noun:
        return None
    head = noun.split()[-1].lower()
    found = [m for s in sentences[:before] for m in mentions[s.index]
             if m.is_amount and m.kind is Kind.NUMBER and m.noun and m.noun.split()[-1].lower() == head]  # fmt: skip
    return found[0] if len(found) == 1 else None


_MARGIN_WORDS = re.compile(r"\b(?:margin|lead|gap|difference|edge|advantage)\b[^.;]{0,30}$", re.I)
_MARGIN_AFTER = re.compile(r"^[-\s]*(?:[a-z]+[-\s]+)?(?:margin|lead|gap|edge|advantage)\b", re.I)


def _sums_as_wholes(claims: list[Claim], sentences: list[Sentence], mentions: list[list[Mention]]) -> list[Claim]:
    """'ahead by 2,909,135 to 2,907,351 ...' and 'cut the margin to 327 votes, or .00000056 percent': a margin as a
    share of the two figures it lies between, so the whole is their sum (a sum claim with an implied total)."""
    out = []
    margins = [c for c in claims if c.rule == "difference" and not c.missing("larger") and not c.missing("smaller")]
    for share in claims:
        part = share.fields.get("part")
        if share.rule != "share" or not isinstance(share.fields.get("whole"), Implied) or not isinstance(part, Mention):
            continue
        s = sentences[share.sentence]
        said_margin = bool(
            _MARGIN_WORDS.search(s.text[: part.quote_start - s.start])
            or _MARGIN_AFTER.match(s.text[(part.noun_end or part.end) - s.start :])
        )
        near = [c for c in margins if abs(c.sentence - share.sentence) <= REACH]
        found = [(c.fields["larger"], c.fields["smaller"], c) for c in near
                 if c.fields.get("difference") is part or said_margin and _comparable(c.fields, part)]  # fmt: skip
        if not found and said_margin:  # no margin stated: two figures of a contest ('won 5,210 to 4,980')
            for t in _near(share.sentence, sentences) + [s]:
                for larger, smaller in score_pairs(t.text, t.start, mentions[t.index]):
                    if part not in (larger, smaller) and _comparable({"larger": larger, "smaller": smaller}, part):
                        found.append((larger, smaller, None))
        if len(found) != 1:
            continue
        larger, smaller, diff = found[0]
        stated = diff.fields.get("difference") if diff else None
        noun = part.noun or (stated.noun if isinstance(stated, Mention) else None)
        for m in (larger, smaller):
            m.noun = m.noun or noun  # "by 2,909,135 to 2,907,351, or a margin of 1,784 votes": votes too
        total = Implied(noun or larger.noun, larger.period, larger, "total")
        if diff is not None:
            a, b, where = diff.start, diff.end, diff.sentence
        else:
            a, b, where = larger.quote_start, max(smaller.end, larger.end), larger.sentence
        out.append(Claim("sum", {"parts": [larger, smaller], "total": total}, min(a, larger.quote_start, smaller.quote_start),
                         b, where, confidence=0.55, notes=["the total is not stated: the two figures together"]))  # fmt: skip
        share.fields["whole"] = total
        share.confidence = min(share.confidence, 0.55)
        share.notes.append(
            f"the whole is the two figures of the margin together, {larger.text} + {smaller.text}: "
            "check that the percent is of them"
        )
    return out


def _comparable(fields: dict, part: Mention) -> bool:
    """A margin of the same kind of thing: votes and votes, or figures without a noun."""
    nouns = [m.noun for m in (fields["larger"], fields["smaller"], fields.get("difference"))
             if isinstance(m, Mention) and m.noun]  # fmt: skip
    if part.kind is not Kind.NUMBER or part.written.currency != fields["larger"].written.currency:
        return False
    return not nouns or not part.noun or any(_words(n) & _words(part.noun) for n in nouns)


_PROPORTION = re.compile(
    r"\b(?:the\s+)?(?:proportion|share|percentage)\s+of\s+(?P<noun>(?:[a-z-]+\s+){0,3}?[a-z-]+s)\b", re.I
)


def _proportions(
    claims: list[Claim], sentences: list[Sentence], mentions: list[list[Mention]], year: int | None
) -> list[Claim]:
    """'The proportion of international exhibitors ... to 35 percent this year': a share of the exhibitors."""
    out = []
    shares = {id(c.fields.get("share")) for c in claims if c.rule == "share"}
    for s in sentences:
        pm = _PROPORTION.search(s.text)
        if not pm:
            continue
        whole = _unique_count(pm.group("noun"), sentences, mentions, before=s.index)
        if whole is None:
            continue
        for m in mentions[s.index]:
            if (
                m.is_amount
                and m.kind is Kind.PERCENT
                and id(m) not in shares
                and m.period in (None, whole.period, str(year))
            ):
                part = Implied(pm.group("noun"), whole.period, whole, "part")
                out.append(Claim("share", {"part": part, "whole": whole, "share": m}, s.start + pm.start(), m.end, s.index,
                                 confidence=0.6, notes=[f"the whole is the {whole.text} {whole.noun} stated earlier"]))  # fmt: skip
    return out
