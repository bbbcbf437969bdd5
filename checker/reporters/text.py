"""Text for a terminal or a log: location first, then severity, rule id, message and the rule's docs."""

from __future__ import annotations

import io
from typing import Any

from checker.gate import exit_code
from checker.i18n import plural, text
from checker.model import Enforcement, Finding, Report, Status
from checker.reporters.common import describe_deviation, ignored_line, server_line, skipped_reason, skipped_summary, threshold, visible

_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}

def render(report: Report, colour: bool = False) -> str:
    return _render(report, colour, quiet=False)


def render_quiet(report: Report, colour: bool = False) -> str:
    """--quiet: only what fails the gate (input errors included), the rules left out, and the verdict."""
    return _render(report, colour, quiet=True)


def _render(report: Report, colour: bool, quiet: bool) -> str:
    lang = report.lang
    shown = [f for f in report.findings if f.status in (Status.FAIL, Status.ERROR)]
    if quiet:
        gating = {id(f) for f in report.failing()}
        shown = [f for f in shown if f.status is Status.ERROR or id(f) in gating]
    lines = [_line(f, lang, colour) for f in shown]
    counts = report.counts()
    advisory = sum(1 for f in report.findings if f.status is Status.FAIL and f.enforcement is not Enforcement.MANDATORY)
    summary = [text(lang, "text.summary",
        services=len(report.services), files=len(report.files), as_of=report.as_of,
        failing=counts["fail"] - advisory, advisory=advisory, passed=counts["pass"],
        na=counts["not-applicable"], errors=counts["error"],
        services_word=plural(lang, "text.plural.service", len(report.services)),
        files_word=plural(lang, "text.plural.file", len(report.files)), errors_word=plural(lang, "text.plural.error", counts["error"]),
    )]
    if report.waivers:
        counts_by = {k: sum(1 for w in report.waivers if w["status"] == k) for k in ("active", "expiring", "expired", "unused", "invalid")}
        soon = [f"{w['rule']} {w['service']} ({w['expires']})" for w in report.waivers if w["status"] == "expiring"]
        summary.append(text(lang, "text.waivers", soon=f" ({'; '.join(soon)})" if soon else "", **counts_by))
    if report.baselined:
        summary.append(text(lang, "text.baselined", count=report.baselined))
    summary = ([ignored_line(report, lang)] if report.ignored_rules else []) if quiet else summary + run_facts(report, lang)
    verdict = {0: "ok", 1: "failed", 2: "unchecked"}[int(exit_code(report))]
    summary.append(text(lang, "text.gate", fail_on=threshold(report, lang), gating=len(report.failing()), verdict=text(lang, f"text.{verdict}")))
    # every line is made visible as a whole: whatever a field holds, no line carries a control character or
    # starts a workflow command
    summary = [visible(line) for line in summary]
    if not colour:
        return "".join(line + "\n" for line in lines + summary)
    # rich only for a terminal: it costs start-up time a pre-commit hook or a pipeline does not need
    from rich.console import Console
    from rich.text import Text

    # the lines are rich Text objects, never markup: no '[bold]', '[link=...]' or ':warning:' in input is read as such
    console = Console(file=io.StringIO(), force_terminal=True, highlight=False, soft_wrap=True, width=200, emoji=False, markup=False)
    for line in lines:
        console.print(line)
    for line in summary:
        console.print(Text(line))
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def run_facts(report: Report, lang: str) -> list[str]:
    """The run's own facts a reader must see: the OPA server asked, deviations from the reference data, skipped files."""
    facts = [line for line in (server_line(report, lang),) if line]
    facts += [f"{text(lang, 'run.deviation_title')}: {describe_deviation(d, lang)}" for d in report.reference_deviations]
    if report.ignored_rules:
        facts.append(ignored_line(report, lang))
    summary = skipped_summary(report, lang)
    if summary:
        facts.append(summary)
        facts += [f"  {entry.get('file', '?')}: {skipped_reason(entry, lang)}" for entry in report.skipped]
    return facts


def _line(finding: Finding, lang: str, colour: bool) -> Any:
    severity = text(lang, "text.error") if finding.status is Status.ERROR else finding.severity.value
    tag = f" [{text(lang, 'text.advisory')}]" if finding.enforcement is Enforcement.ADVISORY else ""
    footing = finding.sources[0].status if finding.sources else "verified"
    note = f" [{text(lang, 'text.' + footing)}]" if footing in ("secondary", "memory") else ""
    if finding.waiver and finding.waiver.get("status") == "expired":
        note += f" [{text(lang, 'text.expired', ref=finding.waiver['decision_ref'], date=finding.waiver['expires'])}]"
    docs = f" ({finding.docs})" if finding.docs else ""
    location, rule_id, message = visible(finding.location), visible(finding.rule_id), visible(finding.message.get(lang))
    note, docs = visible(note), visible(docs)
    if not colour:
        return f"{location}: {severity} {rule_id}{tag} {message}{note}{docs}"
    from rich.text import Text

    style = "bold red" if finding.status is Status.ERROR else _STYLE[finding.severity.value]
    return Text.assemble(f"{location}: ", (severity, style), " ", (rule_id, "bold"), f"{tag} {message}", (f"{note}{docs}", "dim"))
