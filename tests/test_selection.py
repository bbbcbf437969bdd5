"""--select and --ignore (checker/selection.py) on a run's report: the compact verdicts (passes, not applicable)
are filtered and counted as the findings are, without expanding them."""

from __future__ import annotations

from checker import selection
from checker.evaluate import Options, check
from checker.model import Report, Status
from tests.conftest import AS_OF, ROOT
from tests.reports import fields


def test_ignoring_a_pack_hides_its_verdicts_and_keeps_its_gate_failures():
    report = check(Options((ROOT / "examples",), None, AS_OF, "nl", "embedded"))
    catalog_rules = report.rules
    shown = selection.apply(report, (), ("cb22",), catalog_rules)
    # the same selection over the report with every finding held as an object: the reference
    expanded = Report(**{**fields(report), "findings": report.findings, "verdicts": ()})
    reference = selection.apply(expanded, (), ("cb22",), catalog_rules)
    assert shown.findings == reference.findings and shown.ignored_rules == reference.ignored_rules
    assert shown.verdicts and all(not v[0].id.startswith("CB22-") for row in shown.verdicts for v in row.verdicts)
    hidden = sum(entry["hidden"] for entry in shown.ignored_rules)
    cb22 = [f for f in report.findings if f.rule_id.startswith("CB22-")]
    assert hidden == len([f for f in cb22 if not report.fails(f)]) and any(f.status is Status.PASS for f in cb22)
    assert [f for f in shown.findings if f.rule_id.startswith("CB22-")] == [f for f in cb22 if report.fails(f)]
