"""`cloudbeleid diff`: which services newly fail or newly pass when one set of packs replaces another."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from checker.evaluate import check
from checker.model import Enforcement, Report, Status
from checker.pipeline import Options

CHANGES = ("newly-failing", "newly-passing", "still-failing", "still-passing")
WORDS = {
    "nl": {"newly-failing": "faalt nu", "newly-passing": "voldoet nu", "still-failing": "faalt nog steeds",
           "still-passing": "voldoet nog steeds"},
    "en": {"newly-failing": "newly failing", "newly-passing": "newly passing", "still-failing": "still failing",
           "still-passing": "still passing"},
}


@dataclass(frozen=True)
class Diff:
    from_packs: tuple[str, ...]
    to_packs: tuple[str, ...]
    as_of: str
    rows: tuple[dict[str, Any], ...]  # per service: change, failing_before, failing_after
    unchecked: bool  # a descriptor could not be checked under one of the two: the comparison is not whole

    def as_json(self) -> dict[str, Any]:
        return {"from": list(self.from_packs), "to": list(self.to_packs), "as_of": self.as_of, "services": list(self.rows)}

    def lines(self, lang: str) -> list[str]:
        words = WORDS[lang]
        lines = []
        for row in self.rows:
            rules = ", ".join(row["failing_after"] or row["failing_before"])
            lines.append(f"{row['service']}: {words[row['change']]}" + (f" ({rules})" if rules else ""))
        return lines

    def summary(self, lang: str) -> str:
        words = WORDS[lang]
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
    return Diff(tuple(from_packs), tuple(to_packs), options.as_of, tuple(rows), bool(first.errors or second.errors))
