"""The text forms (checker/reporters/text.py): the short default view on one screen, the full view with every
message, the rule lines per severity and binding; the concise form and the safety of every form are in
test_reporters.py and test_output_safety.py."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from checker.i18n import plural
from checker.i18n import text as word
from checker.model import Enforcement, Finding, Location, Report, Severity, Status, Text
from checker.reporters.text import render, render_full
from tests.conftest import AS_OF, ROOT, all_findings, run_cli
from tests.reports import golden_report

SCREEN_LINES, SCREEN_COLUMNS = 50, 80


def _examples(*args: str) -> tuple[int, str]:
    result = run_cli("check", "examples", "--as-of", AS_OF, *args, cwd=ROOT)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout


@pytest.fixture(scope="module")
def examples_json() -> dict:
    return json.loads(_examples("-f", "json")[1])


def _failing(report: dict) -> list[dict]:
    return [f for f in all_findings(report) if f["status"] in ("fail", "error")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_first_command_fits_one_screen_with_every_failing_service_and_rule(examples_json: dict, lang: str):
    code, out = _examples("--lang", lang)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) <= SCREEN_LINES, f"{len(lines)} lines:\n{out}"
    assert all(len(line) <= SCREEN_COLUMNS for line in lines), [line for line in lines if len(line) > SCREEN_COLUMNS]
    failing = _failing(examples_json)
    mandatory = [f for f in failing if f["enforcement"] == "mandatory"]
    # every failing service, by its file and id, and every rule that fails it
    for finding in mandatory:
        assert finding["location"]["file"] in out and (finding["service"] is None or finding["service"] in out), finding
    ids = set(re.findall(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+", out))
    assert {f["rule_id"] for f in mandatory} <= ids
    # advice is not listed, but counted: every advisory rule id that fails no service's gate is absent ...
    advisory_only = {f["rule_id"] for f in failing if f["enforcement"] == "advisory"} - {f["rule_id"] for f in mandatory}
    assert advisory_only and not advisory_only & ids, advisory_only & ids
    # ... and one line says how much is not shown, in how many services, and how to see it
    advice = [f for f in failing if f["enforcement"] == "advisory"]
    where = {f["service"] or f["location"]["file"] for f in advice}
    hidden = word(lang, "views.hidden", count=len(advice), findings_word=plural(lang, "views.plural.advice", len(advice)),
                  services=len(where), services_word=plural(lang, "text.plural.service", len(where)))
    assert hidden in lines
    assert lines[-1] == word(lang, "views.more") and "--format full" in lines[-1] and "explain" in lines[-1]
    # the passing services are counted, not listed
    passing = {f["service"] for f in all_findings(examples_json) if f["service"]} - {f["service"] for f in mandatory}
    assert passing and not [s for s in passing if re.search(rf"(^|  ){re.escape(s)}  ", out, re.M)]
    assert word(lang, "views.services", failed=5, passed=len(passing), unchecked=0) in lines


def test_beneath_a_fact_one_line_per_severity_and_binding_with_the_ids_and_no_message(examples_json: dict):
    _, out = _examples()
    lines = out.splitlines()
    at = lines.index("  62:38  hosting.support_access_locations[2]: US")
    # the four rules at this fact: three mandatory high ones on one line; the advisory KAMER25-EER-ONLY not listed
    assert lines[at + 1] == "    hoog     verplicht  AVG-44-TRANSFER-BASIS, CB22-IK-HOOG, CB22-SPECIAL-PD-EER"
    assert lines[at + 2].startswith("  63:29  ")
    # two severities at one fact: a line each, the more severe first
    at = lines.index("  24:28  service.last_significant_change: 2026-09-01")
    assert lines[at + 1:at + 3] == ["    hoog     verplicht  CB22-RISK-ASSESSMENT-CURRENT",
                                    "    middel   verplicht  BIO2-5-08-01-RISK-ON-CHANGE, BIO2-5-23-01-CSP-POLICY"]
    # a rule that fails twice at one fact is named once, with its count
    assert "    hoog     verplicht  INFRA-PROVIDER-MISMATCH ×2" in lines
    # ids that pass 80 columns wrap under the ids, never cut
    at = lines.index("  24:3  observed.resources[1].country")
    assert lines[at + 1:at + 3] == ["    hoog     verplicht  AVG-44-TRANSFER-BASIS, CB22-IK-HOOG,",
                                    "                        CB22-SPECIAL-PD-EER, INFRA-UNDECLARED-COUNTRY"]
    # no message of a listed rule is shown
    messages = {f["message"]["nl"] for f in _failing(examples_json) if f["status"] == "fail"}
    assert not [m for m in messages if m[:30] in out]


def test_full_lists_every_failure_with_its_message(examples_json: dict):
    code, out = _examples("-f", "full")
    assert code == 1
    flat = " ".join(" ".join(out.split()).split())  # the messages are wrapped at 80 columns
    failing = _failing(examples_json)
    assert len(failing) == 56
    for finding in failing:
        assert finding["rule_id"] in out
        assert " ".join(finding["message"]["nl"].split()) in flat, finding["rule_id"]
    # advice included, each advisory rule on a line of its own with whom it binds
    advisory = [line for line in out.splitlines() if line.startswith("    ") and line.rstrip().endswith("  advies")]
    assert len(advisory) == sum(f["enforcement"] == "advisory" for f in failing)


def test_quiet_is_the_short_form_of_what_fails_the_gate():
    code, out = _examples("--quiet")
    assert code == 1
    assert "    hoog     verplicht  AVG-44-TRANSFER-BASIS, CB22-IK-HOOG, CB22-SPECIAL-PD-EER" in out
    assert "advies" not in out and "Diensten:" not in out and "--format full" not in out
    assert out.splitlines()[-1] == "Drempel laag: 27 op of boven de drempel; gefaald."
    _, full = _examples("--quiet", "-f", "full")
    assert "Doorgifte naar 'US' (subprocessors)" in full and "advies" not in full.replace("adequaatheidsbesluit", "")


def _finding(rule_id: str, severity: Severity, enforcement: Enforcement, line: int, service: str = "svc") -> Finding:
    return Finding(rule_id=rule_id, status=Status.FAIL, severity=severity, enforcement=enforcement,
                   enforcement_reason=Text("r", "r"), message=Text(f"melding {rule_id}", f"message {rule_id}"),
                   service=service, location=Location(file="a.cloud.yaml", line=line, column=3, json_path=("x", str(line))))


def _report(*findings: Finding, fail_on: Severity = Severity.LOW, lang: str = "nl") -> Report:
    base = golden_report(lang)
    services = tuple(sorted({f.service for f in findings if f.service}))
    return dataclasses.replace(base, findings=findings, files=("a.cloud.yaml",), services=services,
                               thresholds={"a.cloud.yaml": fail_on}, waivers=(), reference_deviations=(), skipped=())


def test_a_service_with_only_advice_is_counted_not_listed():
    report = _report(_finding("KAMER25-EER-ONLY", Severity.MEDIUM, Enforcement.ADVISORY, 4))
    out = render(report)
    assert "a.cloud.yaml" not in out and "KAMER25-EER-ONLY" not in out
    assert "Niet getoond: 1 adviesbevinding in 1 dienst; --format full toont ze." in out.splitlines()
    assert "KAMER25-EER-ONLY  advies" in render_full(report)


def test_a_binding_failure_below_the_threshold_is_listed_though_it_passes_the_gate():
    report = _report(_finding("CB22-WOO-TRANSPARENCY", Severity.LOW, Enforcement.MANDATORY, 4),
                     _finding("KAMER25-EER-ONLY", Severity.MEDIUM, Enforcement.ADVISORY, 4), fail_on=Severity.HIGH, lang="en")
    lines = render(report).splitlines()
    assert lines[:3] == ["a.cloud.yaml  svc  passes: 1 below the threshold, 1 advisory", "  4:3  x.4",
                         "    low      mandatory, below the threshold  CB22-WOO-TRANSPARENCY"]
    assert "Not shown: 1 advisory finding in 1 service; --format full shows them." in lines


def test_many_long_ids_wrap_at_80_columns_and_none_is_cut():
    ids = [f"CUSTOM-A-VERY-LONG-RULE-IDENTIFIER-{n}" for n in range(5)] + ["X" * 70]
    report = _report(*(_finding(i, Severity.HIGH, Enforcement.MANDATORY, 4) for i in ids))
    lines = render(report).splitlines()
    body = lines[2:lines.index("")]
    assert body[0] == "    hoog     verplicht  CUSTOM-A-VERY-LONG-RULE-IDENTIFIER-0,"  # the next would pass 80
    # at most 80 columns, but for an id that is longer than the room for ids: alone on its line, whole
    assert all(len(line) <= 80 or line.strip() == "X" * 70 for line in body) and all(line.startswith(" " * 24) for line in body[1:])
    assert sorted(i.rstrip(",") for line in body for i in line[24:].split()) == sorted(ids)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_help_names_the_full_format(lang: str):
    assert "full" in word(lang, "cli.help.check.format")


def test_a_failure_whose_waiver_expired_says_so_beneath_its_ids():
    expired = {"rule": "CB22-EXIT-STRATEGY", "service": "svc", "decision_ref": "RA-2026-017", "expires": "2026-11-01", "status": "expired"}
    failing = dataclasses.replace(_finding("CB22-EXIT-STRATEGY", Severity.HIGH, Enforcement.MANDATORY, 4), waiver=expired)
    lines = render(_report(failing, _finding("CB22-WOO-TRANSPARENCY", Severity.HIGH, Enforcement.MANDATORY, 4))).splitlines()
    assert lines[2:5] == ["    hoog     verplicht  CB22-EXIT-STRATEGY, CB22-WOO-TRANSPARENCY",
                          "                        CB22-EXIT-STRATEGY",  # the note is never split: on a line of its own
                          "                        [risicoacceptatie RA-2026-017 verlopen sinds 2026-11-01]"]
