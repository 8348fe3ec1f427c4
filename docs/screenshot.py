"""Make docs/report.png, the README's picture of the html report of the reference article.

Run it with the project installed (``pip install -e .``): ``.venv/bin/python
docs/screenshot.py``. Like the tests, it needs Jinja2, Playwright's Python package
and Debian's Chromium (or the browser $CHROMIUM names). The picture shows the
article with its claims highlighted and two explanations open (a change with its
chart, and the ambiguous claim).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from validator import reporters
from validator.check import check_path

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
OUT = ROOT / "docs" / "report.png"
WIDTH, HEIGHT = 960, 1280


def main() -> None:
    out = io.StringIO()
    with contextlib.chdir(ROOT):
        report = check_path(Path("fixtures/article.yaml"))
        reporter = reporters.get("html")(out)
        summary = reporters.Summary()
        summary.add(report)
        reporter.start()
        reporter.file(report)
        reporter.finish(summary)
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "report.html"
        page_path.write_text(out.getvalue(), encoding="ascii")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(page_path.as_uri())
            page.click("#b-c1-1")
            page.click("#b-c1-2")
            page.mouse.move(0, 0)  # no tip
            top = page.locator("#file-1").bounding_box()["y"] + page.evaluate("window.scrollY") - 16
            clip = {"x": 0, "y": top, "width": WIDTH, "height": HEIGHT}
            page.screenshot(path=str(OUT), full_page=True, clip=clip)
            browser.close()
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
