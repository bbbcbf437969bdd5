"""Rego engines behind one small protocol, chosen by name (design.md, Engines)."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable, Protocol

from checker.errors import EngineError, PolicyError, UsageError
from checker.resources import policies_dir

ENTRYPOINT = "data.cloudbeleid.main.report"


@dataclass(frozen=True)
class PolicyBundle:
    """The policies as the engines see them: modules without tests, and data files mounted at their folder's path."""

    roots: tuple[Path, ...]
    modules: tuple[tuple[str, str], ...]
    data: dict[str, Any]

    @property
    def data_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=True, allow_nan=False)

    @property
    def revision(self) -> str:
        """The checker's version plus a digest of every module and the data: what an OPA bundle's manifest carries."""
        from checker import __version__

        digest = hashlib.sha256()
        for name, source in self.modules:
            digest.update(name.encode() + b"\0" + source.encode() + b"\0")
        digest.update(json.dumps(self.data, sort_keys=True).encode())
        return f"{__version__}+{digest.hexdigest()[:16]}"

    @property
    def custom(self) -> bool:
        """Whether the policies are other than the shipped ones (own rules, or CLOUDBELEID_POLICIES)."""
        from checker.resources import bundle_root

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
    from checker.catalog import check_roots

    roots = roots or policy_roots()
    check_roots(roots)
    modules: list[tuple[str, str]] = []
    data: dict[str, Any] = {}
    shipped: set[tuple[str, ...]] = set()  # every object path of the shipped data: an organisation's data adds, never amends
    for index, root in enumerate(roots):
        prefix = "" if index == 0 else f"custom{index}/"
        for path in sorted(root.rglob("*.rego")):
            if path.name.endswith("_test.rego"):
                continue
            source = path.read_text(encoding="utf-8")
            if index:
                _check_custom_module(source, path, root)
            modules.append((prefix + path.relative_to(root).as_posix(), source))
        for path in sorted(root.rglob("*.json")):
            # as OPA's loader does: a data file's content lands at its folder's path
            try:
                content = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as exc:
                where = f"{path}:{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(path)
                raise PolicyError(f"data file is not JSON: {exc.args[0] if exc.args else exc}", location=where) from None
            _merge(data, path.parent.relative_to(root).parts, content, path, shipped if index else None)
        if index == 0:
            shipped = set(_object_paths(data))
    return PolicyBundle(tuple(roots), tuple(modules), data)


# An organisation's own policy folder adds rules of its own packs. It may not define or amend a shipped package
# (one more body of a shipped helper function such as countries.eer_or_adequate would lift a protection for every
# rule), nor call builtins that reach out of the evaluation or make it unrepeatable.
_PACKAGE_LINE = re.compile(r"^package\s+([A-Za-z0-9_.\[\]\"]+)", re.MULTILINE)
_FORBIDDEN_CALLS = re.compile(r"\b(http\.send|opa\.runtime|net\.lookup_ip_addr|time\.now_ns|rand\.intn|uuid\.rfc4122|print|trace)\s*\(")


def _check_custom_module(source: str, path: Path, root: Path) -> None:
    code = "\n".join(line.split("#", 1)[0] for line in source.splitlines())  # comments may name anything
    package = _PACKAGE_LINE.search(code)
    name = package.group(1) if package else ""
    own = _custom_packs(root)
    parts = name.split(".")
    if name == "cloudbeleid" or name.startswith("cloudbeleid.") and not (
            len(parts) >= 3 and parts[1] == "rules" and parts[2] in own):
        raise PolicyError(f"package {name}: an organisation's own policies may define only packages of their own packs "
                          f"(cloudbeleid.rules.<{'|'.join(sorted(own)) or 'pack'}>.*) or outside cloudbeleid.*, "
                          "never amend the shipped ones", location=str(path))
    call = _FORBIDDEN_CALLS.search(code)
    if call:
        line = code[:call.start()].count("\n") + 1
        raise PolicyError(f"{call.group(1)}() is not allowed in an organisation's own policies: a rule may read only its "
                          "input and data, and give the same verdict every time", location=f"{path}:{line}")


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
        raise PolicyError("a data file must hold a JSON object", location=str(path))
    for key, value in content.items():
        here = parts + (key,)
        if key in node and isinstance(node[key], dict) and isinstance(value, dict):
            if shipped is not None and here in shipped and here != ("data", "packs"):
                raise PolicyError(f"data key {'.'.join(here)} belongs to the shipped reference data: an organisation's "
                                  "policies add data of their own, and change reference data only through "
                                  "reference_data in .cloudbeleid.yaml (shown in every report)", location=str(path))
            _merge(node, (key,), value, path, shipped)
        elif key in node:
            raise PolicyError(f"data key {'.'.join(here)} is defined twice", location=str(path))
        else:
            node[key] = value


@dataclass(frozen=True)
class RawReport:
    """What data.cloudbeleid.main.report returned, checked for shape."""

    violations: list[dict[str, Any]]
    subjects: dict[str, list[int]]


class Engine(Protocol):
    name: str
    version: str  # of the engine itself, known after the first evaluation
    revision: str | None  # of the policies the engine evaluated, known after the first evaluation

    def evaluate(self, bundle: PolicyBundle, input_document: dict[str, Any]) -> RawReport: ...

    def close(self) -> None: ...


def _embedded(**options: Any) -> Engine:
    from checker.engine.embedded import EmbeddedEngine

    if options:
        raise UsageError(f"the embedded engine takes no OPA options ({', '.join('--' + k.replace('_', '-') for k in options)})")
    return EmbeddedEngine()


def _opa(**options: Any) -> Engine:
    from checker.engine.opa import OpaEngine

    return OpaEngine(**options)


REGISTRY: dict[str, Callable[..., Engine]] = {"embedded": _embedded, "opa": _opa}


def create_engine(name: str, **options: Any) -> Engine:
    if name not in REGISTRY:
        raise UsageError(f"unknown engine {name!r}; choose one of: {', '.join(REGISTRY)}")
    return REGISTRY[name](**options)


def name_key(name: str) -> str:
    """The form in which two names count as the same: compatibility-normalised (full-width letters, ligatures),
    case-folded (ß as ss, every sigma as σ), normalised again (folding can decompose, as İ does) and with its
    whitespace collapsed. Computed here, not in Rego: regorus and OPA lower-case non-ASCII text differently."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def normalised(services: Any) -> dict[str, Any]:
    """input.normalised: per service (by index) the keys the rules compare, e.g. provider names across a portfolio."""
    names = []
    for service in services if isinstance(services, list) else []:
        provider = service.get("provider") if isinstance(service, dict) else None
        name = provider.get("name") if isinstance(provider, dict) else None
        names.append(name_key(name) if isinstance(name, str) else None)
    return {"provider_names": names}


def prepared(input_document: dict[str, Any]) -> dict[str, Any]:
    """The input as every engine evaluates it: the checker's document with input.normalised added."""
    return {**input_document, "normalised": normalised(input_document.get("services"))}


def serialise_input(input_document: dict[str, Any]) -> str:
    """Input JSON for the embedded engine: prepared, ASCII-escaped (no lone surrogate can reach the engine), no NaN
    or infinity."""
    try:
        return json.dumps(prepared(input_document), ensure_ascii=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise EngineError(f"input cannot be sent to the engine: {exc}") from None


def parse_report(value: Any, engine: str) -> RawReport:
    """Check the report's shape: anything else is an engine or policy fault, never a pass."""

    def bad(why: str) -> EngineError:
        return EngineError(f"{engine} engine returned a malformed report: {why}")

    if not isinstance(value, dict) or not isinstance(value.get("violations"), list):
        raise bad("no list of violations")
    subjects = value.get("subjects", {})
    if not isinstance(subjects, dict) or not all(isinstance(v, list) for v in subjects.values()):
        raise bad("subjects is not an object of lists")
    for violation in value["violations"]:
        if not (
            isinstance(violation, dict)
            and isinstance(violation.get("rule"), str)
            and isinstance(violation.get("service"), int)
            and isinstance(violation.get("path"), list)
            and isinstance(violation.get("kind"), str)
            and isinstance(violation.get("params"), dict)
        ):
            raise bad(f"violation {json.dumps(violation)[:200]} lacks rule, service, path, kind or params")
    return RawReport(value["violations"], subjects)
