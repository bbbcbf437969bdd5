"""The embedded engine: regorus (Rust) in-process, used only through its JSON calls.

shared/research/engine.md §3 and §7: the native conversions are lossy, an engine
object may not cross threads, and a Rust panic arrives as a BaseException.
"""

from __future__ import annotations

import json
import os
import re
import threading
from typing import Any

from checker.engine import ENTRYPOINT, RawReport, parse_report, serialise_input
from checker.errors import EngineError, PolicyError
from checker.i18n import message
from checker.policies import PolicyBundle


class EmbeddedEngine:
    name = "embedded"

    def __init__(self) -> None:
        self._local = threading.local()
        self.revision: str | None = None

    @property
    def version(self) -> str:
        return f"regorus {regorus_version()}"

    def compile(self, bundle: PolicyBundle, packs: frozenset[str] | None = None) -> Any:
        """The regorus engine holding the bundle (one per thread): a policy that does not compile, or an
        organisation's policy that recurses, is a PolicyError here, before anything is evaluated. With packs (the
        shipped policies only), it holds what the rules of those packs need: every module that is no rule's, and
        the rules of those packs and of any pack they name; a later evaluation that needs more adds them."""
        cached = getattr(self._local, "engine", None)
        if cached is not None and cached[0] is bundle:
            engine = cached[1]
            self._add(bundle, engine, _needed(bundle, packs, self._local.added))
            return engine
        os.environ.setdefault("RUST_BACKTRACE", "0")  # else every error string carries a Rust backtrace
        # an error regorus builds (also for an indexed call it then evaluates) captures a backtrace whenever
        # RUST_BACKTRACE is set, as on many developer machines; RUST_LIB_BACKTRACE=0 stops that for errors while a
        # panic's backtrace still follows RUST_BACKTRACE
        os.environ.setdefault("RUST_LIB_BACKTRACE", "0")
        import regorus

        engine = regorus.Engine()
        self._local.added = set()
        self._add(bundle, engine, _needed(bundle, packs, self._local.added))
        if bundle.custom:
            # the shipped policies pass `opa check --strict` in the test suite; other policies are checked here
            _refuse_recursion(bundle, engine)
        engine.add_data_json(bundle.data_json)
        self._local.engine = (bundle, engine)
        self._local.generated = {}  # entrypoints generated in this regorus engine
        return engine

    def _add(self, bundle: PolicyBundle, engine: Any, modules: list[tuple[str, str]]) -> None:
        for name, source in modules:
            try:
                engine.add_policy(name, source)
            except RuntimeError as exc:
                shown = _first_lines(exc).replace(f"--> {name}:", f"--> {bundle.file_of(name)}:")
                raise PolicyError(message("engine.compile", error=shown), location=_where(bundle, name, exc)) from None
            self._local.added.add(name)

    def evaluate(self, bundle: PolicyBundle, input_document: dict[str, Any], payload: str | None = None) -> RawReport:
        """The engine's answer for the input; payload: the input already serialised (serialise_input of the whole
        document), input_document then only its settings."""
        rules = tuple(input_document.get("settings", {}).get("rules", ()))
        ready = getattr(self._local, "ready", None)
        if ready is not None and ready[0] is bundle and ready[1] == rules and self._local.engine[1] is ready[2]:
            # the same policies and rules as the evaluation before, in the same regorus engine: nothing to add (asking
            # compile() what is needed searches every module's source, 7 ms a chunk)
            engine, query = ready[2], ready[3]
        else:
            # the generated entrypoint names each rule statically: only their packs' modules need compiling (regorus
            # parses and checks every module it holds, about a third of a cold run's compile for packs not enabled)
            static = bool(rules) and all(_RULE_KEY.fullmatch(key) for key in rules) and not bundle.custom
            engine = self.compile(bundle, frozenset(key.split(".")[0] for key in rules) if static else None)
            query = self._entrypoint(engine, rules)
            self._local.ready = (bundle, rules, engine, query)
        self.revision = bundle.revision
        if payload is None:
            payload = serialise_input(input_document)
        try:
            engine.set_input_json(payload)
            answer = engine.eval_query_as_json(query)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # regorus panics arrive as pyo3 PanicException, a BaseException
            # an organisation's own module by its file, as a compile error names it, not by its name in the bundle
            shown = re.sub(r"--> (custom[0-9]+/[^:\s]+):", lambda m: f"--> {bundle.file_of(m[1])}:", _first_lines(exc))
            raise EngineError(message("engine.failed", entrypoint=ENTRYPOINT, error=shown)) from None
        results = json.loads(answer).get("result")
        if not results:
            raise EngineError(message("engine.undefined", entrypoint=ENTRYPOINT))
        value = results[0]["expressions"][0]["value"]
        if query != ENTRYPOINT:
            value = _as_report(value)
        return parse_report(value, self.name)

    def _entrypoint(self, engine: Any, rules: tuple[str, ...]) -> str:
        """A module that names each rule by a static reference; regorus then evaluates only those rules, where
        main.report's dynamic references (data.cloudbeleid.rules[pack][name]) make it evaluate every rule
        (measured: 2.2 against 3.6 ms a service for the whole catalogue). Parity tests hold it to main.report."""
        if not rules or not all(_RULE_KEY.fullmatch(key) for key in rules):
            return ENTRYPOINT
        generated = self._local.generated
        if rules not in generated:
            package = f"cloudbeleid.generated.run{len(generated)}"
            entries = ",\n".join(
                f'\t"{key}": {{\n\t\t"deny": data.cloudbeleid.rules.{key}.deny,\n\t\t"subject": data.cloudbeleid.rules.{key}.subject,\n\t}}'
                for key in rules
            )
            engine.add_policy(f"{package}.rego", f"package {package}\n\nreport := {{\n{entries}\n}}\n")
            generated[rules] = f"data.{package}.report"
        return generated[rules]

    def close(self) -> None:
        self._local = threading.local()


_RULES_OF = re.compile(r"\bdata\.cloudbeleid\.rules\.([a-z][a-z0-9_]*)")
# a reference to the rules that names no pack statically (an import alias, data.cloudbeleid or its rules whole, an
# index) outside main (which the generated entrypoint does not query): the packs it reaches cannot be read off the
# source, so every module is compiled
_UNNAMED = re.compile(r"\bdata\.cloudbeleid(\.rules)?\b(?!\.rules\.[a-z])(?!\.(?!rules\b))|\bimport\s+data\.cloudbeleid(\.rules)?\s+as\b")


def _unnamed(source: str) -> bool:
    """Whether _UNNAMED matches anywhere in the source: tried only where a match can begin (each of its two
    alternatives begins with a literal word), which is _UNNAMED.search's answer at a fraction of its cost (the
    pattern searched over every module cost about 8 ms of a cold start)."""
    for word in ("data.cloudbeleid", "import"):
        start = source.find(word)
        while start != -1:
            if _UNNAMED.match(source, start):
                return True
            start = source.find(word, start + 1)
    return False


def _needed(bundle: PolicyBundle, packs: frozenset[str] | None, added: set[str]) -> list[tuple[str, str]]:
    """The modules not added yet that the rules of packs need (None: every module): each module that belongs to no
    shipped rule (libraries, main), and the rules of those packs and of every pack a needed module names by a
    static reference (data.cloudbeleid.rules.<pack>); the shipped policies hold no other reference to a rule's
    package outside main (tests/engine/test_embedded.py checks it, and that each pack alone gives every verdict the
    whole bundle gives)."""
    if packs is None:
        return [(name, source) for name, source in bundle.modules if name not in added]

    def pack_of(name: str) -> str | None:
        parts = name.split("/")
        return parts[1] if parts[0] == "rules" and len(parts) > 2 else None

    wanted = set(packs)
    while True:
        chosen = [(name, source) for name, source in bundle.modules if pack_of(name) is None or pack_of(name) in wanted]
        # the substring first: a plain search, where the pattern over every module's source costs milliseconds
        if any(not name.startswith("main/") and "data.cloudbeleid" in source and _unnamed(source) for name, source in chosen):
            return [(name, source) for name, source in bundle.modules if name not in added]
        named = {pack for _, source in chosen if "data.cloudbeleid.rules." in source for pack in _RULES_OF.findall(source)}
        if named <= wanted:
            return [(name, source) for name, source in chosen if name not in added]
        wanted |= named


def _refuse_recursion(bundle: PolicyBundle, engine: Any) -> None:
    """Refuse recursive functions before evaluating: regorus would overflow its stack on them (SIGSEGV)."""
    from checker.engine.recursion import find_recursion

    found = find_recursion(engine.get_ast_as_json())
    if found:
        cycle, defined = found
        module, line, column = defined[cycle[0]]
        chain = " -> ".join(name.removeprefix("data.") for name in cycle)
        raise PolicyError(
            message("engine.recursion", chain=chain),
            location=f"{bundle.file_of(module)}:{line}:{column}",
        )


def _where(bundle: PolicyBundle, module: str, exc: BaseException) -> str:
    """The file, line and column of a compile error: regorus names them as '--> module:line:col'."""
    import re

    found = re.search(r"--> " + re.escape(module) + r":(\d+):(\d+)", str(exc))
    return f"{bundle.file_of(module)}:{found[1]}:{found[2]}" if found else bundle.file_of(module)


def regorus_version() -> str:
    """The installed regorus distribution's version (gordon-to-regorus), from its dist-info folder's name, without
    importing regorus (a run whose every answer the cache holds never loads it)."""
    from checker.cache import library_versions

    return library_versions()["gordon-to-regorus"] or "unknown"


_RULE_KEY = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")


def _as_report(per_rule: Any) -> dict[str, Any]:
    """The generated entrypoint's answer in main.report's shape; its violations (the answer's own, parsed for this
    call) are given their rule in place, as main.report's {**v, "rule": key} gives it, without a copy of each."""
    if not isinstance(per_rule, dict):
        return per_rule
    violations = []
    for key, entry in per_rule.items():
        for v in entry.get("deny") or []:
            if isinstance(v, dict):
                v["rule"] = key
                violations.append(v)
    subjects = {key: entry["subject"] for key, entry in per_rule.items() if isinstance(entry, dict) and "subject" in entry}
    return {"violations": violations, "subjects": subjects}


def _first_lines(exc: BaseException, count: int = 6) -> str:
    return "\n".join(str(exc).strip().splitlines()[:count])
