"""A self-contained HTML report: the article with its claims highlighted, for people.

One file with its styles and script inline and nothing fetched (a Content
Security Policy forbids every request and every script but our own), so it
works from ``file://``, as a CI artifact and as an e-mail attachment.

For each fact sheet the article's text (``article.text``, relative to the
sheet) is shown with each claim highlighted where it is: at the claim's
``span`` when the sheet gives one, else where its ``quote`` is found (exactly,
then ignoring differences of white space, quote marks and dashes, then reading
``...`` in the quote as a gap). Each highlight has a disclosure button that
opens the claim's explanation: the message, the arithmetic, the implied
values, the consistent alternative and, for changes, a small chart. A sheet
without article text is shown claim by claim, from the quotes.

Python only builds plain view objects (text runs and highlight boundaries);
every piece of markup is in ``templates/`` and rendered by Jinja2 with
autoescaping, so text from fact sheets and articles is always shown, never run.
Jinja2 is imported only when this reporter is created.

The summary at the top needs every file's counts, so each file's section is
rendered as soon as the file is checked and the page is written in :meth:`finish`.
The output is ASCII (non-ASCII characters as character references), valid
whatever the stream's encoding.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from validator import __version__, loader
from validator.check import FileReport
from validator.findings import FAILING, SEVERITY, Finding, Verdict
from validator.reporters import Reporter, Summary, notice_word, printable
from validator.reporters.charts import Chart, chart_of
from validator.reporters.quotes import Locator

# verdict -> (icon, label, what it means); the order is the summary's.
VERDICTS: dict[Verdict, tuple[str, str, str]] = {
    Verdict.INCONSISTENT: ("\u2717", "Inconsistent", "the figures cannot all be true"),
    Verdict.DOUBTFUL: ("~", "Doubtful", "the figures fit only under a lenient reading, which is named"),
    Verdict.AMBIGUOUS: ("?", "Ambiguous", "the wording has readings that disagree"),
    Verdict.UNVERIFIABLE: ("i", "Unverifiable", "a figure is missing; the value implied is shown"),
    Verdict.CONSISTENT: ("\u2713", "Consistent", "the figures can all be true together"),
}
# How a claim was found in the article's text, in words for the explanation.
METHODS = {
    "span": "placed by the span the fact sheet gives",
    "exact": "found by its quote",
    "normalized": "found by its quote, ignoring differences of spaces, quote marks and dashes",
    "gap": "found by its quote, reading '...' as words left out",
}
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


# --- view objects the templates render --------------------------------------------------------


@dataclass
class Claim:
    """One judged claim, as the page shows it."""

    ref: str  # the id of its elements: generated, never taken from the fact sheet
    number: int
    finding: Finding
    extras: list[Finding] = field(default_factory=list)  # other findings about the same claim
    start: int | None = None
    end: int | None = None
    method: str | None = None
    note: str | None = None
    chart: Chart | None = None

    @property
    def verdict(self) -> str:
        return self.finding.verdict.value

    @property
    def icon(self) -> str:
        return VERDICTS[self.finding.verdict][0]

    @property
    def label(self) -> str:
        return VERDICTS[self.finding.verdict][1]

    @property
    def name(self) -> str:
        return self.finding.claim or f"line {self.finding.line}"

    @property
    def located(self) -> str | None:
        return METHODS.get(self.method or "")


@dataclass
class Run:
    """A piece of a paragraph: text, a highlight opening or closing, or a claim's button."""

    kind: str  # "text", "open", "close" or "button"
    text: str = ""
    claim: Claim | None = None
    first: bool = False  # an opening that is the claim's first piece (it carries the anchor)


@dataclass
class Paragraph:
    runs: list[Run]
    claims: list[Claim]  # whose explanations follow the paragraph (their highlight ends in it)


@dataclass
class Section:
    index: int
    file: str
    report: FileReport
    claims: list[Claim]
    paragraphs: list[Paragraph] | None  # None: no article text to show
    unplaced: list[Claim]  # claims not found in the text (or all of them, without text)
    input_errors: list[Finding]
    others: list[Finding]  # findings about no claim that has a verdict
    counts: dict[str, int]
    suppressed: int
    text_path: str | None
    text_problem: str | None
    url: str | None  # the article's address when it is a web address, else None


@dataclass
class Attention:
    """A line of the summary's list of what to fix: a failing claim or an input error."""

    severity: int
    order: tuple[int, int]
    href: str
    ref: str | None
    icon: str
    label: str
    file: str
    line: int
    name: str
    message: str


# --- building the view ----------------------------------------------------------------------------


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Where the paragraphs are: separated by blank lines if there are any, else by line breaks."""
    separator = re.compile(r"\n[ \t\r\f\v]*\n\s*") if re.search(r"\n[ \t\r\f\v]*\n", text) else re.compile(r"\n\s*")
    out, start = [], 0
    for m in separator.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    result = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            result.append((a, b))
    return result


def visible(claims: list[Claim], paras: list[tuple[int, int]]) -> None:
    """Trim each placed claim to the text shown (paragraphs hold no leading or trailing white space).

    A claim that covers only white space between paragraphs cannot be shown in place.
    """
    for c in claims:
        if c.start is None:
            continue
        start = next((max(c.start, a) for a, b in paras if b > c.start), None)
        end = next((min(c.end, b) for a, b in reversed(paras) if a < c.end), None)
        if start is None or end is None or start >= end:
            c.start = c.end = None
            c.note = "Its place in the article's text holds only white space."
        else:
            c.start, c.end = start, end


def highlight(text: str, claims: list[Claim], paras: list[tuple[int, int]]) -> list[Paragraph]:
    """The text in paragraphs, with each placed claim's highlight opened and closed around its words.

    Highlights nest when claims nest; where two overlap without nesting, or a claim
    runs over a paragraph's end, its highlight is closed and opened again (the
    later pieces are continuations). A claim's button follows its last piece.
    Claims must be trimmed to the paragraphs first (:func:`visible`).
    """
    placed = sorted((c for c in claims if c.start is not None), key=lambda c: (c.start, -c.end, c.number))
    order = {c.ref: k for k, c in enumerate(placed)}
    started: set[str] = set()
    result = []
    live: list[Claim] = []  # the claims that reach into the paragraph, in order
    upcoming = 0
    for p_start, p_end in paras:
        while upcoming < len(placed) and placed[upcoming].start < p_end:
            live.append(placed[upcoming])
            upcoming += 1
        live = [c for c in live if c.end > p_start]
        cuts = {p_start, p_end}
        for c in live:
            cuts.update(v for v in (c.start, c.end) if p_start < v < p_end)
        cuts = sorted(cuts)
        paragraph = Paragraph([], [])
        stack: list[Claim] = []
        for k, pos in enumerate(cuts):
            want = sorted((c for c in live if c.start <= pos < c.end), key=lambda c: order[c.ref])
            same = 0
            while same < min(len(stack), len(want)) and stack[same] is want[same]:
                same += 1
            _close(paragraph, stack, same, pos)
            for c in want[same:]:
                paragraph.runs.append(Run("open", claim=c, first=c.ref not in started))
                started.add(c.ref)
                stack.append(c)
            if k + 1 < len(cuts):
                paragraph.runs.append(Run("text", text=text[pos : cuts[k + 1]]))
        _close(paragraph, stack, 0, p_end)
        result.append(paragraph)
    return result


def _close(paragraph: Paragraph, stack: list[Claim], depth: int, at: int) -> None:
    """Close the open highlights above ``depth``; those that end at ``at`` get their button."""
    while len(stack) > depth:
        c = stack.pop()
        paragraph.runs.append(Run("close", claim=c))
        if c.end <= at:
            paragraph.runs.append(Run("button", claim=c))
            paragraph.claims.append(c)


def _read_article(report: FileReport, cache: dict) -> tuple[str | None, str | None, str | None]:
    """``(text, shown path, problem)`` of the article's text, when the fact sheet names one."""
    article = report.article
    if article is None or not article.text:
        return None, None, None
    if report.path is None:
        return None, article.text, "the fact sheet's folder is not known, so its article text cannot be found"
    if report.text_path is None:  # not where the sheet may read from, or not a file: an input error says so
        return None, article.text, "the article's text is not shown: see the input error above"
    path = report.text_path
    shown = loader.display_path(path)
    key = path.resolve()
    if key not in cache:
        try:
            cache[key] = (loader.read_text(path, loader.Limits(max_bytes=MAX_ARTICLE_BYTES)), None)
        except loader.LoadError as exc:
            cache[key] = (None, f"the article's text ({shown}) cannot be read: {exc.message}")
    text, problem = cache[key]
    return text, shown, problem


def _web_address(url: str | None) -> str | None:
    """Only http and https addresses become links; anything else (javascript:, data:...) stays text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def build_section(index: int, report: FileReport, show_consistent: bool, cache: dict) -> Section:
    claims: list[Claim] = []
    by_name: dict[str, Claim] = {}
    others: list[Finding] = []
    input_errors = [f for f in report.findings if f.is_input_error]
    suppressed = 0
    counts = {v.value: 0 for v in VERDICTS}
    for f in report.findings:
        if f.is_input_error:
            continue
        if f.verdict is None:
            others.append(f)
            continue
        if f.suppressed is not None:
            suppressed += 1
        else:
            counts[f.verdict.value] += 1
        if f.verdict is Verdict.CONSISTENT and not show_consistent:
            continue
        claim = Claim(ref=f"c{index}-{len(claims) + 1}", number=len(claims) + 1, finding=f)
        claims.append(claim)
        if f.claim and f.claim not in by_name:
            by_name[f.claim] = claim
    remaining = []
    for f in others:  # e.g. an unused suppression: shown with the claim it is about
        if f.claim in by_name:
            by_name[f.claim].extras.append(f)
        else:
            remaining.append(f)
    text, text_path, problem = _read_article(report, cache)
    if text is not None:
        locator = Locator(text)
        for c in claims:
            span = c.finding.span
            if span and 0 <= span[0] < span[1] <= len(text):
                c.start, c.end, c.method = span[0], span[1], "span"
                continue
            if span:
                c.note = f"Its span {list(span)} is outside the article's text ({len(text):,} characters)."
            found = locator.find(c.finding.quote)
            if found:
                c.start, c.end, c.method = found
            elif c.finding.quote:
                c.note = (c.note + " " if c.note else "") + "Its quote was not found in the article's text."
    paras = None
    if text is not None:
        ranges = paragraphs(text)
        visible(claims, ranges)
        paras = highlight(text, claims, ranges)
    for c in claims:
        c.chart = chart_of(c.finding.data, c.ref, c.name)
    unplaced = [c for c in claims if c.start is None]
    article = report.article
    return Section(
        index=index,
        file=report.file,
        report=report,
        claims=claims,
        paragraphs=paras,
        unplaced=unplaced,
        input_errors=input_errors,
        others=remaining,
        counts=counts,
        suppressed=suppressed,
        text_path=text_path,
        text_problem=problem,
        url=_web_address(article.url) if article else None,
    )


def _first_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def attention(section: Section) -> Iterable[Attention]:
    """The section's failures for the summary: input errors, inconsistent, doubtful and ambiguous claims."""
    for k, f in enumerate(section.input_errors):
        yield Attention(
            SEVERITY[Verdict.INCONSISTENT] + 1, (section.index, k), f"#errors-{section.index}", None,
            "!", "Input error", section.file, f.line, f"{f.code} {f.rule}", _first_line(f.message),
        )  # fmt: skip
    for c in section.claims:
        f = c.finding
        if f.suppressed is not None or f.verdict not in FAILING:
            continue
        yield Attention(
            SEVERITY[f.verdict], (section.index, c.number), f"#{c.ref}", c.ref,
            c.icon, c.label, section.file, f.line, c.name, _first_line(f.message),
        )  # fmt: skip


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def _environment():
    try:
        import jinja2
    except ImportError:  # an optional dependency: say how to get it rather than fail with a traceback
        import click

        raise click.UsageError("--format html needs Jinja2; install it with: pip install 'jinja2>=3.1'") from None
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("validator.reporters", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(VERDICTS=VERDICTS, Verdict=Verdict, notice_word=notice_word)
    return env


class HtmlReporter(Reporter):
    name = "html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env = _environment()

    def start(self) -> None:
        self.sections: list[str] = []
        self.outline: list[dict] = []
        self.attention: list[Attention] = []
        self.cache: dict = {}

    def file(self, report: FileReport) -> None:
        index = len(self.sections) + 1
        section = build_section(index, report, self.show_consistent, self.cache)
        self.sections.append(self.env.get_template("partials/file.html.j2").render(s=section))
        self.attention.extend(attention(section))
        self.outline.append(
            {
                "index": index,
                "file": section.file,
                "counts": section.counts,
                "suppressed": section.suppressed,
                "input_errors": len(section.input_errors),
            }
        )

    def finish(self, summary: Summary) -> None:
        from markupsafe import Markup  # a dependency of Jinja2, so present when this reporter is

        source = self.env.loader.get_source
        style = source(self.env, "report.css")[0]
        script = source(self.env, "report.js")[0]
        for name, text in (("report.css", style), ("report.js", script)):
            if not text.isascii() or "</" in text:  # kept ASCII and closed-tag free, so never altered below
                raise ValueError(f"templates/{name} must be ASCII and hold no '</'")
        counts = {v.value: summary.verdicts[v] for v in VERDICTS}
        page = self.env.get_template("report.html.j2").render(
            version=__version__,
            summary=summary,
            counts=counts,
            files=self.outline,
            sections=[Markup(s) for s in self.sections],
            attention=sorted(self.attention, key=lambda a: (-a.severity, a.order)),
            show_consistent=self.show_consistent,
            style=Markup(style),
            script=Markup(script),
            style_hash=_csp_hash(style),
            script_hash=_csp_hash(script),
        )
        # Control characters made visible, and character references for everything non-ASCII: the
        # page is right whatever the stream's encoding. Script and style are plain ASCII, never touched.
        page = printable(page)
        self.out.write(page.encode("ascii", "xmlcharrefreplace").decode("ascii"))
