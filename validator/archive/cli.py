"""``validate archive``: a whole archive checked on a Dask cluster, the rows written as Parquet."""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXTRA = "validate archive needs the dask extra: pip install 'news-validator[dask]'"
EPILOG = """\b
Output (--output DIR): DIR/files/ has one row a file (or corpus line), DIR/findings/
one row a finding, each a folder of Parquet parts that pandas, DuckDB or Spark read whole.
\b
Exit codes, as for validate:
  0  no claim is inconsistent
  1  a claim is inconsistent (with --strict: also a warning)
  2  input that could not be checked, or a usage error (bad option, output already written,
     scheduler out of reach)
"""


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1)
@click.option(
    "-o", "--output", required=True, metavar="DIR",
    help="Folder (or fsspec URL) to write the Parquet tables in; every worker must be able to write there.",
)  # fmt: skip
@click.option(
    "--files-from", "listing", metavar="FILE",
    help="Also check the paths, patterns and URLs listed in FILE, one a line ('-' reads standard input).",
)  # fmt: skip
@click.option(
    "--scheduler", metavar="ADDRESS",
    help="The scheduler of a running Dask cluster (tcp://host:8786); without it, a local cluster is started.",
)  # fmt: skip
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Processes of the local cluster (default: one a core); a --scheduler's cluster is sized by its owner.",
)  # fmt: skip
@click.option("--resume", is_flag=True, help="Skip files whose rows are already in --output (same path, same content).")
@click.option("--force", is_flag=True, help="Replace the rows of an earlier run in --output.")
@click.option(
    "--text-field", default="text", show_default=True, help="Corpora: the field that holds an article's text."
)
@click.option("--id-field", default="id", show_default=True, help="Corpora: the field that names an article.")
@click.option(
    "--published-field", default="published", show_default=True,
    help="Corpora: the field with an article's publication date (YYYY-MM-DD); '' to leave it unread.",
)  # fmt: skip
@click.option(
    "--published", type=click.DateTime(["%Y-%m-%d"]), default=None,
    help="For articles without a publication date of their own: the date to read 'last year' and 'on Sunday'.",
)  # fmt: skip
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file to use.")
@click.option("--strict", is_flag=True, help="Also fail (exit 1) on warnings, such as doubtful or ambiguous claims.")
def archive_command(
    paths, output, listing, scheduler, workers, resume, force, text_field, id_field, published_field, published,
    config_path, strict,
):  # fmt: skip
    """Check every article and fact sheet of an archive on a Dask cluster.

    PATHS are fact sheets, articles (.txt, .md, .html), JSON Lines corpora of articles
    (.jsonl, one object a line with an id and a text; compressed ones too), folders
    (searched for all of these), glob patterns, and fsspec URLs of any of them
    (s3://bucket/stories/*.txt). Each file is read and checked on a worker, with the
    same code as validate.
    """
    from validator import config as configuration
    from validator import reporters

    try:
        import distributed  # noqa: F401 - the extra, asked for here so that its absence is said plainly
        import fsspec  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        click.echo(f"validate archive: error: {EXTRA}", err=True)
        sys.exit(2)
    from validator.archive import corpus, driver
    from validator.archive.items import InputError, listed

    if scheduler and workers:
        raise click.UsageError("--workers sizes the local cluster; the cluster at --scheduler is sized by its owner")
    try:
        config = configuration.load(Path(config_path) if config_path else None)
        inputs = [*paths, *(listed(listing) if listing else [])]
    except (configuration.ConfigError, InputError) as exc:
        click.echo(f"validate archive: error: {exc}", err=True)
        sys.exit(2)
    if not inputs:
        raise click.UsageError("name the files, folders, patterns, URLs or corpora to check (or --files-from)")
    bar = Progress()
    try:
        outcome = driver.archive(
            inputs, output, config, scheduler=scheduler, workers=workers, resume=resume, force=force,
            published=published.date() if published else None,
            fields=corpus.Fields(text_field, id_field, published_field or None),
            started=lambda link: click.echo(f"dashboard: {link or 'none'}", err=True), progress=bar.update,
        )  # fmt: skip
    except driver.ArchiveError as exc:
        bar.close()
        click.echo(f"validate archive: error: {exc}", err=True)
        sys.exit(2)
    bar.close()
    out = sys.stdout
    reporters.get("text")(out, color=reporters.color_wanted("auto", out)).finish(outcome.summary)
    notes = [f"{outcome.checked:,} checked"]
    if outcome.skipped:
        notes.append(f"{outcome.skipped:,} already written (--resume)")
    if outcome.compacted:
        notes.append(f"{outcome.compacted:,} earlier rows replaced (their files changed)")
    if outcome.lost:
        notes.append(f"{outcome.lost:,} written as internal errors (every worker that checked them died)")
    click.echo(f"{outcome.files:,} files in this run: {', '.join(notes)}; rows in {output}", err=True)
    sys.exit(outcome.summary.exit_code(strict))


class Progress:
    """Files done out of the files of the run, on the terminal (standard error) only."""

    def __init__(self):
        self.stream = sys.stderr
        self.shown = self.stream.isatty()
        self.drawn = False

    def update(self, done: int, total: int) -> None:
        if not self.shown:
            return
        width = 30
        filled = width * done // total if total else width
        share = 100 * done // total if total else 100
        self.stream.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done:,}/{total:,} files ({share}%)")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.drawn = False


def main(argv: list[str]) -> None:
    archive_command.main(argv, prog_name="validate archive")
