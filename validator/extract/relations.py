"""Claims within one sentence, assembled from the roles of its figures.

:mod:`validator.extract.roles` says what each figure is (a change, the earlier
figure, the later one, a base of comparison); this module puts the roles of
one sentence together into claims, whatever their order:

* a *change* (a percent, points or an amount after a word of direction, or
  before a noun of change or a comparative) takes the later figure marked
  "to" in its clause, or the figure it stands in apposition to ("270, up 30
  percent", "1,223 sales closed, which marks a rise of 13.2 percent"), and
  the earlier figure marked "from", "than", "compared with", "versus" ...;
  two changes side by side ("fell $6.92, or 4.1%") share their figures;
* a pair of figures marked "from ... to" with a word of direction and no
  stated change is a change in that direction (CH02);
* shares, sums, differences, comparisons and multiples, each by the words
  that mark them (:func:`shares`, :func:`sums`, ...).

A clause ends at ";", "while", "whereas" and "but"; a change's words reach
until the next change. Figures in other sentences are found later, by
:mod:`validator.extract.linking`.
"""

from __future__ import annotations

import re

from rules import common
from validator.extract import vocabulary as v
from validator.extract.found import Claim, Implied
from validator.extract.measures import currency_of, measuring_unit
from validator.extract.mentions import Mention
from validator.extract.periods import PREVIOUS, previous, read_period
from validator.extract.roles import TOKEN, Role, Shape, mark
from validator.numbers import Kind

_BREAK = re.compile(r";|\s[\u2014\u2013]\s(?=[A-Z])|,?\s+(?i:while|whereas|but|although|though)\s+")
_APPOSITION = re.compile(
    r"[,\u2014\u2013(:]|\b(?:which|that|was|were|is|are|has|have|had|marks?|marking|marked|represents?|"
    r"representing|making|makes|made)\b",
    re.I,
)
_ANAPHOR_OPENING = re.compile(r"^\s*(?:that|this|it|these|those(?:\s+numbers|\s+figures)?)\b", re.I)
_AFTER_LEVEL = re.compile(r"\b(?:with|as|at|reaching|totall?ing|of)\s+[^«]{0,30}$", re.I)


def combined(left: Role, right: Role) -> Role:
    """A figure's role: what the words before it say, unless the words after it make it a change."""
    if right.kind == "change" and left.kind in ("", "equals"):
        return right
    if right.kind == "change" and left.kind == "change":
        return Role("change", left.word, left.at, left.sign if left.sign is not None else right.sign)
    return left


class Reading:
    def __init__(self, sh: Shape, roles: list[Role], sentence: int, year: int | None):
        self.sh, self.roles, self.sentence, self.year = sh, roles, sentence, year
        self.breaks = [m.start() for m in _BREAK.finditer(sh.shape)]
        self.used: set[int] = set()  # figures a claim has taken as one of its levels
        self.wholes: set[int] = set()  # figures taken as the whole of a share, which other shares may share
        self.groups = self._change_groups()

    # ------------------------------------------------------------------ changes
    def _change_groups(self) -> list[list[int]]:
        """Change figures, two side by side ('fell $6.92, or 4.1%') counting as one change."""
        sh, roles = self.sh, self.roles
        groups: list[list[int]] = []
        for i, role in enumerate(roles):
            if role.kind != "change" or sh.at(i).kind is Kind.MULTIPLE:
                continue
            if groups and len(groups[-1]) == 1 and self._companions(groups[-1][-1], i):
                groups[-1].append(i)
                continue
            groups.append([i])
        # "fell $6.92, or 4.1%, to": the restated figure after a change has no marker of its own
        for g in groups:
            last = g[-1]
            nxt = last + 1
            if nxt < len(sh.amounts) and roles[nxt].kind == "" and self._restates(last, nxt):
                g.append(nxt)
                roles[nxt] = Role("change", roles[last].word, roles[last].at, roles[last].sign)
        return groups

    def _gap(self, a: int, b: int) -> str:
        """The words between figure a (and its noun) and figure b."""
        m = self.sh.at(a)
        noun = (m.noun_end - m.end) if m.noun_end and m.noun_end > m.end else 0
        start = self.sh.token_end(a) + noun
        return self.sh.shape[min(start, self.sh.token_at[b]) : self.sh.token_at[b]]

    def _restates(self, a: int, b: int) -> bool:
        between = self._gap(a, b)
        return bool(re.fullmatch(v.RESTATE, between, re.I)) and _kinds_differ(self.sh.at(a), self.sh.at(b))

    def _companions(self, a: int, b: int) -> bool:
        """Two changes that restate each other: an amount and a percent, adjacent, in the same direction
        ('fell $6.92, or 4.1%'; 'rose by 2,411 students, a gain of 6.5 percent'; '206,064 more ..., a 5.1% rise')."""
        if b != a + 1 or not _kinds_differ(self.sh.at(a), self.sh.at(b)):
            return False
        sa, sb = self.roles[a].sign, self.roles[b].sign
        if sa is not None and sb is not None and sa != sb:
            return False
        between = self._gap(a, b)
        if "«" in between or len(between) > 70:
            return False
        if re.fullmatch(v.RESTATE, between, re.I):
            return True
        if re.search(rf",\s*(?:an?\s+)?(?:[a-z]+\s+)?{v.CHANGE_NOUNS}\s+of\s+(?:[a-z]+\s+)?$", between, re.I):
            return True
        nominal = self.roles[b].at > self.sh.token_at[b] and re.fullmatch(v.CHANGE_NOUNS, self.roles[b].word, re.I)
        return bool(nominal) and bool(re.search(r",\s*an?\s+(?:[a-z]+\s+)?$", between, re.I))

    def _scope(self, k: int) -> tuple[int, int]:
        """Where change group k's words may look: from the previous change or clause break to the next."""
        sh, g = self.sh, self.groups[k]
        anchor = min(self._anchor(i) for i in g)
        end = max(sh.token_end(i) for i in g)
        lo = max([b for b in self.breaks if b < anchor] + [0])
        if k > 0:
            lo = max(lo, max(sh.token_end(i) for i in self.groups[k - 1]))
        hi = min([b for b in self.breaks if b >= end] + [len(sh.shape)])
        if k + 1 < len(self.groups):
            hi = min(hi, min(self._anchor(i) for i in self.groups[k + 1]))
        return lo, hi

    def _anchor(self, i: int) -> int:
        role = self.roles[i]
        return min(role.at, self.sh.token_at[i]) if role.at >= 0 else self.sh.token_at[i]

    def inside(self, i: int, lo: int, hi: int) -> bool:
        return lo <= self.sh.token_at[i] and self.sh.token_end(i) <= hi

    def changes(self) -> list[Claim]:
        out = []
        for k, g in enumerate(self.groups):
            after = self.sh.shape[self.sh.token_end(g[-1]) :]
            if re.match(r"[^«;]{0,30}?,\s*«N\d+»\s+to\s+«N\d+»", after):
                continue  # 'led its rival by $0.2bn, $12.5bn to $12.1bn': a margin and the contest's figures
            lo, hi = self._scope(k)
            out += self._change(g, lo, hi)
            self.used.update(g)
        return out

    def _change(self, g: list[int], lo: int, hi: int) -> list[Claim]:
        sh, roles = self.sh, self.roles
        anchor = min(self._anchor(i) for i in g)
        end = max(sh.token_end(i) for i in g)
        inside = [i for i in range(len(sh.amounts)) if i not in g and self.inside(i, lo, hi)]
        changes = [sh.at(i) for i in g]
        frm = to = None
        notes: list[str] = []
        uncertain: list[str] = []
        froms = [i for i in inside if roles[i].kind in ("from", "base") and self.level_for(i, changes)]
        after = [i for i in froms if sh.token_at[i] > anchor]
        if froms:
            frm = (after or froms)[0]
        tos = [i for i in inside if roles[i].kind == "to" and self.level_for(i, changes)]
        later_tos = [i for i in tos if sh.token_at[i] > anchor]
        # 'Sales rose to $5m and profit rose by a third': a 'to' before the change belongs to it only if no other
        # movement or subject comes between
        tos = later_tos or [i for i in tos if not _direction_or_and(sh.shape[sh.token_end(i) : anchor])]
        if tos:
            to = (later_tos or tos)[0]
        if to is None:
            to = self.apposed(anchor, lo, changes, exclude={frm}, verb=self._verb_at(anchor))
        if to is None and frm is not None:
            to = self.apposed(self._anchor(frm), lo, changes, exclude={frm})
        if to is None:
            later = [i for i in inside if sh.token_at[i] > end and roles[i].kind in ("", "equals")
                     and self.level_for(i, changes) and i not in self.used]  # fmt: skip
            gap = sh.shape[end : sh.token_at[later[0]]] if later else ""
            if later and re.search(r":\s*$", gap):
                to = later[0]  # '27.2% fewer students last year than in 2023: 15,452 students against 18,617'
            elif later and _AFTER_LEVEL.search(gap):
                to = later[0]
                uncertain.append(f"'{sh.at(to).text}' taken as the later figure")
        if frm is not None and to is not None and not compatible(sh.at(frm), sh.at(to)):
            frm = None
        if frm is None and to is not None:
            frm = self._eliminated(inside, to, anchor, changes)
        if re.search(r"per[-\s]capita|per\s+(?:head|person|resident)", sh.shape[max(lo, anchor - 30) : anchor + 40], re.I):
            frm = to = None  # a change of rates: linking finds the counts the rates are implied by
        self.used.update(i for i in (frm, to) if i is not None)
        return self._claims(g, frm, to, lo, hi, anchor, notes, uncertain)

    def level_for(self, i: int, changes: list[Mention]) -> bool:
        """A figure a change can go from or to: a count or amount, or a percentage level (not a rate of change
        set beside it: 'a drop of 0.4%, against 1.2% a year over the past decade')."""
        m = self.sh.at(i)
        if m.kind is Kind.POINTS and self.roles[i].kind == "to" and not any(c.kind is Kind.NUMBER for c in changes):
            return True  # 'has fallen by 4 per cent, to stand at 77 percentage points': a level in points
        if m.kind not in (Kind.NUMBER, Kind.PERCENT, Kind.FRACTION) or m.is_share_word or self.roles[i].kind == "range":
            return False
        if m.kind is Kind.PERCENT and self.roles[i].kind == "base" and _rate_of_change(self.sh.shape[self.sh.token_end(i) :]):
            return False
        for c in changes:
            if c.kind is Kind.POINTS and m.kind is not Kind.PERCENT:
                return False
            if c.kind is Kind.NUMBER and (m.kind is not Kind.NUMBER or not same_unit(c, m)):
                return False
        return True

    def apposed(self, anchor: int, lo: int, changes: list[Mention], exclude=frozenset(), verb: bool = False) -> int | None:
        """The level a change stands in apposition to: '270, up 30 percent'; '1,223 sales closed, which marks a rise'."""
        sh = self.sh
        before = [i for i in range(len(sh.amounts)) if sh.token_end(i) <= anchor and sh.token_at[i] >= lo]
        for i in reversed(before):
            if i in exclude:
                continue
            if self.roles[i].kind == "change":
                return None
            if self.roles[i].kind in ("from", "base"):
                continue  # 'X, up from A and up from B': the chain leads back to X
            if self._bracketed(i):
                continue  # 'three dollars a gallon (3.8 liters), up 60 cents': the bracket restates a unit
            gap = sh.shape[sh.token_end(i) : anchor]
            if "«" in gap and not re.fullmatch(r"[^«]*(?:«[PN]\d+»[^«]*)*", gap):
                return None
            if not self.level_for(i, changes) or self.roles[i].kind == "to" and i in self.used:
                return None
            subject = verb and re.fullmatch(
                r"\s+(?:(?!(?:and|or|but|while|whereas|as)\b)[a-z][\w'\u2019-]*\s+){0,4}", re.sub(r"[\"\u201c\u201d]", "", gap)
            )  # '1,226,000 visitors beat'
            if not subject and (len(gap) > 130 or not _APPOSITION.search(re.sub(r"«[^»]+»", "", gap))):
                return None
            if v.has_direction(re.sub(r"«[^»]+»", "", gap)):
                return None  # another movement between them
            return i
        return None

    def _bracketed(self, i: int) -> bool:
        sh = self.sh
        return bool(re.search(r"\(\s*$", sh.shape[max(0, sh.token_at[i] - 3) : sh.token_at[i]])) and bool(
            re.match(r"[^()«]{0,25}\)", sh.shape[sh.token_end(i) : sh.token_end(i) + 26])
        )

    def restated_share(self, p: int) -> int | None:
        """'480, or 35 percent', '13,494 exhibitors (13.14%)', '16,257 votes - 94% -': the percent restating a count."""
        sh = self.sh
        nxt = p + 1
        if nxt >= len(sh.amounts) or sh.at(nxt).kind is not Kind.PERCENT:
            return None
        between = sh.shape[sh.token_end(p) : sh.token_at[nxt]]
        after = sh.shape[sh.token_end(nxt) : sh.token_end(nxt) + 4]
        closed = re.match(r"\s*\)", after) if "(" in between else re.match(r"\s+[-\u2013\u2014]", after)
        if not closed:
            pass  # '66 - 34%' is a split of the vote, not a count restated; '(13.14%)' and '- 94% -' close
        elif re.fullmatch(r"(?:\s*\(|\s+[-\u2013\u2014]+)\s*", between):
            return nxt  # '13,494 exhibitors (13.14%)' with the noun inside the figure's words; '16,257 votes - 94% -'
        else:
            noun = re.escape(sh.at(p).noun) if sh.at(p).noun else ""
            if re.fullmatch(rf"(?:\s*{noun})?(?:\s+[\w.'\u2019-]+){{0,4}}?(?:\s*\(|\s+[-\u2013\u2014]+)\s*", between, re.I):
                return nxt  # '11,800 from Italy (11.4%)'

        if re.fullmatch(r"[^«;]{0,70}?(?:,|\s[-\u2013\u2014]+)\s*or\s*", between, re.I) and not changes_in(between):
            return nxt  # '480, or 35 percent'; '20,465 people have had a dose, or 24%'
        return None

    def _verb_at(self, pos: int) -> bool:
        """Whether the words at ``pos`` start with a verb of change or comparison ('rose', 'beat'), not a noun."""
        return bool(re.match(rf"(?:{v.DIRECTION_VERBS}|beat|beats|top|tops|topped|exceed\w*|surpass\w*|outstrip\w*)\b"
                             rf"(?<!\bup)(?<!\bdown)", self.sh.shape[pos : pos + 20], re.I))  # fmt: skip

    def _eliminated(self, inside: list[int], to: int, anchor: int, changes: list[Mention]) -> int | None:
        """'listed at $29,455 ... haggled down to $25,054, a discount of 18%': the one other figure of the
        same unit before the change, in its clause, is the earlier figure."""
        sh = self.sh
        candidates = [i for i in inside if i != to and sh.token_at[i] < anchor and self.roles[i].kind in ("", "equals")
                      and self.level_for(i, changes) and compatible(sh.at(i), sh.at(to))
                      and sh.at(i).kind is Kind.NUMBER and sh.at(i).written.currency]  # fmt: skip
        if len(candidates) == 1 and candidates[0] < to:
            return candidates[0]
        return None

    def _claims(self, g, frm, to, lo, hi, anchor, notes, uncertain) -> list[Claim]:
        sh = self.sh
        frm_m = sh.at(frm) if frm is not None else None
        to_m = sh.at(to) if to is not None else None
        end = max(sh.token_end(i) for i in g)
        span_lo = min([anchor] + [sh.token_at[i] for i in (frm, to) if i is not None])
        span_hi = max([end] + [sh.token_end(i) for i in (frm, to) if i is not None])
        tail = sh.shape[end:hi]
        if frm_m is None:
            first_end = sh.token_end(g[0])
            base_words = _base_words(sh.shape[first_end:hi]) if len(g) > 1 else _base_words(tail)
            period = read_period(base_words, self.year) if base_words else None
            if period is None and base_words and to_m is not None and PREVIOUS.search(base_words):
                period = previous(to_m.period, self.year)
            frm_any: Mention | Implied = Implied(to_m.noun if to_m else None, period, to_m, "from", base_words)
            if base_words:
                pos = sh.shape.find(base_words, sh.token_end(g[0]))
                if 0 <= pos and pos + len(base_words) <= hi:
                    span_hi = max(span_hi, pos + len(base_words))
        else:
            frm_any = frm_m
        to_any: Mention | Implied = to_m if to_m is not None else Implied(
            frm_m.noun if frm_m else None, None, frm_m, "to"
        )
        out = []
        for i in g:
            change = sh.at(i)
            role = self.roles[i]
            wording = _wording(sh, i, role)
            if isinstance(frm_any, Implied) and frm_any.base_words and frm_any.period:
                wording = f"{wording} {frm_any.base_words}"  # 'up 20 percent year-on-year': the base is last year
            alone = change.kind is Kind.NUMBER and frm_m is None and to_m is None and len(g) == 1
            if change.kind is Kind.NUMBER:
                rule = "from-to"
            else:
                rule = "percentage-points" if change.kind is Kind.POINTS else "percent-change"
            fields = {"from": frm_any, "to": to_any, "change": change}
            a, b = sh.span(span_lo, span_hi)
            confidence = 0.85 if frm_m is not None and to_m is not None else 0.7
            claim = Claim(rule, fields, a, b, self.sentence, wording=wording, confidence=confidence, notes=list(notes),
                          label=_label(sh.shape[end:hi]), subject=_subject(sh.shape[lo:anchor]))  # fmt: skip
            claim.unlinked_is_nothing = alone  # an amount alone says nothing, unless linking finds its figures
            claim.of_rates = bool(re.search(r"per[-\s]capita|per\s+(?:head|person|resident)",
                                            sh.shape[max(0, anchor - 30) : end], re.I))  # fmt: skip
            for u in uncertain:
                claim.assume(u)
            out.append(claim)
        return out

    # ------------------------------------------------------------------ direction only
    def directions(self) -> list[Claim]:
        """'grew from 55 to 75', 'edged up to $27.67 billion from $26.66 billion', '34 percent, up from 30 percent'."""
        sh, roles = self.sh, self.roles
        out = []
        in_changes = self.change_scopes()
        chain: tuple[int, tuple[str, int]] | None = None  # the last earlier figure and its word of direction
        for i, role in enumerate(roles):
            if role.kind not in ("from", "base") or i in self.used or any(lo <= sh.token_at[i] < hi for lo, hi in in_changes):
                continue
            word = self._direction_word(i)
            if word is None and chain is not None and re.fullmatch(
                r"[^«;]{0,80}?(?:,|\band)\s+(?:up\s+|down\s+)?from\s+[^«]*", sh.shape[sh.token_end(chain[0]) : sh.token_at[i]]
            ):
                word = chain[1]  # 'a rise from 206 cases ..., and from 132 cases': the same direction
            if word is None:
                continue
            chain = (i, word)
            to = self._to_after(i)
            if to is None:
                to = self.apposed(self._anchor(i), self.clause_start(i), [], exclude=set())
            if to is None and _ANAPHOR_OPENING.match(sh.shape):
                # 'That marked a rise from a daily average of 206 cases': the later figure is the one 'That' points at
                self.used.add(i)
                lo = min(self._anchor(i), word[1])
                out.append(Claim("from-to", {"from": sh.at(i), "to": Implied(sh.at(i).noun, None, sh.at(i), "to")},
                                 *sh.span(lo, sh.token_end(i)), self.sentence, wording=_direction_wording(word[0]),
                                 confidence=0.7))  # fmt: skip
                continue
            if to is None or to in self.used and roles[to].kind == "to" or not compatible(sh.at(i), sh.at(to)):
                continue
            self.used.update((i, to))
            lo = min(self._anchor(i), sh.token_at[to], word[1])
            hi = max(sh.token_end(i), sh.token_end(to))
            out.append(Claim("from-to", {"from": sh.at(i), "to": sh.at(to)}, *sh.span(lo, hi), self.sentence,
                             wording=_direction_wording(word[0]), confidence=0.85))  # fmt: skip
        return out

    def change_scopes(self) -> list[tuple[int, int]]:
        return [self._scope(k) for k in range(len(self.groups))]

    def clause_start(self, i: int) -> int:
        return max([b for b in self.breaks if b < self.sh.token_at[i]] + [0])

    def _direction_word(self, i: int) -> tuple[str, int] | None:
        """The word of direction the earlier figure's clause states ('up from', 'grew from', 'a decrease from')."""
        sh, role = self.sh, self.roles[i]
        if role.sign is not None:
            return role.word, role.at
        lo = self.clause_start(i)
        before = sh.shape[max(lo, sh.token_at[i] - 90) : sh.token_at[i]]
        words = sorted(v.directions(before) + list(_CHANGE_NOUN.finditer(before)), key=lambda w: w.start())
        if not words:
            return None
        last = words[-1]
        if "«" in before[last.end() :] and not re.search(r"\bto\s+«[A-Z]\d+»[^«]*$", before[last.end() :]):
            return None
        return last.group(), sh.token_at[i] - len(before) + last.start()

    def _to_after(self, i: int) -> int | None:
        """The figure marked 'to' in the same clause as an earlier figure ('from 55 to 75', 'to 75 from 55')."""
        sh = self.sh
        lo = self.clause_start(i)
        hi = min([b for b in self.breaks if b > sh.token_at[i]] + [len(sh.shape)])
        tos = [j for j in range(len(sh.amounts)) if self.roles[j].kind == "to" and self.inside(j, lo, hi) and j not in self.used]
        tos.sort(key=lambda j: abs(sh.token_at[j] - sh.token_at[i]))
        return tos[0] if tos else None


    # ------------------------------------------------------------------ multiples
    def multiples(self) -> list[Claim]:
        """'doubled to 99 from 40', 'three times as many as', 'close to double April's NT$19.5 billion'."""
        sh, out = self.sh, []
        for i, m in enumerate(sh.amounts):
            if m.kind is not Kind.MULTIPLE or i in self.used:
                continue
            lo, hi = self.clause_start(i), self.clause_end(i)
            right = sh.shape[sh.token_end(i) : hi]
            inside = [j for j in range(len(sh.amounts)) if j != i and self.inside(j, lo, hi) and self._multiple_level(j)]
            frm = to = None
            cmp_m = re.match(rf"\s+(?:as\s+(?:many|much|high|large|big)|{v.COMPARATIVES})(?:\s+\w+){{0,2}}?\s+(?:than|as)\s+{v.SKIP}{POSS}«[NF](\d+)»", right, re.I)
            of_m = re.match(rf"\s+(?:that\s+of\s+|those\s+of\s+)?{v.SKIP}{POSS}«[NF](\d+)»", right, re.I)
            colon = re.match(r"[^«;]{0,60}?:\s*«[NF](\d+)»(?:\s+[a-z]+){0,2}?\s+(?:against|versus|vs\.?|compared\s+(?:with|to))\s+«[NF](\d+)»", right, re.I)
            that = re.match(r"\s+(?:that|this|the\s+(?:earlier|previous|same))\s+(?:amount|figure|number|level|total|sum)\s*,\s*«[NF](\d+)»", right, re.I)
            if colon:  # 'two and a half times the 2019 level: 3,512 against 878'
                to, frm = int(colon.group(1)), int(colon.group(2))
            elif that:  # 'five times that amount, €104 million': the earlier figure is the one before
                to = int(that.group(1))
            elif cmp_m:
                frm = int(cmp_m.group(1))
            elif of_m and not re.match(r"\s*(?:to|from)\b", right):
                frm = int(of_m.group(1))  # "close to double April's NT$19.5 billion", "twice the 40 of 2020"
            for j in inside:
                if j in (frm, to):
                    continue
                if self.roles[j].kind == "to" and to is None:
                    to = j
                elif self.roles[j].kind in ("from", "base") and frm is None:
                    frm = j
            verb = re.search(rf"\b(?:{v.DIRECTION_VERBS})\s+$", sh.shape[max(lo, sh.token_at[i] - 30) : sh.token_at[i]], re.I)
            anchor = sh.token_at[i] - (len(verb.group()) if verb else 0)  # 'grow four-fold': the verb is the anchor
            if to is None:
                to = self.apposed(anchor, lo, [], exclude={frm}, verb=bool(verb))
            elif frm is None:  # '3 in 1000 trees were diseased, doubling to 6 in every 1000'
                frm = self.apposed(anchor, lo, [], exclude={to}, verb=bool(verb))
            if to is None and frm is not None:
                subject = [j for j in inside if j < i and self.roles[j].kind in ("", "equals") and j != frm]
                to = subject[-1] if subject else None
            if frm is not None and to is not None and not compatible(sh.at(frm), sh.at(to)):
                continue
            if frm is None and to is None and not _MULTIPLE_SAID.match(m.text) and not cmp_m and not re.match(
                rf"\s+(?:{v.COMPARATIVES})\s+than\b", right, re.I
            ):
                continue  # 'four times' alone is no claim; 'quadruple', 'doubled', 'twice as many' are
            base_words = _base_words(right) if frm is None else None
            period = read_period(base_words, self.year) if base_words else None
            like_to = sh.at(to) if to is not None else None
            frm_any = sh.at(frm) if frm is not None else Implied(like_to.noun if like_to else None, period, like_to, "from",
                                                                  base_words)  # fmt: skip
            to_any = sh.at(to) if to is not None else Implied(sh.at(frm).noun if frm is not None else None, None,
                                                              sh.at(frm) if frm is not None else None, "to")  # fmt: skip
            self.used.update(j for j in (frm, to) if j is not None)
            pos = [sh.token_at[i], sh.token_end(i)] + [sh.token_at[j] for j in (frm, to) if j is not None]
            pos += [sh.token_end(j) for j in (frm, to) if j is not None]
            wording = " ".join(sh.shape[max(lo, sh.token_at[i] - 30) : sh.token_at[i]].split()[-2:] + right.split()[:3])
            wording = re.sub(r"«[^»]+»", "", wording).strip() or None
            out.append(Claim("multiple", {"from": frm_any, "to": to_any, "factor": m}, *sh.span(min(pos), max(pos)),
                             self.sentence, wording=_multiple_wording(right), confidence=0.8))  # fmt: skip
        return out

    def _multiple_level(self, j: int) -> bool:
        m = self.sh.at(j)
        return m.kind in (Kind.NUMBER, Kind.FRACTION, Kind.PERCENT) and not m.is_share_word

    def clause_end(self, i: int) -> int:
        return min([b for b in self.breaks if b >= self.sh.token_end(i)] + [len(self.sh.shape)])

_MULTIPLE_SAID = re.compile(r"(?:doubl|tripl|trebl|quadrupl|quintupl|halv|twice)", re.I)
POSS = r"(?:(?:[\w.-]+\s+){0,3}?[\w.\u2019'-]+(?:'s|\u2019s|s'|s\u2019)\s+)?"  # 'the main opposition party's'
def _multiple_wording(right: str) -> str | None:
    m = re.match(rf"\s+((?:as\s+(?:many|much|high|large|big)|{v.COMPARATIVES})(?:\s+than|\s+as)?)", right, re.I)
    return " ".join(m.group(1).split()) if m else None


def counts(a: Mention, b: Mention) -> bool:
    return a.kind is Kind.NUMBER and b.kind is Kind.NUMBER and same_unit(a, b) and a.written.value <= b.written.value


_RATE_OF_CHANGE = re.compile(
    rf"^\s*(?:(?:annual|yearly|average|year-on-year)\s+)?(?:{v.CHANGE_NOUNS}\b|(?:a|per)\s+(?:year|annum|month|quarter)\b"
    rf"(?!\s+(?:earlier|before|ago|later|on))|"
    rf"(?:annually|a\s+year(?!\s+(?:earlier|before|ago|later)))\b|(?:over|in|during|across)\s+the\s+(?:past|previous|last|prior)\b)",
    re.I,
)


def _rate_of_change(after: str) -> bool:
    """'4.8% growth', '1.2% over the past decade', '6% per year': a percent that is itself a rate of change."""
    return bool(_RATE_OF_CHANGE.match(after[:60]))


_CHANGE_NOUN = re.compile(rf"\b{v.CHANGE_NOUNS}\b", re.I)


def changes_in(text: str) -> bool:
    """Whether the words say a change: a word of direction or a noun of change."""
    return v.has_direction(text) or bool(_CHANGE_NOUN.search(text))


def _direction_or_and(text: str) -> bool:
    return v.has_direction(text) or re.search(r"\band\b", text, re.I) is not None


def _kinds_differ(a: Mention, b: Mention) -> bool:
    """An amount and a percent (or points): the same change said two ways."""
    return (a.kind is Kind.NUMBER) != (b.kind is Kind.NUMBER) and Kind.MULTIPLE not in (a.kind, b.kind)


def same_unit(a: Mention, b: Mention) -> bool:
    """Amounts of one currency (cents with dollars, pence with pounds), or of no currency and no measuring unit
    apart: '60 cents' and 'three dollars' are comparable, '60 cents' and '3.8 liters' are not."""
    ca, cb = currency_of(a), currency_of(b)
    if ca or cb:
        return ca == cb
    ua, ub = measuring_unit(a), measuring_unit(b)
    return ua == ub or ua is None or ub is None


def compatible(a: Mention, b: Mention) -> bool:
    """Two levels of the same kind of thing: both percentages, or amounts in the same currency."""
    if {a.kind, b.kind} <= {Kind.PERCENT, Kind.POINTS} or {a.kind, b.kind} == {Kind.FRACTION}:
        return True
    return a.kind is Kind.NUMBER and b.kind is Kind.NUMBER and same_unit(a, b)


_BASE_WORDS = re.compile(
    r"^[^«]*?\b((?:from|on|over|than|compared\s+(?:with|to)|versus|vs\.?|against|since|year[-\s]on[-\s]year|"
    r"year[-\s]over[-\s]year|on\s+the\s+year)\b[^«;,.]{0,60})",
    re.I,
)


def _base_words(tail: str) -> str | None:
    """The words naming the earlier figure when it is not stated: 'from a year earlier', 'on 2016's attendance'."""
    m = _BASE_WORDS.match(tail)
    if not m:
        return None
    words = re.sub(r"[\s,]+(?:and|or|to|which|while|as|with)$", "", m.group(1).strip())
    if not re.search(r"\s\w", words) and not re.search(r"year|on\s+the", words, re.I):
        return None  # the marker alone ('against' before a figure that is no level): nothing named
    return words if len(words.split()) <= 12 else None


def _subject(lead: str) -> str | None:
    """The noun phrase a change is said of: 'In January 2013, exports rose by' -> 'exports'; 'this does not mean that
    "turnout is' -> 'turnout'; for a change in apposition ('Total enrollment fell for a fourth year, a decrease of'),
    the subject of the clause."""
    lead = re.sub(r"«[^»]+»", " ", lead)
    apposed = re.match(rf"\s*(?:[A-Z][^,]*?\s)??((?:[A-Za-z][\w'\u2019&-]*\s+){{1,5}}?)(?:{v.DIRECTION_VERBS}|was|were|is|are|has|have)\b[^,]*,\s*(?:an?\s+)?(?:[a-z]+\s+)?$",
                       lead, re.I)  # fmt: skip
    if apposed:
        lead = apposed.group(1)
    lead = re.split(r"[,:;\"\u201c\u201d(]|\bthat\s|\bwhich\s", lead)[-1] if re.search(r"\S", lead) else lead
    lead = re.sub(r"\b(?:has|have|had|was|were|is|are|will|would|could|may|might|also|been|be)\b", " ", lead)
    lead = re.split(r"\s(?:at|in|for|from|on|by|with|over|during|since|who|reported|recorded|registered)\s",
                    " " + lead.strip() + " ")[0]  # 'Crime incidents reported over ...'
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019&.-]*", lead) if w.lower() not in ("a", "an", "the", "its", "their", "further")]
    return " ".join(words[-6:]) if words else None


def _label(tail: str) -> str | None:
    """'fell 7% for Goldman': the thing a change is about, to find it in another sentence."""
    lm = re.match(
        r"(?:\s+[a-z]+){0,2}?\s+(?:for|at|in)\s+([A-Z][\w.&'-]*(?:\s+(?:of|and|&)\s+[A-Z][\w.&'-]*|\s+[A-Z][\w.&'-]*)*"
        r"|(?:the\s+)?[a-z]+s)\b",
        tail,
    )
    return lm.group(1).strip().rstrip(".") if lm else None


def _wording(sh: Shape, i: int, role: Role) -> str:
    return _with_direction(role.word or "", role.sign)


def _direction_wording(word: str) -> str:
    return _with_direction(word, v.direction_of(word) or v.direction_of(word.split()[0]) if word else None)


def _with_direction(word: str, sign: int | None) -> str:
    """The linking words, with the direction made explicit where the rules' own word lists would miss it."""
    try:
        known = common.direction(word)
    except common.WordingError:
        return word
    if known is None and sign is not None:
        return f"{word} (a {'rise' if sign > 0 else 'fall'})".strip()
    return word


TOKENS = TOKEN  # re-exported for the modules that read shapes


def side_by_side(text: str, offset: int, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'60%, versus 57% at the same stage of the last elections', '1.36 million cases ..., compared with the 2.67
    million': (later, earlier) figures set side by side with a word of comparison and no change between them."""
    sh = Shape(text, offset, mentions)
    if not sh.amounts:
        return []
    lefts, rights = mark(sh)
    roles = [combined(lefts[i], rights[i]) for i in range(len(sh.amounts))]
    if any(r.kind == "change" for r in roles):
        return []
    out = []
    for j, role in enumerate(roles):
        if role.kind != "base" or role.word.lower() not in _SIDE_BY_SIDE or j == 0:
            continue
        i = j - 1
        if roles[i].kind in ("", "equals") and compatible(sh.at(i), sh.at(j)):
            out.append((sh.at(i), sh.at(j)))
    return out


_SIDE_BY_SIDE = {"compared with", "compared to", "versus", "vs", "vs.", "against", "relative to"}


_PART_WHOLE = (
    re.compile(r"\bOf\s+(?:the\s+)?«N(?P<w>\d+)»[^«;.]{0,120}?«N(?P<p>\d+)»\s+of\s+(?:the|them|those|these)\b", re.I),
    re.compile(r"«N(?P<p>\d+)»\s+(?:[a-z]+\s+){0,2}?(?:of|out\s+of)\s+(?:the\s+|a\s+possible\s+)?«N(?P<w>\d+)»", re.I),
)


def part_whole_pairs(text: str, offset: int, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'Of the 15 defaults ..., 12 of the countries', '77 of the 155 areas': a part and its whole, for a share stated
    later ('80% of those cases')."""
    sh = Shape(text, offset, mentions)
    out = []
    for pattern in _PART_WHOLE:
        for m in pattern.finditer(sh.shape):
            part, whole = sh.at(int(m.group("p"))), sh.at(int(m.group("w")))
            if counts(part, whole):
                out.append((part, whole))
    return out


def from_to_pairs(text: str, offset: int, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'They went from 754 in 2023 to 709': (from, to) figures of one clause, marked 'from' and 'to', with or
    without a word of direction."""
    sh = Shape(text, offset, mentions)
    if not sh.amounts:
        return []
    lefts, rights = mark(sh)
    r = Reading(sh, [combined(lefts[i], rights[i]) for i in range(len(sh.amounts))], -1, None)
    out = []
    for i, role in enumerate(r.roles):
        if role.kind == "from":
            j = r._to_after(i)
            if j is not None and compatible(sh.at(i), sh.at(j)):
                out.append((sh.at(i), sh.at(j)))
    return out
