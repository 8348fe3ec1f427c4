"""Article text in: plain text, Markdown or HTML, and positions in it.

Plain text and Markdown keep their characters where they are: Markdown
markup (``**``, ``#``, ``[link](url)``) is blanked out with spaces of the
same length, so every span found in the analysed text is also a span of the
original, and quotes can be taken verbatim from it. HTML is read as text
with the standard library's parser (tags dropped, entities decoded, block
elements ending lines); its spans refer to that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class ArticleText:
    """The text the extractor reads, and the text quotes and positions refer to."""

    original: str  # quotes and spans refer to this text
    analysed: str  # same length as ``original``: markup blanked out
    format: str  # 'text', 'markdown' or 'html'

    @property
    def title(self) -> str:
        """The first non-empty line, without markup ("Untitled" if there is none)."""
        for line in self.analysed.splitlines():
            if line.strip():
                return " ".join(line.split())
        return "Untitled"


def read(text: str, fmt: str | None = None) -> ArticleText:
    """Read an article; ``fmt`` is 'text', 'markdown' or 'html' (guessed when None)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = fmt or guess_format(text)
    if fmt == "html":
        plain = html_to_text(text)
        return ArticleText(plain, plain, "html")
    if fmt == "markdown":
        return ArticleText(text, blank_markdown(text), "markdown")
    if fmt != "text":
        raise ValueError(f"unknown article format {fmt!r} (text, markdown or html)")
    return ArticleText(text, text, "text")


def guess_format(text: str) -> str:
    head = text.lstrip()[:2000].lower()
    if (
        head.startswith(("<!doctype html", "<html"))
        or len(re.findall(r"</?(?:p|div|br|h[1-6]|span|a|li)\b", head)) >= 2
    ):
        return "html"
    if re.search(r"^(?:#{1,6} |> |[-*+] )|\*\*\S|\[[^\]]+\]\([^)]+\)", text, re.M):
        return "markdown"
    return "text"


# ------------------------------------------------------------------ Markdown
_MD_PATTERNS = [
    re.compile(r"^(#{1,6} )", re.M),  # heading marks
    re.compile(r"^(>+ ?)", re.M),  # block quotes
    re.compile(r"^(\s*[-*+] )", re.M),  # list bullets
    re.compile(r"(\*\*|__)(?=\S)|(?<=\S)(\*\*|__)"),  # bold
    re.compile(r"(?<![\w*])(\*)(?=[^\s*])|(?<=[^\s*])(\*)(?![\w*])"),  # italics
    re.compile(r"(`+)"),  # code marks
]
_MD_LINK = re.compile(r"(!?\[)([^\]\n]*)(\]\([^)\n]*\))")


def blank_markdown(text: str) -> str:
    """Markdown with its markup replaced by spaces: same length, same line breaks."""
    chars = list(text)

    def blank(a: int, b: int) -> None:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "

    for m in _MD_LINK.finditer(text):
        blank(m.start(1), m.end(1))
        blank(m.start(3), m.end(3))
    for pattern in _MD_PATTERNS:
        for m in pattern.finditer(text):
            for g in range(1, (pattern.groups or 0) + 1):
                if m.group(g) is not None:
                    blank(m.start(g), m.end(g))
    return "".join(chars)


# ---------------------------------------------------------------------- HTML
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
           "section", "article", "header", "footer", "blockquote", "title", "figcaption", "hr"}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "head"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skipping += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP and self.skipping:
            self.skipping -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: one line a block, the <title> first if the body has no heading."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    body = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in body.split("\n")]
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title).split())
    if title and not text.startswith(title):
        text = title + "\n" + text
    return text + "\n" if text else ""


# ------------------------------------------------------------------ positions
def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1
