"""Structure-aware fuzzing: generated fact sheets through the loader, the engine and every reporter.

Two properties:

* whatever is generated (valid sheets, sheets with wrong types, unknown rules
  and fields, random unicode and numbers, nesting, sheets whose YAML text is
  then damaged), every run ends in a report or in clean input errors: no
  exception escapes, no IN99 internal error, and every reporter in
  ``validator.reporters.REGISTRY`` writes its format;
* sheets built from true arithmetic (a percent change computed from its two
  figures and rounded, a share from whole parts, a sum of parts, a difference,
  an exact multiple) are never judged inconsistent.

``HYPOTHESIS_PROFILE=thorough`` runs many more examples (see tests/conftest.py).
"""

from __future__ import annotations

import io
import json
from fractions import Fraction as F
from xml.etree import ElementTree

import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from validator import registry, reporters
from validator.check import FileReport, check_text
from validator.display import fixed
from validator.findings import Verdict

ARTICLE = {"title": "Generated article", "source": "Hypothesis", "published": "2025-07-20"}
RULES = registry.all_rules()
RULE_KEYS = [k for cls in RULES for k in (cls.name, cls.code)]
FIELDS = sorted(
    {
        (field.alias or name)
        for cls in RULES
        for name, field in cls.Claim.model_fields.items()
    }
)
QUALIFIERS = ["more than", "over", "nearly", "about", "at least", "up to", "exactly", "less than", "surpassed"]
NOUNS = ["exhibitors", "visitors", "companies", "percent", "tonnes", "yuan", "km", "days", "people", "a day"]

# ------------------------------------------------------------------ numbers as written

digits = st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}" if n % 3 else str(n))
decimals = st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 10**6), st.integers(0, 10**4))
tricky = st.sampled_from(
    [
        "0", "-0", "0.0", "-5", "1,2,3", "12..5", "five point", "1e999999", "1e-30", "9" * 40, "0." + "0" * 40 + "1",
        "NaN", ".nan", "inf", "-.inf", "Infinity", "0 in 3", "1 in 0", "zero thirds", "halved", "doubled",
        "one in three", "four times", "0 times", "150 percent", "-100 percent", "0 percent", "0 points",
        "750 basis points", "£3.2m", "$0 a gram", "1.2 million tonnes", "more than 0", "nearly 0", "about 0.50",
        "twenty-five", "a third", "three-tenths of a point", "minus 3", "~5", "5 5", "", " ", "%", "1e5 percent",
    ]
)  # fmt: skip
number_text = st.one_of(
    tricky,
    digits,
    decimals,
    st.builds(
        lambda q, n, kind: " ".join(p for p in (q, n, kind) if p),
        st.sampled_from(["", *QUALIFIERS]),
        st.one_of(digits, decimals),
        st.sampled_from(["", "percent", "%", "points", "times", "-fold", "million", "bn", "in 7", *NOUNS]),
    ),
    st.text(max_size=30),
)
scalars = st.one_of(
    number_text,
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.text(max_size=40),
)
# Anything YAML can hold, nested a few levels.
junk = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)

ids = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)


@st.composite
def quantity(draw):
    shape = draw(st.integers(0, 4))
    if shape == 0:
        return draw(number_text)  # the shorthand: id: "1,200"
    q = {}
    if draw(st.booleans()):
        q["value"] = draw(st.one_of(number_text, scalars))
    for key in ("qualifier", "unit", "count", "period", "quote", "same_as"):
        if draw(st.integers(0, 4)) == 0:
            q[key] = draw(
                {
                    "qualifier": st.sampled_from([*QUALIFIERS, "sort of"]),
                    "unit": st.sampled_from(NOUNS),
                    "count": st.booleans(),
                    "period": st.sampled_from(["2024", "2025", 2025]),
                    "quote": st.text(max_size=30),
                    "same_as": st.sampled_from(["other.yaml#a", "nope", "x.yaml#"]),
                }[key]
            )
    if shape == 4:
        q[draw(st.text(min_size=1, max_size=8))] = draw(junk)  # an unknown field, or a wrong one
    return q


@st.composite
def claim(draw, quantity_ids):
    rule = draw(st.one_of(st.sampled_from(RULE_KEYS), st.text(max_size=12)))
    c = {"rule": rule}
    references = st.one_of(st.sampled_from(quantity_ids or ["missing"]), number_text, st.just({"value": "70"}))
    for field in draw(st.lists(st.sampled_from(FIELDS), max_size=5, unique=True)):
        if field in ("parts", "steps"):
            c[field] = draw(st.lists(references, max_size=4))
        elif field == "items":
            c[field] = draw(st.one_of(st.integers(-2, 2000), number_text))
        elif field == "suppress":
            c[field] = [{"rule": draw(st.sampled_from(RULE_KEYS)), "reason": "generated"}]
        elif field in ("wording", "quote", "note", "periods", "granularity"):
            c[field] = draw(st.one_of(st.sampled_from(["increase", "fell", "up", "times higher", "five years", "0"]), st.text(max_size=20)))
        else:
            c[field] = draw(references)
    if draw(st.integers(0, 5)) == 0:
        c[draw(st.text(min_size=1, max_size=8))] = draw(junk)
    return c


@st.composite
def fact_sheets(draw):
    quantities = draw(st.dictionaries(ids, quantity(), max_size=6))
    sheet = {
        "article": draw(st.one_of(st.just(ARTICLE), st.just(ARTICLE), junk)),
        "quantities": quantities,
        "claims": draw(st.lists(claim(list(quantities)), max_size=5)),
    }
    if draw(st.integers(0, 6)) == 0:
        del sheet[draw(st.sampled_from(sorted(sheet)))]
    if draw(st.integers(0, 6)) == 0:
        sheet[draw(st.text(max_size=8))] = draw(junk)
    return sheet


@st.composite
def damaged(draw, text: str) -> str:
    """The YAML text with a few bytes changed: cut, duplicated lines, stray indicators."""
    for _ in range(draw(st.integers(1, 3))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        how = draw(st.integers(0, 3))
        if how == 0:
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif how == 1:
            text = text[:at] + draw(st.sampled_from(["{", "[", ":", "- ", "&a ", "*a", "!!python/object ", "\t", '"', "\n  "])) + text[at:]
        elif how == 2:
            lines = text.splitlines(keepends=True)
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])  # a key defined twice, often
            text = "".join(lines)
        else:
            text = text[:at] + draw(st.text(max_size=5)) + text[at:]
    return text


def dump(sheet) -> str:
    return yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False)


def through_every_reporter(report: FileReport) -> dict[str, str]:
    """Each registered format's output for the report; the machine formats must parse."""
    outputs = {}
    for name in reporters.REGISTRY:
        out = io.StringIO()
        reporter = reporters.get(name)(out, color=name == "text", show_consistent=True)
        summary = reporters.Summary()
        reporter.start()
        summary.add(report)
        reporter.file(report)
        reporter.finish(summary)
        outputs[name] = out.getvalue()
    json.loads(outputs["json"])
    json.loads(outputs["sarif"])
    ElementTree.fromstring(outputs["junit"])
    return outputs


def assert_clean(report: FileReport) -> None:
    internal = [f.message for f in report.findings if f.code == "IN99"]
    assert not internal, internal
    for f in report.findings:
        assert f.line >= 1 and f.column >= 1, f
        if f.is_input_error:
            assert f.message and f.verdict is None
    through_every_reporter(report)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fact_sheets())
def test_generated_sheets_end_in_a_report_or_clean_input_errors(sheet):
    assert_clean(check_text(dump(sheet), "generated.yaml"))


small = st.one_of(
    st.sampled_from(["0", "-0", "1", "-5", "0.5", "2", "100", "0 percent", "-100 percent", "150 percent", "-150 percent",
                     "0 points", "0 times", "zero", "halved", "one in zero", "0 in 3", "nearly 0", "more than 0",
                     "at most 0", "about 0 percent", "$0 a gram", "0 days", "0 km", "five years", "0 years"]),
    st.builds(lambda n, kind: f"{n} {kind}".strip(), st.integers(-300, 300),
              st.sampled_from(["", "percent", "points", "times", "visitors", "days", "years", "km", "yuan"])),
)  # fmt: skip


@st.composite
def shaped_sheets(draw):
    """Sheets whose claims have their rule's own fields, with small and degenerate numbers:
    zero and negative bases, shares over 100%, changes from zero, empty ratios."""
    quantities = {}
    claims = []
    for k in range(draw(st.integers(1, 3))):
        cls = draw(st.sampled_from(RULES))
        c = {"rule": draw(st.sampled_from([cls.name, cls.code]))}
        for name, field in cls.Claim.model_fields.items():
            key = field.alias or name
            if key in ("rule", "id", "quote", "span", "confidence", "note", "suppress"):
                continue
            if not field.is_required() and draw(st.integers(0, 3)) == 0:
                continue
            if key in ("parts", "steps"):
                c[key] = draw(st.lists(small, min_size=1, max_size=4))
            elif key == "items":
                c[key] = draw(st.integers(1, 5))
            elif key == "wording":
                c[key] = draw(st.sampled_from(["increase", "decrease", "fell", "up", "times higher", "times more", "as many as", "unchanged"]))
            elif key in ("periods", "granularity"):
                c[key] = draw(st.sampled_from(["five years", "0", "1", "0.5", "2 quarters", "-3"]))
            elif draw(st.booleans()):
                qid = f"q{k}_{key}"  # through a quantity, sometimes with a qualifier or a count noun
                quantities[qid] = {"value": draw(small)}
                if draw(st.integers(0, 3)) == 0:
                    quantities[qid]["qualifier"] = draw(st.sampled_from(QUALIFIERS))
                if draw(st.integers(0, 3)) == 0:
                    quantities[qid]["unit"] = draw(st.sampled_from(NOUNS))
                c[key] = qid
            else:
                c[key] = draw(small)
        claims.append(c)
    return {"article": ARTICLE, "quantities": quantities, "claims": claims}


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(shaped_sheets())
def test_degenerate_arithmetic_gets_a_verdict_or_a_clean_input_error(sheet):
    assert_clean(check_text(dump(sheet), "shaped.yaml"))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_damaged_yaml_ends_in_a_report_or_clean_input_errors(data):
    text = data.draw(damaged(dump(data.draw(fact_sheets()))))
    assert_clean(check_text(text, "damaged.yaml"))


# ------------------------------------------------------- sheets from true arithmetic

counts = st.integers(min_value=1, max_value=5_000_000)


def written(value: F, places: int) -> str:
    return fixed(value, places)


def verdicts(sheet: dict) -> list[Verdict]:
    report = check_text(dump(sheet), "true.yaml")
    assert not report.input_errors, [f.message for f in report.input_errors]
    through_every_reporter(report)
    return [f.verdict for f in report.findings]


def true_sheet(quantities: dict, claims: list[dict]) -> dict:
    return {"article": ARTICLE, "quantities": quantities, "claims": claims}


@given(counts, counts, st.integers(0, 2), st.sampled_from(["visitors", "companies", None]))
@example(68, 102, 0, "companies")
def test_true_percent_changes_are_never_inconsistent(before, after, places, noun):
    assume(before != after)
    change = abs(F(after - before, before) * 100)
    q = {"before": {"value": f"{before:,}"}, "after": {"value": f"{after:,}"}}
    if noun:
        q["before"]["unit"] = q["after"]["unit"] = noun
    wording = "increase" if after > before else "decrease"
    claim = {"rule": "percent-change", "from": "before", "to": "after", "change": f"{written(change, places)} percent", "wording": wording}
    assert Verdict.INCONSISTENT not in verdicts(true_sheet(q, [claim]))


@given(st.integers(0, 10_000), st.integers(1, 10_000), st.integers(0, 2))
@example(0, 28, 0)
@example(28, 28, 0)
def test_true_shares_of_whole_parts_are_never_inconsistent(part, whole, places):
    assume(part <= whole)
    share = F(part, whole) * 100
    # '100 percent' of a whole is all of it, exactly (the README's explicit whole): 401 of 402
    # rounds to it but is not all, so the claim is not a true one.
    assume(F(written(share, places)) != 100 or part == whole)
    q = {
        "part": {"value": str(part), "unit": "exhibitors"},
        "whole": {"value": f"{whole:,}", "unit": "exhibitors"},
    }
    claim = {"rule": "share", "part": "part", "whole": "whole", "share": f"{written(share, places)} percent"}
    assert Verdict.INCONSISTENT not in verdicts(true_sheet(q, [claim]))


@given(st.lists(st.integers(0, 1_000_000), min_size=2, max_size=8))
def test_true_sums_of_parts_are_never_inconsistent(parts):
    q = {f"p{i}": {"value": f"{p:,}", "unit": "visitors"} for i, p in enumerate(parts)}
    q["total"] = {"value": f"{sum(parts):,}", "unit": "visitors"}
    claim = {"rule": "sum", "parts": [f"p{i}" for i in range(len(parts))], "total": "total"}
    assert Verdict.INCONSISTENT not in verdicts(true_sheet(q, [claim]))


@given(st.lists(st.integers(1, 10_000), min_size=2, max_size=6), st.integers(0, 1))
def test_percent_shares_of_a_split_that_add_up_are_never_inconsistent(counts_, places):
    total = sum(counts_)
    shares = [f"{written(F(c, total) * 100, places)} percent" for c in counts_]
    q = {f"s{i}": {"value": s} for i, s in enumerate(shares)}
    claim = {"rule": "sum", "parts": list(q)}
    assert Verdict.INCONSISTENT not in verdicts(true_sheet(q, [claim]))


@given(counts, counts)
def test_true_differences_are_never_inconsistent(a, b):
    larger, smaller = max(a, b), min(a, b)
    q = {"larger": f"{larger:,}", "smaller": f"{smaller:,}"}
    claim = {"rule": "difference", "larger": "larger", "smaller": "smaller", "difference": f"{larger - smaller:,}"}
    assert Verdict.INCONSISTENT not in verdicts(true_sheet(q, [claim]))


@given(st.integers(1, 1_000_000), st.integers(2, 9))
def test_exact_multiples_are_never_inconsistent(base, k):
    words = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times", 7: "seven times", 8: "eight times", 9: "nine times"}
    q = {"before": {"value": f"{base:,}", "unit": "sessions"}, "after": {"value": f"{base * k:,}", "unit": "sessions"}}
    claim = {"rule": "multiple", "from": "before", "to": "after", "factor": words[k], "wording": "as many as"}
    assert Verdict.INCONSISTENT not in verdicts(true_sheet(q, [claim]))
