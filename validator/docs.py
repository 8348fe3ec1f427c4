"""Documentation for ``--explain``: a rule's, from its docstring and examples, and every other
code the tool can print (input errors, the engine's and the article reader's notices)."""

from __future__ import annotations

import inspect
import textwrap

from validator.findings import OTHER_CODES, Verdict

# How to fix what each code that is not a rule reports.
FIXES = {
    "IN01": "Fix the YAML at the line and column given: indentation, a missing colon or closing quote, a tab. "
    "Quote values YAML would read otherwise ('\"1,200\"' inside braces or brackets, where a comma separates "
    "entries). A fact sheet is one YAML document; tags such as !!python/object and merge keys (<<) are refused.",
    "IN02": "The message names the field. An unknown field is often a typo (the message suggests the field "
    "meant); a missing one must be added. 'validate --schema' prints every field, 'validate --explain RULE' a "
    "rule's. Dates are written YYYY-MM-DD (2025-07-20).",
    "IN03": "Define the quantity under 'quantities', or write the number inline in the claim. Another sheet's "
    "quantity is named with 'same_as: other-sheet.yaml#id', a path relative to this sheet. Rules are named by "
    "code or name ('validate --list-rules').",
    "IN04": "Write the number as the article does, readably: '1,200', '1.2 million', '35 percent', 'four "
    "times', '£3.2m'; dates as 'July 20, 2025', '20 July 2025' or '2025-07-20'; weekdays by name ('Sunday').",
    "IN05": "Check the path, its permissions and its encoding (save it as UTF-8). Name a fact sheet (.yaml, "
    ".yml, .json) or an article's text (.txt, .md, .markdown, .html, .htm); a folder or pattern must hold a "
    "fact sheet the configuration does not exclude.",
    "IN06": "Split the file, or raise 'max-file-bytes' in the configuration. Nesting is limited to 50 levels "
    "and a document to 1,000,000 values (an alias counts every value it repeats).",
    "IN07": "The message names the key, the file and its line, with the key probably meant; the README's "
    "Configuration section lists every key and its values.",
    "IN99": "A bug in the validator, not in the file: please report it with the file that caused it. The "
    "other files are still checked.",
    "NQ01": "Remove the suppression, or point it at the rule that makes the finding. It is reported so that "
    "suppressions do not outlive the findings they silenced.",
    "DT00": "Give the publication date with --published YYYY-MM-DD (or in the article's dateline or front "
    "matter): 'last year' and 'on Sunday' are then read against it and checked.",
}
LEVELS = {
    "NQ01": "A warning: it fails the run only with --strict, or when its level is set to error "
    '(levels = { NQ01 = "error" }).',
    "DT00": "A notice (level info): it never fails the run.",
}


def render_code(code: str) -> str | None:
    """The documentation of a code that is not a rule (by code or name), or None when it is none."""
    for known, (name, what) in OTHER_CODES.items():
        if code.strip().upper() == known or code.strip().lower() == name:
            level = LEVELS.get(known, "An input error: the file is not checked, and the run exits 2; the "
                               "other files are still checked.")  # fmt: skip
            parts = [f"{known} {name}", "", what, "", "How to fix", textwrap.fill(FIXES[known], 88), ""]
            return "\n".join([*parts, textwrap.fill(level, 88)]) + "\n"
    return None


def render_rule(cls) -> str:
    doc = inspect.cleandoc(cls.__doc__ or "")
    title, _, body = doc.partition("\n")
    parts = [f"{cls.code} {cls.name}", "", title.strip(), ""]
    for paragraph in body.strip().split("\n\n"):
        text = " ".join(paragraph.split())
        if text.startswith("What it does:"):
            parts += ["What it does", textwrap.fill(text.removeprefix("What it does:").strip(), 88), ""]
        elif text.startswith("Why it matters:"):
            parts += ["Why it matters", textwrap.fill(text.removeprefix("Why it matters:").strip(), 88), ""]
        else:
            parts += [textwrap.fill(text, 88), ""]
    bad = [e for e in cls.examples if e.verdict is not Verdict.CONSISTENT]
    good = [e for e in cls.examples if e.verdict is Verdict.CONSISTENT]
    for example in bad:
        parts += [f"Example ({example.verdict.value})", textwrap.indent(example.sheet.strip("\n"), "    "), ""]
    for example in good:
        parts += ["Use instead (consistent)", textwrap.indent(example.sheet.strip("\n"), "    "), ""]
    return "\n".join(parts).rstrip() + "\n"
