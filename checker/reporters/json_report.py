"""The versioned JSON report (schemas/report.v1.schema.json): every finding, passes included."""

from __future__ import annotations

import json
from typing import Any

from checker import __version__
from checker.gate import exit_code
from checker.model import Finding, Report, Severity

REPORT_VERSION = 1


def render(report: Report, colour: bool = False) -> str:
    return json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"


def to_json(report: Report) -> dict[str, Any]:
    return {
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
        "findings": [finding_json(f) for f in report.findings],
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule_id": finding.rule_id,
        "status": finding.status.value,
        "severity": finding.severity.value,
        "enforcement": finding.enforcement.value,
        "enforcement_reason": finding.enforcement_reason.to_json(),
        "service": finding.service,
        "message": finding.message.to_json(),
        "title": finding.title.to_json() if finding.title else None,
        "remediation": finding.remediation.to_json() if finding.remediation else None,
        "location": finding.location.to_json(),
        "sources": [s.to_json() for s in finding.sources],
        "docs": finding.docs,
        "waiver": finding.waiver,
    }
