"""Stage 1: which descriptor files a run checks, the configuration that governs each, and their reference data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import vcs
from checker.config import Config, ConfigFinder, discover, reference_deviations
from checker.errors import InputError
from checker.i18n import message, per_language, text
from checker.paths import display_path, real_path, real_paths  # noqa: F401 - the stages import them from here
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



def references(configs: dict[str, Config], bundle: PolicyBundle) -> dict[Path | None, tuple[dict[str, list[str]], list[dict[str, Any]]]]:
    """Per configuration: its reference data lists for input.settings, and its deviations from the shipped ones."""
    shipped = bundle.data.get("data", {}).get("countries", {})
    out: dict[Path | None, tuple[dict[str, list[str]], list[dict[str, Any]]]] = {}
    for config in configs.values():
        if config.path not in out:
            lists, deviations = reference_deviations(config, shipped)
            out[config.path] = (lists, [{**d, "file": display_path(Path(d["file"]))} for d in deviations])
    return out
