"""The folders a fact sheet may read other files from.

``article.text`` and ``same_as`` name files relative to the fact sheet. In CI
a fact sheet may come from a stranger's pull request, so what it names is
resolved (symbolic links followed) and read only when it lies inside one of
these folders: the fact sheet's own folder (as the sheet was named, before
following a link to it), the configuration file's folder, and the folder the
configuration names as ``root``. Anything else is an input error that names
this rule and never shows what the file holds.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


class OutsideFolders(LookupError):
    """A file named by a fact sheet that resolves outside the folders it may read from."""


def for_sheet(sheet: Path, configured: Sequence[Path] = ()) -> tuple[Path, ...]:
    """The folders the fact sheet at ``sheet`` may read from (resolved)."""
    return (Path(os.path.realpath(sheet.parent)), *configured)


def confine(base: Path, written: str, folders: Sequence[Path], what: str = "the fact sheet") -> Path:
    """The resolved path of ``written`` (relative to the folder ``base``), when it lies inside
    one of ``folders``; :class:`OutsideFolders` otherwise, naming the rule (``what`` says what
    the path is meant to be), never what the file holds."""
    target = Path(os.path.realpath(base / written))
    if any(target == folder or folder in target.parents for folder in folders):
        return target
    raise OutsideFolders(
        f"{what} '{written}' is outside the folders this fact sheet may read files from (its own folder "
        "and the configuration file's; 'root' in the configuration adds another)"
    )


def article_text_finder(sheet: Path, configured: Sequence[Path], limits):
    """The callback that finds a fact sheet's ``article.text``: inside the folders the sheet may
    read from, and a regular file within the limits (LookupError otherwise). A file that does not
    exist is not an error: reports fall back to the claims' quotes and say why."""
    from validator import loader

    allowed = for_sheet(sheet, configured)
    base = sheet.resolve().parent

    def find(written: str) -> Path:
        target = confine(base, written, allowed, "the article's text")
        if os.path.lexists(target):
            try:
                loader.check_regular(target, limits)
            except loader.LoadError as exc:
                raise LookupError(f"the article's text '{written}': {exc.message}") from None
        return target

    return find
