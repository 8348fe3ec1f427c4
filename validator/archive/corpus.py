"""JSON Lines corpora of articles, read in blocks of lines so that many workers share one large file.

A block of an uncompressed corpus is a byte range: it holds the lines that *start* in it, so
blocks cut anywhere still give every line once. A compressed corpus cannot be entered in the
middle; its blocks are ranges of line indices, each read from the start. Counting a block and
checking it use the same reader, so the lines counted are the lines checked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from validator.archive.items import Corpus
from validator.loader import LoadError

CHUNK = 1 << 20


@dataclass(frozen=True)
class Block:
    """Lines of a corpus: those starting at byte offsets in [start, end) (uncompressed), or with
    indices in [start, end) (compressed); ``end`` None reads to the end. ``first_line`` is the
    number of its first line in the corpus (1-based), known once the blocks before it are counted."""

    corpus: Corpus
    start: int
    end: int | None
    first_line: int = 0


@dataclass(frozen=True)
class Fields:
    """Where a line's article is: its text, its id (the name of its findings) and its publication date."""

    text: str = "text"
    id: str = "id"
    published: str | None = "published"


def plan(corpus: Corpus, block_bytes: int) -> list[Block]:
    """Blocks of about ``block_bytes`` (one block for a compressed corpus); OSError if it cannot be sized."""
    if corpus.compression:
        return [Block(corpus, 0, None)]
    size = _filesystem(corpus).size(_path(corpus))
    return [Block(corpus, start, min(start + block_bytes, size)) for start in range(0, size, block_bytes)] or [
        Block(corpus, 0, 0)
    ]


def count(block: Block, limit: int) -> tuple[int, int]:
    """The lines that start in the block, and how many of them are not blank (the articles)."""
    lines = articles = 0
    for _, line in lines_of(block, limit):
        lines += 1
        articles += line is None or bool(line.strip())
    return lines, articles


def numbered(blocks: list[Block], counts: list[tuple[int, int]]) -> list[Block]:
    """The blocks with their first line numbers, from the line counts of the blocks before them."""
    out, line = [], 1
    for block, (lines, _) in zip(blocks, counts, strict=True):
        out.append(replace(block, first_line=line))
        line += lines
    return out


def single_lines(block: Block, limit: int) -> list[Block]:
    """The block as one-line blocks, to isolate a line that makes every worker checking it die."""
    out = []
    for k, (position, line) in enumerate(lines_of(block, limit)):
        if line is None or line.strip():
            out.append(replace(block, start=position, end=position + 1, first_line=block.first_line + k))
    return out


def lines_of(block: Block, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(where the line starts, the line or None when it is longer than ``limit`` bytes) for each line."""
    with _open(block.corpus) as handle:
        if block.corpus.compression:
            for index, (_, line) in enumerate(read_lines(handle, limit)):
                if block.end is not None and index >= block.end:
                    return
                if index >= block.start:
                    yield index, line
            return
        position = block.start
        if block.start > 0:  # the line holding the byte before the block belongs to the block before
            handle.seek(block.start - 1)
            lines = read_lines(handle, limit)
            position = block.start - 1 + next(lines, (1, None))[0]
        else:
            lines = read_lines(handle, limit)
        for size, line in lines:
            if block.end is not None and position >= block.end:
                return
            yield position, line
            position += size


def read_lines(handle, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(bytes taken, with the newline; the line, or None past ``limit`` bytes) for each line of a
    binary stream. A line past the limit is passed over as it is read, never held whole."""
    parts: list[bytes] = []
    size = 0  # bytes of the current line so far
    while data := handle.read(CHUNK):
        pos = 0
        while (i := data.find(b"\n", pos)) >= 0:
            size += i + 1 - pos
            if size - 1 <= limit:
                parts.append(data[pos:i])
                yield size, b"".join(parts)
            else:
                yield size, None
            parts, size, pos = [], 0, i + 1
        size += len(data) - pos
        if size <= limit:
            parts.append(data[pos:])
        else:
            parts = []
    if size:
        yield size, (b"".join(parts) if size <= limit else None)


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published: dt.date | None


def article(line: bytes | None, name: str, fields: Fields, limit: int, published: dt.date | None) -> Article:
    """The article on a line, or a LoadError that says what is wrong with the line."""
    if line is None:
        raise LoadError(
            f"the line is more than {limit:,} bytes, the limit (set max-file-bytes to raise it)", code="IN06"
        )
    try:
        data = json.loads(line)
    except UnicodeDecodeError as exc:
        raise LoadError(f"not UTF-8 text: byte 0x{line[exc.start]:02x} cannot be decoded", code="IN05") from None
    except json.JSONDecodeError as exc:
        raise LoadError(f"not JSON: {exc.msg} at column {exc.colno}", code="IN05") from None
    if not isinstance(data, dict):
        raise LoadError(f"a line of a corpus is a JSON object with a '{fields.text}' field", code="IN05")
    text = data.get(fields.text)
    if not isinstance(text, str):
        why = "has no" if text is None else "has a non-text"
        raise LoadError(f"the line {why} '{fields.text}' field (--text-field names another)", code="IN05")
    ident = data.get(fields.id)
    if ident is not None and not isinstance(ident, dict | list):
        name = str(ident)
    stated = data.get(fields.published) if fields.published else None
    if stated is not None:
        published = _date(stated, fields.published, name)
    return Article(name, text, published)


class NamedLineError(LoadError):
    """A line that names its article but cannot be checked: its row takes the article's name."""

    def __init__(self, message: str, code: str, name: str):
        super().__init__(message, code=code)
        self.name = name


def _date(value, field: str, name: str) -> dt.date:
    """A date written YYYY-MM-DD, alone or leading a timestamp ('2019-03-04T12:00:00Z')."""
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        message = f"'{field}' is {json.dumps(value)}, not a date (YYYY-MM-DD); --published-field '' leaves it unread"
        raise NamedLineError(message, "IN04", name) from None


def _filesystem(corpus: Corpus):
    import fsspec

    return fsspec.core.url_to_fs(corpus.location)[0]


def _path(corpus: Corpus) -> str:
    import fsspec

    return fsspec.core.url_to_fs(corpus.location)[1]


@contextmanager
def _open(corpus: Corpus):
    if not corpus.is_url and not corpus.compression:
        with open(corpus.location, "rb") as handle:
            yield handle
        return
    import fsspec

    with fsspec.open(corpus.location, "rb", compression=corpus.compression) as handle:
        yield handle
