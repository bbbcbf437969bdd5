"""Risk acceptances (waivers): load, validate against the catalogue, match findings, expire.

A waiver needs a reason, a risk owner, an approver, a decision reference and a
period; it may not outlast the maximum horizon for the rule's severity, and rules
that no acceptance can lift refuse it. A waived finding stays in every report.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.errors import InputError
from checker.i18n import message
from checker.model import Enforcement, Finding, Location, Rule, Severity, Status
from checker.pipeline.discover import display_path
from checker.schema import load_validated

if TYPE_CHECKING:  # names for annotations only: the run's cache asks settings_for before any catalogue is needed
    from checker.catalog import Catalog
    from checker.config import Config

WAIVER_FILE = "waivers.yaml"
DEFAULT_HORIZON_DAYS = {"critical": 90, "high": 180, "medium": 365, "low": 730, "info": 730}
DEFAULT_EXPIRING_WITHIN_DAYS = 30


@dataclass(frozen=True)
class Waiver:
    rule: str
    service: str
    path: str | None
    reason: str
    risk_owner: str
    approved_by: str
    decision_ref: str
    granted: str
    expires: str
    file: str
    line: int

    def matches(self, finding: Finding) -> bool:
        if finding.rule_id != self.rule or not finding.service or not fnmatch.fnmatchcase(finding.service, self.service):
            return False
        pointer = finding.location.pointer
        return self.path is None or pointer == self.path or pointer.startswith(self.path.rstrip("/") + "/")

    def days(self) -> int:
        return (date.fromisoformat(self.expires) - date.fromisoformat(self.granted)).days

    def to_json(self, status: str) -> dict[str, Any]:
        fields = {k: v for k, v in self.__dict__.items() if v is not None}
        return {**fields, "status": status}


@dataclass(frozen=True)
class Settings:
    file: Path | None
    horizon: dict[str, int]
    expiring_within_days: int


def settings_for(config: Any, existing: bool = True) -> Settings:
    """A configuration's waiver settings; its file only when it exists or is named (existing=False: where it would
    be, so that deleting it counts as a change)."""
    raw = getattr(config, "waivers", {}) or {}
    file = None
    if config.path is not None:
        candidate = config.root / raw.get("file", WAIVER_FILE)
        if candidate.is_file() or "file" in raw or not existing:
            file = candidate
    return Settings(file, {**DEFAULT_HORIZON_DAYS, **raw.get("max_horizon_days", {})},
                    raw.get("expiring_within_days", DEFAULT_EXPIRING_WITHIN_DAYS))


def load(path: Path, display: str) -> list[Waiver]:
    document = load_validated(path, display, "waivers", "waiver file")
    return [
        Waiver(item["rule"], item["service"], item.get("path"), item["reason"], item["risk_owner"], item["approved_by"],
               item["decision_ref"], item["granted"], item["expires"], display, document.locate(("waivers", i))[1][0])
        for i, item in enumerate(document.data["waivers"])
    ]


def problem(waiver: Waiver) -> Any:
    return lambda text: Finding(
        rule_id="WAIVER-INVALID", status=Status.ERROR, severity=Severity.HIGH, enforcement=Enforcement.MANDATORY,
        enforcement_reason=message("waivers.invalid_reason"),
        message=text, location=Location(waiver.file, 0, waiver.line, 5), waiver=waiver.to_json("invalid"),
    )


def check(waivers: list[Waiver], rules: dict[str, Rule], settings: Settings) -> tuple[list[Waiver], list[Finding]]:
    """The waivers that may be applied, and an error finding for each that may not."""
    valid, errors = [], []
    for waiver in waivers:
        error = problem(waiver)
        rule = rules.get(waiver.rule)
        if rule is None:
            errors.append(error(message("waivers.unknown_rule", rule=waiver.rule)))
        elif not rule.waivable:
            errors.append(error(message("waivers.not_waivable", rule=waiver.rule)))
        elif waiver.days() < 0:
            errors.append(error(message("waivers.before_granted", expires=waiver.expires, granted=waiver.granted)))
        elif waiver.days() > settings.horizon[rule.severity.value]:
            limit = settings.horizon[rule.severity.value]
            errors.append(error(message("waivers.too_long", days=waiver.days(), severity=message(f"severity.{rule.severity.value}"),
                                        limit=limit)))
        else:
            valid.append(waiver)
    return valid, errors


def apply(findings: list[Finding], waivers: list[Waiver], as_of: str, window: int) -> tuple[list[Finding], list[dict[str, Any]], list[Finding]]:
    """Waive matching failures; report expired, expiring and unused waivers."""
    from dataclasses import replace

    in_force = [w for w in waivers if w.granted <= as_of]
    used: set[Waiver] = set()
    result: list[Finding] = []
    for finding in findings:
        matching = [w for w in in_force if w.matches(finding)] if finding.status is Status.FAIL else []
        if not matching:
            result.append(finding)
            continue
        # the acceptance that runs longest decides: an expired one listed before its renewal never shadows it
        waiver = max(matching, key=lambda w: w.expires)
        used.update(matching)
        if waiver.expires < as_of:
            result.append(replace(finding, waiver={**waiver.to_json("expired"), "expired_since": waiver.expires}))
        else:
            result.append(replace(finding, status=Status.WAIVED, waiver=waiver.to_json(_status(waiver, as_of, window))))
    statuses = [w.to_json(_status(w, as_of, window) if w in used else "unused") for w in waivers]
    notes = [_unused(w) for w in waivers if w not in used]
    return result, statuses, notes


def _status(waiver: Waiver, as_of: str, window: int) -> str:
    if waiver.expires < as_of:
        return "expired"
    left = (date.fromisoformat(waiver.expires) - date.fromisoformat(as_of)).days
    return "expiring" if left <= window else "active"


def _unused(waiver: Waiver) -> Finding:
    return Finding(
        rule_id="WAIVER-UNUSED", status=Status.FAIL, severity=Severity.INFO, enforcement=Enforcement.ADVISORY,
        enforcement_reason=message("waivers.unused_reason"),
        message=message("waivers.unused", rule=waiver.rule, service=waiver.service, decision=waiver.decision_ref),
        location=Location(waiver.file, 0, waiver.line, 5), waiver=waiver.to_json("unused"),
    )


def apply_all(findings: list[Finding], configs: dict[str, Config], catalog: Catalog, as_of: str) -> tuple[list[Finding], list[dict[str, Any]]]:
    """Apply each configuration's waiver file to the findings of the descriptors it governs."""
    rules = {rule.id: rule for rule in catalog.rules}
    statuses: list[dict[str, Any]] = []
    for config in {id(c): c for c in configs.values()}.values():
        settings = settings_for(config)
        if settings.file is None:
            continue
        if not settings.file.is_file():
            raise InputError(message("waivers.file_missing"), location=display_path(settings.file))
        loaded = load(settings.file, display_path(settings.file))
        valid, errors = check(loaded, rules, settings)
        files = {file for file, c in configs.items() if c is config}
        mine = [f for f in findings if f.location.file in files]
        applied, status, notes = apply(mine, valid, as_of, settings.expiring_within_days)
        findings = [f for f in findings if f.location.file not in files] + applied + errors + notes
        statuses += status + [error.waiver for error in errors if error.waiver is not None]
    return findings, statuses
