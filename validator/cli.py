"""The ``validate`` command."""

from __future__ import annotations

import glob
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from validator import __version__, reporters

EXIT_CODES = """\b
Exit codes:
  0  no claim is inconsistent (doubtful, ambiguous and unverifiable claims do not fail)
  1  a claim is inconsistent (with --strict: also a warning, such as a doubtful or
     ambiguous claim)
  2  input that could not be checked (unreadable file, invalid fact sheet or
     configuration), or a usage error
"""
FORMATS = [*reporters.names(), "auto"]
EXTRACT_NOTE = """
\b
Drafting a fact sheet from an article: validate extract --help
Checking a whole archive on a Dask cluster: validate archive --help
"""


@dataclass(frozen=True)
class NothingFound:
    """A folder or pattern that was named but holds no fact sheet: reported as an input error,
    never passed over in silence (a run that checks nothing must not look like a clean one)."""

    path: Path
    why: str


def collect(paths: list[str], config, report_empty: bool = False) -> list[Path | NothingFound]:
    """Files, folders (their *.yaml and *.yml, recursively) and glob patterns, once each, in order.

    Files found by searching folders or patterns obey the configured ``exclude``;
    a file named outright is always checked, and so is a folder named outright
    that is itself excluded (``validate fixtures/broken``). With ``report_empty``,
    a folder or pattern in which nothing is found is returned as a :class:`NothingFound`.
    """
    seen: set[Path] = set()
    out: list[Path | NothingFound] = []

    def add(p: Path, searched: bool) -> bool:
        key = p.resolve()
        if searched and config.excluded(p):
            return False
        if key not in seen:
            seen.add(key)
            out.append(p)
        return True

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            searched = not config.excluded(path)
            sheets = [p for p in sorted(path.rglob("*")) if p.suffix in (".yaml", ".yml") and p.is_file()]
            found = [add(p, searched) for p in sheets]
            if report_empty and not any(found):
                why = (
                    "every fact sheet in it is excluded by the configuration"
                    if sheets
                    else "the folder holds no *.yaml or *.yml file"
                )
                out.append(NothingFound(path, why))
        elif not path.exists() and glob.has_magic(raw):
            matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True)) if Path(m).is_file()]
            found = [add(p, True) for p in matches]
            if report_empty and not any(found):
                why = (
                    "every file it matches is excluded by the configuration"
                    if matches
                    else "nothing matches the pattern"
                )
                out.append(NothingFound(path, why))
        else:
            add(path, False)  # a missing file is reported by the checker, with the others still checked
    return out


def nothing_found(path: NothingFound):
    from validator.check import FileReport
    from validator.findings import input_error
    from validator.loader import display_path

    name = display_path(path.path)
    return FileReport(name, [input_error(name, 1, 1, f"no fact sheets here: {path.why}", "IN05")])


def _referenced(sheets: list[Path]) -> set[Path]:
    """Every fact sheet the given ones refer to through same_as, directly or not (a text scan)."""
    from validator.references import references_in

    found: set[Path] = set()
    queue = list(sheets)
    while queue:
        sheet = queue.pop()
        try:
            text = sheet.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for target in references_in(text):
            path = (sheet.parent / target).resolve()
            if path not in found:
                found.add(path)
                queue.append(path)
    return found


def _format(choice: str) -> str:
    if choice == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return choice


@click.command(epilog=EXIT_CODES + EXTRACT_NOTE, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format", "fmt", default="text", show_default=True, type=click.Choice(FORMATS),
    help="text for people; json, sarif and junit for machines; github for workflow annotations; "
    "auto is github under GitHub Actions, text elsewhere.",
)  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a file, atomically.")
@click.option("--force", is_flag=True, help="Let --output replace an existing file.")
@click.option("--strict", is_flag=True, help="Also fail (exit 1) on warnings, such as doubtful or ambiguous claims.")
@click.option("-q", "--quiet", is_flag=True, help="Leave consistent claims out of the text report.")
@click.option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
    help="Colour the text report; auto colours only on a terminal and honours NO_COLOR.",
)  # fmt: skip
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file to use.")
@click.option(
    "--changed", metavar="BASE", is_flag=False, flag_value="", default=None,
    help="Check only fact sheets changed since BASE (default: the merge base with the default branch), "
    "and every sheet that refers to them.",
)  # fmt: skip
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Processes to check files in (default: the number of cores); the report is the same, in the same order.",
)  # fmt: skip
@click.option(
    "--published", type=click.DateTime(["%Y-%m-%d"]), default=None,
    help="For articles (.txt, .md, .html): the publication date, to read 'last year' and 'on Sunday' "
    "(without it, figures are dated from today and relative dates are not claimed).",
)  # fmt: skip
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--explain", metavar="RULE", help="Print a rule's documentation (by code or name) and exit.")
@click.option("--schema", is_flag=True, help="Print the fact sheet's JSON Schema and exit.")
@click.version_option(__version__, "-V", "--version", prog_name="validate")
def check_command(
    paths, fmt, output, force, strict, quiet, color, config_path, changed, jobs, published, list_rules, explain, schema
):
    """Check that the numbers in fact sheets (YAML) can all be true together.

    PATHS are fact sheets, folders (searched for *.yaml and *.yml) or glob
    patterns; without any, the configured paths (default: fixtures). An
    article's own text (.txt, .md, .html) is checked by drafting its fact
    sheet first; its findings point at the article's lines.
    """
    from validator import config as configuration
    from validator import registry

    try:
        config = configuration.load(Path(config_path) if config_path else None)
    except configuration.ConfigError as exc:
        click.echo(f"validate: error: {exc}", err=True)
        sys.exit(2)
    if list_rules:
        for cls in registry.all_rules():
            click.echo(f"{cls.code}  {cls.name:<20} {cls.summary}")
        return
    if explain:
        try:
            click.echo(registry.get(explain).documentation(), nl=False)
        except registry.UnknownRule as exc:
            raise click.UsageError(str(exc)) from None
        return
    if schema:
        from validator.schema import fact_sheet_schema

        click.echo(json.dumps(fact_sheet_schema(), indent=2))
        return
    paths = list(paths)
    if changed is not None:
        paths = _changed_paths(changed, paths, config)
    elif not paths:
        paths = [str(config.root / p) if config.source else p for p in config.settings.paths]
    files = collect(paths, config, report_empty=True)
    published = published.date() if published else None
    sys.exit(
        run(files, config, _format(fmt), output, force, strict, quiet, color, jobs or os.cpu_count() or 1, published)
    )


def _changed_paths(base: str, paths: list[str], config) -> list[str]:
    from validator import changed as git

    cwd = Path.cwd()
    if base and not git.is_revision(base, cwd) and Path(base).exists():
        paths, base = [base, *paths], ""  # '--changed fixtures/': a path, not a base
    roots = paths or [str(config.root / p) for p in config.settings.paths]
    sheets = collect(roots, config)
    try:
        touched = git.changed_files(base or None, cwd)
    except git.GitError as exc:
        raise click.UsageError(f"--changed: {exc}") from None
    return [str(p) for p in git.with_dependents(touched, sheets)]


def run(
    files: list[Path],
    config,
    fmt: str,
    output: str | None,
    force: bool,
    strict: bool,
    quiet: bool,
    color: str,
    jobs: int,
    published=None,
) -> int:
    """Check ``files``, streaming each report to the chosen reporter in order; the exit code."""
    from validator.parallel import check_all
    from validator.writing import AtomicOutput, OutputError

    if output is not None:
        target = Path(output).resolve()
        inputs = [f for f in files if isinstance(f, Path)]
        if target in {f.resolve() for f in inputs}:
            raise click.UsageError(f"--output {output} is one of the inputs; it would be overwritten")
        if target in _referenced(inputs):
            raise click.UsageError(
                f"--output {output} is a fact sheet the inputs refer to (same_as); it would be overwritten"
            )
    try:
        sink = AtomicOutput(Path(output), force) if output else None
    except OutputError as exc:
        raise click.UsageError(str(exc)) from None
    out = sink.stream if sink else click.get_text_stream("stdout")
    reporter = reporters.get(fmt)(out, color=reporters.color_wanted(color, out) and not sink, show_consistent=not quiet)
    summary = reporters.Summary()
    reporter.start()
    for report in check_all(files, config, jobs, published):
        summary.add(report)
        reporter.file(report)
    reporter.finish(summary)
    if sink:
        sink.commit()
    return summary.exit_code(strict)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("article", type=click.Path(dir_okay=True))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the draft here (atomically) instead of stdout."
)
@click.option("--force", is_flag=True, help="Let --output replace an existing file.")
@click.option(
    "--published", type=click.DateTime(["%Y-%m-%d"]), default=None,
    help="The article's publication date, to read 'last year' and 'on Sunday' "
    "(without it, figures are dated from today and relative dates are not claimed).",
)  # fmt: skip
@click.option(
    "--article-format", type=click.Choice(["text", "markdown", "html"]), default=None,
    help="How the article is written (default: guessed).",
)  # fmt: skip
def extract_command(article, output, force, published, article_format):
    """Draft a fact sheet (YAML) from an article's text: every number, with its
    qualifier, unit and words, and every claim recognised, with a confidence.

    The draft is valid input to validate; correct it, then check it.
    """
    from validator import loader
    from validator.extract import extract
    from validator.writing import AtomicOutput, OutputError

    path = Path(article)
    try:
        text = loader.read_text(path)
    except loader.LoadError as exc:
        click.echo(f"validate extract: error: {loader.display_path(path)}: {exc.message}", err=True)
        sys.exit(2)
    fmt = {"text": "text", "markdown": "markdown", "html": "html"}.get(article_format) if article_format else None
    draft = extract(text, published.date() if published else None, fmt).to_yaml()
    if output is None:
        click.echo(draft, nl=False)
        return
    if Path(output).resolve() == path.resolve():
        raise click.UsageError(f"--output {output} is the article itself; it would be overwritten")
    try:
        sink = AtomicOutput(Path(output), force)
    except OutputError as exc:
        raise click.UsageError(str(exc)) from None
    sink.stream.write(draft)
    sink.commit()


def main(argv: list[str] | None = None) -> None:
    """``validate [OPTIONS] PATHS...`` checks; ``validate extract ARTICLE`` drafts a fact sheet;
    ``validate archive PATHS... -o DIR`` checks a whole archive on Dask."""
    # pydantic looks for observability plugins through every installed package's metadata
    # when it builds its first model (about 30 ms); the command has no use for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["extract"]:
        extract_command.main(args[1:], prog_name="validate extract")
    elif args[:1] == ["archive"]:
        from validator.archive.cli import main as archive

        archive(args[1:])
    else:
        check_command.main(args, prog_name="validate")
