"""Quantities shared between fact sheets: ``same_as: other-sheet.yaml#id``.

A quantity may take its value from another fact sheet (last year's article
supplies last year's attendance). References are resolved relative to the
sheet that makes them, followed through chains, and cached per run; a missing
file or id, a cycle, or a file outside the folders the checked sheet may read
from (:mod:`validator.folders`) is a clear error at the ``same_as`` line.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from validator import folders, loader
from validator.engine import ExternalValue, QuantityError, count_of, written_of
from validator.models import Quantity, QuantityEntry


@cache
def _quantities_adapter():
    """Built when a reference is first followed: most runs follow none."""
    from pydantic import TypeAdapter

    return TypeAdapter(dict[str, QuantityEntry])


SAME_AS = re.compile(r"""same_as\s*:\s*["']?([^"'#\s,}]+)#""")


class Resolver:
    """Looks up other fact sheets' quantities, reading each file once per run."""

    def __init__(self, limits: loader.Limits = loader.LIMITS, configured: tuple[Path, ...] = ()):
        self.limits = limits
        self.configured = configured  # folders every sheet may read from (Config.read_folders)
        self._sheets: dict[Path, dict[str, Quantity] | str] = {}

    def external_for(self, sheet: Path):
        """The callback the engine's Binder uses for ``sheet``'s references."""
        allowed = folders.for_sheet(sheet, self.configured)
        sheet = sheet.resolve()

        def external(local_id: str, ref: str) -> ExternalValue:
            return self.resolve(sheet, ref, ((sheet, local_id),), allowed)

        return external

    def resolve(
        self, sheet: Path, ref: str, chain: tuple[tuple[Path, str], ...], allowed: tuple[Path, ...]
    ) -> ExternalValue:
        file_part, _, qid = ref.rpartition("#")
        target = folders.confine(sheet.parent, file_part, allowed)  # OutsideFolders is a LookupError
        if (target, qid) in chain:
            steps = " -> ".join(f"{loader.display_path(p)}#{q}" for p, q in (*chain, (target, qid)))
            raise LookupError(f"reference cycle: {steps}")
        quantities = self._quantities(target)
        if isinstance(quantities, str):
            raise LookupError(f"'{file_part}': {quantities}")
        quantity = quantities.get(qid)
        if quantity is None:
            from difflib import get_close_matches

            close = get_close_matches(qid, list(quantities), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise LookupError(f"'{file_part}' has no quantity '{qid}'{hint}")
        if quantity.same_as is not None:
            return self.resolve(target, quantity.same_as, (*chain, (target, qid)), allowed)
        if quantity.value is None:
            raise LookupError(f"'{ref}' has no value of its own to refer to")
        try:
            written = written_of(quantity)
        except QuantityError as exc:
            raise LookupError(f"'{ref}': {exc}") from None
        noun = quantity.unit or written.unit
        return ExternalValue(
            written, noun, bool(count_of(quantity, written, noun)), f"{loader.display_path(target)}#{qid}"
        )

    def _quantities(self, path: Path) -> dict[str, Quantity] | str:
        if path not in self._sheets:
            self._sheets[path] = self._read(path)
        return self._sheets[path]

    def _read(self, path: Path) -> dict[str, Quantity] | str:
        try:
            root = loader.compose(loader.read_text(path, self.limits))
            data = loader.to_data(root, self.limits) if root is not None else None
        except loader.LoadError as exc:
            return exc.message
        if not isinstance(data, dict):
            return "not a fact sheet"
        try:
            return _quantities_adapter().validate_python(data.get("quantities") or {})
        except ValidationError:
            return "its quantities are not valid (check that file)"


def references_in(text: str) -> list[str]:
    """The files a fact sheet's text refers to through same_as (cheap: no YAML parsing)."""
    return SAME_AS.findall(text)


def referenced_sheets(sheets: list[Path], limits: loader.Limits, configured: tuple[Path, ...]) -> set[Path]:
    """Every fact sheet (resolved) the given ones refer to through same_as, directly or not, that
    they may read (a text scan; files that cannot be read are the checker's to report)."""
    found: set[Path] = set()
    for sheet in sheets:
        allowed = folders.for_sheet(sheet, configured)
        queue = [sheet]
        while queue:
            current = queue.pop()
            try:
                text = loader.read_text(current, limits)
            except loader.LoadError:
                continue
            for target in references_in(text):
                try:
                    path = folders.confine(current.resolve().parent, target, allowed)
                except folders.OutsideFolders:
                    continue
                if path not in found:
                    found.add(path)
                    queue.append(path)
    return found
