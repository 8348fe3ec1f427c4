"""Claims within one sentence, recognised on the sentence's *shape*.

The shape is the sentence with every amount replaced by a token naming its
kind and its index: "decreased «P0» to «N1» from «N2»". P is a percent,
T points (percentage or basis), M a multiple, F a fraction or ratio, N any
other amount. The patterns below are plain regular expressions over shapes,
one per way news copy writes a relation; each returns a :class:`Claim` whose
fields hold mentions (stated figures) or :class:`Implied` figures (last
year's value, say), never numbers that are not written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rules import common
from validator.extract.mentions import Mention
from validator.extract.periods import PREVIOUS, previous, read_period
from validator.numbers import Kind

_LETTER = {Kind.PERCENT: "P", Kind.POINTS: "T", Kind.MULTIPLE: "M", Kind.FRACTION: "F", Kind.NUMBER: "N"}

RISE = sorted(
    common.RISE_WORDS | {"rising", "surging", "climbing", "jumping", "soaring", "greater", "larger", "bigger"},
    key=len,
    reverse=True,
)
FALL = sorted(
    (common.FALL_WORDS - {"less", "fewer", "lower"})
    | {
        "reducing",
        "reduces",
        "cutting",
        "lowered",
        "decreasing",
        "gone down",
        "went down",
        "shrinking",
        "smaller",
        "less",
        "fewer",
        "lower",
    },
    key=len,
    reverse=True,
)
DIR = r"(?:" + "|".join(re.escape(w) for w in RISE + FALL) + r")"
_COMPARATIVE = r"(?:higher|more|greater|larger|bigger|lower|less|fewer|smaller|as\s+(?:many|much|high|large|big))"
_PAIR_WORDS = r"(?:(?:when\s+)?compared\s+(?:to|with)|versus|vs\.?|against|as\s+opposed\s+to)"


@dataclass
class Implied:
    """A figure the claim implies but the article does not state (last year's value)."""

    noun: str | None = None
    period: str | None = None
    like: Mention | None = None  # the stated figure it is compared with, for its name
    role: str = ""


Figure = Mention | Implied


@dataclass
class Claim:
    rule: str
    fields: dict[str, Figure | list[Figure] | None]
    start: int  # span of the words the claim comes from
    end: int
    sentence: int
    wording: str | None = None
    confidence: float = 0.8
    label: str | None = None  # "for Goldman", "than planned": what a restatement is about
    notes: list[str] = field(default_factory=list)
    of_rates: bool = False  # "a per-capita decrease": a change of rates the article does not state

    def stated(self) -> list[Mention]:
        out = []
        for value in self.fields.values():
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, Mention):
                    out.append(v)
        return out

    def missing(self, *roles: str) -> bool:
        return all(not isinstance(self.fields.get(r), Mention) for r in roles)


class Shape:
    """A sentence with its amounts as tokens, and the way back to offsets."""

    def __init__(self, text: str, offset: int, mentions: list[Mention]):
        self.text, self.offset = text, offset
        self.amounts = [m for m in mentions if m.is_amount]
        parts, pos, self.where = [], 0, []
        for i, m in enumerate(self.amounts):
            a, b = m.quote_start - offset, m.end - offset
            parts.append(text[pos:a])
            token = f"«{_LETTER[m.kind]}{i}»"
            self.where.append((sum(map(len, parts)), token))
            parts.append(token)
            pos = b
        parts.append(text[pos:])
        self.shape = "".join(parts)

    def mention(self, token: str | None) -> Mention | None:
        if not token:
            return None
        return self.amounts[int(token[1:-1][1:])] if token.startswith("«") else self.amounts[int(token[1:])]

    def at(self, i: int) -> Mention:
        return self.amounts[i]

    def original(self, shape_pos: int) -> int:
        """Offset in the article of a position in the shape."""
        shift = 0
        for pos, token in self.where:
            if pos >= shape_pos:
                break
            i = int(token[2:-1])
            m = self.amounts[i]
            shift += (m.end - m.quote_start) - len(token)
            if shape_pos < pos + len(token):
                return m.quote_start
        return self.offset + shape_pos + shift

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.original(a), self.original(b)

    def words(self, a: int, b: int) -> str:
        x, y = self.span(a, b)
        return self.text[x - self.offset : y - self.offset]


def _tok(letters: str, name: str) -> str:
    return rf"«(?P<{name}>[{letters}]\d+)»"


def _idx(m: re.Match, name: str) -> int | None:
    g = m.groupdict().get(name)
    return int(g[1:]) if g else None


# ----------------------------------------------------------------- the patterns
_CHANGE_AFTER_DIR = re.compile(
    rf"\b(?P<dir>{DIR})\b(?:\s+(?:[a-z'\u2019-]+\s+){{0,5}}?by|(?:\s+(?:by|of))?)\s+{_tok('PTN', 'c')}", re.I
)
_CHANGE_BEFORE_NOUN = re.compile(rf"{_tok('PT', 'c')}(?:\s+(?P<dir>{DIR}|{_COMPARATIVE}))\b", re.I)
_MULTIPLE = re.compile(
    rf"(?:\b(?P<dir>{DIR})\s+)?{_tok('M', 'c')}(?P<after>\s+(?P<cmp>{_COMPARATIVE})(?:\s+than)?|[\s,\u201d\"]+(?:to|from)\b|)",
    re.I,
)
_MULTIPLE_WORD = re.compile(r"\b(?:doubl|tripl|trebl|quadrupl|quintupl|halv)", re.I)
_FROM_TO = re.compile(rf"\bfrom\s+{_tok('NPTF', 'a')}(?P<mid>[^«;]{{0,80}}?)\bto\s+{_tok('NPTF', 'b')}", re.I)
_TO = re.compile(
    rf"^(?:[\s,\u201d\"]*(?:[a-z'\u2019]+\s+){{0,4}}?)to\s+(?:(?:allow|reach|hit)\s+)?{_tok('NPTF', 'v')}", re.I
)
_FROM = re.compile(rf"^[^;]*?\bfrom\s+{_tok('NPTF', 'v')}", re.I)
_THAN = re.compile(rf"^\s*(?:than|compared\s+(?:to|with))\s+(?:the\s+)?{_tok('NPTF', 'v')}", re.I)
_PAIR = re.compile(
    rf"{_tok('NP', 'a')}(?P<mid>[^«;.]{{0,90}}?)\b{_PAIR_WORDS}\s+(?:the\s+|an?\s+)?{_tok('NP', 'b')}", re.I
)
_SHARE_OF = re.compile(rf"{_tok('PF', 's')}\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?{_tok('N', 'w')}", re.I)
_SHARE_OR = re.compile(
    rf"{_tok('N', 'p')}(?P<mid>[^«]{{0,25}}?)(?:,\s*or|\s*\(|\s*[-\u2014]+\s*or|\s*[-\u2014]+)\s*{_tok('P', 's')}", re.I
)
_SHARE_OF_NOUN = re.compile(
    rf"{_tok('PF', 's')}\s+of\s+(?P<det>the|those|these|all|them)\b(?:\s+(?P<noun>(?:[a-z-]+\s+){{0,3}}?[a-z-]+s)\b)?",
    re.I,
)
_SHARE_TOTAL = re.compile(
    rf"(?:accounting\s+for|making\s+up|representing)\s+{_tok('P', 's')}\s+of\s+(?:the\s+)?total", re.I
)
_PART_WHOLE = re.compile(
    rf"\bout\s+of\s+(?:the\s+)?{_tok('N', 'w')}[^«]{{0,120}}?{_tok('N', 'p')}\s+of\s+(?:the|them|those)\b", re.I
)
_PART_OF_WHOLE = re.compile(rf"{_tok('N', 'p')}\s+(?:of|out\s+of)\s+(?:the\s+)?{_tok('N', 'w')}", re.I)
_MARGIN = re.compile(
    rf"{_tok('N', 'a')}\s+to\s+{_tok('N', 'b')},?\s*(?:or\s+)?(?:a\s+)?(?:margin|difference|gap|lead)\s+of\s+{_tok('N', 'd')}",
    re.I,
)


def recognise(text: str, offset: int, mentions: list[Mention], sentence: int, year: int | None) -> list[Claim]:
    """The claims one sentence makes by itself (links across sentences come later)."""
    sh = Shape(text, offset, mentions)
    s = sh.shape
    claims: list[Claim] = []
    used: set[int] = set()

    # "grew from 55 ... to 75", "from 187 referrals in 2013 to 2,346 in 2018"
    pairs = [
        (m, _idx(m, "a"), _idx(m, "b")) for m in _FROM_TO.finditer(s) if _compatible(sh, _idx(m, "a"), _idx(m, "b"))
    ]

    # percent and points changes: "up 67 percent", "a 50 percent increase", "fell $6.92, or 4.1%, to"
    changes = []
    for m in _CHANGE_AFTER_DIR.finditer(s):
        changes.append((m, _idx(m, "c"), m.group("dir")))
    for m, _c, word in list(changes):
        # "fell 7% for Goldman, 1% for Bank of America ... and rose 0.2% for Wells Fargo": one verb, a list
        pos = m.end()
        while True:
            item = re.match(
                rf"\s+for\s+(?:(?!\b(?:{DIR})\b)[^,«])+?,?\s+(?:and\s+)?{_tok('PT', 'c')}(?=\s+for\b)", s[pos:], re.I
            )
            if not item:
                break
            changes.append((_Item(m, pos + item.start("c") - 1, pos + item.end()), _idx(item, "c"), word))
            pos += item.end()
    for m in _CHANGE_BEFORE_NOUN.finditer(s):
        if all(c[1] != _idx(m, "c") for c in changes):
            changes.append((m, _idx(m, "c"), m.group("dir")))
    amount_changes = {}
    for m, c, word in sorted(changes, key=lambda x: x[0].start()):
        change = sh.at(c)
        if change.kind is Kind.NUMBER:
            # "fell $6.92, or 4.1%, to $160.87": an amount change, with the percent after it
            if not re.match(r"\s*,\s*or\s+«P\d+»", s[m.end() :]) and not re.match(r"\s*to\s+«N\d+»", s[m.end() :]):
                continue
            amount_changes[c] = m
            continue
        claims.append(_change_claim(sh, m, c, word, pairs, used, year, sentence, {k for _, k, _ in changes} - {c}))
    for c, m in amount_changes.items():
        pct = re.match(r"\s*,\s*or\s+«P(\d+)»", s[m.end() :])
        partner = next((k for k in claims if pct and k.fields.get("change") is sh.at(int(pct.group(1)))), None)
        if pct and partner is None:  # "fell $6.92, or 4.1%, to $160.87": the percent is a change too
            p_idx = int(pct.group(1))
            used.add(p_idx)
            partner = Claim("percent-change", {"from": None, "to": None, "change": sh.at(p_idx)},
                            *sh.span(m.start(), m.end() + pct.end()), sentence, wording=m.group("dir"), confidence=0.8)  # fmt: skip
            claims.append(partner)
        to = partner.fields.get("to") if partner else None
        if to is None:
            tm = _TO.search(s[m.end() :]) or (_TO.search(s[m.end() + pct.end() :]) if pct else None)
            to = sh.at(_idx(tm, "v")) if tm else None
        if not isinstance(to, Mention):
            continue
        if partner is not None and partner.fields.get("to") is None:
            partner.fields["to"] = to
            partner.label = partner.label or _label(s, m)
        frm = (
            partner.fields.get("from")
            if partner and partner.fields.get("from") is not None
            else Implied(to.noun, None, to, "from")
        )
        if partner is not None and partner.fields.get("from") is None:
            partner.fields["from"] = frm
        claims.append(Claim("from-to", {"from": frm, "to": to, "change": sh.at(c)}, *sh.span(m.start(), m.end()), sentence,
                            wording=m.group("dir"), confidence=0.8))  # fmt: skip
        used.add(c)

    # from-to without a stated change: "rising from 26 percent ... to 35 percent"
    for m, a, b in pairs:
        if a in used or b in used:
            continue
        before = s[max(0, m.start() - 80) : m.start()]
        d = list(re.finditer(rf"\b({DIR})\b", before, re.I))
        if not d and not re.search(r"\bwent\b|\bgone\b|\bmoved\b|\bchanged\b", before):
            continue
        word = d[-1].group(1) if d else None
        start = m.start() - len(before) + d[-1].start() if d else m.start()
        claims.append(Claim("from-to", {"from": sh.at(a), "to": sh.at(b)}, *sh.span(start, m.end()), sentence,
                            wording=word, confidence=0.85))  # fmt: skip
        used.update((a, b))

    claims += _multiples(sh, sentence, used, year)
    claims += _shares(sh, sentence, used)
    claims += _margins(sh, sentence, used)
    return claims


class _Item:
    """A list item that shares the verb of the change before it ('..., 1% for Bank of America')."""

    def __init__(self, head: re.Match, start: int, end: int):
        self._head, self._start, self._end = head, start, end

    def start(self, *_):
        return self._start

    def end(self, *_):
        return self._end

    def group(self, name=0):
        return self._head.group("dir") if name == "dir" else self._head.string[self._start : self._end]


def _compatible(sh: Shape, a: int | None, b: int | None) -> bool:
    if a is None or b is None:
        return False
    ka, kb = sh.at(a).kind, sh.at(b).kind
    return ka == kb or {ka, kb} <= {Kind.PERCENT, Kind.POINTS}


def _change_claim(
    sh: Shape, m: re.Match, c: int, word: str, pairs, used: set[int], year, sentence, others=frozenset()
) -> Claim:
    s = sh.shape
    change = sh.at(c)
    rule = "percentage-points" if change.kind is Kind.POINTS else "percent-change"
    used.add(c)
    frm = to = None
    rest = s[m.end() :]
    nxt = next((t for t in re.finditer(r"«[PTMN](\d+)»", rest) if int(t.group(1)) in others), None)
    rest = rest[: nxt.start()] if nxt else rest  # the words up to the next change belong to this one
    conf = 0.85
    # a from..to pair after the change (or around it)
    for pm, a, b in pairs:
        between = s[m.end() : pm.start()] if pm.start() >= m.end() else ""
        if (
            pm.start() >= m.start() - 5
            and a not in used
            and b not in used
            and not re.search(r"«[PTM]\d+»", between)
            and pm.start() < m.end() + len(rest)
        ):
            frm, to = sh.at(a), sh.at(b)
            break
    if to is None:
        tm = _TO.search(rest)
        if tm and _level(sh.at(_idx(tm, "v")), change):
            to = sh.at(_idx(tm, "v"))
    if frm is None and to is not None:  # "to 604,953 compared to 584,818"
        cm = re.search(rf"\b{_PAIR_WORDS}\s+(?:the\s+|an?\s+)?{_tok('NPTF', 'v')}", rest)
        if cm and _level(sh.at(_idx(cm, "v")), change) and not re.search(r"«[PTM]\d+»", rest[: cm.start()]):
            frm = sh.at(_idx(cm, "v"))
    if frm is None:
        fm = _FROM.search(rest)
        if fm and _level(sh.at(_idx(fm, "v")), change) and sh.at(_idx(fm, "v")) is not to:
            frm = sh.at(_idx(fm, "v"))
        tm = _THAN.search(rest) if frm is None else None
        if tm and _level(sh.at(_idx(tm, "v")), change):
            frm = sh.at(_idx(tm, "v"))
    # "4,800 compared to 2,300 ..., an increase of 107%"
    if to is None and frm is None:
        for pm in _PAIR.finditer(s):
            a, b = _idx(pm, "a"), _idx(pm, "b")
            if a not in used and b not in used and _level(sh.at(a), change) and _level(sh.at(b), change):
                to, frm = sh.at(a), sh.at(b)
                conf = 0.8
                break
    # "surpassed 210,000, marking a 5 percent increase": the figure before the change
    if to is None:
        before = s[: m.start()]
        pm = list(re.finditer(r"«([NP])(\d+)»", before))
        if pm:
            cand = sh.at(int(pm[-1].group(2)))
            gap = before[pm[-1].end() :]
            after_noun = sh.text[(cand.noun_end or cand.end) - sh.offset : sh.original(m.start()) - sh.offset]
            own_change = re.search(rf"\b(?:{DIR})\s+(?:by\s+)?$", sh.text[: cand.quote_start - sh.offset], re.I)
            if (
                not own_change  # "lost 100g, which ...": a change itself, not a level
                and int(pm[-1].group(2)) not in used
                and _level(cand, change)
                and cand is not frm
                and re.search(r",|\u2014|\bwere\b|\bwas\b|\bhave\b|\bhas\b", gap)
                and "«" not in gap
                and not re.search(r"\b(?:while|but|whereas|and)\b", after_noun)
            ):
                to = cand
                conf = 0.75
    notes = []
    of_rates = bool(
        re.search(r"per[-\s]capita|per\s+(?:head|person|resident)", sh.shape[max(0, m.start() - 30) : m.end()], re.I)
    )
    if of_rates:
        frm = to = None  # a change of rates: linking finds the counts the rates are implied by, if stated
        notes.append("a per-capita change: a rate of two figures, not linked to the counts")
    used.update(i for i, a in enumerate(sh.amounts) if a is frm or a is to)
    tail = s[m.end() : m.end() + 120]
    base_words = re.split(r"[;.]", tail)[0]
    label = _label(s, m)
    if frm is None:
        period = None
        if PREVIOUS.search(base_words) or re.search(r"\bsince\b|\bfrom\b", base_words):
            period = read_period(base_words, year)
            if period is None and isinstance(to, Mention):
                period = previous(to.period, year)
        like = to if isinstance(to, Mention) else None
        frm = Implied(like.noun if like else None, period, like, "from")
        if (
            isinstance(to, Mention)
            and to.period is None
            and period
            and period.isdigit()
            and PREVIOUS.search(base_words)
        ):
            to.period = str(int(period) + 1)
    if to is None:
        to = Implied(
            frm.noun if isinstance(frm, Mention) else None, None, frm if isinstance(frm, Mention) else None, "to"
        )
    words = [m.start(), m.end()]
    for v in (frm, to):
        if isinstance(v, Mention):
            i = next(k for k, a in enumerate(sh.amounts) if a is v)
            pos = next(p for p, t in sh.where if t.endswith(f"{i}»"))
            words += [pos, pos + len(f"«{_LETTER[v.kind]}{i}»")]
    if PREVIOUS.search(base_words):
        pm = PREVIOUS.search(s, m.end())
        words.append(pm.end())
    a, b = sh.span(min(words), max(words))
    if not any(isinstance(v, Mention) for v in (frm, to)):
        conf = 0.6
    wording = " ".join(sh.words(m.start(), m.end()).replace(change.text, " ").split()) or word
    wording = re.sub(r"^(?:an?|by|of)\s+|\s+(?:by|of)$", "", wording)
    base = PREVIOUS.search(base_words)
    if base and "«" not in base_words[: base.end()]:
        wording = f"{wording} {' '.join(sh.words(m.end(), m.end() + base.end()).split())}"
    wording = _wording(wording, word)
    return Claim(rule, {"from": frm, "to": to, "change": change}, a, b, sentence, wording=wording, confidence=conf, label=label,
                 notes=notes, of_rates=of_rates)  # fmt: skip


def _wording(wording: str, word: str) -> str:
    """The words that link the numbers, with the direction made explicit when the rules would miss it."""
    try:
        known = common.direction(wording)
    except common.WordingError:
        return wording
    if known is None:
        low = word.lower()
        if low in (w.lower() for w in FALL):
            return f"{wording} (a fall)"
        if low in (w.lower() for w in RISE):
            return f"{wording} (a rise)"
    return wording


def _label(s: str, m: re.Match) -> str | None:
    """'fell 7% for Goldman': the thing a change is about, to find it in another sentence."""
    lm = re.match(r"\s+(?:for|at|in)\s+((?:[A-Z][\w.&'-]*\s*)+|(?:the\s+)?[a-z]+s)\b", s[m.end() :])
    return lm.group(1).strip() if lm else None


def _level(m: Mention, change: Mention) -> bool:
    """A figure a change can go from or to: a count or amount, or a percentage level."""
    if not m.is_amount or m is change:
        return False
    if change.kind is Kind.POINTS:
        return m.kind is Kind.PERCENT
    return m.kind in (Kind.NUMBER, Kind.PERCENT, Kind.POINTS, Kind.FRACTION)


def _multiples(sh: Shape, sentence: int, used: set[int], year) -> list[Claim]:
    s = sh.shape
    out = []
    for m in _MULTIPLE.finditer(s):
        c = _idx(m, "c")
        factor = sh.at(c)
        if c in used or (not m.group("after") and not m.group("dir") and not _MULTIPLE_WORD.match(factor.text)):
            continue
        rest = s[m.end() :]
        before = s[: m.start()]
        frm = to = None
        conf = 0.8
        if m.group("cmp"):
            tm = re.match(rf"\s*(?:the\s+)?{_tok('NF', 'v')}", rest)
            frm = sh.at(_idx(tm, "v")) if tm else None
            prev = list(re.finditer(r"«([NF])(\d+)»", before))
            if prev and int(prev[-1].group(2)) not in used:
                to = sh.at(int(prev[-1].group(2)))
        else:
            tm = re.match(rf"[^«]{{0,20}}?\bto\s+(?:(?:allow|reach|hit)\s+)?{_tok('NF', 'v')}", s[m.end("c") + 1 :])
            if tm:
                to = sh.at(_idx(tm, "v"))
                prev = [p for p in re.finditer(r"«([NF])(\d+)»", before) if sh.at(int(p.group(2))).kind is to.kind]
                frm = sh.at(int(prev[-1].group(2))) if prev else None
        base_words = re.split(r"[;.]", rest)[0][:80]
        label = None
        if frm is None:
            period = read_period(base_words, year) if PREVIOUS.search(base_words) else None
            than = re.match(r"\s*(?:the\s+)?([^«,.;\u201d\"]{3,40})", rest) if m.group("cmp") else None
            label = than.group(1).strip() if than and not period else None
            frm = Implied(
                to.noun if to else None,
                period or (previous(to.period, year) if to and PREVIOUS.search(base_words) else None),
                to,
                "from",
            )
            if to is not None and to.period is None and PREVIOUS.search(base_words) and year:
                to.period = str(year)
            conf = 0.7 if to else 0.55
        if to is None:
            to = Implied(
                frm.noun if isinstance(frm, Mention) else None, None, frm if isinstance(frm, Mention) else None, "to"
            )
        used.add(c)
        a, b = m.start(), m.end()
        for v in (frm, to):
            if isinstance(v, Mention):
                i = sh.amounts.index(v)
                pos = next(p for p, t in sh.where if t.endswith(f"{i}»"))
                a, b = min(a, pos), max(b, pos + len(f"«x{i}»"))
                used.add(i)
        if PREVIOUS.search(base_words):
            b = max(b, m.end() + PREVIOUS.search(rest).end())
        wording = " ".join(w for w in (m.group("dir"), (m.group("after") or "").strip(' ,\u201d"')) if w) or None
        if wording is None and isinstance(frm, Implied) and isinstance(to, Implied):
            wording = None
        out.append(Claim("multiple", {"from": frm, "to": to, "factor": factor}, *sh.span(a, b), sentence,
                         wording=wording, confidence=conf, label=label))  # fmt: skip
    return out


def _shares(sh: Shape, sentence: int, used: set[int]) -> list[Claim]:
    s = sh.shape
    out = []

    def add(part, whole, share, a, b, conf, label=None):
        used.add(sh.amounts.index(share))
        for v in (part, whole):
            if isinstance(v, Mention):
                used.add(sh.amounts.index(v))
        out.append(Claim("share", {"part": part, "whole": whole, "share": share}, *sh.span(a, b), sentence,
                         confidence=conf, label=label))  # fmt: skip

    for m in _SHARE_OF.finditer(s):  # "35 percent of the 1,200 exhibitors"
        share, whole = sh.at(_idx(m, "s")), sh.at(_idx(m, "w"))
        if _idx(m, "s") not in used:
            add(Implied(whole.noun, whole.period, whole, "part"), whole, share, m.start(), m.end(), 0.85)
    # part of whole with the share in the same sentence: "12 of the 15 ..., or 80%"
    for m in list(_PART_WHOLE.finditer(s)) + list(_PART_OF_WHOLE.finditer(s)):
        p, w = _idx(m, "p"), _idx(m, "w")
        pct = re.search(r"«P(\d+)»", s[m.end() :])
        if pct and int(pct.group(1)) not in used and p not in used:
            add(sh.at(p), sh.at(w), sh.at(int(pct.group(1))), m.start(), m.end() + pct.end(), 0.75)
    for m in _SHARE_OR.finditer(s):  # "420, or 35 percent"; "327 votes -- or .00000056 percent"
        p, sidx = _idx(m, "p"), _idx(m, "s")
        before = s[max(0, m.start() - 40) : m.start()]
        if (
            sidx in used
            or p in used
            or re.search(rf"\b(?:{DIR})\b\s*(?:by\s+)?$", before, re.I)
            or re.search(r"\bto\s*$", before)
            and re.search(rf"\b(?:{DIR})\b", before, re.I)
            and False
        ):
            continue
        if re.search(rf"\b(?:{DIR})\b[^«]*$", before, re.I) and not re.search(r"\bto\s*$", before):
            continue
        part = sh.at(p)
        whole = Implied(part.noun, part.period, part, "whole")
        add(part, whole, sh.at(sidx), m.start(), m.end(), 0.7)
    for m in _SHARE_TOTAL.finditer(s):  # "accounting for 18.2 percent of the total"
        sidx = _idx(m, "s")
        prev = list(re.finditer(r"«N(\d+)»", s[: m.start()]))
        if sidx in used or not prev:
            continue
        part = sh.at(int(prev[-1].group(1)))
        a = next(p for p, t in sh.where if t == f"«N{prev[-1].group(1)}»")
        add(part, Implied(part.noun, part.period, part, "whole"), sh.at(sidx), a, m.end(), 0.7)
    # "Over 65 percent of the exhibitors", "80% of those cases": the whole is named, found later
    for m in _SHARE_OF_NOUN.finditer(s):
        sidx = _idx(m, "s")
        if sidx in used:
            continue
        noun = m.group("noun")
        add(Implied(noun, None, None, "part"), Implied(noun, None, None, "whole"), sh.at(sidx), m.start(), m.end(), 0.6,
            label=f"{m.group('det').lower()} {noun or ''}".strip())  # fmt: skip
    return out


def _margins(sh: Shape, sentence: int, used: set[int]) -> list[Claim]:
    out = []
    for m in _MARGIN.finditer(sh.shape):  # "by 2,909,135 to 2,907,351, or a margin of 1,784 votes"
        a, b, d = (sh.at(_idx(m, k)) for k in "abd")
        larger, smaller = (a, b) if a.written.value >= b.written.value else (b, a)
        used.update(sh.amounts.index(v) for v in (a, b, d))
        out.append(Claim("difference", {"larger": larger, "smaller": smaller, "difference": d}, *sh.span(m.start(), m.end()),
                         sentence, wording="a margin of", confidence=0.8))  # fmt: skip
    return out


def part_whole_pairs(text: str, offset: int, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'Out of the 15 ..., 12 of the countries': a part and its whole, for a share stated later."""
    sh = Shape(text, offset, mentions)
    out = []
    for m in list(_PART_WHOLE.finditer(sh.shape)) + list(_PART_OF_WHOLE.finditer(sh.shape)):
        out.append((sh.at(_idx(m, "p")), sh.at(_idx(m, "w"))))
    return out


_SCORE = re.compile(
    rf"(?:\bby|\b(?:won|wins|beat|beats|defeated|led|leads|trailed|trails|lost|loses)\b[^«.;]{{0,30}}?)\s+"
    rf"{_tok('N', 'a')}\s*(?:to|-|\u2013)\s*{_tok('N', 'b')}",
    re.I,
)


def score_pairs(text: str, offset: int, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'ahead by 2,909,135 to 2,907,351', 'won 5,210 to 4,980': the two figures of a contest, larger first."""
    sh = Shape(text, offset, mentions)
    out = []
    for m in _SCORE.finditer(sh.shape):
        a, b = sh.at(_idx(m, "a")), sh.at(_idx(m, "b"))
        if a.kind is Kind.NUMBER and b.kind is Kind.NUMBER and a.written.currency == b.written.currency:
            out.append((a, b) if a.written.value >= b.written.value else (b, a))
    return out


def comparison_pairs(text: str, offset: int, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'60% ..., versus 57% at this point last elections': (later, earlier) figures side by side."""
    sh = Shape(text, offset, mentions)
    return [(sh.at(_idx(m, "a")), sh.at(_idx(m, "b"))) for m in _PAIR.finditer(sh.shape)]
