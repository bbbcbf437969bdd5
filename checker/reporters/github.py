"""GitHub Actions workflow commands: an annotation per failure on its file and line.

The job summary (Markdown) is written by the CLI to $GITHUB_STEP_SUMMARY when that is set.

The runner executes every line of a step's output that starts with '::'. Only this module writes such lines, and
it writes its data escaped by GitHub's rules (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts):
'%', CR and LF in the message, and ':' and ',' too in a property. The data are made visible first, so no control
character, ANSI escape or second command reaches the log.
"""

from __future__ import annotations

from checker.i18n import text
from checker.model import Report, Status
from checker.reporters.common import DEVIATION_RULE, IGNORED_RULE, SKIPPED_RULE, describe_deviation, effect, ignored_line, repository_path, skipped_reason, visible


def _escape_data(text: str) -> str:
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _file(path: str) -> str:
    """GitHub places an annotation by the path from the repository root: an absolute path under it becomes relative."""
    return repository_path(path) or path


def _command(command: str, properties: list[tuple[str, object]], message: str) -> str:
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties)
    return f"::{command} {props}::{_escape_data(message)}"


def render(report: Report, colour: bool = False) -> str:
    lines = []
    lang = report.lang
    for finding in report.findings:
        if finding.status not in (Status.FAIL, Status.ERROR):
            continue
        # an error only for what fails the run: advice and a binding failure below the threshold are warnings
        command = "error" if effect(finding, report) in ("error", "mandatory") else "warning"
        location = finding.location
        properties: list[tuple[str, object]] = [("file", _file(location.file)), ("line", location.line), ("col", location.column)]
        if location.end_line:
            properties += [("endLine", location.end_line), ("endColumn", location.end_column)]
        properties.append(("title", f"{finding.rule_id} ({finding.severity.value})"))
        lines.append(_command(command, properties, finding.message.get(lang)))
    for deviation in report.reference_deviations:
        lines.append(_command("warning", [("file", _file(str(deviation.get("file", "")))), ("line", deviation.get("line") or 1),
                                          ("title", f"{DEVIATION_RULE}: {text(lang, 'run.deviation_title')}")],
                              describe_deviation(deviation, lang, where=False)))
    for entry in report.skipped:
        lines.append(_command("notice", [("file", _file(str(entry.get("file", "")))), ("title", f"{SKIPPED_RULE}: {text(lang, 'run.skipped_title')}")],
                              text(lang, "run.skipped_file", reason=skipped_reason(entry, lang))))
    if report.ignored_rules:
        lines.append(_command("warning", [("title", f"{IGNORED_RULE}: {text(lang, 'run.ignored_title')}")], ignored_line(report, lang)))
    return "\n".join(lines) + ("\n" if lines else "")
