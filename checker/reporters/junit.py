"""JUnit XML for CI test views: one test suite per descriptor, one test case per rule."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from checker.model import Finding, Report, Status


def render(report: Report, colour: bool = False) -> str:
    lang = report.lang
    by_suite: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_suite[(finding.location.file, finding.location.document)].append(finding)
    root = ET.Element("testsuites", name="cloudbeleid-checker")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for (file, document), findings in by_suite.items():
        service = next((f.service for f in findings if f.service), None)
        suite = ET.SubElement(root, "testsuite", name=f"{file}#{document}" + (f" ({service})" if service else ""), file=file)
        properties = ET.SubElement(suite, "properties")
        for key, value in (("service", service or ""), ("document", str(document)), ("as_of", report.as_of),
                           ("engine", report.engine_version), ("policy_revision", report.policy_revision or "")):
            ET.SubElement(properties, "property", name=key, value=value)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        by_rule: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_rule[finding.rule_id].append(finding)
        for rule_id, group in by_rule.items():
            title = group[0].title.get(lang) if group[0].title else rule_id
            case = ET.SubElement(suite, "testcase", classname=service or file, name=f"{rule_id}: {title}", time="0")
            counts["tests"] += 1
            statuses = {f.status for f in group}
            failing = [f for f in group if f.status in (Status.FAIL, Status.ERROR)]
            if Status.ERROR in statuses:
                counts["errors"] += 1
                element = ET.SubElement(case, "error", message=failing[0].message.get(lang), type=rule_id)
                element.text = _details(failing, lang)
            elif Status.FAIL in statuses:
                counts["failures"] += 1
                element = ET.SubElement(case, "failure", message=failing[0].message.get(lang),
                                        type=f"{failing[0].severity.value} {failing[0].enforcement.value}")
                element.text = _details(failing, lang)
            elif statuses <= {Status.WAIVED, Status.NOT_APPLICABLE}:
                counts["skipped"] += 1
                reason = group[0].waiver.get("reason") if group[0].waiver else group[0].message.get(lang)
                ET.SubElement(case, "skipped", message=str(reason))
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key in ("tests", "failures", "errors"):  # junit-10.xsd has no skipped count on <testsuites>
        root.set(key, str(totals[key]))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _details(findings: list[Finding], lang: str) -> str:
    lines = [f"{f.location}: {f.message.get(lang)} [{f.enforcement.value}] {f.enforcement_reason.get(lang)}" for f in findings]
    if findings[0].remediation:
        lines.append(findings[0].remediation.get(lang))
    return "\n".join(lines)
