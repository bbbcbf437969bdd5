"""Rego engines behind one small protocol, chosen by name (design.md, Engines).

The registry imports an engine's module only when that engine is made: the OPA client and the native regorus
extension stay out of the start-up of runs that do not use them, and no engine module's import reaches back here
through the registry."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from checker.errors import EngineError, UsageError
from checker.i18n import message
from checker.model import Text
from checker.policies import PolicyBundle

ENTRYPOINT = "data.cloudbeleid.main.report"
# the environment variable naming a central OPA's address (checker/engine/opa.py ENV_URL, which a test keeps equal):
# known here so that choosing the engine does not import the OPA client
OPA_URL_VARIABLE = "CLOUDBELEID_OPA_URL"


@dataclass(frozen=True)
class RawReport:
    """What data.cloudbeleid.main.report returned, checked for shape."""

    violations: list[dict[str, Any]]
    subjects: dict[str, list[int]]


class Engine(Protocol):
    name: str
    revision: str | None  # of the policies the engine evaluated, known after the first evaluation

    @property
    def version(self) -> str: ...  # of the engine itself, known after the first evaluation

    def evaluate(self, bundle: PolicyBundle, input_document: dict[str, Any]) -> RawReport: ...

    def close(self) -> None: ...


def _embedded(**options: Any) -> Engine:
    from checker.engine.embedded import EmbeddedEngine

    if options:
        raise UsageError(message("engine.no_options", options=", ".join("--" + k.replace("_", "-") for k in options)))
    return EmbeddedEngine()


def _opa(**options: Any) -> Engine:
    from checker.engine.opa import OpaEngine

    return OpaEngine(**options)


REGISTRY: dict[str, Callable[..., Engine]] = {"embedded": _embedded, "opa": _opa}


def create_engine(name: str, **options: Any) -> Engine:
    if name not in REGISTRY:
        raise UsageError(message("engine.unknown", name=repr(name), engines=", ".join(REGISTRY)))
    return REGISTRY[name](**options)


def name_key(name: str) -> str:
    """The form in which two names count as the same: compatibility-normalised (full-width letters, ligatures),
    case-folded (ß as ss, every sigma as σ), normalised again (folding can decompose, as İ does), without invisible
    format characters and with its whitespace collapsed. Computed here, not in Rego: regorus and OPA lower-case non-ASCII text differently."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    # invisible format characters (soft hyphen, zero-width space, BOM, tag characters) do not make another name
    folded = "".join(c for c in folded if unicodedata.category(c) != "Cf" and c not in "\u115f\u1160\u3164\uffa0")
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
    or infinity, without the spaces after separators (a tenth less to write and for the engine to read)."""
    try:
        return json.dumps(prepared(input_document), ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise EngineError(message("engine.input", error=str(exc))) from None


def parse_report(value: Any, engine: str) -> RawReport:
    """Check the report's shape: anything else is an engine or policy fault, never a pass."""

    def bad(why: Text) -> EngineError:
        return EngineError(message("engine.malformed", engine=engine, why=why))

    if not isinstance(value, dict) or not isinstance(value.get("violations"), list):
        raise bad(message("engine.no_violations"))
    subjects = value.get("subjects", {})
    if not isinstance(subjects, dict) or not all(isinstance(v, list) for v in subjects.values()):
        raise bad(message("engine.subjects"))
    for violation in value["violations"]:
        if not (
            isinstance(violation, dict)
            and isinstance(violation.get("rule"), str)
            and isinstance(violation.get("service"), int)
            and isinstance(violation.get("path"), list)
            and isinstance(violation.get("kind"), str)
            and isinstance(violation.get("params"), dict)
        ):
            raise bad(message("engine.violation", violation=json.dumps(violation)[:200]))
    return RawReport(value["violations"], subjects)
