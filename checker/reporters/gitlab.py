"""GitLab Code Quality JSON (the Code Climate subset GitLab reads).

`location.path` is the file's normalised path relative to the repository root (GitLab links it into the merge
request's diff), whatever folder the run was started in; a file outside the root keeps its absolute path, which
links nowhere but names the file.
"""

from __future__ import annotations

import os
from typing import Any

from checker.i18n import text
from checker.model import Report, Status
from checker.reporters.common import (
    DEVIATION_RULE,
    IGNORED_RULE,
    SKIPPED_RULE,
    advisory,
    describe_deviation,
    deviation_fingerprint,
    fingerprint,
    ignored_fingerprint,
    ignored_line,
    json_text,
    repository_path,
    server_line,
    skipped_fingerprint,
    skipped_reason,
    visible,
)

SEVERITY = {"critical": "blocker", "high": "critical", "medium": "major", "low": "minor", "info": "info"}


def _path(file: str) -> str:
    return visible(repository_path(file) or os.path.abspath(file))


# Code Climate's categories (GitLab takes no others): a rule's finding is "Security" (the rules guard the
# confidentiality, sovereignty and continuity of government data); input that could not be checked and a file that
# looks like a descriptor but was skipped are "Bug Risk" (a defect that leaves a service unchecked)
SECURITY, BUG_RISK = "Security", "Bug Risk"


def _issue(check: str, description: str, body: str, severity: str, print_: str, file: str, begin: int, end: int | None = None,
           category: str = SECURITY) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": visible(check),
        "description": visible(description),
        "content": {"body": visible(body)},
        "categories": [category],
        "severity": severity,
        "fingerprint": print_,
        "location": {"path": _path(file), "lines": {"begin": max(1, begin), "end": max(1, end or begin)}},
    }


def render(report: Report, colour: bool = False) -> str:
    lang = report.lang
    issues = []
    for finding in report.findings:
        if finding.status not in (Status.FAIL, Status.ERROR):
            continue
        severity = "info" if advisory(finding) else SEVERITY[finding.severity.value]
        issues.append(_issue(finding.rule_id, f"{finding.rule_id}: {finding.message.get(lang)}",
                             finding.remediation.get(lang) if finding.remediation else "",
                             "critical" if finding.status is Status.ERROR else severity, fingerprint(finding),
                             finding.location.file, finding.location.line, finding.location.end_line,
                             BUG_RISK if finding.status is Status.ERROR else SECURITY))
    server = server_line(report, lang) or ""  # Code Quality has no place for the run's own facts
    for deviation in report.reference_deviations:
        issues.append(_issue(DEVIATION_RULE, f"{text(lang, 'run.deviation_title')}: {describe_deviation(deviation, lang, where=False)}",
                             server, "info", deviation_fingerprint(deviation), str(deviation.get("file", "")), int(deviation.get("line") or 1)))
    for entry in report.skipped:
        issues.append(_issue(SKIPPED_RULE, f"{text(lang, 'run.skipped_title')}: {text(lang, 'run.skipped_file', reason=skipped_reason(entry, lang))}",
                             server, "info", skipped_fingerprint(entry), str(entry.get("file", "")), 1, category=BUG_RISK))
    if report.ignored_rules:  # at the first file checked: Code Quality places every issue in a file
        issues.append(_issue(IGNORED_RULE, f"{text(lang, 'run.ignored_title')}: {ignored_line(report, lang)}", server, "info",
                             ignored_fingerprint(report), report.files[0] if report.files else ".", 1, category=BUG_RISK))
    return json_text(issues, indent=2) + "\n"
