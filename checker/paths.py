"""Paths as a run names them: each folder's real path found once a run (real_paths), a file's real path from its
folder's (real_path), and the name a file is shown under (display_path). Used by discovery, the configurations'
globs and every stage after them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Within one run (real_paths()): the real path of each folder, found once. None: outside a run, nothing is kept.
_FOLDERS: dict[str, str] | None = None


@contextmanager
def real_paths() -> Iterator[None]:
    """For the length of a run, real_path finds each folder's real path once instead of once per file in it (a
    portfolio of 10,000 files in one folder made 140,000 lstat calls). The run's files and links do not change under
    it; the next run finds its own."""
    global _FOLDERS
    saved, _FOLDERS = _FOLDERS, {}
    try:
        yield
    finally:
        _FOLDERS = saved


def real_path(path: Path | str) -> str:
    """os.path.realpath(path). Within real_paths(), a file's from its folder's real path (found once a folder):
    only a name that is itself a link is resolved, so the answer is the one os.path.realpath gives."""
    text = os.fspath(path)
    folders = _FOLDERS
    if folders is None:
        return os.path.realpath(text)
    head, name = os.path.split(text)
    if not name or name in (".", "..") or os.path.islink(text):
        return os.path.realpath(text)
    real = folders.get(head)
    if real is None:
        real = folders[head] = os.path.realpath(head or os.curdir)
    return os.path.join(real, name)


def display_path(path: Path) -> str:
    # realpath, not resolve(): before Python 3.13 resolve() raises on a symlink loop
    # (what Path(real).relative_to(here).as_posix() gives, both being real paths, without raising for one outside)
    here = _here()
    real = real_path(path)
    if real == here:
        return "."
    if here == os.sep:
        return real[1:]
    if real.startswith(here + os.sep):
        return real[len(here) + 1:]
    shown = str(path)
    if ".." in Path(shown).parts:
        # a folder named from a descriptor's own ("services/../infra/aws"): the same file under its plain name, as
        # inside the working folder, where every name is made from the real path; only when it is the same file
        normal = os.path.normpath(shown)
        if real_path(Path(normal)) == real:
            return normal
    return shown


def _here() -> str:
    """The working directory's real path (once a run)."""
    if _FOLDERS is None:
        return os.path.realpath(Path.cwd())
    here = _FOLDERS.get("\0cwd")
    if here is None:
        here = _FOLDERS["\0cwd"] = os.path.realpath(Path.cwd())
    return here


def real_folder(folder: Path | str) -> str:
    """os.path.realpath(folder), within real_paths() found once a folder."""
    text = os.fspath(folder)
    folders = _FOLDERS
    if folders is None:
        return os.path.realpath(text)
    real = folders.get(text)
    if real is None:
        real = folders[text] = os.path.realpath(text or os.curdir)
    return real
