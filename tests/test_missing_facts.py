"""Unknown is not none: a fact a rule needs that a descriptor leaves out never reads as harmless.

For every rule's fixtures under tests/fixtures/rules/<pack>/<rule>/ (tests/rule_fixtures.py), every field (leaf and subtree, also inside list
items) is deleted in turn, and the fixture's own rule is evaluated again with the embedded engine in-process:

- a non-compliant fixture must not turn from fail into pass (or not applicable): after the deletion the rule
  still fails (maybe with a not-shown finding), or the descriptor is an input error (the schema refuses it);
- a compliant fixture must not keep passing a rule whose subject it is while a fact that rule needs is gone,
  unless the field is an optional claim whose absence only makes rules stricter (CLAIMS below), or a documented
  fallback states the same fact (FALLBACKS, and the configuration's profile under a descriptor's organisation).
  "Needs" is measured, not listed: a field the rule depends on is one that some other allowed value of makes the
  rule fail.

The decisions per field are documented in docs/missing-facts.md.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from checker.catalog import load_catalog
from checker.config import ConfigFinder
from checker.engine import create_engine
from checker.evaluate import Service, display_path, join, load_services
from checker.loader import Document
from checker.model import Rule, Status
from checker.policies import load_bundle
from checker.resources import schema
from checker.schema import validate
from tests.conftest import AS_OF, ROOT

RULES = load_catalog().rules


def _fixtures(rule: Rule, kind: str) -> list[Path]:
    folder = ROOT / "tests/fixtures/rules" / rule.package.replace(".", "/")
    return sorted(folder.glob(f"{kind}*.cloud.yaml"))


def _fields(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Every field (leaf or subtree), also inside list items, parents first. Deleting one item of a list is not
    leaving a fact out: it states other facts ([] states "none"); the lists that cannot be empty have minItems."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*prefix, key)
            yield from _fields(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _fields(child, (*prefix, index))


DELETE = object()


def _variant(data: Any, path: tuple, value: Any = DELETE) -> Any:
    """A copy of the descriptor with the field at path deleted, or set to value."""
    copied = copy.deepcopy(data)
    parent = copied
    for part in path[:-1]:
        parent = parent[part]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copied


@cache
def _engine() -> Any:
    return create_engine("embedded"), load_bundle()


@dataclass
class _File:
    services: list[Service]

    def statuses(self, rules: list[Rule], variants: list[tuple[int, Any]]) -> list[dict[str, set[Status]]]:
        """Per variant (document `replaced` of the file swapped for `data`) the statuses each rule gives that
        service. Every variant is evaluated in one engine call (a rule that compares services needs one call per
        variant); whether a variant is valid input is asked only of the variants that matter (_valid)."""
        if len(variants) > 1 and any(rule.portfolio for rule in rules):
            return [self.statuses(rules, [variant])[0] for variant in variants]
        batch: list[Service] = []
        slots: list[int] = []
        for replaced, data in variants:
            services = list(self.services)
            old = services[replaced]
            organisation = {**old.config.organisation, **data.get("organisation", {})}
            document = Document(old.document.file, old.document.index, {**data, "id": f"v{len(batch) + replaced}"},
                                old.document.spans, old.document.keys)
            services[replaced] = Service(old.config, document, organisation)
            slots.append(len(batch) + replaced)
            batch += [s if k == replaced else _renamed(s, len(batch) + k) for k, s in enumerate(services)]
        config = self.services[0].config
        engine, bundle = _engine()
        document = {"as_of": AS_OF, "organisation": config.organisation, "settings": config.settings(rules),
                    "services": [s.document.data for s in batch]}
        by_service: list[dict[str, set[Status]]] = [{} for _ in batch]
        for finding in join(rules, batch, engine.evaluate(bundle, document), AS_OF):
            by_service[int(finding.service[1:])].setdefault(finding.rule_id, set()).add(finding.status)
        return [by_service[slot] for slot in slots]


def _renamed(service: Service, index: int) -> Service:
    """The service under a unique id within one batch (findings name services by id)."""
    old = service.document
    return Service(service.config, Document(old.file, old.index, {**old.data, "id": f"v{index}"}, old.spans, old.keys),
                   service.organisation)


def _joinable(data: Any) -> bool:
    """The checker's join reads service.status (the stage); a variant without it is a schema error anyway."""
    return isinstance(data.get("service"), dict) and "status" in data["service"]


def _valid(service: Service, data: Any) -> bool:
    """The variant is input the checker evaluates: the schema and the organisation profile accept it."""
    organisation = {**service.config.organisation, **data.get("organisation", {})}
    return not validate(data, "descriptor") and not validate(organisation, "organisation")


@cache
def _load(path: Path) -> _File:
    config = ConfigFinder(None).for_file(path)
    services, errors = load_services(path, display_path(path), config)
    assert not errors, errors
    return _File(services)


def _successors(rule: Rule) -> list[Rule]:
    named = {successor for successor in CLAIMS.get(rule.id, {}).values() if successor}
    return [rule, *(r for r in RULES if r.id in named)]


def _silent(rule: Rule, kind: str, gaps: set[tuple] | None = None) -> list[str]:
    """The deletions that turn a failing (non-compliant) rule into a pass or not applicable, or that leave a
    compliant fixture's rule passing without a fact whose value it depends on; those in KNOWN_GAPS go to gaps."""
    problems: list[str] = []
    rules = _successors(rule)
    for path in _fixtures(rule, kind):
        loaded = _load(path)
        for i, service in enumerate(loaded.services):
            data = service.document.data
            before = loaded.statuses(rules, [(i, data)])[0][rule.id]
            if kind == "noncompliant" and Status.FAIL not in before or kind == "compliant" and before != {Status.PASS}:
                continue
            fields = list(_fields(data)) if kind == "noncompliant" else sorted(_sensitive(loaded, rules, rule, i, data), key=len)
            kept = [(f, _variant(data, f)) for f in fields]
            fields, variants = [f for f, v in kept if _joinable(v)], [v for _, v in kept if _joinable(v)]
            for field, variant, after in zip(fields, variants, loaded.statuses(rules, [(i, v) for v in variants])):
                if Status.FAIL in after[rule.id] or not _valid(service, variant):
                    continue
                claim, successor = _claim(rule, field)
                if claim and (successor is None or Status.FAIL in after.get(successor, set())):
                    continue
                if _falls_back(rule, field, data, service.config.organisation):
                    continue
                if gaps is not None and field in KNOWN_GAPS.get(rule.id, set()):
                    gaps.add(field)
                    continue
                pointer = "/" + "/".join(map(str, field))
                problems.append(f"{path.relative_to(ROOT)} {service.id}: without {pointer} -> {sorted(s.value for s in after[rule.id])}")
    return problems


# Optional claims: a field whose presence claims an exception or a route that other rules then check, so that its
# absence only makes the rules stricter. Deleting it may turn the rule to pass or not applicable, but then the rule
# named here (None: no rule; the claim was the rule's only subject) takes the service over and must fail.
CLAIMS: dict[str, dict[tuple, str | None]] = {
    # the explain route of condition 9c; without it CB22-SPECIAL-PD-EER demands the EER or an adequacy country
    "CB22-SPECIAL-PD-SCC-EXPLAIN": {("governance", "explain_sent_to_cio_rijk_on"): "CB22-SPECIAL-PD-EER"},
    # a claimed deviation must be reported; without the claim every rule applies in full
    "CB26-DEVIATION-CIO": {("governance", "exception_ref"): None},
}


# Known gaps of rules, found by the fixtures built on the fully compliant base (tests/rule_fixtures.py): the rule passes
# a compliant descriptor without a fact it reads. Each entry is a rule to fix (policies/), not a decision; it is held
# exact, so a fixed rule must leave this list. Where another rule fails without the fact, it is named.
KNOWN_GAPS: dict[str, set[tuple]] = {}


# Documented fallbacks: a rule that reads a second field when the first is absent (the rule's interpretation says so).
FALLBACKS: dict[str, dict[tuple, tuple]] = {
    "CB26-EXIT-PLAN": {("exit", "plan", "last_review"): ("exit", "plan", "date")},
}


def _falls_back(rule: Rule, field: tuple, data: Any, profile: dict[str, Any]) -> bool:
    """The deleted fact is still stated elsewhere: in the rule's documented fallback, or (for the descriptor's
    organisation block, which overrides the configuration's profile field by field) in the profile."""
    if field[0] == "organisation":
        deleted = _at(data, field)
        keys = deleted.keys() if isinstance(deleted, dict) else [field[-1]] if len(field) == 2 else []
        return bool(keys) and all(key in profile for key in keys)
    fallback = FALLBACKS.get(rule.id, {}).get(field)
    return fallback is not None and _present(data, fallback)


def _present(data: Any, path: tuple) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _claim(rule: Rule, field: tuple) -> tuple[bool, str | None]:
    """Whether deleting `field` removes one of the rule's optional claims, and the rule that takes over."""
    for claim, successor in CLAIMS.get(rule.id, {}).items():
        if claim[:len(field)] == field:
            return True, successor
    return False, None




SCHEMA = schema("descriptor")


def _node(path: tuple) -> dict[str, Any]:
    """The schema of the field at a path of a descriptor ($ref resolved)."""
    node: Any = SCHEMA
    for part in (*path, None):
        while "$ref" in node:
            ref = node["$ref"]
            node = {**{k: v for k, v in node.items() if k != "$ref"}, **_lookup(ref)}
        if part is None:
            return node
        node = node["items"] if isinstance(part, int) else node.get("properties", {}).get(part, {})
    return node


def _lookup(ref: str) -> dict[str, Any]:
    node: Any = SCHEMA
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _alternatives(path: tuple, value: Any) -> list[Any]:
    """Other values the schema allows for a field: the values that could make the rule fail."""
    node = _node(path)
    if isinstance(value, bool):
        return [not value]
    if "enum" in node and len(node["enum"]) <= 12:
        return [v for v in node["enum"] if v != value]
    if "enum" in node:  # a country
        return [c for c in ("US", "CN", "CH", "NL") if c != value]
    if isinstance(value, str) and DATE.fullmatch(value):
        return ["2000-01-01", "2026-11-28", "2099-12-31"]
    if isinstance(value, int):
        return [v for v in (0, 1, 2, 3, 4, 2025, 2026) if v != value]
    if isinstance(value, list) and "items" in node:
        items = _node((*path, 0))
        choices = items.get("enum", [])
        choices = [c for c in ("US", "CN", "CH") if c in choices] if len(choices) > 12 else choices
        return [[], *([*value, c] for c in choices if c not in value)]
    return []


DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _sensitive(loaded: _File, rules: list[Rule], rule: Rule, i: int, data: Any) -> set[tuple]:
    """The fields of a compliant descriptor whose value the rule depends on: some other value the schema allows
    makes the rule fail. A field holding such a field is needed as well."""
    changes = [(path, _variant(data, path, value)) for path in _fields(data) for value in _alternatives(path, _at(data, path))]
    changes = [(path, variant) for path, variant in changes if _joinable(variant)]
    needed: set[tuple] = set()
    for (path, variant), after in zip(changes, loaded.statuses(rules, [(i, variant) for _, variant in changes])):
        if path not in needed and Status.FAIL in after[rule.id] and _valid(loaded.services[i], variant):
            needed.add(path)
    return {path[:n] for path in needed for n in range(1, len(path) + 1) if isinstance(path[n - 1], str)}


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_deleting_a_fact_never_turns_a_failure_into_a_pass(rule: Rule):
    assert _fixtures(rule, "noncompliant")
    problems = _silent(rule, "noncompliant")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_compliant_fixture_does_not_pass_without_a_fact_its_rule_reads(rule: Rule):
    assert _fixtures(rule, "compliant")
    gaps: set[tuple] = set()
    problems = _silent(rule, "compliant", gaps)
    assert not problems, "\n".join(problems)
    assert gaps == KNOWN_GAPS.get(rule.id, set()), "a known gap is fixed: take it out of KNOWN_GAPS"


if __name__ == "__main__":
    import sys

    for rule in RULES:
        for kind in sys.argv[1:] or ["noncompliant", "compliant"]:
            for line in _silent(rule, kind):
                print(rule.id, kind, line)
