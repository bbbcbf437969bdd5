"""Every rule has a compliant and a non-compliant example under examples/rules/<pack>/<rule>/."""

from __future__ import annotations

import pytest

from checker.catalog import load_catalog
from tests.conftest import ROOT, check_json

RULES = load_catalog().rules


@pytest.fixture(scope="module")
def findings() -> dict[str, list[dict]]:
    code, report = check_json(str(ROOT / "examples/rules"))
    assert code == 1
    by_file: dict[str, list[dict]] = {}
    for finding in report["findings"]:
        by_file.setdefault(finding["location"]["file"], []).append(finding)
    return by_file


def _folder(rule) -> str:
    return f"examples/rules/{rule.package.replace('.', '/')}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_noncompliant_example_fails_this_rule(rule, findings):
    # a rule on infrastructure code fails at the .tf line, in the example's noncompliant/ folder
    noncompliant = f"{_folder(rule)}/noncompliant"
    results = [f for file, found in findings.items() if file.startswith(noncompliant) for f in found if f["rule_id"] == rule.id]
    failing = [f for f in results if f["status"] == "fail"]
    assert failing, f"{rule.id} does not fail on its non-compliant example"
    assert {f["enforcement"] for f in failing} <= {"mandatory", "advisory"}
    assert not [f for f in results if f["status"] == "error"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_compliant_example_passes_this_rule(rule, findings):
    results = [f for f in findings[f"{_folder(rule)}/compliant.cloud.yaml"] if f["rule_id"] == rule.id]
    assert results and all(f["status"] == "pass" for f in results), results


# The rules added for issue 14 have fixtures that fail nothing else (built on the fully compliant sovereign
# example); a non-compliant fixture may also fail the rules that read the very same fact, named here.
CLEAN = {
    "DATAACT-25-SWITCHING-TERMS": set(),
    "DATAACT-29-SWITCHING-CHARGES": set(),
    "ARCHIEFWET-3-RETENTION": set(),
    "ARCHIEFWET-12-TRANSFER": set(),
    "BIO2-5-08-01-RISK-ON-CHANGE": {"CB22-RISK-ASSESSMENT-CURRENT", "BIO2-5-23-01-CSP-POLICY"},
    "CB22-RISK-ASSESSMENT-AGE": set(),
}


@pytest.mark.parametrize("rule_id", CLEAN)
def test_the_fixtures_of_the_new_rules_fail_nothing_else(rule_id, findings):
    rule = next(r for r in RULES if r.id == rule_id)
    for kind, allowed in (("compliant", set()), ("noncompliant", {rule_id} | CLEAN[rule_id])):
        failing = {f["rule_id"] for f in findings[f"{_folder(rule)}/{kind}.cloud.yaml"] if f["status"] in ("fail", "error")}
        assert failing <= allowed, (kind, failing - allowed)
