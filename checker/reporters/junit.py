"""JUnit XML for CI test views: one test suite per descriptor, one test case per rule.

A test case fails (<failure>) only for a finding that fails the gate: a mandatory failure at or above the threshold.
Advice, and a mandatory failure below the threshold, pass with the finding in the case's <system-out>, so a green
pipeline never shows a red test; the suite's properties count them (advisory, below_threshold).

Every string from input goes through `visible` before it becomes a name, an attribute or text: XML 1.0 cannot
hold most control characters, U+FFFE/U+FFFF or lone surrogates at all, and ElementTree would write them raw.
The run's own facts (OPA server, deviations from the reference data, skipped files) are a test suite of their own,
there only when the run has any.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from checker.i18n import text
from checker.model import Finding, Report, Status
from checker.reporters.common import (
    DEVIATION_RULE,
    SKIPPED_RULE,
    advisory,
    describe_deviation,
    fails_gate,
    ignored_line,
    server_line,
    severity_word,
    skipped_reason,
    visible,
)


def _element(parent: ET.Element, tag: str, **attributes: object) -> ET.Element:
    return ET.SubElement(parent, tag, {key: visible(value) for key, value in attributes.items()})


def render(report: Report, colour: bool = False) -> str:
    lang = report.lang
    by_suite: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_suite[(finding.location.file, finding.location.document)].append(finding)
    root = ET.Element("testsuites", name="cloudbeleid-checker")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for (file, document), findings in by_suite.items():
        service = next((f.service for f in findings if f.service), None)
        suite = _element(root, "testsuite", name=f"{file}#{document}" + (f" ({service})" if service else ""), file=file)
        properties = ET.SubElement(suite, "properties")
        for key, value in (("service", service or ""), ("document", str(document)), ("as_of", report.as_of),
                           ("fail_on", report.threshold(file).value),
                           ("engine", report.engine_version), ("policy_revision", report.policy_revision or ""),
                           ("server", report.server or "")):
            _element(properties, "property", name=key, value=value)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0, "advisory": 0, "below_threshold": 0}
        by_rule: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_rule[finding.rule_id].append(finding)
        for rule_id, group in by_rule.items():
            title = group[0].title.get(lang) if group[0].title else rule_id
            case = _element(suite, "testcase", classname=service or file, name=f"{rule_id}: {title}", time="0")
            counts["tests"] += 1
            statuses = {f.status for f in group}
            failing = [f for f in group if f.status in (Status.FAIL, Status.ERROR)]
            if Status.ERROR in statuses:
                counts["errors"] += 1
                element = _element(case, "error", message=failing[0].message.get(lang), type=rule_id)
                element.text = _details(failing, lang)
            elif Status.FAIL in statuses and any(fails_gate(f, report) for f in failing):
                counts["failures"] += 1
                element = _element(case, "failure", message=failing[0].message.get(lang),
                                   type=f"{failing[0].severity.value} {failing[0].enforcement.value}")
                element.text = _details(failing, lang)
            elif Status.FAIL in statuses:
                # advice, or a binding failure below the threshold: reported, but a green pipeline shows no red test
                counts["advisory" if advisory(failing[0]) else "below_threshold"] += 1
                label = text(lang, "views.junit.advisory") if advisory(failing[0]) else \
                    text(lang, "views.junit.below", fail_on=severity_word(report.threshold(file), lang))
                out = ET.SubElement(case, "system-out")
                out.text = visible(f"[{label}]") + "\n" + _details(failing, lang)
            elif statuses <= {Status.WAIVED, Status.NOT_APPLICABLE}:
                counts["skipped"] += 1
                reason = group[0].waiver.get("reason") if group[0].waiver else group[0].message.get(lang)
                _element(case, "skipped", message=str(reason))
        for key in ("advisory", "below_threshold"):  # not attributes: junit-10.xsd knows only its own counts
            _element(properties, "property", name=key, value=str(counts.pop(key)))
        for key, count in counts.items():
            suite.set(key, str(count))
            totals[key] += count
    if report.server or report.reference_deviations or report.skipped or report.ignored_rules:
        _run_suite(root, report, totals)
    for key in ("tests", "failures", "errors"):  # junit-10.xsd has no skipped count on <testsuites>
        root.set(key, str(totals[key]))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _run_suite(root: ET.Element, report: Report, totals: dict[str, int]) -> None:
    """The run's facts: its server and deviations as properties, each skipped file as a skipped test case."""
    lang = report.lang
    suite = _element(root, "testsuite", name="cloudbeleid-checker")
    properties = ET.SubElement(suite, "properties")
    if report.server:
        _element(properties, "property", name="server", value=report.server)
    for deviation in report.reference_deviations:
        _element(properties, "property", name="reference_deviation", value=describe_deviation(deviation, lang))
    if report.ignored_rules:
        _element(properties, "property", name="ignored_rules", value=ignored_line(report, lang))
    for entry in report.skipped:
        _element(properties, "property", name="skipped", value=f"{entry.get('file', '?')}: {skipped_reason(entry, lang)}")
    notes = [server_line(report, lang) or ""] + [f"{text(lang, 'run.deviation_title')}: {describe_deviation(d, lang)}" for d in report.reference_deviations]
    for entry in report.skipped:
        case = _element(suite, "testcase", classname=SKIPPED_RULE, name=entry.get("file", "?"), time="0")
        _element(case, "skipped", message=text(lang, "run.skipped_file", reason=skipped_reason(entry, lang)))
    for deviation in report.reference_deviations:
        # a deviation is checked input, not a failure: it passes, with its sentence in the output for the reader
        case = _element(suite, "testcase", classname=DEVIATION_RULE, name=f"{deviation.get('file', '?')}:{deviation.get('line') or 1}", time="0")
        out = ET.SubElement(case, "system-out")
        out.text = visible(describe_deviation(deviation, lang))
    counts = {"tests": len(report.skipped) + len(report.reference_deviations), "failures": 0, "errors": 0, "skipped": len(report.skipped)}
    for key, value in counts.items():
        suite.set(key, str(value))
        totals[key] += value
    if any(notes):
        out = ET.SubElement(suite, "system-out")
        out.text = "\n".join(visible(n) for n in notes if n)


def _details(findings: list[Finding], lang: str) -> str:
    lines = [visible(f"{f.location}: {f.message.get(lang)} [{text(lang, 'enforcement.' + f.enforcement.value)}] {f.enforcement_reason.get(lang)}") for f in findings]
    if findings[0].remediation:
        lines.append(visible(findings[0].remediation.get(lang)))
    return "\n".join(lines)
