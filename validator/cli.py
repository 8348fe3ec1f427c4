"""The ``validate`` command."""

from __future__ import annotations

import glob
import sys
from pathlib import Path

import click

from validator import __version__

EXIT_CODES = """\b
Exit codes:
  0  every claim is consistent (or only ambiguous/unverifiable, without --strict)
  1  a claim is inconsistent (with --strict: also when one is ambiguous)
  2  input that could not be checked (unreadable file, invalid fact sheet), or a usage error
"""


def collect(paths: tuple[str, ...]) -> list[Path]:
    """Files, directories (their *.yaml and *.yml, recursively) and glob patterns, in order, once each."""
    seen: set[Path] = set()
    out: list[Path] = []

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
            for p in found:
                add(p)
        elif not path.exists() and glob.has_magic(raw):
            for match in sorted(glob.glob(raw, recursive=True)):
                if Path(match).is_file():
                    add(Path(match))
        else:
            add(path)  # a missing file is reported by the checker, with the others still checked
    return out


@click.command(epilog=EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]), help="Output format.")
@click.option("--strict", is_flag=True, help="Also fail (exit 1) on ambiguous claims.")
@click.option("-q", "--quiet", is_flag=True, help="Leave consistent claims out of the text report.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report; auto colours only on a terminal and honours NO_COLOR.",
)
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--explain", metavar="RULE", help="Print a rule's documentation (by code or name) and exit.")
@click.version_option(__version__, "-V", "--version", prog_name="validate")
def main(paths, fmt, strict, quiet, color, list_rules, explain):
    """Check that the numbers in fact sheets (YAML) can all be true together.

    PATHS are fact sheets, folders (searched for *.yaml and *.yml) or glob patterns.
    """
    from validator import registry

    if list_rules:
        for cls in registry.all_rules():
            click.echo(f"{cls.code}  {cls.name:<20} {cls.summary}")
        return
    if explain:
        try:
            cls = registry.get(explain)
        except registry.UnknownRule as exc:
            raise click.UsageError(str(exc)) from None
        click.echo(cls.documentation(), nl=False)
        return
    if not paths:
        raise click.UsageError("give at least one fact sheet, folder or pattern")
    from validator import reporters
    from validator.check import check_path

    out = click.get_text_stream("stdout")
    reporter = reporters.get(fmt)(out, color=reporters.color_wanted(color, out), show_consistent=not quiet)
    summary = reporters.Summary()
    reporter.start()
    for path in collect(paths):
        report = check_path(path)
        summary.add(report)
        reporter.file(report)
    reporter.finish(summary)
    sys.exit(summary.exit_code(strict))
