"""What git knows about a folder: its files without the ignored ones, and what changed since a ref."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import UsageError
from checker.i18n import message

if TYPE_CHECKING:
    import subprocess

# The folder under check is untrusted, its .git/config included (an artifact or archive may carry one): no setting
# there may make git run a program. These are the ones the commands below could otherwise act on.
_SAFE = ("-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false", "-c", "diff.external=",
         "-c", "core.hooksPath=/dev/null", "-c", "protocol.allow=never")


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    if args and args[0] == "diff":
        args = (args[0], "--no-ext-diff", "--no-textconv", *args[1:])
    import subprocess  # here: a folder outside any repository starts no git, nor loads subprocess

    try:
        return subprocess.run(["git", *_SAFE, "-C", str(folder), *args], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None


# the variables with which git finds a repository other than by searching the folders (GIT_DIR names one anywhere;
# the others are asked about too, as are the configuration's): with any of them set, git is asked
_REPOSITORY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
                         "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_INDEX_FILE", "GIT_NAMESPACE", "GIT_CONFIG")


def _no_repository(folder: Path) -> bool:
    """Whether git certainly finds no repository for folder, without starting git: none of the variables that name
    a repository is set, and neither the folder's real path nor any folder above it holds a .git entry or a HEAD
    entry (which a bare repository, whose configuration may name a work tree, has). Without GIT_DIR git searches
    just these folders (from the real path, stopping sooner at a file system's edge or a ceiling), so where none
    holds either, `git rev-parse` says there is no repository; anywhere else git is asked."""
    if any(name.startswith(_REPOSITORY_VARIABLES) for name in os.environ):
        return False
    current = os.path.realpath(folder)
    while True:
        if os.path.lexists(os.path.join(current, ".git")) or os.path.lexists(os.path.join(current, "HEAD")):
            return False
        parent = os.path.dirname(current)
        if parent == current:
            return True
        current = parent


def toplevel(folder: Path) -> Path | None:
    """The root of the git work tree that holds folder, if any."""
    if _no_repository(folder):
        return None
    result = _git(folder, "rev-parse", "--show-toplevel")
    if result is None or result.returncode != 0:
        return None
    return Path(result.stdout.decode().strip())


def files(folder: Path) -> list[Path] | None:
    """Tracked and untracked files below folder, without what .gitignore excludes; None outside a git work tree."""
    if toplevel(folder) is None:
        return None
    result = _git(folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".")
    if result is None or result.returncode != 0:
        return None
    names = sorted({name for name in result.stdout.decode("utf-8", "surrogateescape").split("\0") if name})
    return [folder / name for name in names if (folder / name).is_file()]


def changed_since(ref: str, folder: Path) -> set[Path]:
    """Files changed, added or deleted between ref and the work tree, untracked ones included, as resolved paths."""
    root = toplevel(folder)
    if root is None:
        raise UsageError(message("vcs.not_a_repository", ref=ref, folder=folder))
    if (check := _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")) is None or check.returncode != 0:
        raise UsageError(message("vcs.no_such_ref", ref=ref))
    # deletions too (a deleted waiver file changes verdicts), and renames as delete plus add
    changed = _git(root, "diff", "--name-only", "-z", "--no-renames", ref, "--")
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard")
    names = set()
    for result in (changed, untracked):
        if result is None or result.returncode != 0:
            raise UsageError(message("vcs.git_failed", ref=ref, error=result.stderr.decode().strip() if result else message("vcs.no_git")))
        names |= {n for n in result.stdout.decode("utf-8", "surrogateescape").split("\0") if n}
    return {(root / name).resolve() for name in names}


# Terraform and OpenTofu code and variables, read beside the descriptors (checker/infra)
INFRASTRUCTURE_CODE = (".tf", ".tfvars", ".tofu", ".tf.json", ".tofu.json", ".tfvars.json")


def governing_change(changed: set[Path], governing: set[Path], names: tuple[str, ...],
                     roots: list[Path]) -> Path | None:
    """A changed file that can change verdicts of unchanged descriptors: one of the governing files (resolved), a
    file of one of these names anywhere, infrastructure code (its facts join any descriptor that covers it), or a
    file below one of the policy roots."""
    for path in sorted(changed):
        if (path.name in names or path in governing or path.name.endswith(INFRASTRUCTURE_CODE)
                or any(root == path or root in path.parents for root in roots)):
            return path
    return None
