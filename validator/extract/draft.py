"""The draft fact sheet: quantities with readable ids, claims, and safe YAML.

Every figure a claim links as a level (from, to, part, whole, larger,
smaller) becomes a quantity with its value as written, its qualifier, noun,
period, verbatim quote and span; figures a claim only states (a change, a
factor, a share) are written inline, as the hand-written fact sheets do.
Numbers no claim links are listed as quantities without claims, for the
editor to relate or delete. Strings are always written double-quoted (JSON
quoting is valid YAML), so nothing an article says can be misread as YAML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from validator.extract.datefacts import DateFact
from validator.extract.found import Claim, Implied
from validator.extract.measures import currency_of, measuring_unit
from validator.extract.mentions import Mention, rate_units
from validator.extract.sentences import Sentence
from validator.extract.text import ArticleText

LEVEL_FIELDS = ("from", "to", "part", "whole", "larger", "smaller")
# Figures written as quantities (with their unit and words), not inline: the levels, and a rate's three figures.
QUANTITY_FIELDS = (*LEVEL_FIELDS, "total", "rate", "amount")
_SUFFIX = {"percent-change": "change", "percentage-points": "points", "from-to": "rise", "multiple": "multiple",
           "share": "share", "difference": "difference", "sum": "sum", "rate": "rate"}  # fmt: skip
_ID_STOP = {"and", "or", "of", "the", "per", "a", "an", "new", "total"}


@dataclass
class DraftQuantity:
    id: str
    value: str | None = None
    qualifier: str | None = None
    unit: str | None = None
    period: str | None = None
    quote: str | None = None
    span: tuple[int, int] | None = None
    note: str | None = None
    mention: Mention | None = None
    label: str | None = None  # how findings call an implied figure: "2016's attendance", "the earlier figure"


@dataclass
class DraftClaim:
    id: str
    rule: str
    fields: dict[str, str | list[str]]
    quote: str
    span: tuple[int, int]
    wording: str | None
    confidence: float
    notes: list[str] = field(default_factory=list)
    source: Claim | None = None
    sentence: int | None = None  # the sentence it is placed in (its source's, for claims of figures)

    @property
    def certain(self) -> bool:
        return self.source is None or self.source.certain


@dataclass
class Draft:
    """What :func:`validator.extract.extract` found in an article."""

    article: ArticleText
    title: str
    published: dt.date
    sentences: list[Sentence]
    mentions: list[Mention]
    quantities: dict[str, DraftQuantity]
    claims: list[DraftClaim]
    dates: list[DateFact] = field(default_factory=list)
    dated: bool = True  # the publication date is known (given, or read from the article)

    @property
    def unlinked(self) -> list[DraftQuantity]:
        linked = {v for c in self.claims for v in _refs(c.fields)}
        return [q for q in self.quantities.values() if q.id not in linked]

    def to_yaml(self) -> str:
        return render(self)

    def to_data(self) -> dict:
        """The fact sheet as plain data, as its YAML would load: for checking without a text round trip."""
        quantities = {}
        for x in self.quantities.values():
            entry = {k: getattr(x, k) for k in ("value", "qualifier", "unit", "period", "quote") if getattr(x, k) is not None}
            if x.span:
                entry["span"] = list(x.span)
            quantities[x.id] = entry
        claims = []
        for c in self.claims:
            entry = {"id": c.id, "rule": c.rule, **c.fields, "quote": c.quote, "span": list(c.span)}
            if c.wording:
                entry["wording"] = c.wording
            claims.append(entry)
        article = {"title": self.title[:10_000], "source": "article", "published": self.published}
        return {"article": article, "quantities": quantities, "claims": claims}

    def labels(self) -> dict[str, str]:
        """How each quantity is called in findings: as the article writes it, or by what it is."""
        out = {}
        for x in self.quantities.values():
            if x.value is not None:
                out[x.id] = f"'{x.value}'" if not x.qualifier else f"'{x.qualifier} {x.value}'"
            else:
                out[x.id] = x.label or ("the figure for " + x.period if x.period else "the unstated figure")
        return out


def _refs(fields: dict) -> list[str]:
    out = []
    for v in fields.values():
        out += v if isinstance(v, list) else [v]
    return [v for v in out if isinstance(v, str)]


# ------------------------------------------------------------------ building
def build(article: ArticleText, published: dt.date, sentences: list[Sentence], mentions: list[Mention],
          claims: list[Claim], dates: list[DateFact]) -> Draft:  # fmt: skip
    ids = _Ids()
    quantities: dict[str, DraftQuantity] = {}
    by_figure: dict[int, str] = {}
    text = article.original

    def quantity(fig: Mention | Implied) -> str:
        if id(fig) in by_figure:
            return by_figure[id(fig)]
        if isinstance(fig, Mention):
            end = max(fig.end, fig.noun_end or 0)
            per = rate_units(fig.noun)  # '$6 a gram': amount_per_gram; '2,000 visitors a day': visitors_per_day
            name = f"{_noun_slug(per[0], None) if per[0] else 'amount'}_per_{_slug(per[1])}" if per else None
            q = DraftQuantity(ids.new(fig.noun, fig.period, fig, name), fig.text, fig.qualifier, fig.noun, fig.period,
                              text[fig.quote_start:end], (fig.quote_start, end), mention=fig)  # fmt: skip
        else:
            like = fig.like
            noun = fig.noun or (like.noun if like else None)
            name = _slug(noun) if fig.role == "part" and noun and len(noun.split()) <= 3 and "," not in noun else None
            if fig.role == "rate" and noun:
                name = _slug(noun)  # 'gunfire deaths per officer'
            elif fig.role == "total" and noun:
                name = f"total_{_slug(noun)}"
            q = DraftQuantity(ids.new(noun, fig.period or ("before" if fig.role == "from" else None), like, name), unit=noun,
                              period=fig.period, note="not stated: implied by the claims", label=_implied_label(fig))  # fmt: skip
        quantities[q.id] = q
        by_figure[id(fig)] = q.id
        return q.id

    levels = {id(v) for c in claims for k in QUANTITY_FIELDS for v in _figs(c.fields.get(k))}
    for m in mentions:  # stated figures are named first, in the order of the text
        if id(m) in levels:
            quantity(m)
    out_claims: list[DraftClaim] = []
    for c in sorted(claims, key=lambda c: c.start):
        fields: dict[str, str | list[str]] = {}
        for key, value in c.fields.items():
            if value is None:
                continue
            if isinstance(value, list):
                fields[key] = [quantity(v) for v in value]
            elif key in QUANTITY_FIELDS or id(value) in levels or isinstance(value, Implied):
                fields[key] = quantity(value)
            else:
                fields[key] = _inline(value)
        head = next(
            (
                fields[k]
                for k in ("to", "whole", "larger", "from", "part", "total")
                if isinstance(fields.get(k), str) and fields[k] in quantities
            ),
            None,
        )
        cid = ids.claim(f"{head or _slug(c.rule)}_{_SUFFIX.get(c.rule, 'claim')}")
        out_claims.append(DraftClaim(cid, c.rule, fields, text[c.start:c.end], (c.start, c.end), c.wording,
                                     round(c.confidence, 2), c.notes, c))  # fmt: skip
    from validator.extract.datefacts import claims as date_claims

    claimed: list[tuple[int, int]] = []
    for fact, rule, fields in date_claims(dates):  # DT01-DT04
        name = _date_id(rule, fields)
        out_claims.append(DraftClaim(ids.claim(name), rule, fields, text[fact.start:fact.end], (fact.start, fact.end),
                                     None, fact.confidence, fact.notes, sentence=fact.sentence))  # fmt: skip
        claimed += fact.words
    out_claims.sort(key=lambda c: c.span[0])
    inline = {id(v) for c in claims for value in c.fields.values() for v in _figs(value)}
    for m in mentions:  # numbers no claim links
        if any(a <= m.start < b for a, b in claimed):
            continue  # "five-day", "the three editions": numbers a date claim accounts for
        if (m.is_amount or m.role == "duration") and id(m) not in by_figure and id(m) not in inline:
            quantity(m)
    quantities = dict(sorted(quantities.items(), key=lambda kv: kv[1].span[0] if kv[1].span else 10**9))
    return Draft(article, article.title, published, sentences, mentions, quantities, out_claims, dates)


_ROLE_NAMES = {"from": "the earlier figure", "to": "the later figure", "part": "the part", "whole": "the whole",
               "total": "the total", "rate": "the rate"}  # fmt: skip


def _implied_label(fig: Implied) -> str:
    """'2016's attendance', 'the earlier figure (2024)': an unstated figure, named as a reader would."""
    words = re.sub(r"^(?:from|on|over|than|compared\s+(?:with|to)|versus|against|since)\s+", "", fig.base_words or "",
                   flags=re.I).strip()  # fmt: skip
    if words and not re.fullmatch(r"(?:a|the)\s+(?:year|month|week|quarter)\s+(?:earlier|before|ago)", words, re.I):
        return words
    name = _ROLE_NAMES.get(fig.role, "the unstated figure")
    return f"{name} ({fig.period})" if fig.period else name


def _inline(m: Mention) -> str:
    """A figure written inside a claim, with its qualifier and the unit that measures it ('up 60 cents')."""
    text = f"{m.qualifier} {m.text}" if m.qualifier else m.text
    if m.noun and (currency_of(m) and not (m.written and m.written.currency) or measuring_unit(m)):
        text = f"{text} {m.noun}"
    return text


def _date_id(rule: str, fields: dict[str, str]) -> str:
    """'closing_sunday_weekday', 'five_day_duration', 'third_edition', 'since_2019_period'."""
    if rule == "weekday":
        return f"{_slug(fields.get('weekday'))}_weekday"
    if rule == "duration":
        return f"{_slug(fields['days'])}_duration"
    if rule == "edition":
        return f"{_slug(fields['edition'])}_edition"
    return f"since_{_slug(fields.get('from'))}_period"


def _figs(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _slug(text: str | None) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", (text or "").lower()).strip("_")
    return s or "figure"


class _Ids:
    def __init__(self) -> None:
        self.seen: set[str] = set()

    def new(self, noun: str | None, period: str | None, like: Mention | None, name: str | None = None) -> str:
        base = name or _noun_slug(noun, like)
        if period:
            base += "_" + _slug(period)
        return self._unique(base)

    def claim(self, base: str) -> str:
        return self._unique(base)

    def _unique(self, base: str) -> str:
        base = base if re.match(r"[a-z_]", base) else "n_" + base
        out, k = base, 2
        while out in self.seen:
            out, k = f"{base}_{k}", k + 1
        self.seen.add(out)
        return out


def _noun_slug(noun: str | None, like: Mention | None) -> str:
    """The head noun: 'companies and institutions' -> companies; 'upstream and downstream enterprises' -> enterprises."""
    if like is not None and not noun and getattr(like, "subject", None):
        noun = like.subject
    if noun:
        conjuncts = [c.split() for c in re.split(r",|\band\b|\bor\b", noun.lower()) if c.split()]
        head = conjuncts[-1][-1] if len(conjuncts[0]) == 1 and len(conjuncts[-1]) > 1 else conjuncts[0][-1]
        head = re.sub(r"[^a-z0-9]+", "_", head).strip("_")
        if head and head not in _ID_STOP:
            return head
    kind = like.kind.value if like is not None and like.kind is not None else "figure"
    if like is not None and like.written is not None and like.written.currency:
        return "amount"
    return {"percent": "percent", "points": "points", "fraction": "rate", "number": "figure"}.get(kind, "figure")


# ------------------------------------------------------------------ writing
def q(value) -> str:
    """A YAML scalar that cannot be misread: JSON quoting for text, plain for numbers and null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def render(d: Draft) -> str:
    lines = [
        "# DRAFT fact sheet, written by the extractor (validator.extract). Check it before use:",
        "#   every claim shows how sure the extractor was (confidence, 0 to 1) and the words it came from;",
        "#   quantities without a value are implied; figures no claim links are listed last.",
        "article:",
        f"  title: {q(d.title)}",
        '  source: "draft"',
        f"  published: {d.published.isoformat()}",
        "",
        "quantities:",
    ]
    linked = {v for c in d.claims for v in _refs(c.fields)}
    ordered = [x for x in d.quantities.values() if x.id in linked] + [
        x for x in d.quantities.values() if x.id not in linked
    ]
    for i, x in enumerate(ordered):
        if x.id not in linked and (i == 0 or ordered[i - 1].id in linked):
            lines.append("  # Unlinked: numbers no claim links. Relate them with a claim, or delete them.")
        lines.append(f"  {x.id}:")
        for key in ("value", "qualifier", "unit", "period", "quote"):
            v = getattr(x, key)
            if v is not None:
                lines.append(f"    {key}: {q(v)}")
        if x.span:
            lines.append(f"    span: [{x.span[0]}, {x.span[1]}]")
        if x.note:
            lines.append(f"    note: {q(x.note)}")
    if not d.quantities:
        lines[-1] = "quantities: {}"
    lines += ["", "claims:" if d.claims else "claims: []"]
    for c in d.claims:
        lines.append(f"  - id: {c.id}")
        lines.append(f"    rule: {c.rule}")
        for key, value in c.fields.items():
            if isinstance(value, list):
                lines.append(f"    {key}: [{', '.join(q(v) for v in value)}]")
            else:
                lines.append(f"    {key}: {q(value)}")
        if c.wording:
            lines.append(f"    wording: {q(c.wording)}")
        lines.append(f"    quote: {q(c.quote)}")
        lines.append(f"    span: [{c.span[0]}, {c.span[1]}]")
        lines.append(f"    confidence: {c.confidence}")
        if c.notes:
            lines.append(f"    note: {q('; '.join(c.notes))}")
    unclaimed = [f for f in d.dates if f.why_not]
    if unclaimed:
        lines += ["", "# Dates, weekdays, durations and editions found but not claimed (with why):"]
        for f in unclaimed:
            lines.append(
                f"#   {f.pattern}: {json.dumps(f.text, ensure_ascii=False)} at [{f.start}, {f.end}]: {f.why_not}"
            )
    return "\n".join(lines) + "\n"
