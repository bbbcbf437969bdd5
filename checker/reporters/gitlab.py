"""GitLab Code Quality JSON (the Code Climate subset GitLab reads)."""

from __future__ import annotations

import json

from checker.model import Report, Status
from checker.reporters.common import advisory, fingerprint

SEVERITY = {"critical": "blocker", "high": "critical", "medium": "major", "low": "minor", "info": "info"}


def render(report: Report, colour: bool = False) -> str:
    issues = []
    for finding in report.findings:
        if finding.status not in (Status.FAIL, Status.ERROR):
            continue
        severity = "info" if advisory(finding) else SEVERITY[finding.severity.value]
        issues.append({
            "type": "issue",
            "check_name": finding.rule_id,
            "description": f"{finding.rule_id}: {finding.message.get(report.lang)}",
            "content": {"body": finding.remediation.get(report.lang) if finding.remediation else ""},
            "categories": ["Security", "Compliance"],
            "severity": "critical" if finding.status is Status.ERROR else severity,
            "fingerprint": fingerprint(finding),
            "location": {"path": finding.location.file, "lines": {"begin": finding.location.line, "end": finding.location.end_line or finding.location.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
