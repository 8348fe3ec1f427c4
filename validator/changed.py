"""``validate --changed``: the fact sheets a change touched, and every sheet that refers to them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from validator import loader
from validator.references import references_in


class GitError(Exception):
    pass


def _git(*args: str, cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def is_revision(text: str, cwd: Path) -> bool:
    try:
        _git("rev-parse", "--verify", "--quiet", f"{text}^{{commit}}", cwd=cwd)
        return True
    except GitError:
        return False


def default_base(cwd: Path) -> str:
    """The merge base of HEAD with the default branch (origin's HEAD, else main or master)."""
    candidates = []
    try:
        candidates.append(_git("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD", cwd=cwd).strip())
    except GitError:
        pass
    candidates += ["origin/main", "origin/master", "main", "master"]
    for branch in candidates:
        if is_revision(branch, cwd):
            return _git("merge-base", "HEAD", branch, cwd=cwd).strip()
    raise GitError("no default branch found (origin/HEAD, main or master); give the base: --changed BASE")


def changed_files(base: str | None, cwd: Path) -> list[Path]:
    """Files changed since ``base`` (committed, staged, unstaged and untracked), that still exist."""
    top = Path(_git("rev-parse", "--show-toplevel", cwd=cwd).strip())
    revision = base or default_base(cwd)
    names = _git("diff", "--name-only", "--no-renames", revision, "--", cwd=top).splitlines()
    names += _git("ls-files", "--others", "--exclude-standard", cwd=top).splitlines()
    return sorted({(top / n).resolve() for n in names if (top / n).is_file()})


def with_dependents(changed: list[Path], sheets: list[Path]) -> list[Path]:
    """``changed`` sheets among ``sheets``, plus every sheet that refers to one of them, transitively."""
    refers_to: dict[Path, set[Path]] = {}
    for sheet in sheets:
        try:
            text = loader.read_text(sheet)
        except loader.LoadError:
            continue  # the checker reports it
        for target in references_in(text):
            refers_to.setdefault((sheet.parent / target).resolve(), set()).add(sheet.resolve())
    chosen = {p.resolve() for p in changed if p.resolve() in {s.resolve() for s in sheets}}
    queue = list(chosen)
    while queue:
        for dependent in refers_to.get(queue.pop(), ()):
            if dependent not in chosen:
                chosen.add(dependent)
                queue.append(dependent)
    return [s for s in sheets if s.resolve() in chosen]
