"""Each rule's documented examples run as tests, so the documentation cannot drift."""

import pytest

from tests.conftest import check
from validator import registry
from validator.findings import Verdict

EXAMPLES = [
    pytest.param(cls, example, id=f"{cls.code}-{i}-{example.verdict.value}")
    for cls in registry.all_rules()
    for i, example in enumerate(cls.examples)
]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_documented_example(rule, example):
    findings = check(example.sheet)
    assert [f.code for f in findings] == [rule.code]
    finding = findings[0]
    assert finding.verdict is example.verdict, finding.message
    text = " ".join([finding.message, *finding.arithmetic, finding.suggestion or ""])
    assert example.says in text


def test_every_rule_documents_itself_with_both_kinds_of_example():
    for cls in registry.all_rules():
        verdicts = {e.verdict for e in cls.examples}
        assert Verdict.CONSISTENT in verdicts, cls.code
        assert verdicts - {Verdict.CONSISTENT}, cls.code
        doc = cls.documentation()
        assert "What it does" in doc and "Why it matters" in doc, cls.code
        assert "Use instead (consistent)" in doc and "Example (" in doc, cls.code
