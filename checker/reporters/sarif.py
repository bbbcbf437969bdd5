"""SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps, SonarQube).

An artifact's `uri` is an RFC 3986 relative reference under `%SRCROOT%` (the repository's root) with its bytes
percent-encoded; a file outside that root is an absolute `file:` URI without a base. Message texts are made
visible and their '[' and ']' escaped, so input cannot form a SARIF embedded link (SARIF 2.1.0 §3.11.6); Markdown
texts from rule metadata go through md_text; a helpUri is only ever an http(s) URL.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.gate import exit_code
from checker.i18n import text as message
from checker.model import Finding, Report, Rule, Status
from checker.reporters.common import (
    DEVIATION_RULE,
    FINGERPRINT_VERSION,
    IGNORED_RULE,
    SKIPPED_RULE,
    describe_deviation,
    effect,
    file_uri_reference,
    fingerprint,
    ignored_line,
    json_text,
    md_text,
    reported,
    repository_root,
    safe_link,
    skipped_reason,
    visible,
)

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/cloudbeleid-checker/"
AUTOMATION_CATEGORY = "cloudbeleid-checker"
# a rule's default level, from its severity; a result's level says what it does to the run (EFFECT_LEVEL)
LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
# error: fails the gate (or its input was not checked); warning: binds, but is below the threshold; note: advice.
# So a low mandatory failure that fails the gate is an error, never the same note as advice.
EFFECT_LEVEL = {"error": "error", "mandatory": "error", "below": "warning", "advisory": "note"}
# GitHub reads security-severity as CVSS-like: 9.0+ critical, 7.0+ high, 4.0+ medium, else low
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "0.0"}


def render(report: Report, colour: bool = False) -> str:
    return json_text(to_sarif(report), indent=2) + "\n"


def text(value: Any) -> str:
    """A plain-text SARIF message: visible, with no embedded link (a bracket, and backslashes before one, escaped)."""
    return re.sub(r"(\\*)([\[\]])", lambda m: m.group(1) * 2 + "\\" + m.group(2), visible(value))


def artifact(file: str) -> dict[str, str]:
    uri, under_root = file_uri_reference(file)
    return {"uri": uri, "uriBaseId": "%SRCROOT%"} if under_root else {"uri": uri}


def physical(file: str, line: int = 1, column: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, int(line or 1))}
    if column:
        region["startColumn"] = max(1, column)
    return {"physicalLocation": {"artifactLocation": artifact(file), "region": region}}


def to_sarif(report: Report) -> dict[str, Any]:
    lang = report.lang
    rules = list(report.rules)
    index = {rule.id: i for i, rule in enumerate(rules)}
    descriptors = [_rule(rule, lang) for rule in rules]
    for finding in report.findings:
        if finding.rule_id not in index:  # input errors (INPUT-*) get a descriptor of their own
            index[finding.rule_id] = len(descriptors)
            about = message(lang, "sarif.input_rule")
            descriptors.append({
                "id": visible(finding.rule_id),
                "name": visible(finding.rule_id.title().replace("-", "")),
                "shortDescription": {"text": about},
                "fullDescription": {"text": about},
                "help": {"text": about, "markdown": md_text(about)},
                "helpUri": INFORMATION_URI,
                "defaultConfiguration": {"level": "error"},
                "properties": {"security-severity": SECURITY_SEVERITY["high"], "tags": ["cloudbeleid", "input"]},
            })
    results = [_result(f, index[f.rule_id], report) for f in report.findings if reported(f)]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "cloudbeleid-checker",
                "fullName": f"cloudbeleid-checker {__version__}",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            "automationDetails": automation_details(report, os.environ),
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(repository_root()).as_uri().rstrip("/") + "/"}},
            "invocations": [{
                "executionSuccessful": not report.errors,
                "exitCode": int(exit_code(report)),
                "properties": {"as_of": report.as_of, "engine": report.engine, "engine_version": report.engine_version,
                               "policy_revision": report.policy_revision, "fail_on": report.fail_on, "server": report.server},
                "toolConfigurationNotifications": _notifications(report),
            }],
            "properties": {"server": report.server, "reference_deviations": [dict(d) for d in report.reference_deviations],
                           "skipped": [dict(s) for s in report.skipped],
                           **({"ignored_rules": [dict(i) for i in report.ignored_rules]} if report.ignored_rules else {})},
            "results": results,
            "language": message(lang, "sarif.language"),
        }],
    }


def _notifications(report: Report) -> list[dict[str, Any]]:
    """Each deviation from the reference data at its configuration's line, and each skipped file."""
    lang = report.lang
    notes = [{
        "descriptor": {"id": DEVIATION_RULE},
        "level": "warning",
        "message": {"text": text(f"{message(lang, 'run.deviation_title')}: {describe_deviation(d, lang, where=False)}")},
        "locations": [physical(str(d.get("file", "")), d.get("line") or 1)],
    } for d in report.reference_deviations]
    notes += [{
        "descriptor": {"id": SKIPPED_RULE},
        "level": "note",
        "message": {"text": text(f"{message(lang, 'run.skipped_title')}: {message(lang, 'run.skipped_file', reason=skipped_reason(entry, lang))}")},
        "locations": [physical(str(entry.get("file", "")))],
    } for entry in report.skipped]
    notes += [{"descriptor": {"id": IGNORED_RULE}, "level": "warning", "message": {"text": text(ignored_line(report, lang))}}
              for _ in report.ignored_rules[:1]]
    return notes


def _rule(rule: Rule, lang: str) -> dict[str, Any]:
    # a custom policy's metadata comes from the repository: its texts are data in both help forms
    sources = [f"{s.document}{', ' + s.section if s.section else ''} ({s.status})" for s in rule.sources]
    help_text = "\n\n".join([visible(rule.remediation.get(lang)), "\n".join("- " + visible(s) for s in sources), visible(rule.docs)])
    # the docs page's path is the checker's own (docs/rules/<pack>/<name>.md), percent-encoded in case a custom pack
    # name holds anything odd
    docs_link = f"[{md_text(rule.docs)}]({quote(visible(rule.docs), safe='/')})"
    help_markdown = "\n\n".join([md_text(rule.remediation.get(lang)), "\n".join("- " + md_text(s) for s in sources), docs_link])
    descriptor: dict[str, Any] = {
        "id": visible(rule.id),
        "name": visible("".join(part.title() for part in rule.package.split(".")[1].split("_"))),
        "shortDescription": {"text": text(rule.title.get(lang))},
        "fullDescription": {"text": text((rule.description or rule.title).get(lang))},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVEL[rule.severity.value]},
        "properties": {
            "security-severity": SECURITY_SEVERITY[rule.severity.value],
            "precision": "very-high",
            "tags": ["cloudbeleid", visible(rule.pack), f"source-{visible(rule.verification)}"],
            "docs": visible(rule.docs),
        },
    }
    # every rule has a help address (GitHub and Azure DevOps link it): its footing's, else the first source's with a
    # web address, else the checker's own page, where `cloudbeleid explain` is described
    descriptor["helpUri"] = next((s.url for s in rule.sources if safe_link(s.url)), INFORMATION_URI)
    return descriptor


def _result(finding: Finding, rule_index: int, report: Report) -> dict[str, Any]:
    lang = report.lang
    location = finding.location
    where = physical(location.file, location.line, location.column)
    if location.end_line:
        where["physicalLocation"]["region"]["endLine"] = location.end_line
        where["physicalLocation"]["region"]["endColumn"] = location.end_column
    result: dict[str, Any] = {
        "ruleId": visible(finding.rule_id),
        "ruleIndex": rule_index,
        "level": _level(finding, report),
        "message": {"text": text(finding.message.get(lang))},
        "locations": [{
            **where,
            "logicalLocations": [{"fullyQualifiedName": visible(f"{finding.service or location.file}{location.pointer}"), "kind": "member"}],
        }],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint(finding)},
        "properties": {
            "enforcement": finding.enforcement.value,
            "gate": effect(finding, report) if finding.status is not Status.WAIVED else "waived",
            "enforcement_reason": text(finding.enforcement_reason.get(lang)),
            "service": finding.service,
            "json_path": location.pointer,
            "document": location.document,
        },
    }
    if finding.waiver:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": text(finding.waiver.get("reason", ""))}]
    return result


def _level(finding: Finding, report: Report) -> str:
    """The result's level by what it does to the run; a waived one (suppressed) keeps what it would do unwaived."""
    return EFFECT_LEVEL[effect(replace(finding, status=Status.FAIL) if finding.status is Status.WAIVED else finding, report)]


# Azure Pipelines' predefined variables that name the build definition and phase, as the Azure DevOps Advanced
# Security upload reads them (the SARIF Multitool's GHAzDO1019 and GHAzDO1020 check the same)
_ADO_PROPERTY = "azuredevops/pipeline/build/"
_ADO_VARIABLES = {"definition": ("SYSTEM_DEFINITIONID", "BUILD_DEFINITIONID"), "definition_name": ("BUILD_DEFINITIONNAME",),
                  "phase": ("SYSTEM_PHASEID", "SYSTEM_JOBID"), "phase_name": ("SYSTEM_PHASENAME", "SYSTEM_JOBNAME"),
                  "collection": ("SYSTEM_COLLECTIONURI",), "project": ("SYSTEM_TEAMPROJECTID",),
                  "branch": ("BUILD_SOURCEBRANCH",), "build": ("BUILD_BUILDID",)}


def automation_details(report: Report, environment: Mapping[str, str]) -> dict[str, Any]:
    """run.automationDetails: in an Azure Pipelines job, the pipeline's identity Azure DevOps needs; elsewhere an id
    whose category (before the last '/') is the same for every run, so GitHub follows one alert over commits, and
    whose instance is the reference date the run checked at."""
    found = {key: next((environment[n] for n in names if environment.get(n)), "") for key, names in _ADO_VARIABLES.items()}
    if environment.get("TF_BUILD", "").lower() != "true" or not all(found.values()):
        return {"id": f"{AUTOMATION_CATEGORY}/{report.as_of}"}
    url = found["collection"].rstrip("/")
    organisation = url.rsplit("/", 1)[-1] if "dev.azure.com" in url else url.split("//", 1)[-1].split(".", 1)[0]
    parts = (organisation, found["project"], found["definition"], found["phase"], found["branch"], found["build"])
    return {"id": visible(_ADO_PROPERTY + "/".join(parts)), "properties": {
        _ADO_PROPERTY + "buildDefinitionId": visible(found["definition"]),
        _ADO_PROPERTY + "buildDefinitionName": visible(found["definition_name"]),
        _ADO_PROPERTY + "phaseId": visible(found["phase"]),
        _ADO_PROPERTY + "phaseName": visible(found["phase_name"]),
    }}
