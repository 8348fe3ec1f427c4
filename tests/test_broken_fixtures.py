"""Each broken fixture changes one number; validate must exit 1 and show the arithmetic."""

import pytest

from tests.conftest import run_cli

CASES = {
    "signups-from-70.yaml": ["102 / 70 = 1.457: a rise of 45.7%", "not 50 percent"],
    "share-of-28.yaml": ["18/28 = 64.3%", "19/28 = 67.9%"],
    "points-as-percent.yaml": ["a rise of 9 percentage points, or 34.6% relative", "gives the point difference as a percent change"],
    "ratio-as-increase.yaml": ["9,000 / 3,000 = 300%", "a rise of 200%"],
    "parts-do-not-add-up.yaml": ["420 + 700 = 1,120", "not 1,200"],
    "quadrupled.yaml": ["40 / 8 = 5", "5 times 8 units per acre, not 'quadruple': 'quadruple' means 3.95 to 4.05 times"],
    "saturday-closing.yaml": ["2025-07-20 is a Sunday, not a Saturday", "'Saturday, July 19, 2025'"],
    "four-day-count.yaml": ["counting both ends: 4 + 1 = 5 days", "not 4 ('four-day')"],
}


@pytest.mark.parametrize(("name", "phrases"), CASES.items())
def test_broken_fixture_fails_with_its_arithmetic(name, phrases):
    result = run_cli("--color", "never", f"fixtures/broken/{name}")
    assert result.returncode == 1, result.stdout
    flat = " ".join(result.stdout.split())
    for phrase in phrases:
        assert phrase in flat
    assert "1 inconsistent" in flat
