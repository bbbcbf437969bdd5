"""The gate's verdict: the one place that turns a Report into an exit code (design.md, Exit codes)."""

from __future__ import annotations

from checker.errors import ExitCode
from checker.model import Report


def exit_code(report: Report) -> ExitCode:
    if report.errors:
        return ExitCode.UNCHECKED  # fail closed: some input was not checked
    if report.failing_count():
        return ExitCode.FINDINGS
    return ExitCode.OK
