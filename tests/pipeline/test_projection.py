"""Portfolio rules over projections (checker/pipeline/run.py): a run keeps of each service only the fields the
portfolio rules read (portfolio_fields, dotted paths into a field included), with small source maps as tuples, and
gives the same verdicts as over whole descriptors."""

from __future__ import annotations

import json
from pathlib import Path

from checker.evaluate import run
from checker.model import Status
from checker.pipeline import Options
from checker.pipeline.run import SourceMap, _inside, _tree
from tests.conftest import AS_OF
from tests.descriptor_gen import Generator

CONFIG = "organisation: {name: Ministerie van Projectiezaken, type: ministerie, cloud_policy_ref: CB-2025}\n"


def _portfolio(folder: Path, count: int = 24) -> Path:
    folder.mkdir()
    (folder / ".cloudbeleid.yaml").write_text(CONFIG)
    generator = Generator(seed=20261202, optional=1.0)
    for i in range(count):
        descriptor = generator.descriptor(i)
        if i % 3:  # most services at one provider, materieel, in a public cloud: the concentration rule fails them
            descriptor["provider"]["name"] = "Acme Cloud" if i % 2 else "ACME  cloud"
            descriptor["service"]["materieel"] = True
            descriptor["service"]["deployment_model"] = "public"
        (folder / f"service-{i:03}.cloud.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=1))
    return folder


def test_projections_give_the_verdicts_of_whole_descriptors(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    options = Options(paths=(_portfolio(tmp_path / "portfolio"),), as_of=AS_OF)
    projected = run(options)
    whole = run(options, keep_services=True)
    concentration = [f for f in projected.report.findings if f.rule_id == "KAMER25-MARKET-CONCENTRATION"]
    assert any(f.status is Status.FAIL for f in concentration) and any(f.status is not Status.FAIL for f in concentration)
    assert projected.report.findings == whole.report.findings  # every field: place, message, evidence, params
    assert projected.report.counts() == whole.report.counts()
    # the projections hold only what the portfolio rules and the checker read
    kept = projected.services[0].document
    assert set(kept.data) <= {"id", "schema_version", "service", "provider", "organisation", "observed", "infrastructure"}
    assert set(kept.data["provider"]) <= {"name"}
    assert set(kept.data["service"]) <= {"status", "deployment_model", "materieel", "materieel_reasons"}
    assert kept.locate(("provider", "subprocessors", 0)) == kept.locate(("provider",))  # the nearest kept parent
    assert whole.services[0].document.locate(("provider", "name")) == kept.locate(("provider", "name"))


def test_a_field_tree_keeps_fields_whole_or_by_path():
    tree = _tree(["service.materieel", "provider", "provider.name", "service"])
    assert tree == {"id": True, "schema_version": True, "provider": True, "service": True}
    tree = _tree(["service.materieel", "provider.name"])
    assert tree == {"id": True, "schema_version": True, "provider": {"name": True},
                    "service": {"materieel": True, "status": True}}
    assert _inside((), tree) and _inside(("provider",), tree) and _inside(("provider", "name", 0), tree)
    assert not _inside(("provider", "hq_country"), tree) and not _inside(("hosting",), tree)
    assert not _inside(("service", 0), tree)


def test_a_source_map_reads_as_the_dict_it_stands_for():
    spans = {(): (1, 1, 9, 2), ("id",): (2, 7, 2, 12), ("provider", "name"): (4, 10, 4, 16)}
    compact = SourceMap(tuple(spans), tuple(spans.values()))
    assert dict(compact) == spans and compact == spans and len(compact) == 3
    assert ("id",) in compact and ("name",) not in compact and compact.get(("name",)) is None
    assert compact[("provider", "name")] == (4, 10, 4, 16)
    try:
        compact[("name",)]
    except KeyError:
        pass
    else:
        raise AssertionError("a missing path is a KeyError")
