"""Rule documentation, rendered from each rule's docstring and examples."""

from __future__ import annotations

import inspect
import textwrap

from validator.findings import Verdict


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
