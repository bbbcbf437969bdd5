"""SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps, SonarQube)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker import __version__
from checker.gate import exit_code
from checker.model import Finding, Report, Rule, Status
from checker.reporters.common import FINGERPRINT_VERSION, advisory, fingerprint, reported

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
# GitHub reads security-severity as CVSS-like: 9.0+ critical, 7.0+ high, 4.0+ medium, else low
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "0.0"}


def render(report: Report, colour: bool = False) -> str:
    return json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"


def to_sarif(report: Report) -> dict[str, Any]:
    lang = report.lang
    rules = list(report.rules)
    index = {rule.id: i for i, rule in enumerate(rules)}
    descriptors = [_rule(rule, lang) for rule in rules]
    for finding in report.findings:
        if finding.rule_id not in index:  # input errors (INPUT-*) get a descriptor of their own
            index[finding.rule_id] = len(descriptors)
            descriptors.append({
                "id": finding.rule_id,
                "name": finding.rule_id.title().replace("-", ""),
                "shortDescription": {"text": "Invoer kon niet worden gecontroleerd" if lang == "nl" else "Input could not be checked"},
                "defaultConfiguration": {"level": "error"},
                "properties": {"security-severity": SECURITY_SEVERITY["high"], "tags": ["cloudbeleid", "input"]},
            })
    results = [_result(f, index[f.rule_id], lang) for f in report.findings if reported(f)]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "cloudbeleid-checker",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/cloudbeleid-checker/",
                "rules": descriptors,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "invocations": [{
                "executionSuccessful": not report.errors,
                "exitCode": int(exit_code(report)),
                "properties": {"as_of": report.as_of, "engine": report.engine, "engine_version": report.engine_version,
                               "policy_revision": report.policy_revision, "fail_on": report.fail_on},
            }],
            "results": results,
            "language": "nl-NL" if lang == "nl" else "en-US",
        }],
    }


def _rule(rule: Rule, lang: str) -> dict[str, Any]:
    sources = "\n".join(f"- {s.document}{', ' + s.section if s.section else ''} ({s.status})" for s in rule.sources)
    help_text = f"{rule.remediation.get(lang)}\n\n{sources}\n\n{rule.docs}"
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(part.title() for part in rule.package.split(".")[1].split("_")),
        "shortDescription": {"text": rule.title.get(lang)},
        "fullDescription": {"text": (rule.description or rule.title).get(lang)},
        "help": {"text": help_text, "markdown": help_text.replace("\n\n" + rule.docs, f"\n\n[{rule.docs}]({rule.docs})")},
        "defaultConfiguration": {"level": LEVEL[rule.severity.value]},
        "properties": {
            "security-severity": SECURITY_SEVERITY[rule.severity.value],
            "precision": "very-high",
            "tags": ["cloudbeleid", rule.pack, f"source-{rule.verification}"],
            "docs": rule.docs,
        },
    }
    if rule.sources[0].url:
        descriptor["helpUri"] = rule.sources[0].url
    return descriptor


def _result(finding: Finding, rule_index: int, lang: str) -> dict[str, Any]:
    location = finding.location
    region: dict[str, Any] = {"startLine": location.line, "startColumn": location.column}
    if location.end_line:
        region["endLine"] = location.end_line
        region["endColumn"] = location.end_column
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": "error" if finding.status is Status.ERROR else ("note" if advisory(finding) else LEVEL[finding.severity.value]),
        "message": {"text": finding.message.get(lang)},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": Path(location.file).as_posix(), "uriBaseId": "%SRCROOT%"},
                "region": region,
            },
            "logicalLocations": [{"fullyQualifiedName": f"{finding.service or location.file}{location.pointer}", "kind": "member"}],
        }],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint(finding)},
        "properties": {
            "enforcement": finding.enforcement.value,
            "enforcement_reason": finding.enforcement_reason.get(lang),
            "service": finding.service,
            "json_path": location.pointer,
            "document": location.document,
        },
    }
    if finding.waiver:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": str(finding.waiver.get("reason", ""))}]
    return result
