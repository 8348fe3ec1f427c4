"""Files the validator writes (reports, drafts): atomically, and never over a file unasked.

A report goes to a temporary file beside its path, which takes the path's place
only when the report is complete. The path must be a regular file or a new one:
a device, FIFO, socket or directory is refused, ``--force`` or not (renaming
over ``/dev/null`` would replace the device with a file). Without ``--force``
the temporary file is linked to the path, which fails if a file appeared there
meanwhile, so two runs writing one new path never silently replace each other.
A run ended by SIGINT, SIGTERM or SIGHUP removes its temporary file.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from validator.loader import file_kind


class OutputError(Exception):
    pass


def refuse_unless_regular(path: Path) -> bool:
    """Whether ``path`` exists (following links); OutputError if it is anything but a regular file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    kind = file_kind(mode)
    if kind:
        raise OutputError(
            f"{path} is {kind}; --output writes only to a regular file or a new path "
            "(leave -o out, or give '-o -', to write to standard output)"
        )
    return True


# Temporary files of this process, removed when a signal ends it (SIGINT unwinds through commit/abort).
_pending: dict[str, int] = {}
_CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _remove_pending_and_die(signum, frame) -> None:
    for tmp, owner in list(_pending.items()):
        if owner == os.getpid():  # a forked worker inherits the table, not the file
            try:
                os.unlink(tmp)
            except OSError:
                pass
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # end as the signal would have: the caller sees how the run ended


def _watch_signals() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in _CLEANUP_SIGNALS:
        if signal.getsignal(signum) is signal.SIG_DFL:  # a handler someone else set is left alone
            signal.signal(signum, _remove_pending_and_die)


class AtomicOutput:
    """A text stream to a temporary file beside ``path``, moved onto it by :meth:`commit`.

    Readers never see half a file, an interrupted run leaves the old file as it
    was, and an existing file is replaced only with ``force``.
    """

    def __init__(self, path: Path, force: bool = False):
        exists = refuse_unless_regular(path)
        if exists and not force:
            raise OutputError(f"{path} already exists; use --force to replace it")
        self.path = path
        self.force = force
        try:
            handle, self._tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        except OSError as exc:
            raise OutputError(f"cannot write beside {path}: {exc.strerror or exc}") from None
        _pending[self._tmp] = os.getpid()
        _watch_signals()
        self.stream = os.fdopen(handle, "w", encoding="utf-8", newline="\n")

    def commit(self) -> None:
        """Put the finished file in place (OutputError, the temporary file removed, if it cannot be)."""
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            existed = refuse_unless_regular(self.path)  # again: it may have changed while the report was written
            if existed and not self.force:
                raise self._appeared()
            # mkstemp makes the file private (0600); give it the mode any new file would get,
            # or the mode of the file it replaces.
            if existed:
                mode = self.path.stat().st_mode & 0o777
            else:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(self._tmp, mode)
            if self.force:
                os.replace(self._tmp, self.path)
            else:
                self._link_without_replacing()
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        except OutputError:
            self.abort()
            raise
        _pending.pop(self._tmp, None)

    def _link_without_replacing(self) -> None:
        """The temporary file under the path, failing if something is there now."""
        try:
            os.link(self._tmp, self.path)
        except FileExistsError:
            raise self._appeared() from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            self._copy_exclusively()  # a file system without hard links
        os.unlink(self._tmp)

    def _copy_exclusively(self) -> None:
        try:
            target = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            raise self._appeared() from None
        with open(self._tmp, "rb") as source, os.fdopen(target, "wb") as out:
            shutil.copyfileobj(source, out)
            out.flush()
            os.fsync(out.fileno())

    def _appeared(self) -> OutputError:
        return OutputError(
            f"{self.path} appeared while the report was being written (another run?); it was left as it is: "
            "use --force to replace it"
        )

    def abort(self) -> None:
        if not self.stream.closed:
            try:
                self.stream.close()
            except OSError:
                pass  # a full disk: the file is removed below anyway
        if os.path.lexists(self._tmp):
            os.unlink(self._tmp)
        _pending.pop(self._tmp, None)

    def __del__(self):
        # Never leave a temporary file behind when a run ends early.
        if getattr(self, "_tmp", None) and os.path.lexists(self._tmp):
            self.abort()
