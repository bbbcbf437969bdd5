from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checker.catalog import _load_packs, load_catalog, read_rule
from checker.docs import STATUS, index_markdown, rule_markdown
from checker.errors import PolicyError
from checker.policies import rule_files
from checker.resources import policies_dir
from tests.conftest import ROOT

CATALOG = load_catalog()


def test_every_rule_file_is_in_the_catalogue():
    assert len(CATALOG.rules) == len(rule_files(policies_dir())) >= 6
    assert len({r.id for r in CATALOG.rules}) == len(CATALOG.rules)


@pytest.mark.parametrize("rule", CATALOG.rules, ids=lambda r: r.id)
def test_rule_has_tests_with_a_failing_and_a_passing_case(rule):
    test_file = ROOT / rule.file.replace(".rego", "_test.rego")
    text = test_file.read_text()
    names = re.findall(r"^test_(\w+)", text, re.MULTILINE)
    assert any("fail" in n for n in names), f"{test_file} has no failing case"
    assert any("pass" in n for n in names), f"{test_file} has no passing case"


@pytest.mark.parametrize("rule", CATALOG.rules, ids=lambda r: r.id)
def test_rule_carries_its_source_and_how_sure_it_is(rule):
    assert rule.sources and all(s.document and s.status for s in rule.sources)
    page = rule_markdown(rule, "nl")
    for source in rule.sources:
        assert STATUS["nl"][source.status] in page
    if rule.verification != "verified":
        # an unverified footing must never read as verified
        assert "niet geverifieerd" in page


def test_generated_docs_are_up_to_date():
    for rule in CATALOG.rules:
        page = ROOT / rule.docs
        assert page.read_text() == rule_markdown(rule, "nl") + "\n---\n\n" + rule_markdown(rule, "en"), (
            f"{page} is stale: run 'cloudbeleid docs'"
        )
    assert (ROOT / "docs/rules/README.md").read_text() == index_markdown(CATALOG)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "policies"
    shutil.copytree(policies_dir(), target)
    return target


def _rule(root: Path) -> Path:
    return root / "rules/cb22/no_state_secrets/no_state_secrets.rego"


def test_invalid_metadata_is_refused_with_the_file(tmp_path: Path):
    root = _copy(tmp_path)
    path = _rule(root)
    path.write_text(path.read_text().replace("severity: critical", "severity: urgent"))
    with pytest.raises(PolicyError) as caught:
        read_rule(path, root, _load_packs(root))
    assert "no_state_secrets.rego" in str(caught.value) and "severity" in str(caught.value)


def test_missing_metadata_is_refused(tmp_path: Path):
    root = _copy(tmp_path)
    path = _rule(root)
    path.write_text(path.read_text().replace("# METADATA", "# no metadata"))
    with pytest.raises(PolicyError, match="METADATA"):
        read_rule(path, root, _load_packs(root))


def test_id_must_carry_the_pack_prefix(tmp_path: Path):
    root = _copy(tmp_path)
    path = _rule(root)
    path.write_text(path.read_text().replace("id: CB22-NO-STATE-SECRETS", "id: KWZBO-NO-STATE-SECRETS"))
    with pytest.raises(PolicyError, match="must start with CB22-"):
        read_rule(path, root, _load_packs(root))


@pytest.mark.parametrize("rule", CATALOG.rules, ids=lambda r: r.id)
def test_docs_show_both_fixtures(rule):
    from checker.docs import fixtures

    assert [kind for kind, _ in fixtures(rule)] == ["compliant", "noncompliant"]
    page = rule_markdown(rule, "en")
    assert "### Compliant:" in page and "### Non-compliant:" in page
