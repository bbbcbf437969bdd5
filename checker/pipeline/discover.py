"""Stage 1: which descriptor files a run checks, the configuration that governs each, and their reference data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import vcs
from checker.config import Config, ConfigFinder, discover, reference_deviations
from checker.errors import InputError
from checker.i18n import message, per_language, text
from checker.pipeline import Options
from checker.policies import PolicyBundle


@dataclass(frozen=True)
class Found:
    """The files a run checks (each under its display name, with the configuration that governs it)."""

    paths: list[Path]  # what was searched
    files: list[Path]  # the descriptors named or found, then those of `context`
    configs: dict[str, Config]
    skipped: list[dict[str, str]]
    # display names of the descriptors read only for the portfolio rules of a named file (portfolio_context)
    context: frozenset[str] = frozenset()


def search_paths(options: Options, finder: ConfigFinder) -> list[Path]:
    """The run's paths; by default the configuration's root, or the git work tree, or the current folder."""
    return list(options.paths) or [finder.explicit.root if finder.explicit else (vcs.toplevel(Path.cwd()) or Path.cwd())]


def find(paths: list[Path], finder: ConfigFinder) -> Found:
    """The descriptors the paths name; none at all is an input error, never an empty pass."""
    discovery = discover(paths, finder)
    files = discovery.files
    if not files:
        listed = per_language(lambda lang: ", ".join(f"{s['file']} ({text(lang, 'run.reason.' + s['reason'])})"
                                                      for s in discovery.skipped[:5]))
        raise InputError(message("discover.none", skipped=message("discover.none_skipped", count=len(discovery.skipped),
                                                                  files=listed) if discovery.skipped else ""),
                         location=", ".join(map(str, paths)))
    configs = {display_path(path): finder.for_file(path) for path in files}
    skipped = [{**s, "file": display_path(Path(s["file"]))} for s in discovery.skipped]
    context = portfolio_context(paths, files, configs, finder)
    configs.update((display_path(path), finder.for_file(path)) for path in context)
    return Found(paths, files + context, configs, skipped, frozenset(display_path(path) for path in context))


def portfolio_context(paths: list[Path], files: list[Path], configs: dict[str, Config], finder: ConfigFinder) -> list[Path]:
    """The other descriptors in the portfolio of a file named on the command line, as pre-commit names the staged
    files: those its .cloudbeleid.yaml governs, searched from that configuration's folder as a run on the folder
    would. A portfolio rule compares a service with the rest of its organisation (a fifth service at one provider is
    concentration only beside the other four), so the run evaluates these too and reports only what concerns the
    named files (checker/evaluate.py). A file that no .cloudbeleid.yaml governs has no portfolio beyond the run."""
    governing: dict[Path, Config] = {}
    for path in paths:
        config = configs.get(display_path(path))
        if not path.is_dir() and config is not None and config.path is not None:
            governing.setdefault(config.path.resolve(), config)
    seen = {real_path(path) for path in files}
    context: list[Path] = []
    for resolved, config in governing.items():
        for candidate in discover([config.root], finder).files:
            real = real_path(candidate)
            owner = finder.for_file(candidate).path
            if real not in seen and owner is not None and owner.resolve() == resolved:
                seen.add(real)
                context.append(candidate)
    return context


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
    return str(path)


def _here() -> str:
    """The working directory's real path (once a run)."""
    if _FOLDERS is None:
        return os.path.realpath(Path.cwd())
    here = _FOLDERS.get("\0cwd")
    if here is None:
        here = _FOLDERS["\0cwd"] = os.path.realpath(Path.cwd())
    return here


def references(configs: dict[str, Config], bundle: PolicyBundle) -> dict[Path | None, tuple[dict[str, list[str]], list[dict[str, Any]]]]:
    """Per configuration: its reference data lists for input.settings, and its deviations from the shipped ones."""
    shipped = bundle.data.get("data", {}).get("countries", {})
    out: dict[Path | None, tuple[dict[str, list[str]], list[dict[str, Any]]]] = {}
    for config in configs.values():
        if config.path not in out:
            lists, deviations = reference_deviations(config, shipped)
            out[config.path] = (lists, [{**d, "file": display_path(Path(d["file"]))} for d in deviations])
    return out
