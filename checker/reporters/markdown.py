"""Markdown for a merge-request comment or a procurement dossier: a verdict, the failures, a matrix.

Every string from input is written with md_text (each Markdown punctuation character backslash-escaped) or md_code
(a code span no backtick inside can close): it renders as exactly its text, never as HTML, a link or a table break.
"""

from __future__ import annotations

from collections import defaultdict

from checker.gate import exit_code
from checker.i18n import columns, group, plural, text
from checker.model import Enforcement, Report, Status
from checker.reporters.common import (
    codes,
    deviation_decision,
    deviation_reason,
    deviation_where,
    effect,
    ignored_line,
    md_code,
    md_text,
    server_line,
    severity_word,
    skipped_reason,
    skipped_summary,
    threshold,
)


def render(report: Report, colour: bool = False) -> str:
    lang = report.lang
    status, enforcement = group(lang, "markdown.status"), group(lang, "enforcement")
    counts = report.counts()
    advisory = sum(1 for f in report.findings if f.status is Status.FAIL and f.enforcement is not Enforcement.MANDATORY)
    lines = [
        f"## {text(lang, 'markdown.title')}: {text(lang, f'markdown.verdict.{int(exit_code(report))}')}",
        "",
        md_text(text(lang, "markdown.meta", as_of=report.as_of, fail_on=threshold(report, lang), engine=report.engine, version=report.engine_version,
                                     revision=report.policy_revision or "?")),
        "",
        *([md_text(server_line(report, lang)), ""] if report.server else []),
        text(lang, "markdown.counts", services=plural(lang, "markdown.services", len(report.services)), failing=counts["fail"] - advisory,
             advisory=advisory, passed=counts["pass"], na=counts["not-applicable"], errors=plural(lang, "markdown.errors", counts["error"])),
    ]
    shown = [f for f in report.findings if f.status in (Status.FAIL, Status.ERROR, Status.WAIVED)]
    if shown:
        lines += ["", f"### {text(lang, 'markdown.findings')}", "", "| " + " | ".join(columns(lang, "markdown.columns")) + " |", "|---|---|---|---|---|"]
        for f in shown:
            footing = f.sources[0].status if f.sources else "verified"
            note = text(lang, "markdown.unverified") if footing in ("secondary", "memory") else ""
            # a binding failure below the threshold says so: it is reported, but does not fail the run
            binds = text(lang, "views.below") if f.status is Status.FAIL and effect(f, report) == "below" else enforcement[f.enforcement.value]
            if f.waiver:
                w = f.waiver
                binds = (f"{status['waived'] if f.status is Status.WAIVED else text(lang, 'markdown.expired')} "
                         f"({md_text(w.get('decision_ref'))}, {md_text(w.get('risk_owner'))} / {md_text(w.get('approved_by'))}, → {md_text(w.get('expires'))})")
            lines.append(f"| {md_code(f.location)} | {md_text(f.rule_id)} | {severity_word(f.severity, lang)} | {binds} | {md_text(f.message.get(lang))}{note} |")
    matrix: dict[str, dict[str, str]] = defaultdict(dict)
    rules: dict[str, None] = {}
    for f in report.findings:
        if f.service and f.status is not Status.ERROR:
            rules[f.rule_id] = None
            current = matrix[f.service].get(f.rule_id)
            mark = status[f.status.value]
            if current is None or f.status is Status.FAIL:
                matrix[f.service][f.rule_id] = mark
    if matrix:
        ids = list(rules)
        lines += ["", f"### {text(lang, 'markdown.matrix')}", "", f"| {text(lang, 'markdown.service')} | " + " | ".join(md_text(i) for i in ids) + " |", "|---" * (len(ids) + 1) + "|"]
        for service, row in matrix.items():
            lines.append(f"| {md_text(service)} | " + " | ".join(row.get(rule, "") for rule in ids) + " |")
    lines += run_facts(report)
    return "\n".join(lines) + "\n"


def run_facts(report: Report) -> list[str]:
    """Sections for the deviations from the reference data and the skipped files, when there are any."""
    lang = report.lang
    lines: list[str] = []
    if report.reference_deviations:
        lines += ["", f"### {text(lang, 'run.deviations')}", "", "| " + " | ".join(columns(lang, "run.columns_deviation")) + " |", "|---" * 6 + "|"]
        for d in report.reference_deviations:
            lines.append(f"| {md_code(deviation_where(d))} | {md_text(d.get('list', '?'))} | {md_text(codes(d.get('added')))} | "
                         f"{md_text(codes(d.get('removed')))} | {md_text(deviation_reason(d, lang))} | "
                         f"{md_text(deviation_decision(d, lang))} |")
    if report.ignored_rules:
        lines += ["", f"### {text(lang, 'run.ignored_title')}", "", md_text(ignored_line(report, lang))]
    if report.skipped:
        lines += ["", f"### {text(lang, 'run.skipped_title')}", "", md_text(skipped_summary(report, lang)), "",
                  "| " + " | ".join(columns(lang, "run.columns_skipped")) + " |", "|---|---|"]
        lines += [f"| {md_code(entry.get('file', '?'))} | {md_text(skipped_reason(entry, lang))} |" for entry in report.skipped]
    return lines
