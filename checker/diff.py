"""`cloudbeleid diff`: which services newly fail or newly pass when one set of packs replaces another."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker import i18n
from checker.evaluate import check
from checker.model import Enforcement, Report, Status
from checker.pipeline import Options

CHANGES = ("newly-failing", "newly-passing", "still-failing", "still-passing")


@dataclass(frozen=True)
class Diff:
    from_packs: tuple[str, ...]
    to_packs: tuple[str, ...]
    as_of: str
    rows: tuple[dict[str, Any], ...]  # per service: change, failing_before, failing_after
    unchecked: bool  # a descriptor could not be checked under one of the two: the comparison is not whole
    organisations: tuple[dict[str, Any], ...] = ()  # per organisation: what the new packs change for it

    def as_json(self) -> dict[str, Any]:
        return {"from": list(self.from_packs), "to": list(self.to_packs), "as_of": self.as_of, "services": list(self.rows),
                "organisations": list(self.organisations)}

    def lines(self, lang: str) -> list[str]:
        words = i18n.group(lang, "diff.change")
        lines = []
        for row in self.rows:
            rules = ", ".join(row["failing_after"] or row["failing_before"])
            lines.append(f"{row['service']}: {words[row['change']]}" + (f" ({rules})" if rules else ""))
        return lines

    def summary(self, lang: str) -> str:
        words = i18n.group(lang, "diff.change")
        counts = {k: sum(1 for r in self.rows if r["change"] == k) for k in CHANGES}
        return (" · ".join(f"{n} {words[k]}" for k, n in counts.items())
                + f"  ({' + '.join(self.from_packs)} → {' + '.join(self.to_packs)}, {self.as_of})")


def failing(report: Report) -> dict[str, set[str]]:
    """Per service of the report, the rules it fails that bind it."""
    out: dict[str, set[str]] = {service: set() for service in report.services}
    for f in report.findings:
        if f.service in out and f.status is Status.FAIL and f.enforcement is Enforcement.MANDATORY:
            out[f.service].add(f.rule_id)
    return out


def compare(options: Options, from_packs: list[str], to_packs: list[str]) -> Diff:
    """Check the same descriptors under both sets of packs and compare the services' failing rules."""
    first = check(replace(options, packs=tuple(p.replace("-", "_") for p in from_packs)))
    second = check(replace(options, packs=tuple(p.replace("-", "_") for p in to_packs)))
    before, after = failing(first), failing(second)
    rows = []
    for service in sorted(set(before) | set(after)):
        old, new = before.get(service, set()), after.get(service, set())
        change = ("newly-failing" if new and not old else "newly-passing" if old and not new
                  else "still-failing" if new else "still-passing")
        rows.append({"service": service, "change": change, "failing_before": sorted(old), "failing_after": sorted(new)})
    files = {f.service: f.location.file for report in (first, second) for f in report.findings if f.service}
    organisations = summaries(before, after, files, options.config, first.rules, second.rules, options.as_of)
    return Diff(tuple(from_packs), tuple(to_packs), options.as_of, tuple(rows), bool(first.errors or second.errors),
                tuple(organisations))


def summaries(before: dict[str, set[str]], after: dict[str, set[str]], files: dict[str, str], config: Path | None,
                    old_rules: Any, new_rules: Any, as_of: str) -> list[dict[str, Any]]:
    """Per organisation (the profile of the configuration that governs each file): what the new packs change for it."""
    from checker.applicability import enforcement
    from checker.config import ConfigFinder

    finder = ConfigFinder(config)
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for service in sorted(set(before) | set(after)):
        organisation = finder.for_file(Path(files[service])).organisation if service in files else {}
        key = (str(organisation.get("name", "?")), str(organisation.get("type", "?")))
        group = groups.setdefault(key, {"organisation": organisation, "services": []})
        group["services"].append(service)

    def binding(rules: Any, organisation: dict[str, Any]) -> dict[str, int]:
        counts = {"mandatory": 0, "advisory": 0, "not-applicable": 0}
        for rule in rules:
            counts[enforcement(rule.applies_to, organisation, as_of)[0].value] += 1
        return counts

    summaries = []
    for (name, kind), group in groups.items():
        old = set().union(*(before.get(s, set()) for s in group["services"]))
        new = set().union(*(after.get(s, set()) for s in group["services"]))
        summaries.append({
            "organisation": name, "type": kind, "services": group["services"],
            "rules_before": binding(old_rules, group["organisation"]), "rules_after": binding(new_rules, group["organisation"]),
            "failing_before": sorted(old), "failing_after": sorted(new),
            "newly_failing_rules": sorted(new - old), "no_longer_failing_rules": sorted(old - new),
            "services_failing_before": sum(1 for s in group["services"] if before.get(s)),
            "services_failing_after": sum(1 for s in group["services"] if after.get(s)),
        })
    return summaries


def render_text(diff: Diff, language: str) -> list[str]:
    """The comparison as lines: a line per service, the tally, then a summary per organisation."""
    lines = [*diff.lines(language), diff.summary(language)]
    for summary in diff.organisations:
        lines += ["", *summary_text(summary, language).split("\n")]
    return lines


def summary_text(summary: dict[str, Any], language: str) -> str:
    level = i18n.group(language, "diff.level")

    def levels(counts: dict[str, int]) -> str:
        return ", ".join(f"{counts[k]} {level[k]}" for k in ("mandatory", "advisory", "not-applicable"))

    def rules(key: str) -> str:
        return ", ".join(summary[key]) or i18n.text(language, "diff.none")

    return "\n".join([
        i18n.text(language, "diff.org.header", organisation=summary["organisation"], type=summary["type"],
                  total=len(summary["services"])),
        i18n.text(language, "diff.org.rules", before=levels(summary["rules_before"]), after=levels(summary["rules_after"])),
        i18n.text(language, "diff.org.services", before=summary["services_failing_before"],
                  after=summary["services_failing_after"]),
        i18n.text(language, "diff.org.newly_failing", rules=rules("newly_failing_rules")),
        i18n.text(language, "diff.org.no_longer_failing", rules=rules("no_longer_failing_rules")),
    ])
