"""Stage 4: the engine's violations and subjects joined with the catalogue into findings. Per rule and service one
verdict: a failure per violation (message from the rule's METADATA, location from the source map), else pass, or
not applicable (organisation, stage of the service's life, rule not in force, the rule's condition)."""

from __future__ import annotations

import hashlib
import json
import string
from dataclasses import replace
from typing import Any

from checker import i18n, infra
from checker.applicability import enforcement
from checker.engine import RawReport
from checker.errors import PolicyError
from checker.loader import Document, JsonPath
from checker.model import Enforcement, Finding, Location, Rule, Status, Text
from checker.pipeline.collect import Service

# The stage of a service's life its status puts it in (rule metadata: stages).
STAGE_OF_STATUS = {"planned": "procurement", "migrating": "implementation", "in_use": "operation", "exiting": "operation"}


def stage_of(service: Service, forced: str | None) -> str:
    return forced or STAGE_OF_STATUS[service.document.data["service"]["status"]]


def _not_in_stage(rule: Rule, stage: str) -> Text:
    stages = i18n.per_language(lambda lang: ", ".join(i18n.text(lang, f"stage.{s}") for s in rule.stages))
    return i18n.message("join.not_in_stage", stage=i18n.message(f"stage.{stage}"), stages=stages)


def join(rules: list[Rule], services: list[Service], raw: RawReport, as_of: str, stage: str | None = None) -> list[Finding]:
    """One finding per violation, and a pass or not-applicable finding per rule and service without one."""
    by_package = {rule.package: rule for rule in rules}
    violations: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for violation in raw.violations:
        if violation["rule"] not in by_package:
            raise PolicyError(i18n.message("join.unknown_rule", rule=repr(violation["rule"])))
        if not 0 <= violation["service"] < len(services):
            raise PolicyError(i18n.message("join.service_index", rule=violation["rule"], index=violation["service"], count=len(services)))
        violations.setdefault((violation["rule"], violation["service"]), []).append(violation)
    findings: list[Finding] = []
    for rule in rules:
        reported = raw.subjects.get(rule.package)
        if reported is None:
            raise PolicyError(i18n.message("join.no_subjects", rule=rule.id), location=rule.file)
        subjects = set(reported)  # a portfolio rule's subjects are every service: a list made this quadratic
        for index, service in enumerate(services):
            level, reason = enforcement(rule.applies_to, service.organisation, as_of)
            if not rule.in_force(as_of):
                level, reason = Enforcement.NOT_APPLICABLE, _not_in_force(rule, as_of)
            elif stage_of(service, stage) not in rule.stages:
                level, reason = Enforcement.NOT_APPLICABLE, _not_in_stage(rule, stage_of(service, stage))
            root = _location(service.document, ("id",))
            if level is Enforcement.NOT_APPLICABLE:
                findings.append(_finding(rule, service, Status.NOT_APPLICABLE, level, reason, reason, root))
            elif (rule.package, index) in violations:
                for violation in violations[(rule.package, index)]:
                    message = _message(rule, violation)
                    location = _location(service.document, tuple(violation["path"]))
                    finding = _finding(rule, service, Status.FAIL, level, reason, message, location)
                    findings.append(replace(finding, evidence=_evidence(service.document.data, violation["path"]),
                                            params=violation["params"]))
            elif index not in subjects:
                why = i18n.message("join.only_for", subject=rule.subject) if rule.subject else i18n.message("join.condition")
                findings.append(_finding(rule, service, Status.NOT_APPLICABLE, level, reason, why, root))
            else:
                findings.append(_finding(rule, service, Status.PASS, level, reason, rule.title, root))
    return findings


def _not_in_force(rule: Rule, as_of: str) -> Text:
    if as_of < rule.effective_from:
        return i18n.message("join.not_yet", start=rule.effective_from, as_of=as_of)
    return i18n.message("join.no_longer", end=rule.effective_until)


def _finding(rule: Rule, service: Service, status: Status, level: Enforcement, reason: Text, message: Text, location: Location) -> Finding:
    return Finding(
        rule_id=rule.id,
        status=status,
        severity=rule.severity,
        enforcement=level,
        enforcement_reason=reason,
        message=message,
        location=location,
        service=service.id,
        title=rule.title,
        remediation=rule.remediation,
        sources=rule.sources,
        docs=rule.docs,
    )


def _evidence(data: Any, path: list[Any]) -> str:
    """A digest of the value at path (of its nearest existing parent when the path names a missing field)."""
    value = data
    for step in path:
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
        else:
            value = {"absent": list(path)}  # a missing fact: the same absence, not whatever surrounds it
            break
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:24]


def _location(document: Document, path: JsonPath) -> Location:
    if path[:1] == ("observed",):
        return infra.locate(document, path)
    _, (line, column, end_line, end_column) = document.locate(path)
    return Location(document.file, document.index, line, column, end_line, end_column, path)


class _Params(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _params(violation: dict[str, Any], lang: str) -> _Params:
    """A violation's params for a message: lists joined; a value given in both languages ({"nl": ..., "en": ...},
    as lib/service's `unrecorded`) in the message's language."""
    def shown(value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(map(str, value))
        if isinstance(value, dict) and set(value) == {"nl", "en"}:
            return value[lang]
        return value

    return _Params({k: shown(v) for k, v in violation["params"].items()})


def _message(rule: Rule, violation: dict[str, Any]) -> Text:
    template = rule.messages.get(violation["kind"])
    if template is None:
        raise PolicyError(i18n.message("join.message_kind", rule=rule.id, kind=repr(violation["kind"])), location=rule.file)
    try:
        return Text(*(string.Formatter().vformat(getattr(template, lang), (), _params(violation, lang)) for lang in ("nl", "en")))
    except (KeyError, IndexError, ValueError) as exc:
        raise PolicyError(i18n.message("join.message_param", rule=rule.id, param=str(exc)), location=rule.file) from None
