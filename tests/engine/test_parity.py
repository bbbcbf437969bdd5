"""A verdict must not depend on the engine: regorus and the real OPA give identical findings.

Every example, every rule fixture, and 500 seeded generated descriptors at two
reference dates, through both engines; the comparison covers every field of every
finding (rule, service, path, status, enforcement, severity, message parameters via
the messages, location).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.catalog import load_catalog
from checker.config import Config
from checker.engine import create_engine
from checker.engine.opa import OpaEngine
from checker.evaluate import Options, check
from checker.policies import load_bundle
from tests.conftest import ROOT, write
from tests.descriptor_gen import descriptors
from tests.opa_binary import opa_path


def findings(report) -> list[tuple]:
    return [
        (f.rule_id, f.service, f.location, f.status.value, f.enforcement.value, f.severity.value, f.message, f.enforcement_reason)
        for f in report.findings
    ]


def both(paths: list[Path], as_of: str) -> tuple:
    embedded = check(Options(tuple(paths), None, as_of, "nl", "embedded"))
    opa = check(Options(tuple(paths), None, as_of, "nl", "opa", {"opa_path": opa_path()}))
    return embedded, opa


@pytest.mark.parametrize("as_of", ["2026-11-28", "2025-06-30"])
def test_examples_and_rule_fixtures_agree(as_of):
    embedded, opa = both([ROOT / "examples", ROOT / "tests/fixtures/rules"], as_of)
    assert opa.engine_version.startswith("OPA 1.22") and embedded.engine_version.startswith("regorus")
    assert opa.policy_revision == embedded.policy_revision
    assert any(f.status.value == "fail" for f in embedded.findings)
    assert findings(embedded) == findings(opa)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated")
    write(folder, ".cloudbeleid.yaml", "organisation: {name: Generated, type: zbo}\nthresholds: {risk_assessment_max_age_months: 6}\n")
    documents = descriptors(500)
    for start in range(0, len(documents), 25):  # multi-document files of 25, as a large repository might hold
        text = "\n---\n".join(json.dumps(d, ensure_ascii=False) for d in documents[start:start + 25]) + "\n"
        write(folder, f"generated-{start // 25:02}.cloud.yaml", text)
    return folder


@pytest.mark.parametrize("as_of", ["2026-11-28", "2025-11-28"])
def test_generated_descriptors_agree(generated: Path, as_of: str):
    embedded, opa = both([generated], as_of)
    statuses = {f.status.value for f in embedded.findings}
    assert {"fail", "pass", "not-applicable"} <= statuses
    assert len(embedded.services) >= 450
    assert findings(embedded) == findings(opa)


def test_raw_reports_agree_on_the_generated_set():
    """The engines' own answers, before the join: violations with kind, path and params, and subjects."""
    bundle = load_bundle()
    services = descriptors(500, seed=7)
    catalog = load_catalog()
    settings = Config(path=None, root=Path(".")).settings(catalog.in_packs(catalog.default_packs()))
    document = {"as_of": "2026-02-28", "organisation": {}, "settings": settings, "services": services}
    embedded_engine, opa_engine = create_engine("embedded"), OpaEngine(opa_path=opa_path())
    try:
        embedded, opa = embedded_engine.evaluate(bundle, document), opa_engine.evaluate(bundle, document)
    finally:
        opa_engine.close()

    def canonical(raw):
        return sorted(json.dumps(v, sort_keys=True) for v in raw.violations), {k: sorted(v) for k, v in raw.subjects.items()}

    assert len(embedded.violations) > 250
    assert canonical(embedded) == canonical(opa)


def test_the_parallel_pipeline_gives_the_same_findings(generated: Path, monkeypatch: pytest.MonkeyPatch):
    """A large run spreads chunks of files over processes and evaluates portfolio rules on projections."""
    import checker.pipeline.run as stage

    sequential = check(Options((generated,), None, "2026-11-28", "nl", "embedded"))
    monkeypatch.setattr(stage, "PARALLEL_FROM", 2)
    monkeypatch.setattr(stage, "CHUNK_FILES", 3)
    monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    parallel = check(Options((generated,), None, "2026-11-28", "nl", "embedded"))
    assert findings(parallel) == findings(sequential)
    assert parallel.services == sequential.services


# Names that one case-insensitive comparison must treat alike, and that lower() in Rego does not: regorus lowers a
# final Σ to ς and OPA to σ, neither folds ß or full-width letters, and a combining accent is another byte sequence.
ALIKE = [
    ("ACMEΣ", "acmeσ", "acmeς"),
    ("Straße Cloud", "STRASSE CLOUD"),
    ("ＦＡＢＲＩＫＡＭ", "fabrikam"),
    ("Café Cloud", "Cafe\u0301 Cloud", "CAFÉ  CLOUD"),
]
# Unicode's default case folding (not the Turkish one) folds İ to i with a combining dot: İNCİ and İnci differ.
DISTINCT = ("İnci Bulut", "İNCİ BULUT")


def test_non_ascii_provider_names_are_compared_alike_by_both_engines(tmp_path: Path):
    from tests.conftest import VALID_DESCRIPTOR

    write(tmp_path, ".cloudbeleid.yaml", "organisation: {name: Voorbeeldzaken, type: ministerie}\npacks: [kamer_2025]\n"
          "thresholds: {market_concentration_max_services: 1, market_concentration_max_share: 1}\n")
    documents = []
    for group, names in enumerate([*ALIKE, *((name,) for name in DISTINCT)]):
        for n, name in enumerate(names):
            text = VALID_DESCRIPTOR.replace("id: mail", f"id: mail-{group}-{n}").replace("materieel: false", "materieel: true")
            documents.append(text.replace("name: Contoso", "name: " + json.dumps(name, ensure_ascii=False)))
    write(tmp_path, "services.cloud.yaml", "\n---\n".join(documents))
    embedded, opa = both([tmp_path], "2026-11-28")
    assert findings(embedded) == findings(opa)
    failing = [f for f in embedded.findings if f.rule_id == "KAMER25-MARKET-CONCENTRATION" and f.status.value == "fail"]
    counts = {f.service: f.message.en.split(" delivers ")[1].split(" of ")[0] for f in failing}
    assert counts == {f"mail-{g}-{n}": str(len(names)) for g, names in enumerate(ALIKE) for n in range(len(names))}


def test_the_normalised_name_is_one_form_per_name():
    from checker.engine import name_key, prepared

    for names in ALIKE:
        assert len({name_key(name) for name in names}) == 1, names
    assert len({name_key(name) for name in DISTINCT}) == 2
    assert len({name_key(names[0]) for names in ALIKE}) == len(ALIKE)
    document = prepared({"services": [{"provider": {"name": " ＡＣＭＥΣ "}}, {"provider": {}}, {}, "x"]})
    assert document["normalised"] == {"provider_names": ["acmeσ", None, None, None]}
