"""The CLI through its real entry point, in a subprocess: exit codes, formats, messages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from checker.resources import schema
from tests.conftest import AS_OF, MINISTRY_CONFIG, PACKS, ROOT, VALID_DESCRIPTOR, check_json, line_of, run_cli, write

NONCOMPLIANT = VALID_DESCRIPTOR.replace("rubricering: ongerubriceerd", "rubricering: stg_geheim").replace(
    "covers_data_destruction: true", "covers_data_destruction: false"
)
SECRET_LINE = line_of(NONCOMPLIANT, "rubricering: stg_geheim")
DESTRUCTION_LINE = line_of(NONCOMPLIANT, "covers_data_destruction: false")


def test_compliant_descriptor_exits_0(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, str(repo))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 verplicht falend" in result.stdout and "geslaagd" in result.stdout


def test_failing_descriptor_exits_1_with_location_first(repo: Path):
    path = write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    result = run_cli("check", "--as-of", AS_OF, "--format", "concise", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(l.endswith("(docs/rules/cb22/no_state_secrets.md)") and f":{SECRET_LINE}:16: critical CB22-NO-STATE-SECRETS " in l for l in lines), lines
    assert any(f":{DESTRUCTION_LINE}:28: high CB22-EXIT-STRATEGY " in l for l in lines), lines
    assert "\x1b[" not in result.stdout  # no colour off a terminal


def test_json_report_validates_and_lists_passes(repo: Path):
    write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    code, report = check_json(str(repo))
    assert code == 1
    Draft202012Validator(schema("report")).validate(report)
    statuses = {(f["rule_id"], f["status"]) for f in report["findings"]}
    assert ("CB22-NO-STATE-SECRETS", "fail") in statuses
    assert ("CB22-PRESCAN-DPIA", "pass") in statuses
    assert ("KWZBO-41-RIJKSDIENST-SECURITY", "not-applicable") in statuses
    failing = next(f for f in report["findings"] if f["rule_id"] == "CB22-NO-STATE-SECRETS")
    assert failing["location"] == {"file": failing["location"]["file"], "document": 0, "line": SECRET_LINE, "column": 16,
                                   "end_line": SECRET_LINE, "end_column": 26, "json_path": "/data/rubricering"}
    assert failing["enforcement"] == "mandatory"
    fails = {f["rule_id"] for f in report["findings"] if f["status"] == "fail"}
    assert fails == {"CB22-NO-STATE-SECRETS", "CB22-IK-ZEER-HOOG", "CB22-EXIT-STRATEGY"}
    assert report["summary"]["exit_code"] == 1 and report["summary"]["failing"] == 3


def test_output_file_and_english(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    out = tmp_path / "out" / "report.txt"
    result = run_cli("check", "--lang", "en", "--format", "concise", "--output", str(out), "--as-of", AS_OF, str(repo))
    assert result.returncode == 1 and result.stdout == ""
    text = out.read_text()
    assert "Information classified as state secret (stg_geheim)" in text
    assert "Threshold low: 3 at or above it; failed." in text


def test_fail_on_raises_the_threshold(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false"))
    assert run_cli("check", "--as-of", AS_OF, str(repo)).returncode == 1
    assert run_cli("check", "--as-of", AS_OF, "--fail-on", "critical", str(repo)).returncode == 0


def test_advisory_findings_do_not_fail_the_gate(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation: {name: Voorbeeld-zbo, type: zbo, kaderwet_zbo_applies: false}\n" + PACKS)
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("assessments:\n", "assessments:\n  dpia: {status: draft}\n").replace("prescan_dpia: {status: approved", "prescan_dpia: {status: draft"))
    code, report = check_json(str(tmp_path))
    assert code == 0
    fails = [f for f in report["findings"] if f["status"] == "fail"]
    assert "CB22-PRESCAN-DPIA" in {f["rule_id"] for f in fails}
    assert fails and all(f["enforcement"] == "advisory" for f in fails)


def test_malformed_descriptor_exits_2_with_file_and_line(repo: Path):
    write(repo, "bad.cloud.yaml", VALID_DESCRIPTOR.replace("deployment_model: public", "deployment_model: publik"))
    result = run_cli("check", "--as-of", AS_OF, "--format", "concise", str(repo))
    assert result.returncode == 2
    assert "bad.cloud.yaml:6:21: fout INPUT-SCHEMA" in result.stdout
    assert "did you mean 'public'" in result.stdout


def test_multi_document_file_checks_the_good_documents_and_fails(repo: Path):
    second = VALID_DESCRIPTOR.replace("id: mail", "id: mail-2").replace("rubricering: ongerubriceerd", "rubricering: stg_geheim")
    write(repo, "multi.cloud.yaml", VALID_DESCRIPTOR + "---\nid: [broken\n---\n" + second)
    code, report = check_json(str(repo))
    assert code == 2
    errors = [f for f in report["findings"] if f["status"] == "error"]
    first = VALID_DESCRIPTOR.count("\n")
    (error,) = errors
    assert error["location"]["document"] == 1 and error["location"]["line"] in (first + 2, first + 3)
    fails = {(f["service"], f["location"]["document"], f["location"]["line"]) for f in report["findings"] if f["status"] == "fail" and f["rule_id"] == "CB22-NO-STATE-SECRETS"}
    assert fails == {("mail-2", 2, first + 3 + line_of(second, "stg_geheim"))}
    assert not [f for f in report["findings"] if f["status"] == "fail" and f["service"] == "mail"]


def test_descriptor_organisation_overrides_and_missing_profile_fails(tmp_path: Path):
    write(tmp_path, "a.cloud.yaml", VALID_DESCRIPTOR)
    code, report = check_json(str(tmp_path))
    write(tmp_path, ".cloudbeleid.yaml", PACKS)
    assert code == 2
    assert report["findings"][0]["rule_id"] == "INPUT-ORGANISATION"
    write(tmp_path, "a.cloud.yaml", VALID_DESCRIPTOR + "organisation: {name: Defensie, type: defensie}\n")
    code, report = check_json(str(tmp_path))
    assert code == 0
    cloudbeleid_only = [f for f in report["findings"] if f["rule_id"] == "CB22-PRESCAN-DPIA"]
    assert cloudbeleid_only and all(f["status"] == "not-applicable" and "Defensie" in f["enforcement_reason"]["nl"] for f in cloudbeleid_only)
    # VIRBI binds Defensie: the state-secrets rule is not "not for Defensie"
    secrets = next(f for f in report["findings"] if f["rule_id"] == "CB22-NO-STATE-SECRETS")
    assert secrets["enforcement"] == "mandatory" and "VIRBI" in secrets["enforcement_reason"]["nl"]
    exit_rule = next(f for f in report["findings"] if f["rule_id"] == "CB22-EXIT-STRATEGY")
    assert exit_rule["enforcement"] == "mandatory" and "BIO2" in exit_rule["enforcement_reason"]["nl"]  # BIO2 binds Defensie


def test_duplicate_service_ids_are_an_error(repo: Path):
    write(repo, "a.cloud.yaml", VALID_DESCRIPTOR)
    write(repo, "b.cloud.yaml", VALID_DESCRIPTOR)
    code, report = check_json(str(repo))
    assert code == 2
    assert [f["rule_id"] for f in report["findings"] if f["status"] == "error"] == ["INPUT-DUPLICATE-ID"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "--as-of", "2025-02-30"], "--as-of '2025-02-30' is not a real calendar date"),
        (["check", "--as-of", "30-01-2025"], "--as-of '30-01-2025' is not a date of the form YYYY-MM-DD"),
        (["check", "--format", "xml"], "--format 'xml' is not one of"),
        (["check", "--fail-on", "urgent"], "--fail-on 'urgent' is not one of"),
        (["check", "does/not/exist.yaml"], "does/not/exist.yaml: no such file or folder"),
        (["check", "--engine", "nope"], "--engine 'nope' is not one of"),
    ],
)
def test_bad_usage_exits_2_with_a_message(repo: Path, args, fragment):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli(*args, cwd=repo)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_folder_without_descriptors_is_not_a_pass(repo: Path):
    write(repo, "notes.yaml", "a: 1\n")
    result = run_cli("check", str(repo))
    assert result.returncode == 2
    assert "no service descriptors found" in result.stderr


def test_invalid_config_exits_2_with_its_line(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation:\n  name: X\n  type: ministry\n")
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2
    assert ".cloudbeleid.yaml:3:9: invalid configuration: 'ministry' is not a valid value" in result.stderr
    assert "did you mean 'ministerie'" in result.stderr


def test_broken_policy_exits_3(repo: Path, tmp_path: Path):
    policies = tmp_path / "policies"
    shutil.copytree(ROOT / "policies", policies)
    rule = policies / "rules/cb22/prescan_dpia/prescan_dpia.rego"
    rule.write_text(rule.read_text().replace("deny contains result.fail(i", "deny contains result.fail(i,, "))
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", str(repo), env={"CLOUDBELEID_POLICIES": str(policies)})
    assert result.returncode == 3
    assert "prescan_dpia.rego" in result.stderr and "Traceback" not in result.stderr


def test_validate_only_checks_the_schema(repo: Path):
    write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    assert run_cli("validate", str(repo)).returncode == 0
    write(repo, "bad.cloud.yaml", VALID_DESCRIPTOR.replace("schema_version: 1", "schema_version: 2"))
    result = run_cli("validate", str(repo))
    assert result.returncode == 2
    assert "bad.cloud.yaml:1:17: error INPUT-SCHEMA schema_version must be 1, not 2" in result.stdout


def test_rules_lists_every_rule_with_its_source():
    result = run_cli("rules", "--format", "json")
    assert result.returncode == 0
    rules = json.loads(result.stdout)
    ids = {r["id"] for r in rules}
    assert {"CB22-NO-STATE-SECRETS", "CB22-SPECIAL-PD-EER", "CB22-PRESCAN-DPIA", "CB22-EXIT-STRATEGY",
            "CB22-RISK-ASSESSMENT-CURRENT", "KWZBO-41-RIJKSDIENST-SECURITY"} <= ids
    assert all(r["sources"] and r["verification"] for r in rules)
    table = run_cli("rules")
    assert table.returncode == 0 and "KWZBO-41-RIJKSDIENST-SECURITY" in table.stdout and "Kaderwet" in table.stdout


def test_explain_shows_sources_and_status():
    result = run_cli("explain", "cb22-exit-strategy")
    assert result.returncode == 0
    assert "BIO2" in result.stdout and "geverifieerd tegen de primaire tekst [V]" in result.stdout
    assert "alleen secundaire bronnen [S]" in result.stdout
    english = run_cli("explain", "CB22-EXIT-STRATEGY", "--lang", "en")
    assert "secondary sources only [S]: not verified" in english.stdout


def test_explain_unknown_rule_suggests_the_nearest():
    result = run_cli("explain", "CB22-EXIT-STRATEGIE")
    assert result.returncode == 2
    assert "did you mean CB22-EXIT-STRATEGY" in result.stderr


def test_version():
    result = run_cli("version")
    assert result.returncode == 0 and result.stdout.startswith("cloudbeleid-checker 0.")


@pytest.mark.skipif(shutil.which("cloudbeleid") is None, reason="console script not installed")
def test_console_script_is_the_same_program(repo: Path):
    write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    result = subprocess.run(["cloudbeleid", "check", "--as-of", AS_OF, str(repo)], capture_output=True, text=True)
    assert result.returncode == 1 and "CB22-NO-STATE-SECRETS" in result.stdout


def test_each_configuration_keeps_its_own_fail_on(tmp_path: Path):
    lenient, strict = tmp_path / "lenient", tmp_path / "strict"
    write(lenient, ".cloudbeleid.yaml", MINISTRY_CONFIG + "fail_on: critical\n")
    write(strict, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    broken_exit = VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false")
    write(lenient, "a.cloud.yaml", broken_exit)
    assert run_cli("check", "--as-of", AS_OF, str(lenient)).returncode == 0
    write(strict, "b.cloud.yaml", broken_exit.replace("id: mail", "id: mail-b"))
    forward = run_cli("check", "--as-of", AS_OF, str(lenient), str(strict))
    backward = run_cli("check", "--as-of", AS_OF, str(strict), str(lenient))
    assert forward.returncode == backward.returncode == 1
    assert "Drempel per configuratie: 1 op of boven de drempel" in forward.stdout
    assert run_cli("check", "--as-of", AS_OF, "--fail-on", "critical", str(strict), str(lenient)).returncode == 0
