"""Parts and wholes within one sentence: shares (SH01) and sums (SU01).

A *share* is a percent or fraction of a whole, marked by its words:

* "35 percent of the 1,200 exhibitors" (the whole after "of"), with the part
  said before it ("60 cents amounts to 25% of $2.40", "17,004 tonnes was
  recycled, 99 percent of the 27,425 total") or after it ("..., 757 in all",
  "..., or 563");
* "480, or 35 percent", "13,494 exhibitors (13.14%)", "16,257 votes - 94% -":
  a count restated as a percent; its whole is the larger count of the same
  thing in the sentence ("which has 84,435 people ..., 20,465 people ..., or
  24%"), or is found later (:mod:`validator.extract.wholes`);
* "Of the 1,200 exhibitors, 480, or 35 percent", "12 of the 15 ..., or 80%",
  "181 out of 1,814"; "Of these, 24,521 (40%)" and "That was 9% of the 1,569
  total" point back, and linking finds what they point at;
* "accounted for 34 percent of sales", "a 1.8% market share", "60 percent of
  the exhibitors", "the share of the company's €34.6bn ... was 36 percent".

A *sum* is a total and its parts, with words that say the list is the whole
of it: a breakdown after the total ("74.1 million passengers: 9.7 million on
domestic routes and 36.6 million on international routes", "made up of",
"of which", "split into", "(€1,900 million on ..., €296 million on ...)"), or
a total after its parts ("..., a total of $31.69m", "$38.3 billion in all",
"bringing the total to $1,187"), or percents of one whole with "the remaining"
or "the rest" (which must make 100 percent).
"""

from __future__ import annotations

import re

from validator.extract.found import Claim, Implied
from validator.extract.mentions import Mention
from validator.extract.relations import POSS, Reading, changes_in, counts, same_unit
from validator.numbers import Kind

# ------------------------------------------------------------------ shares
_SHARE_OF = re.compile(
    rf"«[PF](?P<s>\d+)»\s+of\s+(?:the|all|its|their|a|an)?\s*{POSS}(?:(?:total|combined|overall|possible|estimated)\s+)?"
    rf"«N(?P<w>\d+)»"
    rf"|«F(?P<s2>\d+)»\s+(?:as\s+(?:much|many|large|high|big)\s+as\s+)?(?:the|its|their)\s+{POSS}«N(?P<w2>\d+)»",  # 'half the 424'
    re.I,
)
# 'a third of the earlier figure': the whole is the figure the sentence compares the part with
_OF_THE_EARLIER = re.compile(
    r"«[PF](?P<s>\d+)»\s+(?:(?:of|as\s+(?:much|many)\s+as)\s+)?the\s+(?:earlier|previous|former|older|prior)\s+"
    r"(?:figure|level|number|total|amount|one)"
    r"|:\s*«F(?P<s2>\d+)»\s+as\s+(?:much|many|large|high|big)\s*(?:[.;,)]|$)",  # '4,592 versus 12,858: half as many'
    re.I,
)
# 'half the 2019 level: 400,000 against 1.4 million'
_LEVEL_THEN_PAIR = re.compile(
    r"«F(?P<s>\d+)»\s+the\s+(?:[\w'-]+\s+){0,2}?(?:level|figure|total|number|amount)\s*:\s*«N(?P<p>\d+)»[^«;]{0,30}?"
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s+«N(?P<w>\d+)»",
    re.I,
)
_OF_THE_WHOLE = re.compile(
    r"(?:^|[.;:]\s+|,\s+)Of\s+(?:the\s+|all\s+|its\s+|their\s+)?«N(?P<w>\d+)»[^«;]{0,60}?,\s*«[NP](?P<x>\d+)»"
)
_OF_THESE = re.compile(
    r"(?:^|[.;:]\s+)Of\s+(?P<det>these|those|them|this|that)\b[^«;]{0,30}?,?\s*«(?P<k>[NP])(?P<x>\d+)»", re.I
)
# 'In 2024 it employed half that number, 300': a fraction of the figure the sentence before states
_FRACTION_OF_THAT = re.compile(
    r"«F(?P<s>\d+)»\s+(?:of\s+)?(?P<det>that|this)\s+(?:amount|number|figure|level|total|sum|count)\s*,\s*«N(?P<p>\d+)»",
    re.I,
)
_THAT_WAS_SHARE = re.compile(
    rf"^\s*(?P<det>that|this|it)\s+(?:was|is|represented|represents|made\s+up|accounted\s+for)\s+(?:about\s+|some\s+|just\s+)?"
    rf"«[PF](?P<s>\d+)»\s+of\s+(?:the\s+|all\s+)?{POSS}(?:total\s+)?«N(?P<w>\d+)»",
    re.I,
)
_SHARE_OF_NOUN = re.compile(
    r"«[PF](?P<s>\d+)»\s+of\s+(?P<det>the|those|these|all|them)\b(?:\s+(?P<noun>(?:[a-z-]+\s+){0,3}?[a-z-]+s)\b)?(?!\s*«)",
    re.I,
)
_PART_OF = re.compile(
    rf"«N(?P<p>\d+)»\s+(?:[a-z]+\s+){{0,2}}?(?:of|out\s+of)\s+(?:the\s+|a\s+possible\s+|all\s+)?{POSS}«N(?P<w>\d+)»", re.I
)
_SHARE_NAMED = re.compile(
    r"(?:\b(?:accounted\s+for|accounting\s+for|accounts\s+for|made\s+up|make\s+up|makes\s+up|making\s+up|"
    r"represent(?:s|ed|ing)?|comprised|comprises|constitut(?:ed|es|ing)|good\s+for|holds?|held|took|takes|"
    r"captured|controls?|controlled)\s+(?:an?\s+|about\s+|some\s+|just\s+|only\s+)?)«P(?P<s>\d+)»"
    r"(?:\s+(?P<market>market\s+)?share\b|\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?P<noun>(?:(?!(?:in|at|for|on|"
    r"during|last|this|over|from|and|or|with|than|by)\b)[\w'\u2019.-]+\s*){1,4}))?",
    re.I,
)
_SHARE_OF_WHOLE_WAS = re.compile(
    rf"\bshare\s+of\s+(?:the\s+)?{POSS}«N(?P<w>\d+)»[^«;]{{0,70}}?\b(?:was|is|stood\s+at|came\s+to)\s+"
    rf"(?:about\s+|some\s+|just\s+)?«P(?P<s>\d+)»",
    re.I,
)
_PART_AFTER = re.compile(
    r"^[^«;]{0,80}?(?:,\s*or\s+|:\s*|,\s*)(?:about\s+|some\s+)?«N(?P<p>\d+)»(?P<all>(?:\s+[a-z]+){0,2}?\s+"
    r"(?:in\s+all|in\s+total|altogether|all\s+told))?",
    re.I,
)


def shares(r: Reading) -> list[Claim]:
    """The share claims of one sentence."""
    sh, out = r.sh, []
    taken: set[int] = set(r.used)

    def add(part, whole, share, a, b, confidence=0.8, label=None):
        for x in (part, whole, share):
            if isinstance(x, Mention):
                taken.add(sh.index(x))
                r.used.add(sh.index(x))
        if isinstance(whole, Mention):
            r.wholes.add(sh.index(whole))
        out.append(Claim("share", {"part": part, "whole": whole, "share": share}, *sh.span(a, b), r.sentence,
                         confidence=confidence, label=label))  # fmt: skip

    def implied_part(whole: Mention) -> Implied:
        return Implied(whole.noun, whole.period, whole, "part")

    for m in _THAT_WAS_SHARE.finditer(sh.shape):  # "That was 9% of the 1,569 total": the part is what 'that' is
        p, w = int(m.group("s")), int(m.group("w"))
        if p not in taken and w not in taken:
            add(Implied(sh.at(w).noun, None, None, "part"), sh.at(w), sh.at(p), m.start(), m.end(), 0.7,
                label=f"{m.group('det').lower()} part")  # fmt: skip
    for m in _FRACTION_OF_THAT.finditer(sh.shape):
        f, k = int(m.group("s")), int(m.group("p"))
        if f not in taken and k not in taken:
            part = sh.at(k)
            add(part, Implied(part.noun, None, part, "whole"), sh.at(f), m.start(), m.end(), 0.7,
                label=f"{m.group('det').lower()} whole")  # fmt: skip
    for m in _OF_THESE.finditer(sh.shape):  # "Of these, 24,521 (40%) came from overseas": the whole is 'these'
        x = int(m.group("x"))
        if x in taken:
            continue
        label = f"{m.group('det').lower()} whole"
        if m.group("k") == "P" and _REMAINING.search(sh.shape[m.end() :]):
            continue  # "Of those asked, 32 percent backed it, ... and the rest, 16 percent": a breakdown (a sum)
        if m.group("k") == "P":
            add(Implied(None, None, None, "part"), Implied(None, None, None, "whole"), sh.at(x), m.start(), m.end(), 0.7,
                label=label)  # fmt: skip
            continue
        share = r.restated_share(x)
        if share is not None and share not in taken:
            part = sh.at(x)
            add(part, Implied(part.noun, part.period, part, "whole"), sh.at(share), m.start(), sh.token_end(share), 0.7,
                label=label)  # fmt: skip
    for m in _OF_THE_WHOLE.finditer(sh.shape):  # "Of the 1,200 exhibitors, 480, or 35 percent, ..."
        w, x = int(m.group("w")), int(m.group("x"))
        if w in taken or x in taken or sh.at(w).kind is not Kind.NUMBER:
            continue
        if sh.at(x).kind is Kind.PERCENT:  # "Of the 40 new hires, 44 percent were women"
            if _REMAINING.search(sh.shape[m.end() : r.clause_end(x)]):
                continue  # "Of the 3,000 polled, 43% backed it, ... and the remaining 26%": a breakdown (a sum)
            add(implied_part(sh.at(w)), sh.at(w), sh.at(x), m.start(), m.end())
            continue
        share = r.restated_share(x)
        if share is not None and counts(sh.at(x), sh.at(w)):
            add(sh.at(x), sh.at(w), sh.at(share), m.start(), sh.token_end(share))
    for m in _SHARE_OF_WHOLE_WAS.finditer(sh.shape):  # "the share of the company's €34.6bn ... was 36 percent, or €31.1bn"
        p, w = int(m.group("s")), int(m.group("w"))
        if p in taken or w in taken:
            continue
        after = _PART_AFTER.match(sh.shape[m.end() :])
        part = sh.at(int(after.group("p"))) if after and int(after.group("p")) not in taken else implied_part(sh.at(w))
        add(part, sh.at(w), sh.at(p), m.start(), m.end() + (after.end() if after and isinstance(part, Mention) else 0))
    for m in _LEVEL_THEN_PAIR.finditer(sh.shape):
        p, k, w = int(m.group("s")), int(m.group("p")), int(m.group("w"))
        if not {p, k, w} & taken and counts(sh.at(k), sh.at(w)) or not {p, k, w} & taken and same_unit(sh.at(k), sh.at(w)):
            add(sh.at(k), sh.at(w), sh.at(p), m.start(), m.end())
    for m in _OF_THE_EARLIER.finditer(sh.shape):  # "5.07 million ... compared with 22.83 million, a third of the earlier figure"
        p = int(m.group("s") or m.group("s2"))
        pairs = [(a, b) for a, b in _sides(r) if sh.token_end(b) <= m.start()]
        if p in taken or len(pairs) != 1:
            continue
        part, whole = pairs[0]
        add(sh.at(part), sh.at(whole), sh.at(p), sh.token_at[part], m.end())
    for m in _SHARE_OF.finditer(sh.shape):  # "35 percent of the 1,200 exhibitors"
        p, w = int(m.group("s") or m.group("s2")), int(m.group("w") or m.group("w2"))
        if p in taken or r.roles[p].kind == "change" or sh.at(w).kind is not Kind.NUMBER:
            continue
        part_i = _equal_before(r, p)
        if part_i is None:
            part_i = _apposed_part(r, p, w)
        end = m.end()
        if part_i is None:  # "16% of the 2,803 exhibitors came from abroad, 757 in all"; "..., or 563"
            after = _PART_AFTER.match(sh.shape[m.end() :])
            if after and (after.group("all") or re.search(r",\s*or\s+(?:about\s+|some\s+)?«N$", sh.shape[m.end() : m.end() + after.start("p")])):
                k = int(after.group("p"))
                if k not in taken and k != w and counts(sh.at(k), sh.at(w)):
                    part_i, end = k, sh.token_end(k)
        part = sh.at(part_i) if part_i is not None else implied_part(sh.at(w))
        a = min(sh.token_at[part_i], m.start()) if part_i is not None else m.start()
        add(part, sh.at(w), sh.at(p), a, end)
    for m in _PART_OF.finditer(sh.shape):  # "12 of the 15 countries ..., or 80%"; "4,678 of the 7,545 ..., 31 percent"
        p, w = int(m.group("p")), int(m.group("w"))
        if p in taken or w in taken or not counts(sh.at(p), sh.at(w)):
            continue
        share = r.restated_share(p) or _share_after(r, m.end())
        if share is None or share in taken:
            continue
        add(sh.at(p), sh.at(w), sh.at(share), m.start(), sh.token_end(share))
    for p, m in enumerate(sh.amounts):  # "480, or 35 percent"; "13,494 exhibitors (13.14%)"
        if p in taken or r.roles[p].kind == "change":
            continue
        share = r.restated_share(p)
        if share is None or share in taken or r.roles[share].kind == "change":
            continue
        if m.kind is Kind.FRACTION:  # "181 out of 1,814 exhibitors, or 20 per cent": one proportion said twice
            taken.update((p, share))
            out.append(Claim("restatement", {"value": m, "as": sh.at(share)}, *sh.span(sh.token_at[p], sh.token_end(share)),
                             r.sentence, confidence=0.8))  # fmt: skip
            continue
        if m.kind is not Kind.NUMBER:
            continue
        whole = _whole_in_sentence(r, p, taken)
        if whole is None:
            part = sh.at(p)
            add(part, Implied(part.noun, part.period, part, "whole"), sh.at(share), sh.token_at[p], sh.token_end(share), 0.7)
        else:
            add(sh.at(p), sh.at(whole), sh.at(share), sh.token_at[p], sh.token_end(share))
    for m in _SHARE_OF_NOUN.finditer(sh.shape):  # "Over 60 percent of the exhibitors", "80% of those cases"
        p = int(m.group("s"))
        if p in taken or r.roles[p].kind == "change" or _SHARE_NAMED.search(sh.shape[max(0, m.start() - 40) : m.end()]):
            continue
        noun = m.group("noun")
        label = f"{m.group('det').lower()} {noun or ''}".strip()
        after = _PART_AFTER.match(sh.shape[m.end() :])
        part = Implied(noun, None, None, "part")
        end = m.end()
        if after and after.group("all") and int(after.group("p")) not in taken:  # "44 per cent of them ...: 22,458 in all"
            part, end = sh.at(int(after.group("p"))), m.end() + after.end()
        add(part, Implied(noun, None, None, "whole"), sh.at(p), m.start(), end, 0.6, label=label)
    for m in _SHARE_NAMED.finditer(sh.shape):  # "accounted for 34 percent of sales"; "a 1.8% market share"
        p = int(m.group("s"))
        if p in taken or r.roles[p].kind == "change":
            continue
        part_i = _subject_before(r, m.start())
        noun = (m.groupdict().get("noun") or "").strip() or None
        if part_i is not None and sh.at(part_i).kind is Kind.NUMBER and part_i not in taken:
            part = sh.at(part_i)
            add(part, Implied(noun or part.noun, part.period, part, "whole"), sh.at(p), sh.token_at[part_i], m.end(), 0.7,
                label=noun)  # fmt: skip
        else:
            add(Implied(noun, None, None, "part"), Implied(noun, None, None, "whole"), sh.at(p), m.start(), m.end(), 0.6,
                label=noun)  # fmt: skip
    return out


def _share_after(r: Reading, pos: int) -> int | None:
    """'12 of the 15 clinics met the target, or 80%'; '4,678 of the 7,545 students enrolled, 31 percent of the total'."""
    m = re.match(r"[^«;]{0,80}?(?:,\s*or|\(|,)\s*(?:about\s+|some\s+)?«P(\d+)»", r.sh.shape[pos:])
    return int(m.group(1)) if m else None


def _whole_in_sentence(r: Reading, p: int, taken: set[int]) -> int | None:
    """The one larger count of the same thing in the sentence that no share restates: the whole."""
    from validator.extract.measures import same_measure

    sh = r.sh
    part = sh.at(p)
    candidates = []
    for w, m in enumerate(sh.amounts):
        if w == p or w in taken - r.wholes or m.kind is not Kind.NUMBER or r.roles[w].kind == "change":
            continue
        if r.restated_share(w) is not None or not same_unit(m, part):
            continue
        if m.written.value <= part.written.value or same_measure(m, part) is False:
            continue
        candidates.append(w)
    return candidates[0] if len(candidates) == 1 else None


def _equal_before(r: Reading, p: int) -> int | None:
    """'60 cents amounts to 25% of $2.40': the figure said to be the share."""
    if r.roles[p].kind != "equals":
        return None
    m = re.search(r"«N(\d+)»[^«]{0,30}$", r.sh.shape[max(0, r.roles[p].at - 40) : r.roles[p].at])
    return int(m.group(1)) if m else None


def _apposed_part(r: Reading, p: int, w: int) -> int | None:
    """'In all, 17,004 tonnes was recycled, 99 percent of the 27,425 total', 'stood at 163 in 2024 (half the 424)',
    'At $10.7 billion, revenue was a quarter of the $37.6 billion': the figure the share stands beside."""
    sh = r.sh
    m = re.search(
        r"«N(\d+)»(?:\s+[\w'-]+){0,5}?\s*(?:,|\(|:|\s(?:was|were|is|are|at))\s*(?:or\s+|about\s+|some\s+|just\s+|only\s+|a\s+|an\s+)?$",
        sh.shape[max(0, sh.token_at[p] - 70) : sh.token_at[p]],
    ) or re.match(r"\s*At\s+«N(\d+)»(?:\s+[\w'-]+){0,3},[^«;]{0,80}$", sh.shape[: sh.token_at[p]])
    if not m:
        return None
    k = int(m.group(1))
    gap = sh.shape[sh.token_end(k) : sh.token_at[p]]
    if changes_in(gap) or not counts(sh.at(k), sh.at(w)):
        return None
    return k


def _sides(r: Reading) -> list[tuple[int, int]]:
    """(level, base) pairs of the sentence: a figure, then one marked 'compared with', 'versus' or 'against'."""
    sh = r.sh
    out = []
    for j, role in enumerate(r.roles):
        if role.kind == "base" and role.word.lower() in ("compared with", "compared to", "versus", "vs", "vs.", "against") and j:
            if r.roles[j - 1].kind in ("", "equals") and same_unit(sh.at(j - 1), sh.at(j)):
                out.append((j - 1, j))
    return out


def _subject_before(r: Reading, pos: int) -> int | None:
    m = re.search(r"«N(\d+)»(?:\s+[a-z]+){0,3}\s*,?\s*(?:\w+\s+){0,2}$", r.sh.shape[max(0, pos - 60) : pos])
    return int(m.group(1)) if m else None


# ------------------------------------------------------------------ sums
_TOTAL_AFTER = re.compile(
    r"(?P<cue>bringing\s+the\s+total\s+to|for\s+a\s+(?:combined\s+)?total\s+of|(?:,\s*)?a\s+total\s+of|a\s+combined|"
    r"to\s+a\s+combined|(?:made|make|makes)\s+up\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}?total\s+of|together\s+"
    r"(?:make|made|total(?:l?ed)?|come\s+to|came\s+to)|(?:that|this)\s+made|totall?ing)\s+(?:of\s+)?«N(?P<t>\d+)»"
    r"|«N(?P<t2>\d+)»(?:\s+[a-z]+){0,2}?\s+(?P<cue2>in\s+all|in\s+total|altogether|all\s+told)",
    re.I,
)
_BREAKDOWN = re.compile(
    r"«N(?P<t>\d+)»[^«;]{0,60}?(?P<cue>:|\(|\bmade\s+up\s+of\b|\bof\s+which\b|\bsplit\s+into\b|\bbroken\s+down\s+into\b|"
    r"\bcomprising\b|\bdivided\s+into\b)",
    re.I,
)
_OF_THE_TOTAL = re.compile(r"(?:^|[.;:]\s+|,\s+)Of\s+(?:the\s+)?«N(?P<t>\d+)»", re.I)
_REMAINING = re.compile(r"\b(?:the\s+)?(?:remaining|rest|others?|everything\s+else|the\s+remainder)\b", re.I)
_EXPRESSION = re.compile(
    r"«N(?P<r>\d+)»[^«(]{0,20}\((?:[^«()]{0,60}?,\s*)?\s*«N(?P<a>\d+)»\s*(?P<op>[-+\u2212\u2013]|minus|plus|less)\s*«N(?P<b>\d+)»\s*\)",
    re.I,
)
_LISTED = re.compile(r"(?:,|;|\band\b|\bor\b)", re.I)
_ARITHMETIC = re.compile(r"\b(?:minus|plus|less|times|divided|multiplied|of)\b|[-+=x\u00d7/]\s*$", re.I)


def sums(r: Reading) -> list[Claim]:
    """The sum claims of one sentence: a total and its parts, or percents that make a whole."""
    sh, out = r.sh, []

    def parts_in(lo: int, hi: int, like: Mention, skip: int) -> list[int]:
        """The figures listed between lo and hi, of the total's kind: each after a comma, 'and' or ';' (a list)."""
        found = [j for j in range(len(sh.amounts)) if j != skip and lo <= sh.token_at[j] < hi and sh.at(j).kind is like.kind
                 and same_unit(sh.at(j), like) and r.roles[j].kind in ("", "equals", "to")]  # fmt: skip
        if any(j in r.used for j in found):
            return []
        for x, y in zip(found, found[1:], strict=False):
            between = sh.shape[sh.token_end(x) : sh.token_at[y]]
            if "«" in between or not _LISTED.search(between) or _ARITHMETIC.search(between):
                return []
        return found

    def add(parts: list[int], total: Mention | Implied | None, a: int, b: int, cue: str | None, label: str | None = None):
        """A sum claim; with no total, its parts are percents of one whole and make 100 percent."""
        r.used.update(parts)
        if isinstance(total, Mention):
            r.used.add(sh.index(total))
        out.append(Claim("sum", {"parts": [sh.at(j) for j in parts], "total": total}, *sh.span(a, b), r.sentence,
                         wording=cue, confidence=0.75, label=label))  # fmt: skip

    for m in _EXPRESSION.finditer(sh.shape):  # "more than $20 billion ($45.6 billion - $25.5 billion)"
        res, a, b = int(m.group("r")), int(m.group("a")), int(m.group("b"))
        if not all(sh.at(k).kind is Kind.NUMBER and same_unit(sh.at(k), sh.at(res)) for k in (a, b)):
            continue
        if m.group("op").lower() in ("+", "plus"):
            fields = {"parts": [sh.at(a), sh.at(b)], "total": sh.at(res)}
            rule = "sum"
        else:
            fields = {"larger": sh.at(a), "smaller": sh.at(b), "difference": sh.at(res)}
            rule = "difference"
        r.used.update((res, a, b))
        out.append(Claim(rule, fields, *sh.span(m.start(), m.end()), r.sentence, wording=None, confidence=0.8))
    for m in _TOTAL_AFTER.finditer(sh.shape):  # parts, then their total
        t = int(m.group("t") or m.group("t2"))
        if t in r.used:
            continue
        cue = " ".join((m.group("cue") or m.group("cue2")).split())
        lo = 0 if re.match(r"bringing|that|this", cue, re.I) else r.clause_start(t)
        parts = parts_in(lo, sh.token_at[t], sh.at(t), t)
        if len(parts) >= 2:
            add(parts, sh.at(t), sh.token_at[parts[0]], sh.token_end(t), cue)
        elif re.match(r"that|this", cue, re.I):  # "That made 53.6 million in total": the parts are the sentence before's
            add([], sh.at(t), m.start(), sh.token_end(t), cue, label="that parts")
    for m in _BREAKDOWN.finditer(sh.shape):  # a total, then its parts
        t = int(m.group("t"))
        if t in r.used:
            continue
        hi = r.clause_end(t) if m.group("cue") != "(" else sh.shape.find(")", m.end()) % (len(sh.shape) + 1)
        parts = parts_in(m.end(), hi or len(sh.shape), sh.at(t), t)
        if len(parts) >= 2 and (m.group("cue") != ":" or re.search(r"\band\b", sh.shape[sh.token_end(parts[-2]) : sh.token_at[parts[-1]]])):
            add(parts, sh.at(t), sh.token_at[t], sh.token_end(parts[-1]), " ".join(m.group("cue").split()))
    for m in _OF_THE_TOTAL.finditer(sh.shape):  # "Of the 4,237 exhibitors ..., 659 came from ... and the remaining 1,989"
        t = int(m.group("t"))
        if t in r.used:
            continue
        rest = sh.shape[m.end() : r.clause_end(t)]
        if not _REMAINING.search(rest):
            continue
        like = sh.at(t)
        counted = parts_in(m.end(), r.clause_end(t), like, t)
        percents = [j for j in range(t + 1, len(sh.amounts)) if j not in r.used and sh.at(j).kind is Kind.PERCENT
                    and m.end() <= sh.token_at[j] < r.clause_end(t)]  # fmt: skip
        if len(counted) >= 2:
            add(counted, like, m.start(), sh.token_end(counted[-1]), "the remaining")
        elif len(percents) >= 2:  # "Of the 3,000 people polled, 43% backed it, 44% opposed it and the remaining 26% ..."
            add(percents, None, m.start(), sh.token_end(percents[-1]), "the remaining")
    if re.search(r"^\s*Of\s+(?:these|those|them|this|that)\b", sh.shape, re.I) and _REMAINING.search(sh.shape):
        numbers = [j for j in range(len(sh.amounts)) if j not in r.used and sh.at(j).kind is Kind.NUMBER]
        percents = [j for j in range(len(sh.amounts)) if j not in r.used and sh.at(j).kind is Kind.PERCENT]
        if len(numbers) >= 2 and all(same_unit(sh.at(j), sh.at(numbers[0])) for j in numbers):
            add(numbers, Implied(None, None, sh.at(numbers[0]), "total"), sh.token_at[numbers[0]], sh.token_end(numbers[-1]),
                "the remaining", label="these total")  # fmt: skip
        elif len(percents) >= 2:  # "Of those asked, 34 percent backed it, 46 percent ... and the rest, 40 percent"
            add(percents, None, sh.token_at[percents[0]], sh.token_end(percents[-1]), "the rest")
    return out
