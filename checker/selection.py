"""--select and --ignore: which rules a report shows, by rule id or pack, with globs (as ruff and checkov take them).

Narrowing what is shown never narrows what is decided. Every rule still runs; a rule left out is listed in every
output format (Report.ignored_rules), and a finding of a left-out rule that fails the gate (a mandatory failure at
or above the threshold) stays in the report and keeps failing it: a mandatory failure is accepted only by a risk
acceptance with its owner and expiry (waivers.yaml), never by a command-line flag a pipeline or a pre-commit
configuration can carry.
"""

from __future__ import annotations

from dataclasses import replace
from fnmatch import fnmatchcase
from typing import Any

from checker.errors import UsageError
from checker.i18n import text
from checker.model import Report, Rule, Verdicts


def _matches(pattern: str, rule: Rule) -> bool:
    return fnmatchcase(rule.id, pattern.upper()) or fnmatchcase(rule.pack, pattern.lower().replace("-", "_"))


def chosen(rules: tuple[Rule, ...] | list[Rule], select: tuple[str, ...], ignore: tuple[str, ...], lang: str) -> set[str]:
    """The ids of the rules the report shows; a pattern that matches no rule and no pack is a usage error (a typo
    must not quietly select nothing or ignore nothing)."""
    for option, patterns in (("--select", select), ("--ignore", ignore)):
        for pattern in patterns:
            if not any(_matches(pattern, rule) for rule in rules):
                raise UsageError(text(lang, "cli.select.unknown", option=option, pattern=repr(pattern)))
    return {r.id for r in rules
            if (not select or any(_matches(p, r) for p in select)) and not any(_matches(p, r) for p in ignore)}


def apply(report: Report, select: tuple[str, ...], ignore: tuple[str, ...], known: tuple[Rule, ...] | list[Rule]) -> Report:
    """The report without the findings of the rules left out, except those that fail the gate; the rules left out
    listed with how many findings were not shown and how many gate failures stayed."""
    if not select and not ignore:
        return report
    shown = chosen(known, select, ignore, report.lang)
    fails = report.fails  # by what the finding is: a spooled report makes its findings anew at each reading
    ignored: dict[str, dict[str, Any]] = {
        r.id: {"rule": r.id, "pack": r.pack, "hidden": 0, "kept": 0} for r in report.rules if r.id not in shown}
    kept = []
    for finding in report.detailed:
        entry = ignored.get(finding.rule_id)
        if entry is None:  # a shown rule, or no rule at all (input errors): always reported
            kept.append(finding)
        elif fails(finding):
            entry["kept"] = entry["kept"] + 1
            kept.append(finding)
        else:
            entry["hidden"] = entry["hidden"] + 1
    rows = []
    for row in report.verdicts:  # a pass or not-applicable verdict never fails the gate: hidden when its rule is
        shown_here = tuple(v for v in row.verdicts if v[0].id not in ignored)
        for verdict in row.verdicts:
            if verdict[0].id in ignored:
                ignored[verdict[0].id]["hidden"] += 1
        if len(shown_here) == len(row.verdicts):
            rows.append(row)
        elif shown_here:
            rows.append(Verdicts(row.service, row.location, shown_here))
    return replace(report, findings=tuple(kept), verdicts=tuple(rows), ignored_rules=tuple(ignored[k] for k in sorted(ignored)))
