"""Links across sentences: the figures of a change that the article states elsewhere.

A change whose earlier or later figure is not in its own sentence takes it
from the article by one of these general rules, tried in order; each says
whether the article's words make the link (certain) or the reader infers it
(uncertain, so a failure through it is doubtful, never an error):

* *anaphora*: a sentence that opens with "That", "It", "The October figure",
  "Those numbers" points back; the figure there of the same kind is the later
  figure ("The port handled 4.1 million containers. That was 12 percent more
  than in 2023, when it handled 3.9 million."). Certain.
* *the sentences after*: "Enrolment fell 0.5 percent. This autumn 3,980 pupils
  enrolled. Last year, 4,000 pupils enrolled." and "It was $13.9 million,
  compared with $16.2 million a year earlier." Certain when the figures count
  the same thing.
* *one change said twice*: "exports rose by 0.82 percent to $25.5 billion" ...
  "Exports rose by around $207.4 million": what changed and when, or the noun of
  change ('a discount of 18%' ... 'The true discount is 15%'), or the same
  factor ('four-fold' ... 'quadruple'). Uncertain.
* *by label*: "fell 7% at Goldman" takes the change of "Goldman Sachs stock
  fell $6.92, or 4.1%"; "96 percent higher for homeowners" the two figures
  "for homeowners". Certain within a paragraph.
* *a pair nearby*: two figures set side by side in the next or previous
  sentence ("1.36 million cases ... compared with the 2.67 million crime
  incidents"), or of the same noun and two years; certain when they count what
  the change is said of.
* *stated beats implied*: an earlier figure named by its period ("a 25 percent
  rise from 2016's attendance") is the figure of that period the article
  states ("attendance slipped to 957,000 in 2016").

Wholes of shares are linked by :mod:`validator.extract.wholes`, restated
figures by :mod:`validator.extract.restatements`. A claim that finds no
partner keeps its implied figure, never a guess; a figure is used as the same
role by one claim only, unless the text says so.
"""

from __future__ import annotations

import re

from validator.extract import rates, restatements, wholes
from validator.extract.found import Claim, Implied
from validator.extract.measures import compatible, currency_of, head, measure, same_measure, same_thing
from validator.extract.mentions import Mention
from validator.extract.relations import from_to_pairs, side_by_side
from validator.extract.sentences import Sentence
from validator.numbers import Kind

CHANGES = ("percent-change", "percentage-points", "from-to", "multiple")
_ANAPHOR = re.compile(
    r"^\s*(?:(?:and|but|so|yet)\s+)?(?:that|this|it|they|which|these|those(?:\s+numbers|\s+figures)?|the\s+(?:[\w'-]+\s+){0,2}?"
    r"(?P<noun>figure|total|number|amount|tally|count|sum|result|rise|increase|gain|fall|drop|decline))\b",
    re.I,
)


def link(claims: list[Claim], sentences: list[Sentence], mentions: list[list[Mention]], year: int | None) -> None:
    """Fill the unstated figures of ``claims`` from the rest of the article; add the claims links imply."""
    used = {id(f) for c in claims for f in c.stated()}
    _plural_anaphora(claims, sentences, mentions)
    for claim in claims:
        _pointed_back(claim, sentences, mentions, used)
    for claim in claims:
        if claim.rule in (*CHANGES, "difference"):
            _anaphora(claim, claims, sentences, mentions)
    _coordinated_share_the_later_figure(claims)
    _share_between_companions(claims)
    for step in (_following, _by_label, _same_change, _nearby_pair, _stated_base, _one_side):
        for claim in claims:
            if claim.rule in CHANGES and not claim.of_rates:
                step(claim, claims, sentences, mentions, used)
        _share_between_companions(claims)
    claims.extend(wholes.link(claims, sentences, mentions, year))
    for claim in list(claims):
        if claim.of_rates and claim.missing("from", "to"):
            claims.extend(rates.per_capita(claim, sentences, mentions, used))
    claims.extend(rates.stated(sentences, mentions, claims))
    claims.extend(restatements.claims(sentences, mentions, used))


def _take(claim: Claim, key: str, m: Mention, sentences: list[Sentence], used: set[int], why: str, explicit: bool,
          agree: bool | None = None):  # fmt: skip
    """Link ``m`` as the claim's ``key`` figure: certain only when the article's words make the link
    (``explicit``), within the claim's paragraph, and the figures do not name different things (``agree``, when
    the caller has not judged it: the claim's other figure, or what the change is said of)."""
    claim.fields[key] = m
    used.add(id(m))
    here, there = sentences[claim.sentence], sentences[m.sentence]
    other = claim.fields.get("to" if key == "from" else "from")
    if agree is not None:
        pass
    elif isinstance(other, Mention):
        agree = same_measure(m, other)
    else:
        agree = same_thing(head(claim.subject), measure(m)) if claim.subject and measure(m) else None
    certain = explicit and here.block == there.block and agree is not False
    if certain:
        claim.notes.append(why)
    else:
        claim.assume(why)


# ------------------------------------------------------------------ anaphora
def _anaphora(claim: Claim, claims: list[Claim], sentences: list[Sentence], mentions) -> None:
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
    change = claim.fields.get("change") or claim.fields.get("difference") or claim.fields.get("factor")
    named = re.match(r"\s*the\s+([\w'-]+)\s+(?:figure|total|number|tally|count)", s.text, re.I)
    bases = {id(c.fields.get("from")) for c in claims} | {id(c.fields.get("smaller")) for c in claims}
    for back in (1, 2) if named else (1,):
        prev = sentences[claim.sentence - back] if claim.sentence - back >= 0 else None
        if prev is None or prev.block not in (s.block, s.block - 1):
            return
        if named and back == 1 and not re.search(rf"\b{re.escape(named.group(1))}\b", prev.text, re.I):
            continue  # 'The October figure': the sentence before that names October
        candidates = [m for m in mentions[prev.index] if m.is_amount and level_like(m, like, change)]
        if like is not None:
            candidates = [m for m in candidates if same_measure(m, like) is not False]
        if len(candidates) > 1:  # the figure the sentence is about, not the one it compares it with
            candidates = [m for m in candidates if id(m) not in bases] or candidates
        if len(candidates) == 1:
            claim.fields[role] = candidates[0]
            claim.notes.append(f"'{candidates[0].text}' from the sentence before, which the claim points back to")
        return


_PRONOUN = re.compile(
    r"\b(?:they|it|its|their|this|that|these|those|the\s+(?:figure|number|total|tally|count|level|amount))\b", re.I
)
_BACK_TO = re.compile(r"\bthat\s+(?:amount|figure|number|level|total|sum|count)\b", re.I)
_COMPARATIVE_ALONE = re.compile(r"\b(?:more|fewer|less|higher|lower|greater|smaller|larger|bigger)\s*(?:[.,;)]|$)", re.I)


def _pointed_back(claim: Claim, sentences: list[Sentence], mentions, used: set[int]) -> None:
    """Words that point at the sentence before: 'That was 9% of the 1,569 total' (the part), 'Of these, 24,521 (40%)'
    (the whole), 'That made 53.6 million in total' (the parts), 'By 2024 they had risen 176 percent, to 2,629' and
    'In 2024 it raised five times that amount, €104 million' (the earlier figure), 'Her challenger won 45,380, or
    65,346 fewer' (the figure 'fewer' is measured against). The article's words make these links: certain."""
    if claim.sentence == 0:
        return
    here, prev = sentences[claim.sentence], sentences[claim.sentence - 1]
    if prev.block != here.block:
        return
    figures = [m for m in mentions[prev.index] if m.is_amount and m.kind in (Kind.NUMBER, Kind.PERCENT)]
    label = claim.label or ""
    why = "the figure the sentence before states, which the claim points back to"
    if claim.rule == "share" and label in ("that part", "this part", "it part"):
        whole = claim.fields["whole"]
        found = [m for m in figures if isinstance(whole, Mention) and compatible(m, whole) and m.written.value <= whole.written.value]
        if len(found) == 1:
            claim.fields["part"] = found[0]
            claim.notes.append(why)
    elif claim.rule == "share" and label in ("these whole", "those whole", "them whole", "this whole", "that whole"):
        part = claim.fields["part"]
        found = [m for m in figures if m.kind is Kind.NUMBER
                 and (not isinstance(part, Mention) or compatible(m, part) and m.written.value >= part.written.value)]  # fmt: skip
        if len(found) == 1:
            claim.fields["whole"] = found[0]
            claim.notes.append(why)
    elif claim.rule == "sum" and label == "that parts":
        total = claim.fields["total"]
        found = [m for m in figures if isinstance(total, Mention) and compatible(m, total)]
        if len(found) >= 2:
            claim.fields["parts"] = found
            claim.notes.append("the parts the sentence before states, which the claim points back to")
    elif claim.rule == "sum" and label == "these total":
        parts = claim.fields["parts"]
        found = [m for m in figures if m.kind is Kind.NUMBER and parts and compatible(m, parts[0])]
        if len(found) == 1:
            claim.fields["total"] = found[0]
            claim.notes.append(why)
    elif claim.rule in CHANGES and isinstance(claim.fields.get("to"), Mention) and isinstance(claim.fields.get("from"), Implied):
        to = claim.fields["to"]
        lead = here.text[: max(0, claim.start - here.start)]
        words = here.text[: max(0, (to.quote_start or to.start) - here.start)]
        said = _PRONOUN.search(lead) or _BACK_TO.search(words) or _COMPARATIVE_ALONE.search(here.text[claim.start - here.start :])
        if not said or isinstance(claim.fields["from"], Implied) and claim.fields["from"].base_words:
            return
        found = [m for m in figures if id(m) not in used and compatible(m, to) and same_measure(m, to) is not False
                 and (not m.period or not to.period or m.period < to.period)]  # fmt: skip
        if len(found) == 1:
            _take(claim, "from", found[0], sentences, used, "the earlier figure the sentence before states", True)


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


def _coordinated_share_the_later_figure(claims: list[Claim]) -> None:
    """'That marked a rise from 206 cases ..., and from 132 cases per day': changes of one sentence that share their
    word of direction and have no later figure of their own share the one 'That' points at."""
    for c in claims:
        if c.rule != "from-to" or not isinstance(c.fields.get("to"), Implied):
            continue
        for other in claims:
            if other is not c and other.sentence == c.sentence and other.rule == c.rule and other.wording == c.wording:
                to = other.fields.get("to")
                if isinstance(to, Mention) and compatible(to, c.fields["from"]) if isinstance(c.fields.get("from"), Mention) else False:
                    c.fields["to"] = to
                    c.notes.extend(n for n in other.notes if n not in c.notes)
                    break


def level_like(m: Mention, like: Mention | None, change) -> bool:
    """A figure that can be a level of this change: like its other level, or of the change's own unit."""
    if m.kind not in (Kind.NUMBER, Kind.PERCENT, Kind.FRACTION) or m.is_share_word:
        return False
    if like is not None:
        return compatible(m, like) or m.kind is Kind.FRACTION and like.kind is Kind.FRACTION
    if isinstance(change, Mention) and change.kind is Kind.NUMBER:
        return m.kind is Kind.NUMBER and currency_of(m) == currency_of(change)
    if isinstance(change, Mention) and change.kind is Kind.POINTS:
        return m.kind is Kind.PERCENT
    return m.kind in (Kind.NUMBER, Kind.FRACTION) if change is None or change.kind is Kind.MULTIPLE else True


def _share_between_companions(claims: list[Claim]) -> None:
    """Claims on the same words ('fell $6.92, or 4.1%') share what linking found for either."""
    for c in claims:
        for other in claims:
            if other is c or other.sentence != c.sentence or other.start != c.start or other.end != c.end:
                continue
            for key in ("from", "to"):
                if isinstance(c.fields.get(key), Implied) and isinstance(other.fields.get(key), Mention):
                    c.fields[key] = other.fields[key]
                    if not other.certain:
                        c.assume(other.link or "a link across sentences")


# ------------------------------------------------------------------ the sentences after
_CURRENT = re.compile(
    r"\b(?:(?:this|so\s+far\s+this)\s+(?:year|fall|autumn|spring|summer|winter|quarter|month|week|season|term)|now|"
    r"today|currently|at\s+present)\b",
    re.I,
)
_PREVIOUS_OPENER = re.compile(
    r"^\s*(?:(?:a|one)\s+(?:year|month|week|quarter|day|decade)\s+(?:earlier|before|ago)|the\s+(?:year|month|week|"
    r"quarter|day)\s+before|(?:the\s+)?previous\s+(?:year|month|week|quarter|season)|last\s+(?:year|month|week|quarter|"
    r"season|fall|autumn|spring|summer|winter|time))\b",
    re.I,
)
_IT_WAS = re.compile(r"^\s*(?:it|that|this|the\s+figure|the\s+total)\s+(?:was|is|stood\s+at|came\s+to|totall?ed)\b", re.I)
_THAT_COMPARED = re.compile(r"^\s*(?:that|this|it)\s+compare[sd]?\s+(?:with|to)\b", re.I)


def _following(claim: Claim, claims, sentences: list[Sentence], mentions, used: set[int]) -> None:
    """'Enrolment fell 0.5 percent. This autumn 3,980 pupils enrolled. Last year, 4,000 pupils enrolled.': the
    sentences right after a change, naming its periods, state its figures; so do 'It was $13.9 million, compared
    with $16.2 million a year earlier' and 'That compared with approximately 11,000 people'."""
    frm, to = claim.fields.get("from"), claim.fields.get("to")
    if not (isinstance(frm, Implied) or isinstance(to, Implied)):
        return
    here = sentences[claim.sentence]
    change = claim.fields.get("change") or claim.fields.get("factor")
    known = to if isinstance(to, Mention) else frm if isinstance(frm, Mention) else None
    found: dict[str, Mention] = {}
    for s in sentences[claim.sentence + 1 : claim.sentence + 3]:
        if s.block != here.block:
            break
        levels = [m for m in mentions[s.index] if m.is_amount and id(m) not in used and level_like(m, known, change)]
        if known is not None:
            levels = [m for m in levels if same_measure(m, known) is not False]
        if _IT_WAS.match(s.text) and len(levels) == 2 and re.search(
            r"\b(?:compared\s+(?:with|to)|versus|against|from|than)\b", s.text[levels[0].end - s.start : levels[1].start - s.start]
        ):
            found.setdefault("to", levels[0])
            found.setdefault("from", levels[1])
            break
        if _THAT_COMPARED.match(s.text) and levels:
            found.setdefault("from", levels[0])
            break
        pairs = from_to_pairs(s.text, s.start, mentions[s.index]) if _ANAPHOR.match(s.text) else []
        if len(pairs) == 1 and level_like(pairs[0][1], known, change):
            found.setdefault("from", pairs[0][0])  # 'They went from 754 in 2023 to 709.'
            found.setdefault("to", pairs[0][1])
            break
        if len(levels) != 1:
            continue
        if _PREVIOUS_OPENER.match(s.text):
            found.setdefault("from", levels[0])
        elif _CURRENT.match(s.text) or _CURRENT.search(s.text) and _counts_what_changed(levels[0], known, claim):
            found.setdefault("to", levels[0])
    pairs = [(k, m) for k, m in found.items() if isinstance(claim.fields.get(k), Implied)]
    if not pairs or "from" in found and "to" in found and same_measure(found["from"], found["to"]) is False:
        return
    for key, m in pairs:
        _take(claim, key, m, sentences, used, f"'{m.text}' from the sentences after, which give its period", True)


def _counts_what_changed(m: Mention, known: Mention | None, claim: Claim) -> bool:
    """The figure counts what the change is said of: its other level's noun, or the change's subject."""
    if known is not None:
        return same_measure(m, known) is True
    return measure(m) is not None and measure(m) == head(claim.subject)


# ------------------------------------------------------------------ by label
def _by_label(claim: Claim, claims, sentences: list[Sentence], mentions, used: set[int]) -> None:
    """'fell 7% at Goldman' takes the change said of Goldman nearby ('Goldman Sachs stock fell $6.92, or 4.1%, to
    $160.87'); '96 percent higher for homeowners' the two figures 'for homeowners' nearby, the later one being in
    the sentence that shares the claim's subject."""
    if not claim.label or not claim.missing("from", "to"):
        return
    here = sentences[claim.sentence]
    words = [w for w in re.findall(r"[\w.&]+", claim.label) if w.lower() not in ("the", "of")]
    if not words:
        return
    said_of = [c for c in claims if c is not claim and c.rule in CHANGES and not c.missing("to")
               and abs(c.sentence - claim.sentence) <= 2 and c.subject
               and all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", c.subject) for w in words)]  # fmt: skip
    if len(said_of) >= 1 and len({id(c.fields["to"]) for c in said_of}) == 1:
        other = said_of[0]
        claim.fields["from"], claim.fields["to"] = other.fields["from"], other.fields["to"]
        why = f"the change said of {claim.label} nearby, to '{other.fields['to'].text}'"
        if sentences[other.sentence].block == here.block and other.certain:
            claim.notes.append(why)
        else:
            claim.assume(why)
        return
    labelled = []
    for s in sentences[max(0, claim.sentence - 2) : claim.sentence + 3]:
        for m in mentions[s.index]:
            after = s.text[m.end - s.start : m.end - s.start + 40]
            if m.is_amount and id(m) not in used and re.match(rf"\s+(?:for|at|in)\s+{re.escape(claim.label)}\b", after):
                labelled.append((m, s))
    if len(labelled) != 2 or labelled[0][1] is labelled[1][1]:
        return
    subject = _words(here.text[: claim.start - here.start])
    (a, sa), (b, sb) = labelled
    oa, ob = len(subject & _words(sa.text)), len(subject & _words(sb.text))
    if oa == ob or not compatible(a, b):
        return
    later, earlier = (a, b) if oa > ob else (b, a)
    _take(claim, "to", later, sentences, used, f"'{later.text}' for {claim.label}, in the sentence about the same", False)
    _take(claim, "from", earlier, sentences, used, f"'{earlier.text}' for {claim.label}, as the other figure", False)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


# ------------------------------------------------------------------ one change said twice
def _same_change(claim: Claim, claims, sentences: list[Sentence], mentions, used: set[int]) -> None:
    """'exports rose by 0.82 percent to $25.5 billion' ... 'Exports rose by around $207.4 million': a change stated
    without its figures takes those of the same change stated nearby: the same thing (what changed, and when), the
    same noun of change ('a discount of 18%' ... 'The true discount is 15%'), or the same factor ('four-fold' ...
    'quadruple')."""
    if not claim.missing("from", "to"):
        return
    here = sentences[claim.sentence]
    change = claim.fields.get("change") or claim.fields.get("factor")
    subject = head(claim.subject)
    noun = _change_noun(claim.wording)
    best = None
    for other in claims:
        if other is claim or other.rule not in CHANGES or other.missing("to") or other.missing("from"):
            continue
        if abs(here.block - sentences[other.sentence].block) > 3 or not _levels_fit(other, change):
            continue
        before = other.sentence < claim.sentence
        if claim.rule == "multiple" or other.rule == "multiple":
            factor = other.fields.get("factor")
            same = (claim.rule == other.rule and isinstance(factor, Mention) and isinstance(change, Mention)
                    and factor.written.value == change.written.value and abs(claim.sentence - other.sentence) <= 2)  # fmt: skip
        else:
            same_thing = subject is not None and subject == head(other.subject) and _periods_agree(claim, other)
            same_noun = noun is not None and noun == _change_noun(other.wording) and 0 < claim.sentence - other.sentence <= 3
            same = before and (same_thing or same_noun)
        if same and (best is None or abs(other.sentence - claim.sentence) < abs(best.sentence - claim.sentence)):
            best = other
    if best is None:
        return
    claim.fields["from"], claim.fields["to"] = best.fields["from"], best.fields["to"]
    why = f"the change is the one stated nearby, from '{best.fields['from'].text}' to '{best.fields['to'].text}'"
    if claim.rule == "multiple" and sentences[best.sentence].block == here.block:
        claim.notes.append(why)  # the same factor restated: the article's own words
    else:
        claim.assume(why)


def _change_noun(wording: str | None) -> str | None:
    m = re.search(r"\b(discount|markdown|increase|rise|gain|jump|drop|decline|decrease|fall|cut|reduction|growth)\b",
                  wording or "", re.I)  # fmt: skip
    return m.group(1).lower() if m else None


def _levels_fit(other: Claim, change) -> bool:
    to = other.fields["to"]
    if not isinstance(change, Mention) or not isinstance(to, Mention):
        return False
    if change.kind is Kind.MULTIPLE:
        return to.kind in (Kind.NUMBER, Kind.FRACTION, Kind.PERCENT)
    if change.kind is Kind.NUMBER:
        return to.kind is Kind.NUMBER and currency_of(to) == currency_of(change)
    if change.kind is Kind.POINTS:
        return to.kind is Kind.PERCENT
    return to.kind in (Kind.NUMBER, Kind.PERCENT, Kind.FRACTION)


def _periods_agree(a: Claim, b: Claim) -> bool:
    pa = a.fields.get("to").period if isinstance(a.fields.get("to"), Mention) else None
    pb = b.fields.get("to").period if isinstance(b.fields.get("to"), Mention) else None
    return pa is None or pb is None or pa == pb


# ------------------------------------------------------------------ a pair nearby
def _nearby_pair(claim: Claim, claims, sentences: list[Sentence], mentions, used: set[int]) -> None:
    """'gone down by 49.6 percent' ... '1.36 million cases ..., compared with the 2.67 million crime incidents':
    two figures set side by side in the sentence before or after (or a from-to stated there), or two of one noun
    from two different years nearby, are the change's figures."""
    if not claim.missing("from", "to"):
        return
    here = sentences[claim.sentence]
    change = claim.fields.get("change") or claim.fields.get("factor")
    pairs = []
    for s in sentences[max(0, claim.sentence - 1) : claim.sentence + 2]:
        if s.index == claim.sentence or s.block != here.block:
            continue
        for later, earlier in side_by_side(s.text, s.start, mentions[s.index]):
            if id(later) not in used and id(earlier) not in used and level_like(later, earlier, change):
                pairs.append((later, earlier))
        stated = {(id(c.fields.get("to")), id(c.fields.get("from"))): c for c in claims if c.sentence == s.index
                  and c.rule in CHANGES and isinstance(c.fields.get("from"), Mention) and isinstance(c.fields.get("to"), Mention)}  # fmt: skip
        for c in stated.values():
            if level_like(c.fields["to"], c.fields["from"], change):
                pairs.append((c.fields["to"], c.fields["from"]))
    if not pairs:
        pairs = _by_period(claim, sentences, mentions, used, change)
    if len(pairs) != 1:
        return
    later, earlier = pairs[0]
    if (later.kind is Kind.FRACTION) != (earlier.kind is Kind.FRACTION):
        return
    subject = head(claim.subject)
    named = any(same_thing(subject, measure(x)) for x in (later, earlier)) and abs(later.sentence - claim.sentence) <= 1
    why = f"'{later.text}' and '{earlier.text}', set side by side nearby"
    _take(claim, "to", later, sentences, used, why, named, agree=named or None)
    _take(claim, "from", earlier, sentences, used, f"'{earlier.text}' as the earlier of the two", named, agree=named or None)


def _by_period(claim: Claim, sentences: list[Sentence], mentions, used: set[int], change) -> list[tuple[Mention, Mention]]:
    """'The 43 homicides in 2016 ...' and 'The city recorded 36 homicides in 2015': the latest two years of one noun."""
    here = sentences[claim.sentence]
    dated = [m for s in sentences[claim.sentence : claim.sentence + 3] if s.block == here.block for m in mentions[s.index]
             if m.is_amount and id(m) not in used and m.period and re.fullmatch(r"\d{4}", m.period) and measure(m)
             and level_like(m, None, change)]  # fmt: skip
    for a in sorted(dated, key=lambda m: m.period, reverse=True):
        earlier = [b for b in dated if b.period < a.period and measure(b) == measure(a)]
        if earlier:
            return [(a, max(earlier, key=lambda b: b.period))]
    return []


# ------------------------------------------------------------------ stated beats implied
def _stated_base(claim: Claim, claims, sentences: list[Sentence], mentions, used: set[int]) -> None:
    """'a 25 percent rise from 2016's attendance', 'since the 1984 figure': the earlier figure the article states
    for that period, of what the change is said of, or the one figure of that period nearby."""
    frm, to = claim.fields.get("from"), claim.fields.get("to")
    if not isinstance(frm, Implied) or not isinstance(to, Mention):
        return
    period = frm.period
    if period is None or not re.fullmatch(r"(?:1[89]|20)\d\d", period):
        return
    words = re.sub(r"^(?:from|on|over|than|compared\s+(?:with|to)|versus|against|since)\s+", "", frm.base_words or "",
                   flags=re.I)  # fmt: skip
    named = head(words)
    found = []
    for s in _reach(claim.sentence, sentences):
        for m in mentions[s.index]:
            if m is to or not m.is_amount or not compatible(m, to) or m.period != period or m.written.value == 0:
                continue
            same = same_measure(m, to)
            named_match = named is not None and named in (measure(m), head(m.subject))
            if same is False and not named_match:
                continue
            found.append((m, same or named_match))
    if len(found) != 1:
        return
    m, agreed = found[0]
    _take(claim, "from", m, sentences, used, f"'{m.text}' ({period}) as the earlier figure", agreed or bool(frm.base_words))


# ------------------------------------------------------------------ one side
def _one_side(claim: Claim, claims, sentences: list[Sentence], mentions, used: set[int]) -> None:
    """'up 3,990 percent from 22 won' ... 'rice now sells for around 900 won a kilogram': a change with one figure
    stated takes the other from the sentence before or after, the one figure there of the same currency, unit and
    noun. The reader infers this link: uncertain."""
    frm, to = claim.fields.get("from"), claim.fields.get("to")
    if isinstance(frm, Mention) == isinstance(to, Mention):
        return
    known, missing = (frm, "to") if isinstance(frm, Mention) else (to, "from")
    if isinstance(claim.fields[missing], Implied) and claim.fields[missing].period:
        return  # an earlier figure named by its period is linked by its period, or stays implied
    here = sentences[claim.sentence]
    found = [m for s in sentences[max(0, claim.sentence - 1) : claim.sentence + 2] if s.index != claim.sentence
             and s.block == here.block for m in mentions[s.index]
             if m.is_amount and id(m) not in used and m is not known and compatible(m, known)
             and (same_measure(m, known) is True or currency_of(m) is not None)]  # fmt: skip
    if len(found) == 1:
        m = found[0]
        _take(claim, missing, m, sentences, used, f"'{m.text}', the one figure of its kind nearby, as the other figure",
              False)  # fmt: skip


def _reach(index: int, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences a link may reach: within two paragraphs either way, nearest first."""
    here = sentences[index]
    near = [s for s in sentences if s.index != index and abs(s.block - here.block) <= 2]
    return sorted(near, key=lambda s: (abs(s.index - index), s.index > index))
