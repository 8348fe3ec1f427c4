"""The ``validate`` command."""

from __future__ import annotations

import errno
import functools
import json
import os
import sys
from contextlib import closing, contextmanager
from pathlib import Path

import click

from validator import __version__, reporters

EXIT_CODES = """\b
Exit codes:
  0    no claim is inconsistent (doubtful, ambiguous and unverifiable claims do not fail)
  1    a claim is inconsistent (with --strict: also a warning, such as a doubtful or
       ambiguous claim)
  2    input that could not be checked (unreadable file, invalid fact sheet or
       configuration), or a usage error
  141  the output was closed before the report was written (validate | head), as for
       other command-line tools; nothing more is printed
"""
# 128 + SIGPIPE: what a shell reports for a command whose reader closed the pipe.
EXIT_CLOSED_PIPE = 141


def _cannot_write(message: str, prog: str = "validate") -> int:
    click.echo(f"{prog}: error: {message}", err=True)
    return 2


# Errors of writing to a stream that has nowhere to go: a full disk (> /dev/full), a closed pipe.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EPIPE})


def _guarded(prog: str):
    """The command's body run inside :func:`_writing_guard`."""

    def decorate(command):
        @functools.wraps(command)
        def guarded(*args, **kwargs):
            with _writing_guard(prog):
                return command(*args, **kwargs)

        return guarded

    return decorate


@contextmanager
def _writing_guard(prog: str):
    """Standard output that cannot be written ends the command without a traceback, and never with
    the code of an inconsistent claim: a reader that went away (``validate ... | head -1``) quietly
    with EXIT_CLOSED_PIPE, as command-line tools do; a full disk with a message and exit 2."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in _WRITE_ERRORS:
            raise
        try:  # what is still buffered for the stream would fail again when Python flushes it at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, AttributeError, ValueError):
            pass
        if exc.errno == errno.EPIPE:
            sys.exit(EXIT_CLOSED_PIPE)
        click.echo(f"{prog}: error: cannot write the output: {exc.strerror or exc}", err=True)
        sys.exit(2)


FORMATS = [*reporters.names(), "auto"]
EXTRACT_NOTE = """
\b
Drafting a fact sheet from an article: validate extract --help
Checking a whole archive on a Dask cluster: validate archive --help
"""


def _referenced(sheets: list[Path], config) -> set[Path]:
    """Every fact sheet the given ones refer to through same_as, directly or not, read as any sheet is."""
    from validator.loader import Limits
    from validator.references import referenced_sheets

    return referenced_sheets(sheets, Limits(max_bytes=config.settings.max_file_bytes), config.read_folders)


def _format(choice: str) -> str:
    if choice == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return choice


@click.command(epilog=EXIT_CODES + EXTRACT_NOTE, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format", "fmt", default="text", show_default=True, type=click.Choice(FORMATS),
    help="text for people; html for a page to read in a browser; json, sarif and junit for machines; github "
    "for workflow annotations; auto is github under GitHub Actions, text elsewhere.",
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
@click.option(
    "--explain", metavar="CODE",
    help="Print the documentation of a rule (by code or name) or of any other code (IN02, NQ01...) and exit.",
)  # fmt: skip
@click.option("--schema", is_flag=True, help="Print the fact sheet's JSON Schema and exit.")
@click.version_option(__version__, "-V", "--version", prog_name="validate")
@_guarded("validate")
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
    from validator.run import collect

    # What needs no configuration is answered even when the configuration is broken.
    if list_rules:
        for cls in registry.all_rules():
            click.echo(f"{cls.code}  {cls.name:<20} {cls.summary}")
        return
    if explain:
        click.echo(_explanation(explain), nl=False)
        return
    if schema:
        from validator.schema import fact_sheet_schema

        click.echo(json.dumps(fact_sheet_schema(), indent=2))
        return
    try:
        config = configuration.load(Path(config_path) if config_path else None)
    except configuration.ConfigError as exc:
        for line in exc.lines():
            click.echo(f"validate: error: {line}", err=True)
        sys.exit(2)
    paths = list(paths)
    if changed is not None:
        paths = _changed_paths(changed, paths, config)
    elif not paths:
        paths = config.configured_paths
    files = collect(paths, config, report_empty=True)
    published = published.date() if published else None
    sys.exit(
        run(files, config, _format(fmt), output, force, strict, quiet, color, jobs or os.cpu_count() or 1, published)
    )


def _explanation(key: str) -> str:
    """--explain: a rule's documentation, or that of any other code the tool prints (IN05, NQ01...)."""
    from validator import registry
    from validator.docs import render_code

    other = render_code(key)
    if other is not None:
        return other
    try:
        return registry.get(key).documentation()
    except registry.UnknownRule as exc:
        raise click.UsageError(f"{exc}; codes that are not rules: {', '.join(_other_codes())}") from None


def _other_codes() -> list[str]:
    from validator.findings import OTHER_CODES

    return list(OTHER_CODES)


def _changed_paths(base: str, paths: list[str], config) -> list[str]:
    from validator import changed as git
    from validator.run import collect

    cwd = Path.cwd()
    if base and not git.is_revision(base, cwd) and Path(base).exists():
        paths, base = [base, *paths], ""  # '--changed fixtures/': a path, not a base
    roots = paths or config.configured_paths
    sheets = collect(roots, config)
    try:
        touched = git.changed_files(base or None, cwd)
    except git.GitError as exc:
        raise click.UsageError(f"--changed: {exc}") from None
    return [str(p) for p in git.with_dependents(touched, sheets)]


def run(
    files: list,
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
    from validator.run import check_all
    from validator.writing import AtomicOutput, OutputError

    if output == "-":
        output = None  # standard output, as without -o
    if output is not None:
        target = Path(output).resolve()
        inputs = [f for f in files if isinstance(f, Path)]
        if target in {f.resolve() for f in inputs}:
            raise click.UsageError(f"--output {output} is one of the inputs; it would be overwritten")
        if target in _referenced(inputs, config):
            raise click.UsageError(
                f"--output {output} is a fact sheet the inputs refer to (same_as); it would be overwritten"
            )
    try:
        sink = AtomicOutput(Path(output), force) if output else None
    except OutputError as exc:
        raise click.UsageError(str(exc)) from None
    out = sink.stream if sink else sys.stdout
    reporter = reporters.get(fmt)(out, color=reporters.color_wanted(color, out) and not sink, show_consistent=not quiet)
    summary = reporters.Summary()
    try:
        reporter.start()
        # Closed as soon as the loop ends, however it ends: a reader that goes away stops the workers.
        with closing(check_all(files, config, jobs, published)) as reports:
            for report in reports:
                summary.add(report)
                reporter.file(report)
        reporter.finish(summary)
        if sink:
            sink.commit()
        else:
            out.flush()
    except OutputError as exc:
        return _cannot_write(str(exc))
    except OSError as exc:
        if sink is None:
            raise  # standard output: _writing_guard says so
        return _cannot_write(f"cannot write {output}: {exc.strerror or exc}")
    finally:
        if sink:
            sink.abort()  # nothing left to remove once committed; an interrupted run leaves no file
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
@_guarded("validate extract")
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
    if output is None or output == "-":
        click.echo(draft, nl=False)
        return
    if Path(output).resolve() == path.resolve():
        raise click.UsageError(f"--output {output} is the article itself; it would be overwritten")
    try:
        sink = AtomicOutput(Path(output), force)
    except OutputError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        sink.stream.write(draft)
        sink.commit()
    except OutputError as exc:
        sys.exit(_cannot_write(str(exc), "validate extract"))
    except OSError as exc:
        sys.exit(_cannot_write(f"cannot write {output}: {exc.strerror or exc}", "validate extract"))
    finally:
        sink.abort()


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
