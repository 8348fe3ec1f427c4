"""Extract a draft from an article, check it, and place findings in the article."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from validator.check import FileReport, check_text
from validator.config import Config
from validator.extract import claims as claim_patterns
from validator.extract import datefacts, linking, mentions, periods, sentences
from validator.extract import text as texts
from validator.extract.draft import Draft, build
from validator.extract.text import line_column
from validator.findings import input_error


def extract(text: str, published: dt.date | None = None, fmt: str | None = None) -> Draft:
    """Read an article (plain text, Markdown or HTML) into a draft fact sheet."""
    article = texts.read(text, fmt)
    known = published is not None  # dates read against it are claimed only when it is given
    published = published or dt.date.today()
    year = published.year
    analysed = article.analysed
    sents = sentences.split(analysed)
    found: list[list[mentions.Mention]] = []
    all_mentions: list[mentions.Mention] = []
    for s in sents:
        ms = mentions.find(s.text, s.start, s.index)
        periods.assign(s.text, s.start, ms, year)
        for m in ms:
            m.index = len(all_mentions)
            all_mentions.append(m)
        found.append(ms)
    claims: list[claim_patterns.Claim] = []
    for s in sents:
        claims += claim_patterns.recognise(s.text, s.start, found[s.index], s.index, year)
    linking.link(claims, sents, found, year)
    dates = datefacts.find(datefacts.Context(analysed, sents, found, published, known))
    return build(article, published, sents, all_mentions, claims, dates)


def check_article(text: str, name: str, config: Config | None = None, published: dt.date | None = None,
                  fmt: str | None = None) -> FileReport:  # fmt: skip
    """Check an article's claims; each finding is placed at its claim's words, quoting the sentence."""
    draft = extract(text, published, fmt)
    try:
        report = check_text(draft.to_yaml(), name, config)
    except Exception as exc:  # noqa: BLE001 - a bug of the checker must not stop the other articles
        message = f"internal error while checking this article ({type(exc).__name__}: {exc}); please report it"
        return FileReport(name, [input_error(name, 1, 1, message, "IN99")])
    source = draft.article.original
    by_id = {c.id: c for c in draft.claims}
    placed = []
    for f in report.findings:
        claim = by_id.get(f.claim or "")
        if claim is None:
            placed.append(f)
            continue
        line, column = line_column(source, claim.span[0])
        index = claim.source.sentence if claim.source else claim.sentence
        sentence = draft.sentences[index] if index is not None else None
        quote = source[sentence.start : sentence.end] if sentence else claim.quote
        placed.append(replace(f, line=line, column=column, quote=quote, span=claim.span))
    report.findings = sorted(placed, key=lambda f: (f.line, f.column))
    return report
