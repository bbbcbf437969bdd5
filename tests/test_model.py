"""The Report (checker/model.py): a run keeps its passes and not-applicable verdicts compact (Report.verdicts),
and every reader still gets every finding, in report order, from Report.findings."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import pytest

from checker.evaluate import Options, check
from checker.model import Report, Status, report_order
from checker.reporters.json_report import render
from tests.conftest import AS_OF, ROOT, all_findings
from tests.reports import fields


@pytest.fixture(scope="module")
def report() -> Report:
    return check(Options((ROOT / "examples",), None, AS_OF, "nl", "embedded"))


def _expanded(report: Report) -> Report:
    """The same report with every finding held as an object, as before the compact verdicts."""
    return Report(**{**fields(report), "findings": report.findings, "verdicts": ()})


def test_a_run_keeps_its_passes_compact_and_the_gate_never_expands_them(report):
    assert report.verdicts and not any(f.status in (Status.PASS, Status.NOT_APPLICABLE) for f in report.detailed)
    fresh = Report(**fields(report))  # a report nobody read the findings of yet
    counts, failing, errors = fresh.counts(), fresh.failing(), fresh.errors
    assert "_all" not in fresh.__dict__, "counting or gating a report built a Finding for every pass"
    assert counts == {status.value: 0 for status in Status} | Counter(f.status.value for f in report.findings)
    assert counts["pass"] and counts["not-applicable"]
    assert failing == [f for f in report.findings if report.fails(f)] and errors == [f for f in report.findings if f.status is Status.ERROR]


def test_every_finding_is_listed_once_in_report_order(report):
    findings = report.findings
    assert list(findings) == sorted(findings, key=report_order)
    assert len(findings) == len(report.detailed) + sum(len(row.verdicts) for row in report.verdicts)
    compact = [f for f in findings if f.status in (Status.PASS, Status.NOT_APPLICABLE)]
    # a compact verdict expands to what join made: the rule's texts, located at its service's root
    rules = {rule.id: rule for rule in report.rules}
    assert compact and all(f.title == rules[f.rule_id].title and f.severity is rules[f.rule_id].severity
                           and f.location.json_path == ("id",) and f.service for f in compact)
    assert all(f.message == f.title for f in compact if f.status is Status.PASS)
    assert report.findings is findings  # built once


def test_the_json_report_is_the_same_from_rows_and_from_findings(report):
    """The same verdicts and the same rows (their tables may number the texts in another order)."""
    compact, expanded = (json.loads("".join(render(r))) for r in (report, _expanded(report)))

    def verdicts(document: dict) -> list[str]:
        return sorted(json.dumps(f, sort_keys=True) for f in all_findings(document))

    def places(document: dict) -> list[tuple]:
        return [(row["service"], row["file"], row["document"], len(row["pass"]), len(row["not-applicable"]), len(row["fail"]))
                for row in document["verdicts"]]

    tables = ("findings", "verdicts", "reasons", "messages")
    assert {k: v for k, v in compact.items() if k not in tables} == {k: v for k, v in expanded.items() if k not in tables}
    assert verdicts(compact) == verdicts(expanded) and places(compact) == places(expanded)
    assert compact["findings"] == expanded["findings"]


def test_a_report_given_every_finding_does_not_count_its_verdicts_twice(report):
    extra = replace(report.detailed[0], message=replace(report.detailed[0].message, nl="extra"))
    widened = replace(report, findings=(*report.findings, extra))
    assert widened.verdicts == () and widened.findings == (*report.findings, extra)
    assert sum(widened.counts().values()) == sum(report.counts().values()) + 1
    narrowed = replace(report, findings=report.detailed[1:])  # findings held as objects: the verdicts stay
    assert narrowed.verdicts == report.verdicts and len(narrowed.findings) == len(report.findings) - 1
