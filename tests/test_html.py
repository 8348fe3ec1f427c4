"""The html reporter: the page a reader opens, checked in a real browser.

Reports are rendered from real fact sheets (the reference article, the broken
fixtures and a hostile sheet whose text tries to inject markup), opened from
file:// in headless Chromium through Playwright, and checked for what a reader
sees and can do: the highlights by verdict, the explanations opened by keyboard
and mouse, the print layout, and that nothing leaves the page or runs that
should not. Screenshots go to test-artifacts/ (gitignored).

Chromium is Debian's (``apt-get install chromium``), or the one $CHROMIUM names;
Playwright's own browser download is not used.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT, SHARED, SharedFile, repository_config, run_cli
from validator import reporters
from validator.check import FileReport, check_path
from validator.findings import Finding, Level, Verdict
from validator.reporters import html, quotes

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # without these Chromium calls Google at start-up
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
BROKEN = [  # the broken fixtures of the numbers (fixtures/broken also has date ones)
    f"fixtures/broken/{name}.yaml"
    for name in (
        "parts-do-not-add-up",
        "points-as-percent",
        "quadrupled",
        "ratio-as-increase",
        "share-of-28",
        "signups-from-70",
    )
]
FIXTURES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures").glob("**/*.yaml"))

HOSTILE_QUOTE = "<script>alert(1)</script> 102 companies <img src=x onerror=alert(2)> a 50 percent increase"
HOSTILE_TEXT = (
    "Hostile headline\n"
    f"Looking ahead, {HOSTILE_QUOTE} from the 70 of last year.\n"
    "Attendance passed 200,000, up from 160,000.\n"
)
HOSTILE_SHEET = """\
article:
  title: "<script>alert('title')</script> Expo"
  source: "<img src=x onerror=alert('source')>"
  published: 2025-07-20
  url: "javascript:alert('url')"
{text}
quantities:
  before: {{value: "70", unit: "companies <img src=x onerror=alert('unit')>"}}
  after: {{value: "102", unit: "companies <img src=x onerror=alert('unit')>"}}
  visitors_before: {{value: "160,000", unit: visitors}}
  visitors_after: {{value: "200,000", unit: visitors}}
claims:
  - id: hostile_growth
    rule: percent-change
    from: before
    to: after
    change: 50 percent
    quote: "{quote}"
  - id: visitors_growth
    rule: from-to
    from: visitors_before
    to: visitors_after
    span: [{start}, {end}]
    quote: "passed 200,000, up from 160,000"
"""


# --- rendering ---------------------------------------------------------------------------------


def render(reports: list[FileReport], show_consistent: bool = True) -> str:
    """What the CLI does with the reporter, into a string."""
    out = io.StringIO()
    reporter = reporters.get("html")(out, show_consistent=show_consistent)
    summary = reporters.Summary()
    reporter.start()
    for report in reports:
        summary.add(report)
        reporter.file(report)
    reporter.finish(summary)
    return out.getvalue()


def checked(*paths: str | Path) -> list[FileReport]:
    with contextlib.chdir(ROOT):  # file names are shown relative to the working folder
        reports = [check_path(Path(p), repository_config()) for p in paths]
    for report in reports:  # the reference article's text is in ../shared: say so when it is missing
        if report.article is not None and report.article.text and report.path is not None:
            text = (ROOT / report.path).parent / report.article.text
            if text.resolve().is_relative_to(SHARED.resolve()):
                SharedFile(text).require()
    return reports


def hostile_sheets(folder: Path) -> tuple[Path, Path]:
    """The hostile fact sheet with its article text, and the same sheet without text."""
    (folder / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    start = HOSTILE_TEXT.index("passed 200,000")
    end = start + len("passed 200,000, up from 160,000")
    quote = HOSTILE_QUOTE.replace('"', '\\"')
    with_text = folder / "hostile.yaml"
    with_text.write_text(
        HOSTILE_SHEET.format(text="  text: hostile.txt", quote=quote, start=start, end=end), encoding="utf-8"
    )
    without = folder / "hostile-quotes.yaml"
    without.write_text(HOSTILE_SHEET.format(text="", quote=quote, start=start, end=end), encoding="utf-8")
    return with_text, without


def save(name: str, page_html: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.html"
    path.write_text(page_html, encoding="ascii")
    return path


# --- a tag-balance checker on the standard library's parser -----------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements that end an open <p> in a real parser: one inside a <p> would silently change the tree.
BLOCKS = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
    "section", "table", "ul",
}  # fmt: skip
INTERACTIVE = {"a", "button", "details", "input", "select", "textarea"}
REFERENCES = ("aria-controls", "aria-labelledby", "aria-describedby", "for")


class TagBalance(HTMLParser):
    """Every element closed in order, no block inside <p>, no control inside a control, unique ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.references: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.doctype = False

    def where(self) -> str:
        line, column = self.getpos()
        return f"{line}:{column}"

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if len(values) != len(attrs):
            self.problems.append(f"{self.where()}: <{tag}> repeats an attribute")
        if "id" in values:
            self.ids.append(values["id"])
        for name in REFERENCES:
            if values.get(name):
                self.references.extend(values[name].split())
        href = values.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            self.references.append(href[1:])
        if tag in BLOCKS and "p" in self.stack:
            self.problems.append(f"{self.where()}: <{tag}> inside <p>")
        if tag in INTERACTIVE and INTERACTIVE & set(self.stack):
            self.problems.append(f"{self.where()}: <{tag}> inside another control")

    def handle_starttag(self, tag, attrs):
        self._attributes(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):  # <rect ... /> in SVG: balanced by itself
        self._attributes(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append(f"{self.where()}: </{tag}> closes a void element")
        elif not self.stack or self.stack[-1] != tag:
            self.problems.append(f"{self.where()}: </{tag}> but <{self.stack[-1] if self.stack else '(none)'}> is open")
        else:
            self.stack.pop()


def well_formed(page_html: str) -> TagBalance:
    parser = TagBalance()
    parser.feed(page_html)
    parser.close()
    problems = list(parser.problems)
    if parser.stack:
        problems.append(f"left open at the end: {parser.stack}")
    if not parser.doctype:
        problems.append("no <!DOCTYPE html>")
    duplicates = sorted({i for i in parser.ids if parser.ids.count(i) > 1})
    if duplicates:
        problems.append(f"ids used twice: {duplicates}")
    dangling = sorted(set(parser.references) - set(parser.ids))
    if dangling:
        problems.append(f"references to no id: {dangling}")
    assert not problems, problems
    return parser


# --- a browser that records everything the page tries --------------------------------------------


@dataclass
class Visit:
    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """Only the page itself was requested; no dialog, console error or script error happened."""
        assert self.requests == [self.url]
        assert self.dialogs == []
        assert [text for kind, text in self.console if kind in ("error", "warning")] == []
        assert self.errors == []

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def focused(self) -> str:
        return self.page.evaluate("document.activeElement && document.activeElement.id")

    def highlighted(self) -> dict[str, int]:
        """Claims highlighted on screen, by verdict (a claim split in pieces counts once)."""
        return self.page.evaluate(
            """() => {
                const counts = {}, seen = new Set();
                for (const mark of document.querySelectorAll("mark.claim")) {
                    if (!mark.checkVisibility() || seen.has(mark.dataset.ref)) continue;
                    seen.add(mark.dataset.ref);
                    counts[mark.dataset.verdict] = (counts[mark.dataset.verdict] || 0) + 1;
                }
                return counts;
            }"""
        )


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium (or set $CHROMIUM)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def visit(browser):
    contexts = []

    def open_page(path: Path, width: int = 1000) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        v = Visit(page, path.resolve().as_uri())

        def route(r):
            v.requests.append(r.request.url)
            if r.request.url == v.url:
                r.continue_()
            else:
                r.abort()

        context.route("**/*", route)
        page.on("console", lambda m: v.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: v.errors.append(str(e)))
        page.on("dialog", lambda d: (v.dialogs.append(d.message), d.dismiss()))
        page.goto(v.url, wait_until="load")
        return v

    yield open_page
    for context in contexts:
        context.close()


# --- what a reader sees -------------------------------------------------------------------------


def test_the_recorder_sees_requests_and_errors(tmp_path, visit):
    """The harness is worth trusting: a page that reaches out and misbehaves is caught."""
    page = tmp_path / "leaky.html"
    page.write_text(
        '<!DOCTYPE html><title>x</title><img src="https://example.invalid/a.png">'
        "<script>alert('hi'); undefinedFunction();</script>",
        encoding="utf-8",
    )
    v = visit(page)
    assert v.requests == [v.url, "https://example.invalid/a.png"]
    assert v.dialogs == ["hi"]
    assert v.errors and "undefinedFunction" in v.errors[0]
    with pytest.raises(AssertionError):
        v.assert_clean()


def test_reference_article(visit):
    page_html = render(checked("fixtures/article.yaml"))
    v = visit(save("html-article", page_html))
    page = v.page
    # Every claim of the reference article is found in its text and highlighted by verdict.
    assert v.highlighted() == {"consistent": 7, "ambiguous": 1, "unverifiable": 5}
    assert page.locator("section.file").count() == 1
    assert page.locator(".article .para").count() == 9
    counts = page.locator("ul.counts li")
    assert [(li.locator(".n").inner_text(), li.locator(".what").inner_text()) for li in counts.all()] == [
        ("0", "inconsistent"), ("0", "doubtful"), ("1", "ambiguous"), ("5", "unverifiable"), ("7", "consistent"),
    ]  # fmt: skip
    # What fails comes first, linked to its claim.
    links = page.locator("ol.attention a.goto")
    assert links.count() == 1 and "sessions_multiple" in links.inner_text()
    # The explanations start closed; the ambiguous claim's opens with the keyboard.
    assert page.locator(".explain:visible").count() == 0
    arithmetic = page.get_by_text("4 times more = 5 times as many: 24,000 / 5 = 4,800")
    button = page.get_by_role("button", name="Claim 2, ambiguous: sessions_multiple", exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    visited = []
    while v.focused() != "b-c1-2" and len(visited) < 13:  # n walks the claims in reading order
        page.keyboard.press("n")
        visited.append(v.focused())
    assert visited[-1] == "b-c1-2" and len(set(visited)) == len(visited)
    assert not arithmetic.is_visible()
    page.keyboard.press("Enter")
    assert arithmetic.is_visible()
    assert page.locator("#b-c1-2").get_attribute("aria-expanded") == "true"
    # A change claim has a chart with a text alternative.
    page.locator('mark.claim[data-ref="c1-1"]').click()
    chart = page.get_by_role("img", name="The figures of attendance_growth and their change", exact=True)
    assert chart.is_visible()
    assert "Stated change: +5%. Actual change: +5%." in page.locator("#chart-c1-1-d").text_content()
    # The nested claims (a share inside the sentence of another) are both highlighted, apart.
    outer = page.locator('mark.claim[data-ref="c1-4"]')
    assert outer.locator('mark.claim[data-ref="c1-5"]').count() == 1
    assert page.locator('mark.claim[data-ref="c1-2"]').inner_text().startswith("24,000 targeted")
    v.shot("html-article")
    v.assert_clean()


def test_verdicts_differ_in_more_than_colour(visit):
    """Colour-blind readers: each verdict has its own underline style, symbol and badge shape."""
    v = visit(save("html-article", render(checked("fixtures/article.yaml"))))
    styles = v.page.evaluate(
        """() => [...document.querySelectorAll("ul.counts li:has(mark)")].map(li => {
            const mark = li.querySelector("mark"), badge = li.querySelector(".badge");
            const b = getComputedStyle(badge);
            return [getComputedStyle(mark).textDecorationStyle, badge.textContent,
                    b.borderRadius + "|" + b.clipPath + "|" + b.borderStyle];
        })"""
    )
    assert len(styles) == 5
    for k in range(3):
        assert len({s[k] for s in styles}) == 5, styles


def test_failing_claims_by_keyboard_and_click(visit):
    v = visit(save("html-broken", render(checked(*BROKEN))))
    page = v.page
    assert v.highlighted() == {"inconsistent": len(BROKEN)}
    assert page.locator("section.file").count() == len(BROKEN)
    assert page.locator("table.files tbody tr").count() == len(BROKEN)
    assert page.locator("ol.attention li").count() == len(BROKEN)
    assert page.locator(".explain:visible").count() == 0
    # Tab order: after the page's controls come the claims, in reading order.
    page.focus("#collapse-all")
    page.keyboard.press("Tab")
    assert v.focused() == "b-c1-1"
    page.keyboard.press("Tab")
    assert v.focused() == "b-c2-1"
    # n / p move between claims, wrapping around; Enter and Space open and close.
    page.keyboard.press("p")
    assert v.focused() == "b-c1-1"
    sum_line = page.get_by_text("420 + 700 = 1,120")
    assert not sum_line.is_visible()
    page.keyboard.press("Enter")
    assert sum_line.is_visible()
    assert page.locator("#p-c1-1").get_by_text("Consistent alternative: a total of 1,120").is_visible()
    page.keyboard.press("Space")
    assert not sum_line.is_visible()
    page.keyboard.press("p")
    assert v.focused() == f"b-c{len(BROKEN)}-1"
    page.keyboard.press("n")
    assert v.focused() == "b-c1-1"
    # Focus shows the tip with the verdict; Escape closes an open explanation.
    tip = page.locator("#tip")
    assert tip.is_visible() and tip.inner_text().startswith("Inconsistent, claims[0]: The parts add up")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert not sum_line.is_visible()
    # Clicking the highlighted words opens the explanation, with the arithmetic and the alternative.
    points = page.locator('mark.claim[data-ref="c2-1"]')
    working = page.get_by_text("35% / 26% = 1.346: a rise of 34.6%")
    assert not working.is_visible()
    points.click()
    assert working.is_visible()
    assert page.get_by_text("Consistent alternatives: '9 percentage points'").is_visible()
    assert v.focused() == "b-c2-1"
    # Pointing at a claim shows its verdict and message.
    page.locator('mark.claim[data-ref="c4-1"]').hover()
    assert tip.is_visible() and "'300 percent' is the later figure" in tip.inner_text()
    # The summary's links open the claim they name.
    page.locator("ol.attention a.goto").nth(5).click()
    assert v.focused() == "b-c6-1"
    assert page.get_by_text("102 / 70 = 1.457: a rise of 45.7%").is_visible()
    v.shot("html-broken")
    v.assert_clean()


def test_print_opens_every_explanation(visit):
    v = visit(save("html-all", render(checked(*FIXTURES))))
    page = v.page
    explanations = page.locator(".explain")
    total = explanations.count()
    assert total == 23
    assert page.locator(".explain:visible").count() == 0
    page.emulate_media(media="print")
    assert page.locator(".explain:visible").count() == total
    assert not page.locator("#expand-all").is_visible()
    page.emulate_media(media="screen")
    page.click("#expand-all")
    assert page.locator(".explain:visible").count() == total
    page.click("#collapse-all")
    assert page.locator(".explain:visible").count() == 0
    v.assert_clean()


def test_hostile_text_is_shown_never_run(tmp_path, visit):
    with_text, without = hostile_sheets(tmp_path)
    reports = checked(with_text, without)
    assert [f.verdict for r in reports for f in r.findings] == [
        Verdict.INCONSISTENT, Verdict.CONSISTENT, Verdict.INCONSISTENT, Verdict.CONSISTENT,
    ]  # fmt: skip
    page_html = render(reports)
    assert "<script>alert" not in page_html and "<img" not in page_html
    v = visit(save("html-hostile", page_html))
    page = v.page
    page.wait_for_timeout(300)  # time for anything injected to fire
    assert v.highlighted() == {"inconsistent": 2, "consistent": 2}
    # The quote is highlighted in the article's text and in the quotes-only section, as text.
    in_text = page.locator('mark.claim[data-ref="c1-1"]')
    assert in_text.inner_text() == HOSTILE_QUOTE
    assert in_text.is_visible()
    assert page.locator('mark.claim[data-ref="c2-1"]').inner_text() == HOSTILE_QUOTE
    assert page.locator("cite").first.inner_text() == "<script>alert('title')</script> Expo"
    # The span given in the sheet places the second claim.
    assert page.locator('mark.claim[data-ref="c1-2"]').inner_text() == "passed 200,000, up from 160,000"
    page.locator("#b-c1-1").click()
    assert page.locator("#m-c1-1").inner_text().startswith("70 companies <img src=x onerror=alert('unit')>")
    # Nothing ran and nothing was injected: one script (ours), no image, no javascript: link.
    assert page.locator("script").count() == 1
    assert page.locator("img").count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.get_by_text("javascript:alert('url')").first.is_visible()
    assert (
        page.evaluate(
            "[...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))"
        )
        is False
    )
    v.shot("html-hostile")
    v.assert_clean()


def test_narrow_screen_keeps_the_page_usable(visit):
    v = visit(save("html-article", render(checked("fixtures/article.yaml"))), width=380)
    page = v.page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 380
    page.locator("#b-c1-3").click()
    assert page.get_by_text("152 / 91 = 1.67: a rise of 67%").is_visible()
    v.shot("html-article-narrow")
    v.assert_clean()


# --- the markup -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", FIXTURES)
def test_every_fixture_renders_well_formed(fixture):
    page_html = render(checked(fixture))
    assert page_html.isascii()
    parser = well_formed(page_html)
    scripts = [t for t, _ in parser.tags if t == "script"]
    assert scripts == ["script"]
    assert not [a for _, attrs in parser.tags for a in attrs if a.startswith("on")]


def test_all_fixtures_and_hostile_sheets_in_one_page_well_formed(tmp_path):
    reports = checked(*FIXTURES, *hostile_sheets(tmp_path))
    for show_consistent in (True, False):
        page_html = render(reports, show_consistent)
        parser = well_formed(page_html)
        sections = [a for t, a in parser.tags if t == "section" and a.get("class") == "file"]
        assert len(sections) == len(FIXTURES) + 2
        assert ('data-verdict="consistent"' in page_html) is show_consistent  # --quiet leaves them out


@pytest.mark.parametrize(
    "bad, problem",
    [
        ("<!DOCTYPE html><p><mark>x</p></mark>", "</p> but <mark> is open"),
        ("<!DOCTYPE html><p>a<div>b</div></p>", "<div> inside <p>"),
        ("<!DOCTYPE html><button><a href='#x'>b</a></button><i id=x></i>", "<a> inside another control"),
        ("<!DOCTYPE html><i id=a></i><b id=a></b>", "ids used twice: ['a']"),
        ("<!DOCTYPE html><button aria-controls=nope></button>", "references to no id: ['nope']"),
        ("<!DOCTYPE html><section><p>x</p>", "left open at the end: ['section']"),
        ("<p>x</p>", "no <!DOCTYPE html>"),
    ],
)
def test_the_balance_checker_catches_bad_markup(bad, problem):
    with pytest.raises(AssertionError) as caught:
        well_formed(bad)
    assert problem in str(caught.value)


def test_policy_allows_only_the_page_own_style_and_script():
    page_html = render(checked("fixtures/article.yaml"))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page_html).group(1)
    policy = policy.replace("&#39;", "'")
    assert policy.startswith("default-src 'none';")
    style = re.search(r"<style>(.*?)</style>", page_html, re.DOTALL).group(1)
    script = re.search(r"<script>(.*?)</script>", page_html, re.DOTALL).group(1)
    assert f"style-src {html._csp_hash(style)};" in policy
    assert f"script-src {html._csp_hash(script)};" in policy


def test_input_errors_and_other_findings_are_shown():
    report = FileReport(
        "drafts/bad.yaml",
        [
            Finding("drafts/bad.yaml", 3, 7, "IN01", "yaml-syntax", None, Level.ERROR, "expected ':' <here>\x07\x85"),
        ],
    )
    page_html = render([report])
    well_formed(page_html)
    assert "expected &#39;:&#39; &lt;here&gt;\\x07\\x85" in page_html  # control characters made visible
    assert 'href="#errors-1"' in page_html and 'id="errors-1"' in page_html


def test_missing_article_text_falls_back_to_quotes(tmp_path):
    sheet = tmp_path / "gone.yaml"
    sheet.write_text(
        textwrap.dedent(
            """\
            article: {title: T, source: S, published: 2025-07-20, text: nowhere.txt}
            quantities:
              a: {value: "8", unit: units}
              b: {value: "40", unit: units}
            claims:
              - {rule: multiple, from: a, to: b, factor: quadruple, quote: may quadruple}
            """
        ),
        encoding="utf-8",
    )
    page_html = render(checked(sheet))
    well_formed(page_html)
    assert "cannot be read: no such file" in page_html
    assert '<article class="card v-inconsistent"' in page_html
    assert "&#215;4" in page_html and "&#215;5" in page_html  # the chart's stated and actual multiples


def test_charts_for_each_kind_of_change():
    from validator.exact import Q
    from validator.reporters.charts import chart_of
    from validator.result_data import MultipleData, PercentChangeData, PointsChangeData, WeekdayData

    def chart(data):
        return chart_of(data, "c1-1", "claims[0]")

    percent = chart(PercentChangeData(Q(70), Q(102), Q(50), Q(45714, 1000)))
    assert [(b.kind, b.text) for b in percent.changes] == [("stated", "+50%"), ("actual", "+45.7%")]
    assert percent.desc == "From 70 to 102. Stated change: +50%. Actual change: +45.7%."
    assert percent.title == "The figures of claims[0] and their change"
    fall = chart(PercentChangeData(Q(2_500_000_000), Q(1_200_000), None, Q(-99952, 1000)))
    assert [b.text for b in fall.values] == ["2.5B", "1.2M"]
    assert [(b.kind, b.text) for b in fall.changes] == [("actual", "-100%")]
    assert fall.changes[0].x < fall.zero  # a fall is drawn left of zero
    points = chart(PointsChangeData(Q(26), Q(32), Q(6), Q(23077, 1000)))
    assert [b.text for b in points.changes] == ["+6 pts"] and "Relative change: +23.1%." in points.desc
    undefined = chart(PercentChangeData(Q(0), Q(5), Q(50), None))
    assert [b.text for b in undefined.changes] == ["+50%", "undefined"]
    multiple = chart(MultipleData(Q(8), Q(40), Q(4), Q(5)))
    assert [b.text for b in multiple.changes] == ["\u00d74", "\u00d75"]
    assert chart(None) is None and chart(PercentChangeData(None, Q(5), Q(50), None)) is None
    assert chart(WeekdayData("2025-07-20", "Sunday")) is None


# --- finding claims in the text -------------------------------------------------------------------


def test_locator_exact_then_loose_then_gap():
    text = (
        "He said \u201cthe rise\u2014of 5%\u201d was\n  large. Then 24,000 sessions, four times more; and 24,000 again."
    )
    loc = quotes.Locator(text)
    assert loc.find("was\n  large") == (text.index("was"), text.index("large") + 5, "exact")
    start, end, how = loc.find('"the rise-of 5%" was large')
    assert how == "normalized" and text[start:end] == "\u201cthe rise\u2014of 5%\u201d was\n  large"
    start, end, how = loc.find("24,000 ... four times more")
    assert how == "gap" and text[start:end] == "24,000 sessions, four times more"
    start, end, how = loc.find("the rise \u2026 large [...] Then")
    assert how == "gap" and text[start:end] == "the rise\u2014of 5%\u201d was\n  large. Then"
    start, end, how = loc.find("... four times more")
    assert how == "gap" and text[start:end] == "four times more"
    assert loc.find("four times ... 24,000 sessions") is None  # parts out of order
    assert loc.find("not in the text") is None
    assert loc.find("") is None and loc.find(None) is None


@given(st.text(alphabet="ab \n\t\u00a0\u2019\u201c\u2014'-", max_size=40))
def test_normalized_text_maps_back_to_the_original(text):
    norm = quotes.Normalized(text)
    assert norm.text == re.sub(r"\s+", " ", text.translate(quotes.QUOTE_MARKS))
    previous_end = 0
    for j, char in enumerate(norm.text):
        start, end = norm.start(j), norm.end(j)
        assert start == previous_end  # every original character is covered, in order
        original = text[start:end]
        assert (original.isspace() and char == " ") or original.translate(quotes.QUOTE_MARKS) == char
        previous_end = end
    assert previous_end == len(text)


def test_gap_takes_the_shortest_stretch():
    text = "up 5% here. Then up 6% and up 5% later, then 7%."
    start, end, _ = quotes.Locator(text).find("up ... 7%")
    assert text[start:end] == "up 5% later, then 7%"


def claim(ref: str, start: int, end: int, number: int = 1) -> html.Claim:
    finding = Finding("a.yaml", 1, 1, "CH01", "percent-change", Verdict.CONSISTENT, Level.NONE, "m")
    return html.Claim(ref=ref, number=number, finding=finding, start=start, end=end)


def flatten(paragraphs: list[html.Paragraph]) -> list[str]:
    out = []
    for p in paragraphs:
        parts = []
        for r in p.runs:
            if r.kind == "text":
                parts.append(r.text)
            elif r.kind == "open":
                parts.append(f"<{r.claim.ref}{'' if r.first else '+'}>")
            elif r.kind == "close":
                parts.append(f"</{r.claim.ref}>")
            else:
                parts.append(f"[{r.claim.ref}]")
        out.append("".join(parts))
    return out


def test_highlights_nest_split_and_cross_paragraphs():
    text = "abcdefghij\nklmnop\n"
    nested = [claim("a", 0, 6, 1), claim("b", 2, 4, 2)]
    ranges = html.paragraphs(text)
    assert flatten(html.highlight(text, nested, ranges)) == ["<a>ab<b>cd</b>[b]ef</a>[a]ghij", "klmnop"]
    overlapping = [claim("a", 0, 6, 1), claim("b", 4, 8, 2)]
    assert flatten(html.highlight(text, overlapping, ranges)) == [
        "<a>abcd<b>ef</b></a>[a]<b+>gh</b>[b]ij",
        "klmnop",
    ]
    across = [claim("a", 8, 14, 1)]
    html.visible(across, ranges)
    paragraphs = html.highlight(text, across, ranges)
    assert flatten(paragraphs) == ["abcdefgh<a>ij</a>", "<a+>klm</a>[a]nop"]
    assert [c.ref for c in paragraphs[1].claims] == ["a"]


def test_blank_lines_make_paragraphs_when_there_are_any():
    assert html.paragraphs("one\ntwo\n\n three\n") == [(0, 7), (10, 15)]
    assert html.paragraphs("one\r\ntwo\n") == [(0, 3), (5, 8)]


def test_span_beats_quote_and_a_bad_span_falls_back(tmp_path):
    (tmp_path / "t.txt").write_text("Sales rose 10% to 110. Sales rose 10% to 110.", encoding="utf-8")
    sheet = tmp_path / "s.yaml"
    body = """\
        article: {{title: T, source: S, published: 2025-07-20, text: t.txt}}
        quantities:
          a: {{value: "100", unit: sales}}
          b: {{value: "110", unit: sales}}
        claims:
          - {{rule: percent-change, from: a, to: b, change: 10 percent, quote: rose 10% to 110, span: {span}}}
        """
    sheet.write_text(textwrap.dedent(body.format(span="[29, 44]")), encoding="utf-8")
    section = html.build_section(1, checked(sheet)[0], True, {})
    (c,) = section.claims
    assert (c.start, c.end, c.method) == (29, 44, "span")  # the second occurrence, as the span says
    sheet.write_text(textwrap.dedent(body.format(span="[29, 4500]")), encoding="utf-8")
    section = html.build_section(1, checked(sheet)[0], True, {})
    (c,) = section.claims
    assert (c.start, c.end, c.method) == (6, 21, "exact")
    assert "outside the article's text" in c.note


# --- the command line -----------------------------------------------------------------------------


def test_cli_writes_the_page(tmp_path):
    out = tmp_path / "report.html"
    result = run_cli("--format", "html", "-o", str(out), "fixtures/article.yaml", *BROKEN)
    assert result.returncode == 1, result.stderr
    page_html = out.read_text(encoding="ascii")
    well_formed(page_html)
    assert page_html.count('<section class="file"') == 1 + len(BROKEN)


def test_jinja_is_imported_only_for_the_html_format():
    code = (
        "import sys, io, contextlib\n"
        "from validator.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--format', 'json', 'fixtures/article.yaml'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('jinja2' in sys.modules, 'validator.reporters.html' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_without_jinja_the_format_says_what_to_install():
    code = (
        "import sys\n"
        "sys.modules['jinja2'] = None\n"
        "from validator.cli import main\n"
        "main(['--format', 'html', 'fixtures/article.yaml'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 2
    assert "--format html needs Jinja2" in result.stderr
    assert "Traceback" not in result.stderr
