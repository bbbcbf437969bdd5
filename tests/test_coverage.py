"""docs/coverage.md accounts for every obligation of the research and every rule, and names no rule that does not exist."""

from __future__ import annotations

import re

import pytest

from checker.catalog import load_catalog
from tests.conftest import ROOT

COVERAGE = (ROOT / "docs/coverage.md").read_text(encoding="utf-8")
# beside the checkout (the team's workspace and CI), or beside the folder of worktrees
RESEARCH = next((p for p in (ROOT.parent / "shared/research/domain-rules.md", ROOT.parent.parent / "shared/research/domain-rules.md") if p.exists()), ROOT.parent / "shared/research/domain-rules.md")
ID = re.compile(r"\b(?:CB22|CB26|IK23|QA25|KWZBO|AVG|BIO2|KAMER25|ARCH|WOO|CBW|DATA|DORA|US|EUCS|CIO)-[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)*")


def research_ids() -> set[str]:
    text = RESEARCH.read_text(encoding="utf-8")
    ids = set(re.findall(r"^### ([A-Z0-9]+(?:-[A-Z0-9]+)+)", text, re.MULTILINE))
    ids |= {m.strip("*") for m in re.findall(r"^\| (\**[A-Z][A-Z0-9]*-[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)*)", text, re.MULTILINE)}
    ids |= set(re.findall(r"\*\*(ARCH-\d+)", text))
    return {i.rstrip(".") for i in ids}


def test_every_rule_is_in_the_coverage_table():
    missing = [rule.id for rule in load_catalog().rules if rule.id not in COVERAGE]
    assert not missing, missing


@pytest.mark.skipif(not RESEARCH.exists(), reason="telling research ids from rule ids needs the research document beside the checkout")
def test_every_rule_named_in_the_table_exists():
    import json

    rule_ids = {rule.id for rule in load_catalog().rules}
    retired = set(json.loads((ROOT / "policies/data/retired.json").read_text(encoding="utf-8"))["retired"])
    known = rule_ids | research_ids() | retired
    named = {m.rstrip(".") for m in ID.findall(COVERAGE) if re.match(r"(CB22|KWZBO|AVG|BIO2|KAMER25)-[A-Z]", m)}
    unknown = sorted(n for n in named if n not in known and not any(r.startswith(n + "-") for r in known))
    assert not unknown, f"names in docs/coverage.md that are neither a rule nor a research id: {unknown}"


@pytest.mark.skipif(not RESEARCH.exists(), reason="the research document is beside the checkout only in the team's workspace and CI")
def test_every_obligation_of_the_research_is_accounted_for():
    ids = research_ids()
    assert len(ids) > 80
    missing = sorted(i for i in ids if i not in COVERAGE)
    assert not missing, missing


def test_every_threshold_setting_is_explained_as_the_checkers_reading():
    import json

    from checker.config import DEFAULT_THRESHOLDS

    section = COVERAGE.split("## Thresholds the texts do not set", 1)[1]
    schema = json.loads((ROOT / "schemas/config.v1.schema.json").read_text(encoding="utf-8"))
    settings = set(schema["properties"]["thresholds"]["properties"]) | set(DEFAULT_THRESHOLDS)
    missing = sorted(name for name in settings if f"| `{name}` |" not in section)
    assert not missing, f"settings without their reading in docs/coverage.md: {missing}"


def test_every_new_rule_of_issue_14_has_its_row():
    for rule_id in ("DATAACT-25-SWITCHING-TERMS", "DATAACT-29-SWITCHING-CHARGES", "ARCHIEFWET-3-RETENTION", "ARCHIEFWET-12-TRANSFER", "BIO2-5-08-01-RISK-ON-CHANGE"):
        assert f"`{rule_id}`" in COVERAGE or f"**{rule_id}**" in COVERAGE, rule_id
