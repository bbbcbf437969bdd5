"""GitHub Actions workflow commands: an annotation per failure on its file and line.

The job summary (Markdown) is written by the CLI to $GITHUB_STEP_SUMMARY when that is set.
"""

from __future__ import annotations

from checker.model import Report, Status
from checker.reporters.common import advisory


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, colour: bool = False) -> str:
    lines = []
    for finding in report.findings:
        if finding.status not in (Status.FAIL, Status.ERROR):
            continue
        command = "warning" if advisory(finding) else "error"
        location = finding.location
        properties = [f"file={_escape_property(location.file)}", f"line={location.line}", f"col={location.column}"]
        if location.end_line:
            properties += [f"endLine={location.end_line}", f"endColumn={location.end_column}"]
        properties.append(f"title={_escape_property(finding.rule_id + ' (' + finding.severity.value + ')')}")
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(finding.message.get(report.lang))}")
    return "\n".join(lines) + ("\n" if lines else "")
