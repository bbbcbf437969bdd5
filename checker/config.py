"""The repository configuration (.cloudbeleid.yaml) and which files are descriptors."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.i18n import current, message
from checker.loader import DEFAULT_LIMITS, Limits
from checker.paths import real_folder, real_path
from checker.policies import policy_folder_problem
from checker.schema import load_validated

CONFIG_NAME = ".cloudbeleid.yaml"
CONFIG_NAMES = (CONFIG_NAME, ".cloudbeleid.yml")
DEFAULT_INCLUDE = ("**/*.cloud.yaml", "**/*.cloud.yml", "**/*.cloud.json")
DEFAULT_THRESHOLDS = {
    "risk_assessment_max_age_months": 12,
    "supplier_review_max_age_months": 12,
    "market_concentration_max_share": 0.5,
    "market_concentration_max_services": 5,
}


@dataclass(frozen=True)
class Config:
    """One .cloudbeleid.yaml, or the defaults where there is none."""

    path: Path | None
    root: Path
    organisation: dict[str, Any] = field(default_factory=dict)
    packs: tuple[str, ...] | None = None
    thresholds: dict[str, Any] = field(default_factory=dict)
    reference_data: dict[str, Any] = field(default_factory=dict)  # as written: a list, or {add, remove, reason, decision_ref}
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    engine: str | None = None
    lang: str | None = None
    opa: dict[str, Any] = field(default_factory=dict)
    policies: tuple[Path, ...] = ()
    waivers: dict[str, Any] = field(default_factory=dict)
    limits: Limits = DEFAULT_LIMITS  # of the descriptor files it governs
    document: Any = field(default=None, repr=False, compare=False)  # the file as loaded, to locate its fields

    def where(self, *path: str | int) -> str | None:
        """'file:line:column' of a field of this configuration (its nearest existing parent), for messages."""
        if self.path is None:
            return None
        if self.document is None:
            return str(self.path)
        line, column = self.document.locate(tuple(path))[1][:2]
        return f"{self.path}:{line}:{column}"

    @property
    def name(self) -> str:
        return str(self.path) if self.path else message("config.none").get(current())

    def settings(self, rules: list[Any], reference: dict[str, list[str]] | None = None) -> dict[str, Any]:
        """input.settings of an evaluation: the rules to evaluate, every threshold, and the reference data lists that
        deviate from the shipped ones (see reference_deviations; a list in reference_data replaces the shipped one)."""
        return {
            "packs": sorted({rule.pack for rule in rules}),
            "rules": [rule.package for rule in rules],
            **DEFAULT_THRESHOLDS,
            **self.thresholds,
            "reference_data": reference or {},
        }

    def relative(self, path: Path) -> str:
        """The file's name relative to the configuration's folder (POSIX), both as real paths, or its own name when
        it lies outside. By the file's own name: a link named x.cloud.yaml is matched as such, whatever it points to.
        The folders' real paths are found once a run (paths.real_folder)."""
        folder, root = real_folder(path.parent), real_folder(self.root)
        prefix = root if root.endswith(os.sep) else root + os.sep
        if not folder.startswith(prefix) and folder != root:
            return path.name
        inner = folder[len(prefix):] if folder != root else ""
        return f"{inner.replace(os.sep, '/')}/{path.name}" if inner else path.name

    def is_descriptor(self, path: Path) -> bool:
        relative = self.relative(path)
        return any(_glob(p).match(relative) for p in self.include) and not any(_glob(p).match(relative) for p in self.exclude)

    def why_not(self, path: Path) -> str | None:
        """Why a file that looks like a descriptor is not one here: 'case' (its name matches only when case is
        ignored), 'excluded' (discovery.exclude), 'not-included' (discovery.include); None for any other file."""
        relative = self.relative(path)
        if any(_glob(p).match(relative) for p in self.exclude):
            return "excluded" if any(_glob(p).match(relative) for p in self.include) or _LOOKS_LIKE.search(path.name) else None
        if any(_glob(p, True).match(relative) for p in self.include):
            return "case"
        return "not-included" if _LOOKS_LIKE.search(path.name) else None


# The OPA settings that would let a repository send a token elsewhere, run a program of its choice as the engine or
# trust a CA of its own: they come only from the command line or the run's environment (checker/engine/opa.py).
REFUSED_OPA_KEYS = {
    "url": ("--opa-url", "CLOUDBELEID_OPA_URL"),
    "token_env": ("--opa-token-env", "CLOUDBELEID_OPA_TOKEN_ENV"),
    "path": ("--opa-path", "CLOUDBELEID_OPA_PATH"),
    "ca_bundle": ("--opa-ca-bundle", "CLOUDBELEID_OPA_CA_BUNDLE"),
}

_LOADED: dict[tuple[Path, int, int], Config] = {}


def load_config(path: Path) -> Config:
    """Read and validate a configuration file (once per run); any problem is an InputError naming file and line."""
    try:
        stat = path.stat()
        memo = (path.resolve(), stat.st_mtime_ns, stat.st_size)
    except OSError:
        memo = None
    if memo in _LOADED:
        return _LOADED[memo]
    config = _read_config(path)
    if memo is not None:
        _LOADED[memo] = config
    return config


def _read_config(path: Path) -> Config:
    document = load_validated(path, str(path), "config", "configuration")
    data = document.data
    for key, (flag, variable) in REFUSED_OPA_KEYS.items():
        if key in data.get("opa", {}):
            line, column = document.locate_key(("opa", key))
            raise InputError(message("config.opa_refused", key=key, flag=flag, variable=variable),
                             location=f"{path}:{line}:{column}")
    home: str | None = None  # the repository the named folders must stay in (asked of git only when one is named)
    for setting, where in [("policies", ("policies", i)) for i in range(len(data.get("policies", ())))] + (
            [("waivers.file", ("waivers", "file"))] if "file" in data.get("waivers", {}) else []):
        home = home or repository_of(path.parent)
        named = data["policies"][where[1]] if setting == "policies" else data["waivers"]["file"]
        target = os.path.realpath(path.parent / named)
        if os.path.commonpath([target, home]) != home:
            line, column = document.locate(where)[1][:2]
            raise InputError(message("config.outside", setting=setting, named=repr(named), home=home),
                             location=f"{path}:{line}:{column}")
    for index, folder in enumerate(data.get("policies", ())):
        problem = policy_folder_problem(path.parent / folder)
        if problem:
            line, column = document.locate(("policies", index))[1][:2]
            raise InputError(message("config.policy_folder", index=index, folder=repr(folder), problem=problem),
                             location=f"{path}:{line}:{column}")
    discovery = data.get("discovery", {})
    return Config(
        path=path,
        root=path.parent,
        organisation=data.get("organisation", {}),
        packs=tuple(p.replace("-", "_") for p in data["packs"]) if "packs" in data else None,
        thresholds=data.get("thresholds", {}),
        reference_data=data.get("reference_data", {}),
        include=tuple(discovery.get("include", DEFAULT_INCLUDE)),
        exclude=tuple(discovery.get("exclude", ())),
        fail_on=data.get("fail_on"),
        engine=data.get("engine"),
        lang=data.get("lang"),
        opa=data.get("opa", {}),
        policies=tuple((path.parent / p) for p in data.get("policies", ())),
        waivers=data.get("waivers", {}),
        limits=Limits(**data.get("limits", {}), source=str(path)),
        document=document,
    )


# Reference data lists whose change can lift a protection: a country removed from the C2000 ban, or a country added
# to or removed from a list of where data may go. Only adding a country to the ban is a change in the safe direction.
BAN_LISTS = ("c2000_excluded",)
ALLOW_LISTS = ("eer", "adequacy", "adequacy_if_dpf_certified")


def reference_deviations(config: Config, shipped: dict[str, Any]) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """The configuration's reference data lists (name -> codes) and a record of every deviation from the shipped lists.

    `shipped` is the policies' data.countries. A change that loosens a protective list without a reason and a
    decision_ref is an InputError at its line: a repository may tighten the reference data, but never quietly
    lift the C2000 ban or widen where data may go."""
    lists: dict[str, list[str]] = {}
    deviations: list[dict[str, Any]] = []
    for name, change in config.reference_data.items():
        where = config.where("reference_data", name)
        base = list(shipped.get(name, {}).get("codes", [])) if isinstance(shipped.get(name), dict) else None
        if base is None:
            raise InputError(message("config.no_such_list", name=name), location=where)
        if isinstance(change, list):
            codes, reason, decision = list(change), None, None
        else:
            remove = set(change.get("remove", ()))
            codes = [c for c in base if c not in remove] + [c for c in change.get("add", ()) if c not in base]
            reason, decision = change.get("reason"), change.get("decision_ref")
        added = sorted(set(codes) - set(base))
        removed = sorted(set(base) - set(codes))
        if not added and not removed:
            continue
        loosens = removed if name in BAN_LISTS else added + removed
        if loosens and not (reason and reason.strip() and decision and decision.strip()):  # blanks justify nothing
            raise InputError(message("config.loosens_removed" if removed else "config.loosens_added", name=name,
                                     codes=", ".join(removed or added)), location=where)
        lists[name] = sorted(codes)
        line = config.document.locate(("reference_data", name))[1][0] if config.document is not None else 1
        deviations.append({"file": str(config.path), "line": line, "list": name, "added": added, "removed": removed,
                           "reason": reason, "decision_ref": decision})
    return lists, deviations


def repository_of(folder: Path) -> str:
    """The real path of the git work tree that holds folder, else of folder itself."""
    from checker import vcs

    top = vcs.toplevel(folder)
    return os.path.realpath(top if top is not None else folder)


def nearest_config(directory: Path) -> Path | None:
    """The configuration file ConfigFinder.for_dir reads for a folder: the nearest one at or above it."""
    directory = directory.resolve()
    while True:
        candidate = next((directory / n for n in CONFIG_NAMES if (directory / n).is_file()), None)
        if candidate is not None or directory.parent == directory:
            return candidate
        directory = directory.parent


class ConfigFinder:
    """Finds the configuration that governs a file: --config if given, else the nearest .cloudbeleid.yaml above it."""

    def __init__(self, explicit: Path | None = None) -> None:
        self.explicit = load_config(explicit) if explicit else None
        self._by_dir: dict[Path, Config | None] = {}
        self._given: dict[Path, Config | None] = {}  # by the folder as named: resolved once, not once a file in it

    def for_dir(self, directory: Path) -> Config | None:
        if self.explicit:
            return self.explicit
        if directory in self._given:
            return self._given[directory]
        given, directory = directory, directory.resolve()
        if directory not in self._by_dir:
            candidate = next((directory / n for n in CONFIG_NAMES if (directory / n).is_file()), None)
            if candidate is not None:
                self._by_dir[directory] = load_config(candidate)
            elif directory.parent != directory:
                self._by_dir[directory] = self.for_dir(directory.parent)
            else:
                self._by_dir[directory] = None
        self._given[given] = self._by_dir[directory]
        return self._given[given]

    def for_file(self, path: Path) -> Config:
        """The configuration of a descriptor (its limits are the loader's for that file)."""
        return self.for_dir(path.parent) or Config(path=None, root=path.parent)


@dataclass
class Discovery:
    files: list[Path]  # each file once, by its real path, under the name it was first given
    skipped: list[dict[str, str]]  # files in the searched folders that look like descriptors but are not checked


# What a descriptor's name looks like, whatever a configuration includes: a file so named that is not checked
# is reported as skipped, so that nothing drops out of a run without a word.
_LOOKS_LIKE = re.compile(r"\.cloud\.(ya?ml|json)\Z", re.IGNORECASE)


def discover(paths: list[Path], finder: ConfigFinder) -> Discovery:
    """The descriptor files named by paths: files as given, folders searched with their configuration's globs.

    A file is identified by its real path: the same file named twice (`a.cloud.yaml sub/../a.cloud.yaml`, absolute
    and relative, a link beside it) is checked once. A symbolic link found in a folder must stay inside that
    folder: a link to a file elsewhere (a key, another repository's secrets) is not followed but refused, and a
    link loop is refused before anything tries to resolve it.
    """
    found: dict[str, Path] = {}
    skipped: dict[str, dict[str, str]] = {}
    for path in paths:
        if path.is_symlink():
            _resolvable(path)
        if path.is_dir():
            default = finder.for_dir(path) or Config(path=None, root=path)
            inside = os.path.realpath(path)
            for candidate, left_out in _walk(path):
                if left_out:  # a hidden folder is not searched, but a descriptor there is not dropped without a word
                    if _LOOKS_LIKE.search(candidate.name):
                        skipped.setdefault(os.path.realpath(candidate), {"file": str(candidate), "reason": "hidden"})
                    continue
                config = finder.for_dir(candidate.parent) or default
                if config.is_descriptor(candidate):
                    if candidate.is_symlink():
                        _inside(candidate, inside, path)
                    found.setdefault(real_path(candidate), candidate)
                elif (why := config.why_not(candidate)) is not None:
                    skipped.setdefault(real_path(candidate), {"file": str(candidate), "reason": why})
        elif path.exists() or path.is_symlink():
            found.setdefault(os.path.realpath(path), path)
        else:
            raise InputError(message("discover.missing"), location=str(path))
    return Discovery(list(found.values()), [s for real, s in skipped.items() if real not in found])


def _resolvable(path: Path) -> None:
    try:
        path.resolve()
    except (RuntimeError, OSError):  # Python < 3.13 raises RuntimeError on a loop
        raise InputError(message("discover.link_loop"), location=str(path)) from None


def _inside(link: Path, inside: str, folder: Path) -> None:
    _resolvable(link)
    target = os.path.realpath(link)
    if os.path.commonpath([target, inside]) != inside:
        raise InputError(message("discover.link_outside", folder=folder), location=str(link))


_SKIPPED_FOLDERS = ("node_modules", "__pycache__")


def _walk(folder: Path) -> list[tuple[Path, bool]]:
    """The files below folder, each with whether it lies in a folder the search leaves out (hidden ones, and
    node_modules and __pycache__ outside git): in a git work tree without what git ignores, elsewhere all."""
    from checker import vcs

    listed = vcs.files(folder)
    if listed is not None:
        return [(p, any(part.startswith(".") for part in p.relative_to(folder).parts[:-1])) for p in listed]
    files: list[tuple[Path, bool]] = []
    # followlinks=False: a symlink loop cannot make the walk endless
    for directory, subdirs, names in os.walk(folder, followlinks=False):
        subdirs.sort()
        left_out = any(part.startswith(".") or part in _SKIPPED_FOLDERS for part in Path(directory).relative_to(folder).parts)
        files.extend((Path(directory) / n, left_out) for n in sorted(names))
    return files


@cache
def _glob(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    """A glob with '**' as in .gitignore: '**/' matches any number of folders, '*' stays inside one."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE if ignore_case else 0)
