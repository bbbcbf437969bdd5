"""join_rows (what a worker sends back) against join (a Finding per verdict): the same verdicts, in the same order,
for generated portfolios of every organisation type and stage, rules in force and not, a forced stage, and again in the
same process (join_rows keeps what it decided and the messages it made between calls)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from checker.catalog import load_catalog
from checker.config import Config
from checker.engine import RawReport, create_engine
from checker.loader import load_bytes
from checker.model import Finding, Status, Text
from checker.pipeline.collect import Service, services_of
from checker.pipeline.join import _message, join, join_rows
from checker.policies import load_bundle
from tests.conftest import AS_OF
from tests.descriptor_gen import Generator

TYPES = ["ministerie", "agentschap", "zbo", "rijksdienst_overig"]
STATUSES = {"planned", "migrating", "in_use", "exiting"}


def _services(count: int, seed: int) -> list[Service]:
    config = Config(None, Path.cwd(), organisation={"name": "Ministerie van Joinzaken", "type": "ministerie", "cloud_policy_ref": "CB-2025"})
    generator = Generator(seed=seed, optional=0.6)
    services: list[Service] = []
    for i in range(count):
        descriptor = generator.descriptor(i)
        descriptor["organisation"] = {"type": TYPES[i % 4]} | ({"kaderwet_zbo_applies": True} if i % 8 == 2 else {})
        name = f"service-{i:03}.cloud.json"
        found, _ = services_of(load_bytes(json.dumps(descriptor, ensure_ascii=False, indent=1).encode(), name, config.limits), name, config)
        services += found
    assert {s.document.data["service"]["status"] for s in services} == set(STATUSES)  # every stage
    return services


def _as_rows(findings: list[Finding]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """join()'s findings in join_rows's layout."""
    fails, verdicts, roots = [], {}, {}
    for f in findings:
        loc = f.location
        if f.status is Status.FAIL:
            fails.append((f.rule_id, "fail", f.enforcement.value, f.enforcement_reason.nl, f.enforcement_reason.en, f.message.nl,
                          f.message.en, loc.file, loc.document, loc.line, loc.column, loc.end_line, loc.end_column,
                          list(loc.json_path), f.service, f.evidence, f.params))
        else:
            roots.setdefault(f.service, loc)
            verdicts.setdefault(f.service, []).append(
                (f.rule_id, f.status.value, f.enforcement.value, f.enforcement_reason.nl, f.enforcement_reason.en,
                 *((None, None) if f.message == f.title else (f.message.nl, f.message.en))))
    rows = [(service, roots[service].file, roots[service].document, roots[service].line, roots[service].column,
             roots[service].end_line, roots[service].end_column, list(roots[service].json_path), kept)
            for service, kept in verdicts.items()]
    return fails, rows


@pytest.fixture(scope="module")
def evaluated() -> tuple[list, list[Service], RawReport]:
    catalog = load_catalog()
    rules = [r for r in catalog.rules if not r.portfolio]
    services = _services(48, seed=20261204)
    assert len(services) > 40
    config = services[0].config
    document = {"as_of": AS_OF, "organisation": config.organisation, "settings": config.settings(rules),
                "services": [s.document.data for s in services]}
    engine = create_engine("embedded")
    return rules, services, engine.evaluate(load_bundle(), document)


@pytest.mark.parametrize(("as_of", "stage"), [(AS_OF, None), (AS_OF, "procurement"), ("2023-01-01", None), ("2031-06-30", "operation")])
def test_join_rows_gives_joins_verdicts(evaluated, as_of: str, stage: str | None):
    rules, services, raw = evaluated
    expected = _as_rows(join(rules, services, raw, as_of, stage))
    statuses = {row[1] for row in expected[0]} | {v[1] for row in expected[1] for v in row[8]}
    assert statuses == {"fail", "pass", "not-applicable"}
    for _ in range(2):  # the second time from what the first kept
        fails, rows = join_rows(rules, services, raw, as_of, stage)
        assert fails == expected[0]
        # join() lists verdicts by rule then service; a service's row keeps them in rule order
        assert sorted(rows, key=lambda r: r[0]) == sorted(expected[1], key=lambda r: r[0])
        assert [r[0] for r in rows] == [s.id for s in services if any(r[0] == s.id for r in expected[1])]


def test_a_message_is_made_for_its_params_and_their_types():
    rule = dataclasses.replace(next(r for r in load_catalog().rules if not r.portfolio),
                               messages={"default": Text("nl {n} {m}", "en {n} {m}")})
    said = [_message(rule, {"kind": "default", "params": {"n": n, "m": m}}).en
            for n, m in [(1, "a"), (True, "a"), (1.0, "a"), (-0.0, "a"), (0.0, "a"), ([1, True], "a"), (1, "b"), (1, "a"),
                         ({"nl": "ja", "en": "yes"}, "a")]]
    assert said == ["en 1 a", "en True a", "en 1.0 a", "en -0.0 a", "en 0.0 a", "en 1, True a", "en 1 b", "en 1 a", "en yes a"]


def test_evidence_is_the_digest_of_the_value_by_its_type_made_once_or_not():
    """A plain value's digest is kept by type and value (True is not 1, -0.0 not 0.0 is left to the encoder): the
    second time, from what the first kept, the same digest as json.dumps gives; a missing field is its absence."""
    import hashlib

    from checker.pipeline.join import _evidence

    values: list[Any] = [True, 1, 1.0, -0.0, 0.0, None, "1", "true", "é" * 300, "é", 10**30, [1], {"b": 1, "a": [True]}]

    def digest(value: Any) -> str:
        return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:24]

    expected = [digest(value) for value in values]
    assert len(set(expected)) == len(values)
    for _ in range(2):
        assert [_evidence({"v": value}, ["v"]) for value in values] == expected
        assert [_evidence({"v": [value]}, ["v", 0]) for value in values] == expected
    assert _evidence({"v": {}}, ["v", "w", 1]) == digest({"absent": ["v", "w", 1]})
    assert _evidence({"v": [True]}, ["v", True]) == digest({"absent": ["v", True]})
