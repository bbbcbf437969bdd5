"""The versioned JSON report (schemas/report.v2.schema.json): every verdict; passes and not-applicable ones as
per-service rows of rule ids, every other finding (fail, waived, error) as a full object."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker import __version__
from checker.gate import exit_code
from checker.model import Finding, Report, Rule, Status
from checker.reporters.common import json_text

REPORT_VERSION = 2
# A pass or not-applicable verdict carries nothing a reader needs but its rule, service and place: at 60 findings
# a service, full objects made a portfolio's report 45 KB a service (issue 16).
COMPACT = (Status.PASS, Status.NOT_APPLICABLE)


def render(report: Report, colour: bool = False) -> Iterator[str]:
    """The report, written piece by piece: a portfolio's findings are never all in memory as JSON at once.

    Strings keep their exact value (a file name, a message quoting the descriptor); JSON escaping, and
    json_text's for controls, bidi characters and lone surrogates, keeps every document valid.
    """
    document = to_json(report, findings=False)
    head = json_text(document, indent=2)
    yield head[:-2] + ',\n  "findings": ['  # the document's closing "\n}" is written after the findings
    encode = _Encoder()
    batch: list[str] = []
    rows = _Rows()
    number = 0
    for finding in report.findings:
        if rows.take(finding):
            continue
        batch.append(("\n    " if number == 0 else ",\n    ") + encode(finding))
        number += 1
        if len(batch) == 1000:  # a thousand findings a write: a write per finding costs more than its encoding
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "\n  ],\n  \"verdicts\": ["
    batch = []
    for number, row in enumerate(rows.rows()):
        batch.append(("\n    " if number == 0 else ",\n    ") + json_text(row))
        if len(batch) == 1000:
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "\n  ],\n  \"reasons\": " + json_text(rows.texts) + "\n}\n"


class _Rows:
    """The compact verdicts, one row per service and place (file, document), in the order they first occur; each
    verdict is [rule id, enforcement, index into the reasons], a reason (why a rule binds, advises or does not apply)
    written once a report."""

    def __init__(self) -> None:
        self.by_place: dict[tuple[str | None, str, int], dict[str, list[list[Any]]]] = {}
        self.reasons: dict[Any, int] = {}
        self.texts: list[dict[str, str]] = []

    def take(self, finding: Finding) -> bool:
        if finding.status not in COMPACT:
            return False
        place = (finding.service, finding.location.file, int(finding.location.document))
        row = self.by_place.get(place)
        if row is None:
            row = self.by_place[place] = {"pass": [], "not-applicable": []}
        reason = self.reasons.get(finding.enforcement_reason)
        if reason is None:
            reason = self.reasons[finding.enforcement_reason] = len(self.texts)
            self.texts.append(finding.enforcement_reason.to_json())
        row[finding.status.value].append([finding.rule_id, finding.enforcement.value, reason])
        return True

    def rows(self) -> Iterator[dict[str, Any]]:
        for (service, file, document), verdicts in self.by_place.items():
            yield {"service": service, "file": file, "document": document, **verdicts}


class _Encoder:
    """json_text(finding_json(finding)), byte for byte, at a fraction of its cost: the texts a portfolio's findings
    share (titles, reasons, file names) are encoded once; the rest is put together around them."""

    def __init__(self) -> None:
        self.known: dict[Any, str] = {}

    def once(self, value: Any, shape: Any) -> str:
        found = self.known.get(value)
        if found is None:
            if len(self.known) > 20_000:  # messages that quote a descriptor are mostly different: no unbounded memo
                self.known.clear()
            found = self.known[value] = json_text(shape)
        return found

    def __call__(self, finding: Finding) -> str:
        once, loc = self.once, finding.location
        return (f'{{"rule_id": {once(finding.rule_id, finding.rule_id)}, "status": "{finding.status.value}", '
                f'"severity": "{finding.severity.value}", "enforcement": "{finding.enforcement.value}", '
                f'"enforcement_reason": {once(finding.enforcement_reason, finding.enforcement_reason.to_json())}, '
                f'"service": {"null" if finding.service is None else once(finding.service, finding.service)}, '
                f'"message": {once(finding.message, finding.message.to_json())}, '
                f'"location": {{"file": {once(loc.file, loc.file)}, "document": {int(loc.document)}, "line": {int(loc.line)}, '
                f'"column": {int(loc.column)}, "end_line": {_number(loc.end_line)}, "end_column": {_number(loc.end_column)}, '
                f'"json_path": {json_text(loc.pointer)}}}, '
                f'"waiver": {"null" if finding.waiver is None else json_text(finding.waiver)}}}')


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def to_json(report: Report, findings: bool = True) -> dict[str, Any]:
    document = {
        "report_version": REPORT_VERSION,
        "tool": {"name": "cloudbeleid-checker", "version": __version__},
        "as_of": report.as_of,
        "lang": report.lang,
        "engine": report.engine,
        "engine_version": report.engine_version,
        "policy_revision": report.policy_revision,
        "packs": list(report.packs),
        "summary": {
            "files": len(report.files),
            "services": len(report.services),
            "fail_on": report.fail_on,
            "failing": len(report.failing()),
            "by_status": report.counts(),
            "exit_code": int(exit_code(report)),
            "baselined": report.baselined,
        },
        "waivers": list(report.waivers),
        "server": report.server,
        "reference_deviations": [dict(d) for d in report.reference_deviations],
        "skipped": [dict(s) for s in report.skipped],
        **({"ignored_rules": [dict(i) for i in report.ignored_rules]} if report.ignored_rules else {}),
        "rules": {rule.id: rule_json(rule) for rule in report.rules},
    }
    if findings:
        rows = _Rows()
        document["findings"] = [finding_json(f) for f in report.findings if not rows.take(f)]
        document["verdicts"] = list(rows.rows())
        document["reasons"] = rows.texts
    return document


def rule_json(rule: Rule) -> dict[str, Any]:
    """What every finding of a rule shares, once per report."""
    return {
        "pack": rule.pack,
        "severity": rule.severity.value,
        "title": rule.title.to_json(),
        "remediation": rule.remediation.to_json(),
        "applies_to": list(rule.applies_to),
        "verification": rule.verification,
        "sources": [s.to_json() for s in rule.sources],
        "docs": rule.docs,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding; the rule's title, remediation and sources are in the report's rules object."""
    return {
        "rule_id": finding.rule_id,
        "status": finding.status.value,
        "severity": finding.severity.value,
        "enforcement": finding.enforcement.value,
        "enforcement_reason": finding.enforcement_reason.to_json(),
        "service": finding.service,
        "message": finding.message.to_json(),
        "location": finding.location.to_json(),
        "waiver": finding.waiver,
    }
