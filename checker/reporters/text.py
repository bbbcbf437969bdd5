"""Text for a terminal or a log: location first, then severity, rule id, message and the rule's docs."""

from __future__ import annotations

import io

from checker.gate import exit_code
from checker.model import Enforcement, Finding, Report, Severity, Status

_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}

_WORDS = {
    "nl": {
        "advisory": "advies",
        "error": "fout",
        "summary": "{services} diensten in {files} bestanden (peildatum {as_of}): {failing} verplicht falend, {advisory} advies, {passed} voldaan, {na} niet van toepassing, {errors} fouten.",
        "gate": "Drempel {fail_on}: {gating} op of boven de drempel; {verdict}.",
        "ok": "geslaagd",
        "failed": "gefaald",
        "unchecked": "niet alles kon worden gecontroleerd",
    },
    "en": {
        "advisory": "advisory",
        "error": "error",
        "summary": "{services} services in {files} files (reference date {as_of}): {failing} mandatory failing, {advisory} advisory, {passed} passed, {na} not applicable, {errors} errors.",
        "gate": "Threshold {fail_on}: {gating} at or above it; {verdict}.",
        "ok": "passed",
        "failed": "failed",
        "unchecked": "not everything could be checked",
    },
}


def render(report: Report, fail_on: Severity, colour: bool = False) -> str:
    from rich.console import Console
    from rich.markup import escape

    words = _WORDS[report.lang]
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=colour, no_color=not colour, highlight=False, soft_wrap=True, width=200)
    for finding in report.findings:
        if finding.status in (Status.FAIL, Status.ERROR):
            console.print(_line(finding, report.lang, words, escape))
    counts = report.counts()
    advisory = sum(1 for f in report.findings if f.status is Status.FAIL and f.enforcement is not Enforcement.MANDATORY)
    console.print(words["summary"].format(
        services=len(report.services), files=len(report.files), as_of=report.as_of,
        failing=counts["fail"] - advisory, advisory=advisory, passed=counts["pass"],
        na=counts["not-applicable"], errors=counts["error"],
    ))
    verdict = {0: "ok", 1: "failed", 2: "unchecked"}[int(exit_code(report, fail_on))]
    console.print(words["gate"].format(fail_on=fail_on.value, gating=len(report.failing(fail_on)), verdict=words[verdict]))
    return buffer.getvalue()


def _line(finding: Finding, lang: str, words: dict[str, str], escape) -> str:
    severity = words["error"] if finding.status is Status.ERROR else finding.severity.value
    style = "bold red" if finding.status is Status.ERROR else _STYLE[finding.severity.value]
    tag = f" [{words['advisory']}]" if finding.enforcement is Enforcement.ADVISORY else ""
    docs = f" ({finding.docs})" if finding.docs else ""
    return (
        f"{escape(str(finding.location))}: [{style}]{severity}[/] [bold]{finding.rule_id}[/]{escape(tag)} "
        f"{escape(finding.message.get(lang))}[dim]{escape(docs)}[/]"
    )
