"""Finding a claim's quote in an article's text: exactly, then ignoring differences of white
space, quote marks and dashes, then reading '...' in the quote as words left out.

Offsets are always those of the original text, so a highlight covers the words
as the article writes them.
"""

from __future__ import annotations

import bisect
import re

GAP = re.compile(r"\s*(?:\[\s*(?:\.\.\.|\u2026)\s*\]|\.{3,}|\u2026)\s*")
QUOTE_MARKS = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)


# Every character str.isspace() accepts, made a plain space (one for one, so offsets hold).
SPACES = str.maketrans(dict.fromkeys([chr(c) for c in range(0x3001) if chr(c).isspace()], " "))
RUNS = re.compile(" {2,}")


class Normalized:
    """``text`` with runs of white space as one space and quote marks and dashes made plain,
    and the way back from a place in it to the place in ``text``.

    Quote marks, dashes and white space are replaced one for one; only the runs of two
    or more spaces then shift places, so only those are recorded.
    """

    def __init__(self, text: str):
        plain = text.translate(QUOTE_MARKS).translate(SPACES)
        parts: list[str] = []
        self.runs: list[int] = []  # where each collapsed run is, in the normalized text
        self.shift: list[int] = []  # characters removed up to and including that run
        self.lengths: list[int] = []
        pos = removed = 0
        for m in RUNS.finditer(plain):
            parts.append(plain[pos : m.start() + 1])
            self.runs.append(m.start() - removed)
            removed += len(m.group()) - 1
            self.shift.append(removed)
            self.lengths.append(len(m.group()))
            pos = m.end()
        parts.append(plain[pos:])
        self.text = "".join(parts)

    def start(self, j: int) -> int:
        """Where the normalized character ``j`` starts in the original text."""
        k = bisect.bisect_left(self.runs, j)
        return j + (self.shift[k - 1] if k else 0)

    def end(self, j: int) -> int:
        """Where the normalized character ``j`` ends in the original text."""
        k = bisect.bisect_left(self.runs, j)
        if k < len(self.runs) and self.runs[k] == j:
            return self.start(j) + self.lengths[k]
        return self.start(j) + 1


def _plain(text: str) -> str:
    return " ".join(text.translate(QUOTE_MARKS).split())


class Locator:
    """Finds quotes in one article's text."""

    def __init__(self, text: str):
        self.text = text
        self._norm: Normalized | None = None

    @property
    def norm(self) -> Normalized:
        if self._norm is None:  # made only when a quote is not found as it is
            self._norm = Normalized(self.text)
        return self._norm

    def find(self, quote: str | None) -> tuple[int, int, str] | None:
        """``(start, end, method)`` of ``quote`` in the text, or None when it is not there."""
        quote = (quote or "").strip()
        if not quote:
            return None
        i = self.text.find(quote)
        if i >= 0:
            return i, i + len(quote), "exact"
        mapped = self.norm
        norm = mapped.text
        q = _plain(quote)
        if q:
            j = norm.find(q)
            if j >= 0:
                return mapped.start(j), mapped.end(j + len(q) - 1), "normalized"
        parts = [p for p in (_plain(p) for p in GAP.split(quote)) if p]
        if len(parts) == 1 and parts[0] != q:  # '... four times higher': words left out before or after
            j = norm.find(parts[0])
            return (mapped.start(j), mapped.end(j + len(parts[0]) - 1), "gap") if j >= 0 else None
        if len(parts) < 2:
            return None
        # The shortest stretch: try each start of the first part, each later part at its first
        # place after the one before. Those places only move forward as the start does, so one
        # found for an earlier start is reused while it comes late enough: the text is read
        # about once a part, however often the first part occurs.
        best: tuple[int, int] | None = None
        found = [-1] * len(parts)
        j = norm.find(parts[0])
        while j >= 0:
            end = j + len(parts[0])
            missing = False
            for n, part in enumerate(parts[1:], 1):
                if found[n] < end:
                    found[n] = norm.find(part, end)
                if found[n] < 0:
                    missing = True
                    break
                end = found[n] + len(part)
            if missing:
                break  # a later part is not after this start, so not after any later one either
            if best is None or end - j < best[1] - best[0]:
                best = (j, end)
            j = norm.find(parts[0], j + 1)
        if best is None:
            return None
        return mapped.start(best[0]), mapped.end(best[1] - 1), "gap"
