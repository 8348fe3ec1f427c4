"""Read an article, check its claims, and place the findings in its text.

The article's claims are checked as a fact sheet built in memory (no YAML
is written or read back); every finding points at the article's own line
and column, quotes its sentence, and names figures as the article writes
them. A claim that fails only through a link the reader inferred (a figure
from another sentence, a whole found by its kind) is reported as doubtful,
naming that link; an error is reserved for links the article's words make.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from validator.check import FileReport, check_data
from validator.config import Config
from validator.extract import datefacts, front, linking, mentions, periods, recognise, sentences, tables
from validator.extract import text as texts
from validator.extract.draft import Draft, DraftClaim, build
from validator.extract.text import line_column
from validator.findings import SEVERITY, Level, Verdict, input_error
from validator.loader import Position


def extract(text: str, published: dt.date | None = None, fmt: str | None = None) -> Draft:
    """Read an article (plain text, Markdown or HTML) into a draft fact sheet."""
    article = texts.read(text, fmt)
    dated = published or front.publication_date(article)
    known = dated is not None  # dates read against it are claimed only when it is known
    published = dated or dt.date.today()
    year = published.year if known else None
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
    claims = tables.claims(sents, found)
    in_tables = {c.sentence for c in claims}
    for s in sents:
        if s.index not in in_tables:
            claims += recognise.recognise(s.text, s.start, found[s.index], s.index, year)
    linking.link(claims, sents, found, year)
    claims = [c for c in claims if not (c.unlinked_is_nothing and c.missing("from", "to"))]
    dates = datefacts.find(datefacts.Context(analysed, sents, found, published, known))
    draft = build(article, published, sents, all_mentions, claims, dates)
    draft.dated = known
    return draft


def check_article(text: str, name: str, config: Config | None = None, published: dt.date | None = None,
                  fmt: str | None = None) -> FileReport:  # fmt: skip
    """Check an article's claims; each finding is placed at its claim's words, quoting the sentence."""
    config = config or Config()
    try:
        draft = extract(text, published, fmt)
        report = check_data(draft.to_data(), name, config, None, _ArticlePlaces(draft))
    except Exception as exc:  # noqa: BLE001 - a bug of the checker must not stop the other articles
        message = f"internal error while checking this article ({type(exc).__name__}: {exc}); please report it"
        return FileReport(name, [input_error(name, 1, 1, message, "IN99")])
    by_id = {c.id: c for c in draft.claims}
    labels = draft.labels()
    placed = []
    for f in report.findings:
        claim = by_id.get(f.claim or "")
        if claim is not None:
            f = _placed(f, claim, draft, labels)
        placed.append(f)
    if not draft.dated:
        placed.append(_undated_notice(name, draft))
    # In the order of the text; at one place, the worst verdict first ('fell $6.92, or 4.1%' is two claims).
    report.findings = sorted(placed, key=lambda f: (f.line, f.column, -SEVERITY.get(f.verdict, 0)))
    return report


def _placed(f, claim: DraftClaim, draft: Draft, labels: dict[str, str]):
    """The finding at its claim's words, quoting its sentence; an uncertain link's failure made doubtful."""
    source = draft.article.original
    index = claim.source.sentence if claim.source else claim.sentence
    sentence = draft.sentences[index] if index is not None else None
    quote = source[sentence.start : sentence.end] if sentence else claim.quote
    line, column = line_column(source, claim.span[0])
    implied = {labels.get(k, k).strip("'"): v for k, v in f.implied.items()}  # named as the article names them
    f = replace(f, line=line, column=column, quote=quote, span=claim.span, implied=implied)
    if f.verdict is Verdict.INCONSISTENT and not claim.certain:
        link = claim.source.link if claim.source else None
        message = f"If {link}: {f.message[0].lower()}{f.message[1:]}" if link else f.message
        f = replace(f, verdict=Verdict.DOUBTFUL, level=Level.WARNING, message=message + " The link is the reader's "
                    "inference, not the article's words: check it.")  # fmt: skip
    return f


def _undated_notice(name: str, draft: Draft):
    return replace(
        input_error(name, 1, 1, "", "IN00"),
        code="DT00",
        rule="publication-date",
        verdict=None,
        level=Level.INFO,
        message="No publication date was given or found in the article, so relative periods ('last year', "
        "'on Sunday') stay relative and are not checked; give --published YYYY-MM-DD to check them.",
    )


class _ArticlePlaces:
    """Findings of an article's claims placed at the claims' words in the article."""

    def __init__(self, draft: Draft):
        self.draft = draft
        self.text = draft.article.original
        self.labels = draft.labels()

    def position(self, path: tuple) -> Position:
        if len(path) >= 2 and path[0] == "claims" and isinstance(path[1], int) and path[1] < len(self.draft.claims):
            return Position(*line_column(self.text, self.draft.claims[path[1]].span[0]))
        if len(path) >= 2 and path[0] == "quantities" and path[1] in self.draft.quantities:
            span = self.draft.quantities[path[1]].span
            if span:
                return Position(*line_column(self.text, span[0]))
        return Position(1, 1)

    def claim_name(self, index: int, claim) -> str:
        c = self.draft.claims[index]
        line, _ = line_column(self.text, c.span[0])
        return f"'{c.quote}' (line {line})"

    def span(self, index: int, claim) -> tuple[int, int] | None:
        return self.draft.claims[index].span
