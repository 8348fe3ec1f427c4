"""The output of an archive run: two Parquet tables, each a folder of part files.

``files/`` has one row per file (or corpus line): its claims, its findings counted by verdict and
level, its input error if any, the time it took, and the key and content hash ``--resume`` goes by.
``findings/`` has one row per finding, with the fields of ``validate --format json`` (``implied``
and ``data``, whose keys vary, as JSON text). Each task writes one part of each, findings first:
a ``files`` part is written last, so a files row means its findings are all written.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from validator.findings import Level, Verdict
from validator.reporters import Summary

VERDICTS = [v.value for v in Verdict]
PART = "part-{run}-{index:06d}.parquet"


def _schemas():
    import pyarrow as pa

    counts = [(name, pa.int64()) for name in ["claims", "findings", *VERDICTS, "suppressed", "errors", "warnings"]]
    files = pa.schema(
        [("file", pa.string()), ("source", pa.string()), ("source_line", pa.int64()), ("kind", pa.string()),
         *counts, ("input_errors", pa.int64()), ("input_error_code", pa.string()), ("input_error", pa.string()),
         ("seconds", pa.float64()), ("key", pa.string()), ("hash", pa.string()), ("run", pa.string())]
    )  # fmt: skip
    findings = pa.schema(
        [("file", pa.string()), ("line", pa.int64()), ("column", pa.int64()), ("code", pa.string()),
         ("rule", pa.string()), ("verdict", pa.string()), ("level", pa.string()), ("message", pa.string()),
         ("arithmetic", pa.list_(pa.string())), ("implied", pa.string()), ("suggestion", pa.string()),
         ("claim", pa.string()), ("quote", pa.string()), ("suppressed", pa.string()), ("data", pa.string()),
         ("span", pa.list_(pa.int64())), ("source", pa.string()), ("source_line", pa.int64()),
         ("key", pa.string()), ("run", pa.string())]
    )  # fmt: skip
    return files, findings


def new_run_id() -> str:
    """Sorts by time, so that where two runs wrote the same file, the later one is known."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + uuid.uuid4().hex[:6]


@dataclass(frozen=True)
class Origin:
    """Where a checked file came from: its key and hash, and for a corpus line, the corpus and line."""

    key: str
    hash: str | None
    source: str
    source_line: int | None
    kind: str


@dataclass
class Rows:
    """The rows of one task, column by column."""

    run: str
    files: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    findings: dict[str, list] = field(default_factory=lambda: defaultdict(list))

    def add(self, report, origin: Origin, seconds: float) -> None:
        counts = Summary()
        counts.add(report)
        errors = report.input_errors
        row = {
            "file": report.file, "source": origin.source, "source_line": origin.source_line, "kind": origin.kind,
            "claims": report.claims, "findings": len(report.findings),
            **{v.value: counts.verdicts[v] for v in Verdict},
            "suppressed": counts.suppressed, "errors": counts.levels[Level.ERROR],
            "warnings": counts.levels[Level.WARNING], "input_errors": counts.input_errors,
            "input_error_code": errors[0].code if errors else None,
            "input_error": errors[0].message if errors else None,
            "seconds": seconds, "key": origin.key, "hash": origin.hash, "run": self.run,
        }  # fmt: skip
        for name, value in row.items():
            self.files[name].append(value)
        for f in report.findings:
            d = f.to_dict()
            d["implied"] = json.dumps(d["implied"], ensure_ascii=False)
            d["data"] = json.dumps(d["data"], ensure_ascii=False)
            d.update(source=origin.source, source_line=origin.source_line, key=origin.key, run=self.run)
            for name, value in d.items():
                self.findings[name].append(value)

    def count(self) -> int:
        return len(self.files["key"])


class Output:
    """The output folder (a local path or an fsspec URL) and its two tables."""

    def __init__(self, location: str):
        import fsspec

        self.location = location
        self.fs, self.root = fsspec.core.url_to_fs(location)
        self.local = "file" in (self.fs.protocol if isinstance(self.fs.protocol, tuple) else (self.fs.protocol,))

    def _dir(self, table: str) -> str:
        return f"{self.root.rstrip('/')}/{table}"

    def parts(self, table: str) -> list[str]:
        """The part files of a table, by name."""
        try:
            names = self.fs.ls(self._dir(table), detail=False)
        except FileNotFoundError:
            return []
        return sorted(n.rsplit("/", 1)[-1] for n in names if n.rsplit("/", 1)[-1].startswith("part-"))

    def holds_a_run(self) -> bool:
        return bool(self.parts("files") or self.parts("findings"))

    def write_part(self, rows: Rows, index: int) -> None:
        """Both parts of one task, findings first (see the module's docstring)."""
        import pyarrow as pa

        files, findings = _schemas()
        name = PART.format(run=rows.run, index=index)
        self._write("findings", name, pa.Table.from_pydict(dict(rows.findings), schema=findings))
        self._write("files", name, pa.Table.from_pydict(dict(rows.files), schema=files))

    def _write(self, table: str, name: str, data) -> None:
        import pyarrow.parquet as pq

        folder = self._dir(table)
        self.fs.makedirs(folder, exist_ok=True)
        if not self.local:  # an object store writes an object whole or not at all
            with self.fs.open(f"{folder}/{name}", "wb") as handle:
                pq.write_table(data, handle)
            return
        temporary = f"{folder}/.{name}.{uuid.uuid4().hex[:8]}.tmp"  # a retried task may write the same part
        with self.fs.open(temporary, "wb") as handle:
            pq.write_table(data, handle)
        self.fs.mv(temporary, f"{folder}/{name}")

    def read(self, table: str, columns: list[str] | None = None, part: str | None = None):
        import pyarrow.parquet as pq

        names = [part] if part else self.parts(table)
        tables = [pq.read_table(f"{self._dir(table)}/{n}", columns=columns, filesystem=self.fs) for n in names]
        if not tables:
            empty = _schemas()[0 if table == "files" else 1].empty_table()
            return empty.select(columns) if columns else empty
        import pyarrow as pa

        return pa.concat_tables(tables)

    def remove(self, table: str, name: str) -> None:
        self.fs.rm(f"{self._dir(table)}/{name}")

    def replace_all(self) -> None:
        """--force: the parts of earlier runs removed, and nothing else in the folder."""
        for table in ("findings", "files"):
            for name in self.parts(table):
                self.remove(table, name)

    def tidy(self) -> None:
        """What a stopped run left: temporary files, and findings parts whose files part was never
        written (their files are checked again, and their findings written again)."""
        for table in ("findings", "files"):
            try:
                names = self.fs.ls(self._dir(table), detail=False)
            except FileNotFoundError:
                continue
            for full in names:
                if full.rsplit("/", 1)[-1].endswith(".tmp"):
                    self.fs.rm(full)
        committed = set(self.parts("files"))
        for name in self.parts("findings"):
            if name not in committed:
                self.remove("findings", name)

    def written(self) -> dict[str, str | None]:
        """Key -> content hash of every file with a row, after :meth:`compact`."""
        table = self.read("files", ["key", "hash"])
        return dict(zip(table.column("key").to_pylist(), table.column("hash").to_pylist(), strict=True))

    def compact(self) -> int:
        """Where a file has rows in several parts (it changed, and --resume checked it again),
        only the latest run's are kept; the rows removed. Findings go first, as they are written."""
        import pyarrow.compute as pc

        latest: dict[str, tuple[str, str]] = {}
        holders: dict[str, list[str]] = defaultdict(list)
        for name in self.parts("files"):
            table = self.read("files", ["key", "run"], part=name)
            for key, run in zip(table.column("key").to_pylist(), table.column("run").to_pylist(), strict=True):
                holders[key].append(name)
                if key not in latest or run > latest[key][0]:
                    latest[key] = (run, name)
        stale: dict[str, set[str]] = defaultdict(set)
        for key, names in holders.items():
            for name in names:
                if name != latest[key][1]:
                    stale[name].add(key)
        removed = 0
        for name, keys in sorted(stale.items()):
            for table_name in ("findings", "files"):
                table = self.read(table_name, part=name)
                kept = table.filter(pc.invert(pc.is_in(table.column("key"), value_set=_array(keys))))
                removed += (table.num_rows - kept.num_rows) if table_name == "files" else 0
                self._write(table_name, name, kept)
        return removed

    def summary(self) -> Summary:
        """The counts of every file row written, as ``validate`` sums its reports."""
        import pyarrow.compute as pc

        table = self.read("files")
        total = {name: pc.sum(table.column(name)).as_py() or 0 for name in table.column_names if name in _COUNTED}
        summary = Summary(files=table.num_rows, claims=total["claims"])
        summary.verdicts = {v: total[v.value] for v in Verdict}
        summary.levels[Level.ERROR] = total["errors"]
        summary.levels[Level.WARNING] = total["warnings"]
        summary.input_errors = total["input_errors"]
        summary.files_with_input_errors = pc.sum(pc.greater(table.column("input_errors"), 0)).as_py() or 0
        summary.suppressed = total["suppressed"]
        return summary


_COUNTED = {"claims", *VERDICTS, "suppressed", "errors", "warnings", "input_errors"}


def _array(keys: set[str]):
    import pyarrow as pa

    return pa.array(sorted(keys), pa.string())
