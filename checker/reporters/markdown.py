"""Markdown for a merge-request comment or a procurement dossier: a verdict, the failures, a matrix."""

from __future__ import annotations

from collections import defaultdict

from checker.gate import exit_code
from checker.model import Enforcement, Report, Status

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


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(report: Report, colour: bool = False) -> str:
    words = WORDS[report.lang]
    lang = report.lang
    counts = report.counts()
    advisory = sum(1 for f in report.findings if f.status is Status.FAIL and f.enforcement is not Enforcement.MANDATORY)
    lines = [
        f"## {words['title']}: {words['verdict'][int(exit_code(report))]}",
        "",
        words["meta"].format(as_of=report.as_of, fail_on=report.fail_on, engine=report.engine, version=report.engine_version,
                             revision=report.policy_revision or "?"),
        "",
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
                binds = f"{words['status']['waived'] if f.status is Status.WAIVED else words['expired']} ({w['decision_ref']}, {w['risk_owner']} / {w['approved_by']}, → {w['expires']})"
            lines.append(f"| `{f.location}` | {f.rule_id} | {f.severity.value} | {binds} | {_cell(f.message.get(lang))}{note} |")
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
        lines += ["", f"### {words['matrix']}", "", f"| {words['service']} | " + " | ".join(ids) + " |", "|---" * (len(ids) + 1) + "|"]
        for service, row in matrix.items():
            lines.append(f"| {service} | " + " | ".join(row.get(rule, "") for rule in ids) + " |")
    return "\n".join(lines) + "\n"
