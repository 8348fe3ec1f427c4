"""Each figure's role, from the words that mark it.

A sentence is read as its *shape*: the text with every amount replaced by a
token naming its kind and index ("rose «P0» to «N1» from «N2»"; P percent,
T points, M multiple, F fraction or ratio, N any other amount). A figure's
role is read from the few words right before and after its token, never
from the shape of the whole sentence, so the same role is found whatever
the order of the figures:

* ``change``: after a verb or adverb of direction ("rose 30 percent", "up
  $6.92", "fell by 3"), after a noun of change ("an increase of 30 percent"),
  or before one ("a 30 percent increase") or a comparative ("30 percent
  higher", "206,064 more passengers than");
* ``from``: after "from" ("from 200", "up from April's 19.59", "from a base
  of 70");
* ``base``: after a word of comparison ("than", "compared with", "versus",
  "against", "beat the record of"), or inside "..., when" after one
  ("than in 2023, when it handled 3.9 million");
* ``to``: after "to" ("to 270", "to reach $1.35 trillion");
* ``equals``: after "amounts to", "works out to", "is equal to".

Everything is read in windows of bounded length around each token, so
marking a sentence takes time linear in its length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from validator.extract import vocabulary as v
from validator.extract.mentions import Mention
from validator.numbers import Kind

LETTER = {Kind.PERCENT: "P", Kind.POINTS: "T", Kind.MULTIPLE: "M", Kind.FRACTION: "F", Kind.NUMBER: "N"}
WINDOW = 110  # characters of context read on each side of a figure

TOKEN = re.compile(r"«([PTMFN])(\d+)»")
_POSSESSIVE = r"(?:(?:[\w.-]+\s+){0,3}?[\w.\u2019'-]+(?:'s|\u2019s|s'|s\u2019)\s+)?"
# "the record of", "a daily average of", "the '18 season total of": words that name the figure after them.
_NAMING = rf"(?:(?:[\w\u2019'-]+\s+){{0,3}}?(?!{v.CHANGE_NOUNS}\s)[a-z]+\s+of\s+)?"
_ADJECTIVES = r"(?:(?<=the\s)(?:[a-z-]+\s+){0,2}?)?"
_LEAD = rf"\s+{v.SKIP}{_POSSESSIVE}{_ADJECTIVES}{_NAMING}$"

_CHANGE_LEFT = re.compile(
    rf"\b(?P<w>{v.DIRECTION_VERBS})\s+(?:(?:[a-z'\u2019-]+\s+){{1,7}}?by\s+|by\s+)?(?:(?:a\s+further|another|some|only|just|a\s+(?:huge|hefty|modest|"
    rf"further|whopping|massive|slight|small|record))\s+)?$",
    re.I,
)
_NOMINAL_LEFT = re.compile(
    rf"\b(?P<w>{v.CHANGE_NOUNS})\s+(?:of|is|was|were|are|came\s+to|comes\s+to|stood\s+at|stands\s+at|amounts?\s+to|"
    rf"amounted\s+to|works?\s+out\s+(?:to|at)|worked\s+out\s+(?:to|at))\s+(?:only\s+|just\s+|some\s+|almost\s+|"
    rf"nearly\s+|about\s+)?$",
    re.I,
)
# "tops the old record by 1,505", "beat the record of 1,196,000 by 30,000": a margin, not a level.
_BY_LEFT = re.compile(
    r"\b(?P<w>beat|beats|beating|top|tops|topped|topping|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|outstrip(?:s|ped)?"
    r"|outpac(?:es|ed|ing)|lead|leads|led|leading|trail(?:s|ed|ing)?|won|wins|lost|loses|ahead|behind)\b[^;.]{0,90}?"
    r"\bby\s+(?:about\s+|some\s+|nearly\s+|just\s+|only\s+)?$",
    re.I,
)
# 'up 186 on 4,230 the year before', 'a 3.3% gain over that benchmark year': the base of the change before it.
_ON_LEFT = re.compile(
    rf"(?:«[NPT]\d+»|\b{v.CHANGE_NOUNS})(?:\s+[a-z]+){{0,2}}?\s+(?P<w>on|over)\s+{v.SKIP}{_POSSESSIVE}{_NAMING}$", re.I
)
_FROM_LEFT = re.compile(rf"\b(?:(?P<w>up|down)\s+)?from{_LEAD}", re.I)
_BASE_LEFT = re.compile(
    rf"\b(?P<w>than|compared\s+(?:with|to)|versus|vs\.?|against|relative\s+to|beat(?:s|ing)?|surpass(?:ed|es|ing)"
    rf"|top(?:s|ped|ping)|exceed(?:s|ed|ing)|outstrip(?:s|ped|ping)|eclips(?:ed|es|ing)|short\s+of|ahead\s+of"
    rf"|behind)(?:\s+(?:in|at|on|for))?{_LEAD}",
    re.I,
)
_WHEN_BASE = re.compile(
    r"\b(?P<w>than|compared\s+(?:with|to)|versus|vs\.?|against|from|on|over|since)\s+[^«;]{0,50}?,?\s*(?:when|which|who)\s+"
    r"[^«;.]{0,80}$",
    re.I,
)
_TO_LEFT = re.compile(
    rf"(?<!\bcompared\s)(?<!\bequal\s)(?<!\bequivalent\s)(?<!\bclose\s)(?<!\baccording\s)(?<!\bdue\s)(?<!\bnext\s)"
    rf"(?<!\bamounts\s)(?<!\bamounted\s)(?<!\bamount\s)(?<!\bout\s)(?<!\bsimilar\s)(?<!\brelative\s)"
    rf"\bto\s+(?:(?:reach|hit|stand\s+at|total|permit|allow|make|give|produce|a\s+record(?:\s+high\s+of)?|an\s+all-time\s+high\s+of|"
    rf"a\s+combined)\s+)?"
    rf"{v.SKIP}{_POSSESSIVE}{_NAMING}$",
    re.I,
)
_EQUALS_LEFT = re.compile(
    r"\b(?P<w>amounts?\s+to|amounted\s+to|works?\s+out\s+(?:to|at)|worked\s+out\s+(?:to|at)|comes?\s+to|came\s+to"
    r"|equals?|equal\s+to|equivalent\s+to|is|was|are|were|represent(?:s|ed|ing)?)\s+(?:about\s+|roughly\s+)?$",
    re.I,
)
_NOMINAL_RIGHT = re.compile(
    rf"^\s*(?:-\s*)?(?:(?:year-on-year|year-over-year|annual|annualised|annualized|overall|total|sales|price)\s+)?"
    rf"(?P<w>{v.CHANGE_NOUNS})\b(?!\s+of\b)",
    re.I,
)
_COMPARATIVE_RIGHT = re.compile(
    rf"^(?:\s+[a-z][a-z-]*){{0,3}}?\s+(?P<w>(?!(?:over|under|up|down)\b)(?:{v.MORE}|{v.LESS}))\b(?=\s+(?:than|on|from|against|compared|versus|of"
    rf"|the|its|their|his|her|that|this|in|a|an|last|for|[A-Z]|\d|«)|\s*(?:[.;)]|,\s|$))",
    re.I,
)


@dataclass
class Role:
    """What a figure is in the claim its words make."""

    kind: str  # 'change', 'from', 'base', 'to', 'equals', or '' for a plain level
    word: str = ""  # the marking word(s): 'rose', 'an increase of', 'compared with'
    at: int = -1  # where the marking words start, in the shape
    sign: int | None = None  # +1 rise, -1 fall, for changes and comparatives


class Shape:
    """A sentence with its amounts as tokens, and the way back to offsets in the article."""

    def __init__(self, text: str, offset: int, mentions: list[Mention]):
        self.text, self.offset = text, offset
        self.amounts = [m for m in mentions if m.is_amount]
        parts: list[str] = []
        pos = 0
        self.token_at: list[int] = []  # where each token starts in the shape
        self._ends: list[int] = []  # where each token ends in the shape
        self._resume: list[int] = []  # where the text resumes after each token, relative to the sentence
        length = 0
        for i, m in enumerate(self.amounts):
            a, b = m.quote_start - offset, m.end - offset
            parts.append(text[pos:a])
            length += a - pos
            token = f"«{LETTER[m.kind]}{i}»"
            self.token_at.append(length)
            parts.append(token)
            length += len(token)
            self._ends.append(length)
            self._resume.append(b)
            pos = b
        parts.append(text[pos:])
        self.shape = "".join(parts)

    def at(self, i: int) -> Mention:
        return self.amounts[i]

    def index(self, m: Mention) -> int:
        return next(i for i, a in enumerate(self.amounts) if a is m)

    def token_end(self, i: int) -> int:
        return self._ends[i]

    def original(self, shape_pos: int) -> int:
        """Offset in the article of a position in the shape."""
        k = bisect.bisect_right(self.token_at, shape_pos)  # tokens starting at or before it
        if k == 0:
            return self.offset + shape_pos
        if shape_pos < self._ends[k - 1]:
            return self.amounts[k - 1].quote_start
        return self.offset + self._resume[k - 1] + (shape_pos - self._ends[k - 1])

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.original(a), self.original(b)

    def words(self, a: int, b: int) -> str:
        x, y = self.span(a, b)
        return self.text[x - self.offset : y - self.offset]

    def left(self, i: int) -> str:
        a = self.token_at[i]
        return self.shape[max(0, a - WINDOW) : a]

    def right(self, i: int) -> str:
        b = self.token_end(i)
        return self.shape[b : b + WINDOW]


def mark(sh: Shape) -> tuple[list[Role], list[Role]]:
    """Each amount's role from the words before it, and from the words after it."""
    lefts, rights = [], []
    for i, m in enumerate(sh.amounts):
        lefts.append(_left(sh, i, m))
        rights.append(_right(sh, i, m))
    for i in _ranges(sh, lefts):
        lefts[i] = rights[i] = Role("range")
    for i in range(1, len(sh.amounts)):  # 'from the total of 2,980,549 and average of 36,797': both are 'from'
        before = sh.shape[sh.token_end(i - 1) : sh.token_at[i]]
        if lefts[i].kind == "" and lefts[i - 1].kind in ("from", "base", "to") and _COORDINATED.fullmatch(before):
            lefts[i] = Role(lefts[i - 1].kind, lefts[i - 1].word, sh.token_end(i - 1), lefts[i - 1].sign)
        elif (
            lefts[i].kind == rights[i].kind == ""
            and lefts[i - 1].kind == "change"
            and sh.at(i).kind is sh.at(i - 1).kind
            and _LISTED.fullmatch(before)
        ):  # 'fallen 7% at Goldman, 1% at Bank of America and 0.2% at Citigroup': one verb, a list of changes
            lefts[i] = Role("change", lefts[i - 1].word, sh.token_at[i], lefts[i - 1].sign)
    return lefts, rights


_LISTED = re.compile(r"\s+(?:at|for|in)\s+(?!the\s+(?:year|quarter|month|week|first|second|third|fourth)\b)[^«,;\d]{1,40}?,?\s+(?:and\s+)?", re.I)
_COORDINATED = re.compile(rf"(?:\s+[a-z]+){{0,2}}?\s*,?\s+(?:and|or)\s+{v.SKIP}{_NAMING}", re.I)


_RANGE_BETWEEN = re.compile(r"\bbetween\s+«[PN](\d+)»\s+and\s+«[PN](\d+)»", re.I)


def _ranges(sh: Shape, lefts: list[Role]) -> set[int]:
    """'8 to 10 percent', '2-3%', 'between 15 percent and 20 percent': one range, neither end a level nor a change."""
    out: set[int] = set()
    for m in _RANGE_BETWEEN.finditer(sh.shape):
        out.update((int(m.group(1)), int(m.group(2))))
    for i in range(len(sh.amounts) - 1):
        a, b = sh.at(i), sh.at(i + 1)
        between = sh.shape[sh.token_end(i) : sh.token_at[i + 1]]
        if not re.fullmatch(r"\s*(?:to|-|\u2013|\u2014|or)\s*", between) or lefts[i].kind == "from":
            continue
        bare = a.kind is Kind.NUMBER and not a.noun and not (a.written and a.written.currency)
        if bare and b.kind in (Kind.PERCENT, Kind.NUMBER) and a.written.value < b.written.value and not a.qualifier:
            if b.kind is Kind.PERCENT or a.written.value * 10 > b.written.value:
                out.update((i, i + 1))
    return out


def _left(sh: Shape, i: int, m: Mention) -> Role:
    left = sh.left(i)
    start = sh.token_at[i] - len(left)
    for kind, pattern in (("base", _WHEN_BASE), ("change", _CHANGE_LEFT), ("change", _NOMINAL_LEFT), ("change", _BY_LEFT),
                          ("from", _FROM_LEFT), ("base", _BASE_LEFT), ("base", _ON_LEFT), ("to", _TO_LEFT),
                          ("equals", _EQUALS_LEFT)):  # fmt: skip
        found = pattern.search(left)
        if found is None:
            continue
        if kind == "change" and m.kind is Kind.MULTIPLE:
            continue  # "rose fourfold" is a multiple, read by its own word
        if pattern is _CHANGE_LEFT and v.is_particle(left, found.start("w"), found.group("w")):
            continue  # "made up 44 percent": a phrasal verb, no direction
        if pattern is _CHANGE_LEFT and m.kind is Kind.NUMBER and re.match(r"rais|rai[sz]|lift|boost", word := found.group("w"), re.I) \
                and not re.search(r"\bby\s+$", left):
            continue  # "the charity raised €12.25bn": money collected, not a rise (a rise is 'raised by')
        if pattern is _BY_LEFT and re.match(r"\s*(?:to|-|\u2013)\s*«N", sh.right(i)):
            continue  # "won by 5,210 to 4,980": the two figures of a contest, not a margin
        word = found.groupdict().get("w") or found.group().strip()
        sign = v.direction_of(word) if kind == "change" else None
        if kind == "from":
            word = found.group("w") or ""
            sign = v.direction_of(word) if word else None
            word = f"{word} from".strip()
        return Role(kind, " ".join(word.split()), start + found.start(), sign)
    return Role("")


def _right(sh: Shape, i: int, m: Mention) -> Role:
    right = sh.right(i)
    end = sh.token_end(i)
    found = _NOMINAL_RIGHT.match(right)
    if found and m.kind is not Kind.MULTIPLE:
        word = found.group("w")
        return Role("change", word.lower(), end + found.start("w"), v.direction_of(word))
    found = _COMPARATIVE_RIGHT.match(right)
    if found and m.kind is not Kind.MULTIPLE:
        word = found.group("w")
        return Role("change", word.lower(), end + found.start("w"), v.direction_of(word))
    return Role("")
