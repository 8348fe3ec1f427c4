"""Resource attacks: each refused, or handled, within fixed limits, with a clear message.

Times are measured and printed (``pytest -s``), never asserted: machines are
noisy. What is asserted is structural: where the refusal came from (the size
check, the composer's depth or node limit), how much of the document the
parser was asked for, and peak memory under a generous bound (peak memory of
one process on one input is deterministic enough for that).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tracemalloc

import pytest
import yaml

from tests.conftest import ROOT
from tests.hostile.conftest import REFERENCE_CLAIMS, at, run_json, sheet, the_finding_beside_the_reference, write
from validator import loader

MIB = 1024 * 1024


MEASURE = """
import resource, runpy, sys
sys.argv = ["validate", *sys.argv[1:]]
try:
    runpy.run_module("validator", run_name="__main__")
except SystemExit as exit:
    code = exit.code
sys.stdout.flush()
try:  # this process's own high-water mark (ru_maxrss would carry the parent's across exec)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak, file=sys.stderr)
sys.exit(code)
"""


def measured(argv: list[str]) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run ``python -m validator ARGV`` in a child: its result (stderr less the measure), wall time
    and peak RSS in MiB, as the child itself reports it."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE, *argv], cwd=ROOT, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - start
    *rest, rss = result.stderr.splitlines()
    result.stderr = "\n".join(rest)
    peak = int(rss) // 1024
    print(f"\n{argv}: {elapsed:.2f} s, peak RSS {peak} MiB")
    return result, elapsed, peak


class CountingParser:
    """Counts the events the composer asks libyaml for."""

    def __init__(self, parser):
        self.parser = parser
        self.events = 0

    def get_event(self):
        self.events += 1
        return self.parser.get_event()

    def dispose(self):
        self.parser.dispose()


@pytest.fixture
def counted(monkeypatch):
    made = []

    def make(text):
        made.append(CountingParser(original(text)))
        return made[-1]

    original = loader._Parser
    monkeypatch.setattr(loader, "_Parser", make)
    return made


# ------------------------------------------------------------------------ aliases


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_is_refused_where_it_passes_the_limit(tmp_path):
    bad = write(tmp_path, "laughs.yaml", BILLION_LAUGHS)
    finding = the_finding_beside_the_reference(bad, "IN06")
    assert at(finding) == (7, 8)  # the first alias of 'g' takes it past 1,000,000 values
    assert finding["message"] == "the document has more than 1,000,000 values (an alias counts every value it repeats)"


def test_billion_laughs_is_refused_without_expanding_anything(counted):
    tracemalloc.start()
    with pytest.raises(loader.LoadError) as refused:
        loader.compose(BILLION_LAUGHS)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert refused.value.code == "IN06"
    # The aliases are counted, not copied: the composer reads the 8 short lines and stops.
    assert counted[0].events < 100
    assert peak < 1 * MIB, peak


def test_aliases_within_the_limit_are_expanded_as_values():
    root = loader.compose("a: &x {value: '5'}\nb: *x\n")
    assert loader.to_data(root) == {"a": {"value": "5"}, "b": {"value": "5"}}


# ------------------------------------------------------------------------ nesting


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("flow sequences", "[" * 1_000_000 + "]" * 1_000_000),
        ("flow mappings", "{a: " * 200_000 + "x" + "}" * 200_000),
        ("block sequences", "- " * 500_000 + "x\n"),
    ],
)
def test_deep_nesting_stops_at_the_limit_whatever_the_libyaml(name, text, counted):
    # PyYAML's own C composer recurses in C, one level a level: built against libyaml 0.2.5
    # (Debian's python3-yaml, or PyYAML built from source), which sets no nesting limit,
    # 100,000 levels crash the interpreter (SIGSEGV), and flow nesting makes its scanner
    # quadratic (20,000 levels: 2 s; 5,000,000: hours). The loader composes in a loop and
    # stops at the 51st level, so libyaml is never asked for more than a few hundred events.
    with pytest.raises(loader.LoadError) as refused:
        loader.compose(text)
    assert refused.value.code == "IN06"
    assert refused.value.message == "nested more than 50 levels deep" or refused.value.position.column == 1001
    assert counted[0].events <= 2 * loader.LIMITS.max_depth + 10


def test_deep_nesting_through_the_command(tmp_path):
    bad = write(tmp_path, "deep.yaml", sheet("quantities:\n  a: " + "[" * 100_000 + "]" * 100_000 + "\n"))
    finding = the_finding_beside_the_reference(bad, "IN06")
    assert at(finding)[0] == 6
    assert "nested more than 50 levels deep" == finding["message"]


def test_a_document_deep_through_indentation(tmp_path):
    body = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "x\n"
    bad = write(tmp_path, "indented.yaml", body)
    finding = the_finding_beside_the_reference(bad, "IN06")
    assert at(finding) == (51, 101)
    assert finding["message"] == "nested more than 50 levels deep"


def test_many_small_values_are_stopped_at_the_node_limit(counted):
    text = "[" + "1," * 1_200_000 + "1]"
    with pytest.raises(loader.LoadError) as refused:
        loader.compose(text)
    assert refused.value.code == "IN06" and refused.value.position == loader.Position(1, 2_000_000)
    assert counted[0].events == loader.LIMITS.max_nodes + 3  # stream, document, sequence start, then values


# --------------------------------------------------------------------- file size


def test_a_file_of_hundreds_of_megabytes_is_refused_without_being_read(tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:  # sparse: 300 MiB on the size check, no disk
        handle.truncate(300 * MIB)
    result, elapsed, peak = measured(["--format", "json", str(huge)])
    assert result.returncode == 2 and result.stderr == ""
    assert '"message": "file is 314,572,800 bytes; the limit is 10,485,760 (set max-file-bytes to raise it)"' in result.stdout
    assert '"code": "IN06"' in result.stdout
    assert peak < 150, peak  # the interpreter and the validator's imports: nothing of the file


def test_a_file_that_is_larger_than_it_said_is_cut_at_the_limit(tmp_path, monkeypatch):
    # A growing file is larger when read than when its size was checked: the read stops at the limit.
    path = write(tmp_path, "grows.yaml", "x" * 200)
    limits = loader.Limits(max_bytes=100)
    real_stat, real_fstat = os.stat, os.fstat

    def small(status):
        return os.stat_result((*status[:6], 10, *status[7:10]))

    monkeypatch.setattr(os, "stat", lambda p, *a, **k: small(real_stat(p, *a, **k)) if str(p) == str(path) else real_stat(p, *a, **k))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    with pytest.raises(loader.LoadError) as refused:
        loader.read_text(path, limits)
    assert refused.value.code == "IN06"
    assert refused.value.message == "file is more than 100 bytes, the limit (set max-file-bytes to raise it)"


def test_the_largest_file_allowed_is_checked_within_bounds(tmp_path):
    """10 MiB of quantities (the default size limit): checked in full; time and memory measured."""
    lines = [sheet("quantities:\n")]
    size, i = len(lines[0]), 0
    while size < loader.LIMITS.max_bytes - 200:
        line = (
            f"  q{i}:\n    value: \"{(i * 7919) % 1_000_000:,}\"\n    unit: visitors\n"
            f"    quote: the number {i} in a sentence as long as an article's\n"
        )
        lines.append(line)
        size += len(line)
        i += 1
    big = write(tmp_path, "big.yaml", "".join(lines))
    result, elapsed, peak = measured(["--format", "json", str(big)])
    assert result.returncode == 0, result.stdout[-500:]
    assert '"claims": 0' in result.stdout and result.stderr == ""
    assert peak < 2048, peak  # measured: about 500 MiB for 87,000 quantities


def test_very_long_lines(tmp_path):
    long_quote = "x" * 5_000_000
    bad = write(tmp_path, "long.yaml", sheet(f"quantities:\n  a: {{value: '5', quote: '{long_quote}'}}\n"))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (6, 19)
    assert finding["message"] == "quantities.a.quote: 5,000,000 characters long (at most 10,000)"


def test_a_very_long_key_line_is_a_syntax_error(tmp_path):
    bad = write(tmp_path, "longkey.yaml", sheet("k" * 2_000_000 + ": 1\n"))
    finding = the_finding_beside_the_reference(bad, "IN01")
    assert finding["line"] == 5
    assert finding["message"].startswith("YAML syntax error: could not find expected ':'")


# ------------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e999999999", "'1e999999999': exponent too large (30 at most)"),
        ("1e31", "'1e31': exponent too large (30 at most)"),
        ("9" * 31, f"'{'9' * 31}' has more than 30 digits"),
        ("9" * 150, "'" + "9" * 150 + "' has more than 30 digits"),
        ("0." + "0" * 40 + "1", "'0." + "0" * 40 + "1' has more than 30 digits"),
    ],
)
def test_enormous_numbers_are_refused_before_any_arithmetic(tmp_path, value, message):
    bad = write(tmp_path, "big-number.yaml", sheet(f"quantities:\n  a: {{value: '{value}'}}\n"))
    finding = the_finding_beside_the_reference(bad, "IN04")
    assert at(finding) == (6, 7)
    assert finding["message"] == message


def test_a_number_of_thousands_of_digits(tmp_path):
    bad = write(tmp_path, "digits.yaml", sheet(f"quantities:\n  a: {{value: '{'7' * 5000}'}}\n"))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert at(finding) == (6, 7)
    assert finding["message"] == "quantities.a.value: 5,000 characters long (at most 200)"


def test_a_plain_yaml_number_of_thousands_of_digits(tmp_path):
    bad = write(tmp_path, "plain-digits.yaml", sheet(f"quantities:\n  a: {{value: {'7' * 5000}}}\n"))
    finding = the_finding_beside_the_reference(bad, "IN02")
    assert finding["message"] == "quantities.a.value: 5,000 characters long (at most 200)"


# --------------------------------------------------------------------------- tags


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    ],
)
def test_tags_that_construct_objects_are_refused_and_run_nothing(tmp_path, tagged):
    marker = tmp_path / "pwned"
    bad = write(tmp_path, "tag.yaml", sheet("quantities:\n  a: " + tagged.format(marker=marker) + "\n"))
    finding = the_finding_beside_the_reference(bad, "IN01")
    assert at(finding) == (6, 6)
    assert finding["message"].startswith("the tag 'tag:yaml.org,2002:python/")
    assert finding["message"].endswith("' is not allowed in a fact sheet")
    assert not marker.exists()


def test_a_tag_on_the_document_itself(tmp_path):
    marker = tmp_path / "pwned"
    bad = write(tmp_path, "root-tag.yaml", f"!!python/object/apply:os.system ['touch {marker}']\n")
    finding = the_finding_beside_the_reference(bad, "IN01")
    assert at(finding) == (1, 1)
    assert not marker.exists()


def test_the_composer_matches_pyyaml_on_every_fixture():
    """The loop composer gives the nodes PyYAML's own composer gives (values, tags, styles, places)."""

    class Reference(yaml.SafeLoader):
        def resolve(self, kind, value, implicit):
            return {yaml.ScalarNode: loader._STR, yaml.SequenceNode: loader._SEQ}.get(kind, loader._MAP)

    def same(a, b):
        assert type(a) is type(b) and a.tag == b.tag
        assert (a.start_mark.line, a.start_mark.column) == (b.start_mark.line, b.start_mark.column)
        if isinstance(a, yaml.ScalarNode):
            assert a.value == b.value and (a.style or "") == (b.style or "")
        elif isinstance(a, yaml.SequenceNode):
            assert len(a.value) == len(b.value)
            for x, y in zip(a.value, b.value, strict=True):
                same(x, y)
        else:
            assert len(a.value) == len(b.value)
            for (k1, v1), (k2, v2) in zip(a.value, b.value, strict=True):
                same(k1, k2)
                same(v1, v2)

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.yaml"))]
    texts.append("a: &x [1, {b: c}]\nd: *x\ne: !!str 3\nf: ~\ng:\nh: 'q'\ni: |\n  z\n? [k]\n: v\n")
    for text in texts:
        same(loader.compose(text), yaml.compose(text, Loader=Reference))


def test_run_json_reports_every_file_even_when_one_is_huge(tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(11 * MIB)
    exit_code, document = run_json(huge, "fixtures/article.yaml")
    assert exit_code == 2
    assert [f["claims"] for f in document["files"]] == [0, REFERENCE_CLAIMS]
