"""Files the validator writes (reports, drafts): atomically, and never over a file unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    pass


class AtomicOutput:
    """A text stream to a temporary file beside ``path``, renamed onto it by :meth:`commit`.

    Readers never see half a file, an interrupted run leaves the old file as it
    was, and an existing file is replaced only with ``force``.
    """

    def __init__(self, path: Path, force: bool = False):
        if path.exists() and not force:
            raise OutputError(f"{path} already exists; use --force to replace it")
        if path.is_dir():
            raise OutputError(f"{path} is a directory")
        self.path = path
        try:
            handle, self._tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        except OSError as exc:
            raise OutputError(f"cannot write beside {path}: {exc.strerror or exc}") from None
        self.stream = os.fdopen(handle, "w", encoding="utf-8", newline="\n")

    def commit(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        # mkstemp makes the file private (0600); give it the mode any new file would get,
        # or the mode of the file it replaces.
        if self.path.exists():
            mode = self.path.stat().st_mode & 0o777
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(self._tmp, mode)
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        if not self.stream.closed:
            self.stream.close()
        if os.path.exists(self._tmp):
            os.unlink(self._tmp)

    def __del__(self):
        # Never leave a temporary file behind when a run ends early.
        if getattr(self, "_tmp", None) and os.path.exists(self._tmp):
            self.abort()
