"""Baselines (checker/baseline.py) on a run's report: only failures are looked at; the compact verdicts (passes,
not applicable) stay as they are, and the result is what the same baseline makes of every finding as an object."""

from __future__ import annotations

from checker import baseline
from checker.evaluate import Options, check
from checker.model import Report, Status
from tests.conftest import AS_OF, ROOT
from tests.reports import fields


def test_a_baseline_of_a_run_holds_its_failures_and_leaves_its_verdicts():
    report = check(Options((ROOT / "examples",), None, AS_OF, "nl", "embedded"))
    expanded = Report(**{**fields(report), "findings": report.findings, "verdicts": ()})
    created = baseline.create(report)
    assert created == baseline.create(expanded) and created["findings"]
    known = {f"{entry['fingerprint']}:{entry['evidence'] or ''}" for entry in created["findings"]}
    applied, reference = baseline.apply(report, known), baseline.apply(expanded, known)
    assert applied.findings == reference.findings and applied.baselined == reference.baselined > 0
    assert applied.verdicts == report.verdicts
    unwaivable = {rule.id for rule in report.rules if not rule.waivable}
    assert all(f.rule_id in unwaivable for f in applied.findings if f.status is Status.FAIL)
