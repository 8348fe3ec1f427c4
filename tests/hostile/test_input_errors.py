"""Bad input through the real command: one clear finding with file, line and column, exit 2,
and the reference article beside it still checked and reported in full."""

from __future__ import annotations

import pytest

from tests.hostile.conftest import REFERENCE_CLAIMS, at, run_json, sheet, the_finding_beside_the_reference, write


def test_malformed_yaml(tmp_path):
    bad = write(tmp_path, "malformed.yaml", sheet("quantities:\n  a: [1, 2\nclaims: []\n"))
    finding = the_finding_beside_the_reference(bad, "IN01")
    assert at(finding) == (7, 7)
    assert finding["message"] == (
        "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"
    )


def test_a_tab_in_the_indentation(tmp_path):
    bad = write(tmp_path, "tab.yaml", sheet("quantities:\n\ta: '1'\n"))
    finding = the_finding_beside_the_reference(bad, "IN01")
    assert at(finding) == (6, 1)
    assert finding["message"] == (
        "YAML syntax error: found character that cannot start any token (while scanning for the next token)"
    )


def test_two_documents_in_one_file(tmp_path):
    bad = write(tmp_path, "two.yaml", sheet("claims: []\n---\nclaims: []\n"))
    finding = the_finding_beside_the_reference(bad, "IN01")
    assert at(finding) == (6, 1)
    assert finding["message"] == "YAML syntax error: a second document starts here; a fact sheet is one YAML document"


def test_an_undefined_alias(tmp_path):
    bad = write(tmp_path, "alias.yaml", sheet("quantities:\n  a: *nowhere\n"))
    finding = the_finding_beside_the_reference(bad, "IN01")
    assert at(finding) == (6, 6)
    assert finding["message"] == "YAML syntax error: the alias '*nowhere' is not defined before"


def test_a_recursive_alias(tmp_path):
    bad = write(tmp_path, "recursive.yaml", sheet("quantities: &q\n  a: *q\n"))
    finding = the_finding_beside_the_reference(bad, "IN01")
    assert at(finding) == (6, 6)
    assert finding["message"] == "YAML syntax error: the alias '*q' refers to a collection that contains it"


def test_wrong_types(tmp_path):
    bad = write(tmp_path, "types.yaml", sheet("quantities: [1, 2]\n"))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (5, 1)
    assert finding["message"] == "quantities: Input should be a valid dictionary"


def test_a_missing_field(tmp_path):
    bad = write(tmp_path, "missing.yaml", "article:\n  title: T\n  source: S\nclaims: []\n")
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (1, 1)
    assert finding["message"] == "missing field 'article.published'"


def test_an_unknown_key(tmp_path):
    bad = write(tmp_path, "unknown-key.yaml", sheet("quantities:\n  a: {value: '1', colour: red}\n"))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (6, 19)
    assert finding["message"] == "unknown field 'colour'"


@pytest.mark.parametrize("key", ["a[rticle", "str", "Quantity(x)"])
def test_an_unknown_key_that_looks_like_pydantic_plumbing(tmp_path, key):
    # A key written like pydantic's names for union members ('function-after[...]', 'str')
    # was taken for one and dropped from the path: the message had no name (an IndexError, IN99).
    bad = write(tmp_path, "odd-key.yaml", sheet(f"'{key}': 1\n"))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (5, 1)
    hint = " (did you mean 'article'?)" if key == "a[rticle" else ""
    assert finding["message"] == f"unknown field '{key}'{hint}"


def test_an_unknown_rule(tmp_path):
    bad = write(tmp_path, "rule.yaml", sheet("claims:\n  - rule: percent-chnage\n    change: 5 percent\n"))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (6, 5)
    assert finding["message"].startswith("unknown rule 'percent-chnage'")


def test_an_unknown_quantity_id(tmp_path):
    body = "quantities:\n  signups: {value: '102'}\nclaims:\n  - rule: share\n    whole: signup\n    share: 10 percent\n"
    bad = write(tmp_path, "unknown-id.yaml", sheet(body))
    finding = the_finding_beside_the_reference(bad, "IN03")
    assert at(finding) == (9, 5)
    assert finding["message"] == (
        "unknown quantity 'signup' (did you mean 'signups'?): define it under quantities, or write the number inline"
    )


def test_a_reference_cycle(tmp_path):
    write(tmp_path, "b.yaml", sheet("quantities:\n  y: {same_as: a.yaml#x}\n"))
    bad = write(tmp_path, "a.yaml", sheet("quantities:\n  x: {same_as: b.yaml#y}\n"))
    finding = the_finding_beside_the_reference(bad, "IN03")
    assert at(finding) == (6, 7)
    assert finding["message"].startswith("reference cycle: ")
    assert finding["message"].endswith("a.yaml#x -> ") is False and "b.yaml#y ->" in finding["message"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1,2,3", "'1,2,3' is not a number: thousands separators must group three digits (1,234,567)"),
        ("12..5", "'12..5' is not a number: more than one decimal point"),
        ("five point", "'five point' is not a number: 'point' must be followed by a digit word"),
    ],
)
def test_unparseable_numbers(tmp_path, value, message):
    bad = write(tmp_path, "number.yaml", sheet(f"quantities:\n  a: {{value: '{value}'}}\n"))
    finding = the_finding_beside_the_reference(bad, "IN04")
    assert at(finding) == (6, 7)
    assert finding["message"] == message


@pytest.mark.parametrize("content", ["", "\n\n# only a comment\n"])
def test_an_empty_file(tmp_path, content):
    bad = write(tmp_path, "empty.yaml", content)
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (1, 1)
    assert finding["message"] == "empty file: a fact sheet needs 'article', 'quantities' and 'claims'"


def test_a_binary_file(tmp_path):
    bad = write(tmp_path, "binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    finding = the_finding_beside_the_reference(bad, "IN05")
    assert at(finding) == (1, 1)
    assert finding["message"] == "binary file (it holds NUL bytes); a fact sheet is UTF-8 text"


def test_a_nul_byte_after_the_first_8_kib(tmp_path):
    # The quick binary check looks at the first 8 KiB only; a NUL later was libyaml's to refuse,
    # with no line or column ("position 9001").
    bad = write(tmp_path, "late-nul.yaml", sheet("# " + "x" * 9000 + "\nquantities: {}\x00\n").encode())
    finding = the_finding_beside_the_reference(bad, "IN05")
    assert at(finding) == (6, 15)
    assert finding["message"] == "binary file (it holds NUL bytes); a fact sheet is UTF-8 text"


def test_a_control_character(tmp_path):
    # libyaml refuses it with a byte offset only; the loader says where it is.
    bad = write(tmp_path, "control.yaml", sheet("quantities:\n  a: {value: '1\x01'}\n"))
    finding = the_finding_beside_the_reference(bad, "IN05")
    assert at(finding) == (6, 16)
    assert finding["message"] == "control character U+0001 is not allowed in YAML; remove it"


def test_a_file_that_is_not_utf8(tmp_path):
    bad = write(tmp_path, "latin1.yaml", sheet("quantities:\n  caf\u00e9: '1'\n").encode("latin-1"))
    finding = the_finding_beside_the_reference(bad, "IN05")
    assert at(finding) == (6, 6)
    assert finding["message"] == "not UTF-8 text: byte 0xe9 cannot be decoded (save the file as UTF-8)"


def test_a_missing_file(tmp_path):
    finding = the_finding_beside_the_reference(tmp_path / "nowhere.yaml", "IN05")
    assert at(finding) == (1, 1)
    assert finding["message"] == "no such file"


def test_a_directory_given_as_a_file_through_a_reference(tmp_path):
    (tmp_path / "folder.yaml").mkdir()
    bad = write(tmp_path, "ref.yaml", sheet("quantities:\n  a: {same_as: folder.yaml#x}\n"))
    finding = the_finding_beside_the_reference(bad, "IN03")
    assert at(finding) == (6, 7)
    assert finding["message"] == f"'folder.yaml': {tmp_path / 'folder.yaml'} is a directory, not a file"


def test_a_directory_with_no_fact_sheets(tmp_path):
    # A named folder in which nothing is found passed silently (exit 0, "0 files"): a wrong verdict.
    (tmp_path / "notes.yaml").mkdir()
    finding = the_finding_beside_the_reference(tmp_path / "notes.yaml", "IN05")
    assert at(finding) == (1, 1)
    assert finding["message"] == "no fact sheets here: the folder holds no *.yaml or *.yml file"


def test_a_pattern_that_matches_nothing(tmp_path):
    pattern = tmp_path / "*.yml"
    exit_code, document = run_json(pattern, "fixtures/article.yaml")
    assert exit_code == 2
    (report,) = [f for f in document["files"] if f["file"].endswith("*.yml")]
    (finding,) = report["findings"]
    assert finding["code"] == "IN05" and at(finding) == (1, 1)
    assert finding["message"] == "no fact sheets here: nothing matches the pattern"
    assert [f["claims"] for f in document["files"] if f["file"] == "fixtures/article.yaml"] == [REFERENCE_CLAIMS]


def test_a_key_defined_twice_is_an_error_not_an_overwrite(tmp_path):
    body = "quantities:\n  signups: {value: '102'}\n  exhibitors: '1,200'\n  signups: {value: '70'}\n"
    bad = write(tmp_path, "twice.yaml", sheet(body))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (8, 3)
    assert finding["message"] == (
        "'signups' is defined twice (first on line 6); a second definition would silently replace the first"
    )


def test_a_field_defined_twice_inside_a_claim(tmp_path):
    body = "claims:\n  - rule: share\n    whole: '1,200'\n    share: 35 percent\n    share: 53 percent\n"
    bad = write(tmp_path, "twice-field.yaml", sheet(body))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (9, 5)
    assert finding["message"].startswith("'share' is defined twice (first on line 8)")


def test_many_bad_files_each_get_their_finding(tmp_path):
    files = [
        write(tmp_path, "1.yaml", "a: [\n"),
        write(tmp_path, "2.yaml", b"\xff\xfe"),
        write(tmp_path, "3.yaml", ""),
        tmp_path / "4.yaml",
    ]
    exit_code, document = run_json(*files, "fixtures/article.yaml")
    assert exit_code == 2
    codes = {f["file"].rsplit("/", 1)[-1]: [x["code"] for x in f["findings"]] for f in document["files"]}
    assert codes == {"1.yaml": ["IN01"], "2.yaml": ["IN05"], "3.yaml": ["IN02"], "4.yaml": ["IN05"], "article.yaml": codes["article.yaml"]}
    assert len(codes["article.yaml"]) == REFERENCE_CLAIMS and not [c for c in codes["article.yaml"] if c.startswith("IN")]
