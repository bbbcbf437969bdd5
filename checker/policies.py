"""The policies' one home: where they are (the shipped folder, the organisation's own folders), their rule files,
and the bundle the engines evaluate (modules without tests, data files mounted at their folder's path). Used by the
catalogue, both engines and `cloudbeleid bundle build`."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from checker import __version__
from checker.errors import PolicyError, UsageError
from checker.i18n import message
from checker.model import Text
from checker.resources import bundle_root, policies_dir


@dataclass(frozen=True)
class PolicyBundle:
    """The policies as the engines see them: modules without tests, and data files mounted at their folder's path."""

    roots: tuple[Path, ...]
    modules: tuple[tuple[str, str], ...]
    data: dict[str, Any]

    @property
    def data_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=True, allow_nan=False)

    @cached_property
    def revision(self) -> str:
        """The checker's version plus a digest of every module and the data: what an OPA bundle's manifest carries
        (once per bundle: every chunk's cache keys name it)."""
        digest = hashlib.sha256()
        for name, source in self.modules:
            digest.update(name.encode() + b"\0" + source.encode() + b"\0")
        digest.update(json.dumps(self.data, sort_keys=True).encode())
        return f"{__version__}+{digest.hexdigest()[:16]}"

    @property
    def custom(self) -> bool:
        """Whether the policies are other than the shipped ones (own rules, or CLOUDBELEID_POLICIES)."""
        return len(self.roots) > 1 or self.roots[0].resolve() != (bundle_root() / "policies").resolve()

    def file_of(self, module: str) -> str:
        """The file a module came from (custom folders' modules are named custom<n>/... in the bundle)."""
        head, _, rest = module.partition("/")
        if head.startswith("custom") and head[6:].isdigit() and int(head[6:]) < len(self.roots):
            return str(self.roots[int(head[6:])] / rest)
        return str(self.roots[0] / module)


def policy_roots(extra: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The shipped policies first, then the organisation's own policy folders."""
    return (policies_dir(), *extra)


@cache
def load_bundle(roots: tuple[Path, ...] | None = None) -> PolicyBundle:
    roots = roots or policy_roots()
    check_roots(roots)
    modules: list[tuple[str, str]] = []
    data: dict[str, Any] = {}
    shipped: set[tuple[str, ...]] = set()  # every object path of the shipped data: an organisation's data adds, never amends
    for index, root in enumerate(roots):
        prefix = "" if index == 0 else f"custom{index}/"
        inside = _Inside(root)
        found = list(root.rglob("*"))  # one walk for the modules and the data files (as rglob("*.rego") and ("*.json"))
        for path in sorted(p for p in found if p.name.endswith(".rego")):
            if path.name.endswith("_test.rego"):
                continue
            inside.check(path)
            source = path.read_text(encoding="utf-8")
            if index:
                _check_custom_module(source, path, root)
            modules.append((prefix + path.relative_to(root).as_posix(), source))
        for path in sorted(p for p in found if p.name.endswith(".json")):
            inside.check(path)
            # as OPA's loader does: a data file's content lands at its folder's path
            try:
                content = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as exc:
                where = f"{path}:{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(path)
                raise PolicyError(message("policies.data_not_json", error=exc.args[0] if exc.args else exc), location=where) from None
            _merge(data, path.parent.relative_to(root).parts, content, path, shipped if index else None)
        if index == 0:
            shipped = set(_object_paths(data))
    return PolicyBundle(tuple(roots), tuple(modules), data)


def sources_digest(roots: tuple[Path, ...], reading: Callable[[Path], None] = lambda path: None,
                   first: Callable[[Path], str | None] | None = None) -> str | None:
    """A digest of everything the bundle (load_bundle) and the catalogue (catalog.load_catalog) of these policy
    folders are made of, from the files alone, without reading them as policies (root_digest of each). Equal digests:
    the same bundle, catalogue and policy errors (with the same code, which the run's cache keys as well). None when
    a file cannot be read: the run then loads the policies and says why. reading: told of each file before its bytes
    are read (the run's cache notes its state); first: the first folder's digest where the caller knows it some
    other way (the run's cache: by its files' states, checker/runcache.py)."""
    parts = []
    for index, root in enumerate(roots):
        part = first(root) if index == 0 and first is not None else root_digest(root, reading)
        if part is None:
            return None
        parts.append(part)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def root_digest(root: Path, reading: Callable[[Path], None] = lambda path: None) -> str | None:
    """One policy folder's part of sources_digest: the folder as named and its real path, what check_roots looks at,
    every file load_bundle walks (its name, and for a module or data file its real path, which _Inside checks, and
    its bytes), the packs and retired-id files and every rule file as the catalogue reads them."""
    digest = hashlib.sha256()

    def part(data: str | bytes) -> None:
        raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
        digest.update(len(raw).to_bytes(8, "big") + raw)

    def raw(path: Path) -> bytes:
        reading(path)
        return path.read_bytes()

    try:
        inside = _Inside(root)
        part(str(root))
        part(inside.inside)
        part(repr([root.exists(), root.is_dir(), (root / "rules").is_dir(), (root / "data" / "packs.json").is_file()]))
        for name in ("packs.json", "retired.json"):
            path = root / "data" / name
            part(raw(path) if path.is_file() else b"\0absent")
        rules = rule_files(root) if (root / "rules").is_dir() else []
        part(str(len(rules)))
        for path in rules:
            part(str(path))
            part(raw(path))
        found = sorted(root.rglob("*")) if root.is_dir() else []
        part(str(len(found)))
        for path in found:
            part(path.relative_to(root).as_posix())
            if path.name.endswith((".rego", ".json")) and not path.name.endswith("_test.rego"):
                part(inside.real(path))
                part(raw(path))
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


# An organisation's own policy folder adds rules of its own packs. It may not define or amend a shipped package
# (one more body of a shipped helper function such as countries.eer_or_adequate would lift a protection for every
# rule), nor call builtins that reach out of the evaluation or make it unrepeatable.
_PACKAGE_LINE = re.compile(r"^\s*package\b(.*)$", re.MULTILINE)
_PACKAGE_PART = re.compile(r'\.?(?:([A-Za-z_][A-Za-z0-9_]*)|\["([^"\\]*)"\]|\[`([^`]*)`\])')
_FORBIDDEN_CALLS = re.compile(r"\b(http\.send|opa\.runtime|net\.lookup_ip_addr|time\.now_ns|rand\.intn|uuid\.rfc4122|print|trace)\s*\(")
_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`|#[^\n]*', re.DOTALL)


def _code_only(source: str) -> str:
    """The module with every comment and every string's content blanked (line breaks kept): what is left is code,
    so a '#' inside a string cannot hide a call and a comment or a string cannot fake one."""
    def blank(match: re.Match[str]) -> str:
        token = match.group()
        kept = re.sub(r"[^\n]", " ", token)
        return kept if token.startswith("#") else token[0] + kept[1:-1] + token[-1]
    return _TOKENS.sub(blank, source)


def package_path(source: str) -> tuple[str, ...] | None:
    """The package a module declares, as the parser reads it (`cloudbeleid["lib"].countries` is
    cloudbeleid.lib.countries), or None when it cannot be read that simply."""
    match = _PACKAGE_LINE.search(_code_only(source))
    if not match:
        return None
    # the same line with only its comment blanked: the strings of ["lib"] are part of the path
    uncommented = _TOKENS.sub(lambda m: " " * len(m.group()) if m.group().startswith("#") else m.group(), source)
    ref = re.sub(r"\s+", "", uncommented[match.start(1):match.end(1)])
    parts: list[str] = []
    position = 0
    while position < len(ref):
        part = _PACKAGE_PART.match(ref, position)
        if not part or part.end() == position:
            return None
        parts.append(next(g for g in part.groups() if g is not None))
        position = part.end()
    return tuple(parts) or None


def _check_custom_module(source: str, path: Path, root: Path) -> None:
    code = _code_only(source)
    own = _custom_packs(root)
    parts = package_path(source)
    name = ".".join(parts) if parts else "(unreadable)"
    if parts and parts[0] == "data":
        parts = parts[1:]
    allowed = parts is not None and (parts[0] != "cloudbeleid" or (len(parts) >= 3 and parts[1] == "rules" and parts[2] in own))
    if not allowed:
        raise PolicyError(message("policies.package", name=name, packs="|".join(sorted(own)) or "pack"), location=str(path))
    call = _FORBIDDEN_CALLS.search(code)
    if call:
        line = code[:call.start()].count("\n") + 1
        raise PolicyError(message("policies.call", call=call.group(1)), location=f"{path}:{line}")


class _Inside:
    """A file of a policy folder must be in it: a link to a file elsewhere (a registry credential, a key) would be
    loaded as data and could be shown by any rule. The folder's real path found once, and a file's as
    its folder's real path (found once per folder) and its own name, resolved only when that name is a link; the
    same path os.path.realpath gives, which resolves a path's parts from the left in just this way."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inside = os.path.realpath(root)
        self.folders: dict[Path, str] = {}

    def real(self, path: Path) -> str:
        joined = os.path.join(self._folder(path.parent), path.name)
        return os.path.realpath(joined) if os.path.islink(joined) else joined

    def _folder(self, folder: Path) -> str:
        """A folder's real path as its parent's real path and its own name (resolved only when that is a link): one
        lstat a folder, where os.path.realpath looks at every part of the path again."""
        real = self.folders.get(folder)
        if real is None:
            if folder == self.root:
                real = self.inside
            elif folder.parent == folder:
                real = os.path.realpath(folder)
            else:
                joined = os.path.join(self._folder(folder.parent), folder.name)
                real = os.path.realpath(joined) if os.path.islink(joined) else joined
            self.folders[folder] = real
        return real

    def check(self, path: Path) -> None:
        if os.path.commonpath([self.real(path), self.inside]) != self.inside:
            raise PolicyError(message("policies.link_outside", root=self.root), location=str(path))


def _custom_packs(root: Path) -> set[str]:
    try:
        return set(json.loads((root / "data" / "packs.json").read_text(encoding="utf-8")).get("packs", {}))
    except (OSError, ValueError, AttributeError):
        return set()


def _object_paths(tree: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for key, value in tree.items():
        if isinstance(value, dict):
            paths += _object_paths(value, prefix + (key,))
    return paths


def _merge(tree: dict[str, Any], parts: tuple[str, ...], content: Any, path: Path,
           shipped: set[tuple[str, ...]] | None = None) -> None:
    node = tree
    for part in parts:
        node = node.setdefault(part, {})
    if not isinstance(content, dict):
        raise PolicyError(message("policies.data_not_object"), location=str(path))
    for key, value in content.items():
        here = parts + (key,)
        if shipped is not None and here[0] == "cloudbeleid":
            raise PolicyError(message("policies.data_in_cloudbeleid"), location=str(path))
        if key in node and isinstance(node[key], dict) and isinstance(value, dict):
            if shipped is not None and here in shipped and here != ("data", "packs"):
                raise PolicyError(message("policies.data_shipped", key=".".join(here)), location=str(path))
            _merge(node, (key,), value, path, shipped)
        elif key in node:
            raise PolicyError(message("policies.data_twice", key=".".join(here)), location=str(path))
        else:
            node[key] = value


def rule_files(root: Path) -> list[Path]:
    """Every rule module: <pack>/<name>/<name>.rego (a <name>_test.rego beside it is its tests)."""
    return sorted(p for p in (root / "rules").glob("*/*/*.rego") if p.stem == p.parent.name)


def check_roots(roots: tuple[Path, ...]) -> None:
    """Every policy folder must be one: a missing path or a file is a clear error, never silently no rules."""
    if not roots[0].is_dir():
        raise UsageError(message("policies.folder", folder=roots[0], problem=message("policies.missing")))
    for root in roots[1:]:
        problem = policy_folder_problem(root)
        if problem:
            raise UsageError(message("policies.folder", folder=root, problem=problem))


def policy_folder_problem(folder: Path) -> Text | None:
    """Why a folder of the organisation's own rules cannot be one, or None."""
    if not folder.exists():
        return message("policies.missing")
    if not folder.is_dir():
        return message("policies.not_a_folder")
    if not (folder / "rules").is_dir() and not (folder / "data" / "packs.json").is_file():
        return message("policies.not_a_policy_folder")
    return None
