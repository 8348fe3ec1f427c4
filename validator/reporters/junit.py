"""JUnit XML, the test report format CI systems (Jenkins, GitLab, Azure...) display natively.

Each fact sheet is a test suite and each finding a test case, so a CI page lists
the claims like tests: an inconsistent claim (or any finding at level error)
fails, an input error is an error, a suppressed finding is skipped, and the rest
pass, with the working of doubtful, ambiguous and unverifiable claims in <system-out>.

The totals on <testsuites> come before the suites in the document, so the tree
is built file by file and written in :meth:`finish`. ElementTree escapes markup;
characters XML 1.0 cannot hold at all (most control characters) are written as
visible escapes, and the document is ASCII with character references, valid
whatever the stream's encoding.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET

from validator.check import FileReport
from validator.findings import Finding, Level, Verdict
from validator.reporters import Reporter, Summary, details, printable

COUNTS = ("tests", "failures", "errors", "skipped")
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` as XML can hold it: line breaks as LF (parsers turn CR into LF anyway), and the
    characters XML 1.0 forbids made visible ('\\x07' becomes the four characters \\x07)."""
    text = printable(text.replace("\r\n", "\n").replace("\r", "\n"))  # CI pages show C1 and bidi controls too
    return NOT_XML.sub(lambda m: ascii(m.group())[1:-1], text)


def case_name(f: Finding) -> str:
    claim = f" {f.claim}" if f.claim else ""
    return f"{f.code} {f.rule}{claim} (line {f.line})"


def outcome(case: ET.Element, f: Finding) -> str | None:
    """Add the finding's outcome to its test case; the count it adds to, or None for a pass."""
    if f.suppressed is not None:
        ET.SubElement(case, "skipped", message=xml_text(f"suppressed: {f.suppressed}"))
        return "skipped"
    if f.is_input_error:
        kind, counter = "error", "errors"
    elif f.verdict is Verdict.INCONSISTENT or f.level is Level.ERROR:
        kind, counter = "failure", "failures"
    else:
        if f.level is not Level.NONE:
            ET.SubElement(case, "system-out").text = xml_text(details(f))
        return None
    ET.SubElement(case, kind, message=xml_text(f.message), type=f.code).text = xml_text(details(f))
    return counter


class JunitReporter(Reporter):
    name = "junit"

    def start(self) -> None:
        self.root = ET.Element("testsuites", name="validate")
        self.totals = dict.fromkeys(COUNTS, 0)
        self.started = self.last = time.perf_counter()

    def file(self, report: FileReport) -> None:
        # The file was checked just before this call: the time since the last one is its time.
        now = time.perf_counter()
        elapsed, self.last = now - self.last, now
        suite = ET.SubElement(self.root, "testsuite", name=xml_text(report.file))
        counts = dict.fromkeys(COUNTS, 0)
        # Dots make the package tree of CI viewers; leading ones ("../", "/") would make empty levels.
        classname = xml_text(report.file.replace("\\", ".").replace("/", ".").lstrip("."))
        for f in report.findings:
            case = ET.SubElement(suite, "testcase", classname=classname, name=xml_text(case_name(f)))
            case.set("file", xml_text(f.file))
            case.set("line", str(f.line))
            counts["tests"] += 1
            counter = outcome(case, f)
            if counter:
                counts[counter] += 1
        for key in COUNTS:
            suite.set(key, str(counts[key]))
            self.totals[key] += counts[key]
        suite.set("time", f"{elapsed:.3f}")

    def finish(self, summary: Summary) -> None:
        for key in COUNTS:
            self.root.set(key, str(self.totals[key]))
        self.root.set("time", f"{time.perf_counter() - self.started:.3f}")
        ET.indent(self.root)
        document = ET.tostring(self.root, encoding="us-ascii", xml_declaration=True).decode("ascii")
        self.out.write(document + "\n")
