"""Markdown for a merge-request comment or a procurement dossier: a verdict, the failures, a matrix.

Every string from input is written with md_text (each Markdown punctuation character backslash-escaped) or md_code
(a code span no backtick inside can close): it renders as exactly its text, never as HTML, a link or a table break.
"""

from __future__ import annotations

from collections import defaultdict

from checker.gate import exit_code
from checker.model import Enforcement, Report, Status
from checker.reporters.common import codes, deviation_where, md_code, md_text, run_words, server_line, skipped_reason, skipped_summary

WORDS = {
    "nl": {
        "title": "cloudbeleid-checker: resultaat",
        "verdict": {0: "✅ Voldoet", 1: "❌ Voldoet niet", 2: "⚠️ Niet alles kon worden gecontroleerd"},
        "meta": "Peildatum {as_of} · drempel {fail_on} · engine {engine} ({version}) · regels {revision}",
        "counts": "{services} diensten · {failing} verplicht falend · {advisory} advies · {passed} voldaan · {na} niet van toepassing · {errors} fouten",
        "findings": "Bevindingen",
        "matrix": "Overzicht per dienst",
        "columns": ("Plaats", "Regel", "Ernst", "Geldt", "Melding"),
        "service": "Dienst",
        "status": {"fail": "❌", "pass": "✅", "waived": "🟡 geaccepteerd", "not-applicable": "–", "error": "⚠️"},
        "enforcement": {"mandatory": "verplicht", "advisory": "advies", "not-applicable": "n.v.t."},
        "unverified": " *(bron niet geverifieerd)*",
        "expired": "⏰ acceptatie verlopen",
    },
    "en": {
        "title": "cloudbeleid-checker: result",
        "verdict": {0: "✅ Compliant", 1: "❌ Not compliant", 2: "⚠️ Not everything could be checked"},
        "meta": "Reference date {as_of} · threshold {fail_on} · engine {engine} ({version}) · rules {revision}",
        "counts": "{services} services · {failing} mandatory failing · {advisory} advisory · {passed} passed · {na} not applicable · {errors} errors",
        "findings": "Findings",
        "matrix": "Per service",
        "columns": ("Location", "Rule", "Severity", "Binds", "Message"),
        "service": "Service",
        "status": {"fail": "❌", "pass": "✅", "waived": "🟡 accepted", "not-applicable": "–", "error": "⚠️"},
        "enforcement": {"mandatory": "mandatory", "advisory": "advisory", "not-applicable": "n/a"},
        "unverified": " *(source not verified)*",
        "expired": "⏰ waiver expired",
    },
}


def render(report: Report, colour: bool = False) -> str:
    words = WORDS[report.lang]
    lang = report.lang
    counts = report.counts()
    advisory = sum(1 for f in report.findings if f.status is Status.FAIL and f.enforcement is not Enforcement.MANDATORY)
    lines = [
        f"## {words['title']}: {words['verdict'][int(exit_code(report))]}",
        "",
        md_text(words["meta"].format(as_of=report.as_of, fail_on=report.fail_on, engine=report.engine, version=report.engine_version,
                                     revision=report.policy_revision or "?")),
        "",
        *([md_text(server_line(report, lang)), ""] if report.server else []),
        words["counts"].format(services=len(report.services), failing=counts["fail"] - advisory, advisory=advisory,
                               passed=counts["pass"], na=counts["not-applicable"], errors=counts["error"]),
    ]
    shown = [f for f in report.findings if f.status in (Status.FAIL, Status.ERROR, Status.WAIVED)]
    if shown:
        lines += ["", f"### {words['findings']}", "", "| " + " | ".join(words["columns"]) + " |", "|---|---|---|---|---|"]
        for f in shown:
            footing = f.sources[0].status if f.sources else "verified"
            note = words["unverified"] if footing in ("secondary", "memory") else ""
            binds = words["enforcement"][f.enforcement.value]
            if f.waiver:
                w = f.waiver
                binds = (f"{words['status']['waived'] if f.status is Status.WAIVED else words['expired']} "
                         f"({md_text(w.get('decision_ref'))}, {md_text(w.get('risk_owner'))} / {md_text(w.get('approved_by'))}, → {md_text(w.get('expires'))})")
            lines.append(f"| {md_code(f.location)} | {md_text(f.rule_id)} | {f.severity.value} | {binds} | {md_text(f.message.get(lang))}{note} |")
    matrix: dict[str, dict[str, str]] = defaultdict(dict)
    rules: dict[str, None] = {}
    for f in report.findings:
        if f.service and f.status is not Status.ERROR:
            rules[f.rule_id] = None
            current = matrix[f.service].get(f.rule_id)
            mark = words["status"][f.status.value]
            if current is None or f.status is Status.FAIL:
                matrix[f.service][f.rule_id] = mark
    if matrix:
        ids = list(rules)
        lines += ["", f"### {words['matrix']}", "", f"| {words['service']} | " + " | ".join(md_text(i) for i in ids) + " |", "|---" * (len(ids) + 1) + "|"]
        for service, row in matrix.items():
            lines.append(f"| {md_text(service)} | " + " | ".join(row.get(rule, "") for rule in ids) + " |")
    lines += run_facts(report)
    return "\n".join(lines) + "\n"


def run_facts(report: Report) -> list[str]:
    """Sections for the deviations from the reference data and the skipped files, when there are any."""
    words = run_words(report.lang)
    lines: list[str] = []
    if report.reference_deviations:
        lines += ["", f"### {words['deviations']}", "", "| " + " | ".join(words["columns_deviation"]) + " |", "|---" * 6 + "|"]
        for d in report.reference_deviations:
            lines.append(f"| {md_code(deviation_where(d))} | {md_text(d.get('list', '?'))} | {md_text(codes(d.get('added')))} | "
                         f"{md_text(codes(d.get('removed')))} | {md_text(d.get('reason') or words['no_reason'])} | "
                         f"{md_text(d.get('decision_ref') or words['no_decision'])} |")
    if report.skipped:
        lines += ["", f"### {words['skipped_title']}", "", md_text(skipped_summary(report, report.lang)), "",
                  "| " + " | ".join(words["columns_skipped"]) + " |", "|---|---|"]
        lines += [f"| {md_code(entry.get('file', '?'))} | {md_text(skipped_reason(entry, report.lang))} |" for entry in report.skipped]
    return lines
