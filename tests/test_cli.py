"""The CLI in-process (tests/inprocess.py, the same app and guard as the console script): exit codes, formats,
messages. The console script itself is run once, as a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from checker.resources import schema
from tests.conftest import AS_OF, MINISTRY_CONFIG, PACKS, ROOT, VALID_DESCRIPTOR, all_findings, line_of, write
from tests.inprocess import invoke as run_cli
from tests.inprocess import invoke_json as check_json

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
    statuses = {(f["rule_id"], f["status"]) for f in all_findings(report)}
    assert ("CB22-NO-STATE-SECRETS", "fail") in statuses
    assert ("CB22-PRESCAN-DPIA", "pass") in statuses
    assert ("KWZBO-41-RIJKSDIENST-SECURITY", "not-applicable") in statuses
    failing = next(f for f in all_findings(report) if f["rule_id"] == "CB22-NO-STATE-SECRETS")
    assert failing["location"] == {"file": failing["location"]["file"], "document": 0, "line": SECRET_LINE, "column": 16,
                                   "end_line": SECRET_LINE, "end_column": 26, "json_path": "/data/rubricering"}
    assert failing["enforcement"] == "mandatory"
    fails = {f["rule_id"] for f in all_findings(report) if f["status"] == "fail"}
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
    fails = [f for f in all_findings(report) if f["status"] == "fail"]
    assert "CB22-PRESCAN-DPIA" in {f["rule_id"] for f in fails}
    assert fails and all(f["enforcement"] == "advisory" for f in fails)


def test_malformed_descriptor_exits_2_with_file_and_line(repo: Path):
    write(repo, "bad.cloud.yaml", VALID_DESCRIPTOR.replace("deployment_model: public", "deployment_model: publik"))
    result = run_cli("check", "--as-of", AS_OF, "--format", "concise", str(repo))
    assert result.returncode == 2
    assert "bad.cloud.yaml:6:21: fout INPUT-SCHEMA" in result.stdout
    assert "bedoelt u 'public'" in result.stdout


def test_multi_document_file_checks_the_good_documents_and_fails(repo: Path):
    second = VALID_DESCRIPTOR.replace("id: mail", "id: mail-2").replace("rubricering: ongerubriceerd", "rubricering: stg_geheim")
    write(repo, "multi.cloud.yaml", VALID_DESCRIPTOR + "---\nid: [broken\n---\n" + second)
    code, report = check_json(str(repo))
    assert code == 2
    errors = [f for f in all_findings(report) if f["status"] == "error"]
    first = VALID_DESCRIPTOR.count("\n")
    (error,) = errors
    assert error["location"]["document"] == 1 and error["location"]["line"] in (first + 2, first + 3)
    fails = {(f["service"], f["location"]["document"], f["location"]["line"]) for f in all_findings(report) if f["status"] == "fail" and f["rule_id"] == "CB22-NO-STATE-SECRETS"}
    assert fails == {("mail-2", 2, first + 3 + line_of(second, "stg_geheim"))}
    assert not [f for f in all_findings(report) if f["status"] == "fail" and f["service"] == "mail"]


def test_descriptor_organisation_overrides_and_missing_profile_fails(tmp_path: Path):
    write(tmp_path, "a.cloud.yaml", VALID_DESCRIPTOR)
    code, report = check_json(str(tmp_path))
    write(tmp_path, ".cloudbeleid.yaml", PACKS)
    assert code == 2
    assert all_findings(report)[0]["rule_id"] == "INPUT-ORGANISATION"
    write(tmp_path, "a.cloud.yaml", VALID_DESCRIPTOR + "organisation: {name: Defensie, type: defensie}\n")
    code, report = check_json(str(tmp_path))
    assert code == 0
    cloudbeleid_only = [f for f in all_findings(report) if f["rule_id"] == "CB22-PRESCAN-DPIA"]
    assert cloudbeleid_only and all(f["status"] == "not-applicable" and "Defensie" in f["enforcement_reason"]["nl"] for f in cloudbeleid_only)
    # VIRBI binds Defensie: the state-secrets rule is not "not for Defensie"
    secrets = next(f for f in all_findings(report) if f["rule_id"] == "CB22-NO-STATE-SECRETS")
    assert secrets["enforcement"] == "mandatory" and "VIRBI" in secrets["enforcement_reason"]["nl"]
    exit_rule = next(f for f in all_findings(report) if f["rule_id"] == "CB22-EXIT-STRATEGY")
    assert exit_rule["enforcement"] == "mandatory" and "BIO2" in exit_rule["enforcement_reason"]["nl"]  # BIO2 binds Defensie


def test_duplicate_service_ids_are_an_error(repo: Path):
    write(repo, "a.cloud.yaml", VALID_DESCRIPTOR)
    write(repo, "b.cloud.yaml", VALID_DESCRIPTOR)
    code, report = check_json(str(repo))
    assert code == 2
    assert [f["rule_id"] for f in all_findings(report) if f["status"] == "error"] == ["INPUT-DUPLICATE-ID"]


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
    result = run_cli(*args, "--lang", "en", cwd=repo)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_folder_without_descriptors_is_not_a_pass(repo: Path):
    write(repo, "notes.yaml", "a: 1\n")
    result = run_cli("check", str(repo))
    assert result.returncode == 2
    assert "geen dienstbeschrijvingen gevonden" in result.stderr


def test_invalid_config_exits_2_with_its_line(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation:\n  name: X\n  type: ministry\n")
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2
    assert ".cloudbeleid.yaml:3:9: ongeldige configuratie: 'ministry' is geen geldige waarde" in result.stderr
    assert "bedoelt u 'ministerie'" in result.stderr


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
    assert "bad.cloud.yaml:1:17: fout INPUT-SCHEMA " in result.stdout and "1 geldig, 1 fout in 2 bestanden." in result.stdout
    english = run_cli("validate", "--lang", "en", str(repo))
    assert english.returncode == 2 and "bad.cloud.yaml:1:17: error INPUT-SCHEMA schema_version must be 1, not 2" in english.stdout
    assert "1 valid, 1 error in 2 files." in english.stdout


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
    result = run_cli("explain", "CB22-EXIT-STRATEGIE", "--lang", "en")
    assert result.returncode == 2
    assert "did you mean CB22-EXIT-STRATEGY" in result.stderr
    dutch = run_cli("explain", "CB22-EXIT-STRATEGIE")
    assert dutch.stderr == "cloudbeleid: fout: geen regel 'CB22-EXIT-STRATEGIE'; bedoelt u CB22-EXIT-STRATEGY?\n"


def test_version():
    result = run_cli("version")
    assert result.returncode == 0 and result.stdout.startswith("cloudbeleid-checker 0.")


@pytest.mark.skipif(shutil.which("cloudbeleid") is None, reason="console script not installed")
def test_console_script_is_the_same_program(repo: Path):
    write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    # the console script of the interpreter running the tests (the one pip installed beside it), not whichever is first on PATH
    script = shutil.which("cloudbeleid", path=str(Path(sys.executable).parent)) or "cloudbeleid"
    result = subprocess.run([script, "check", "--as-of", AS_OF, str(repo)], capture_output=True, text=True)
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


# --- the command layer: options, the guard, one language (issue 13 point 3, issue 15) --------------------------

def test_the_option_enums_are_the_registries():
    from checker.commands.options import Engine, Format
    from checker.engine import REGISTRY
    from checker.reporters import STREAMS

    assert [e.value for e in Engine] == list(REGISTRY)
    assert tuple(f.value for f in Format) == STREAMS


@pytest.mark.parametrize(("args", "dutch"), [
    (["check", "--format", "xml"], "cloudbeleid: fout: --format 'xml' is geen van: text, full, concise, json, sarif, junit, github, gitlab, markdown (zie 'cloudbeleid check -h')"),
    (["check", "--bogus"], "cloudbeleid: fout: onbekende optie --bogus (zie 'cloudbeleid check -h')"),
    (["gate"], "cloudbeleid: fout: de optie --stage ontbreekt (zie 'cloudbeleid gate -h')"),
    (["explain"], "cloudbeleid: fout: het argument RULE_ID ontbreekt (zie 'cloudbeleid explain -h')"),
    (["frobnicate"], "cloudbeleid: fout: onbekend commando 'frobnicate' (zie 'cloudbeleid -h')"),
    (["check", "--fail-on"], "cloudbeleid: fout: de optie --fail-on vraagt een waarde"),
    (["check", "--as-of", "2025-02-30"], "cloudbeleid: fout: --as-of '2025-02-30' is geen bestaande kalenderdatum"),
    (["check", "--opa-timeout", "soon"], "cloudbeleid: fout: ongeldige waarde voor --opa-timeout: 'soon' (zie 'cloudbeleid check -h')"),
    (["version", "extra"], "cloudbeleid: fout: onverwacht extra argument: extra (zie 'cloudbeleid version -h')"),
])
def test_usage_errors_are_one_dutch_line_with_exit_2(args, dutch):
    result = run_cli(*args)
    assert (result.returncode, result.stderr.splitlines()) == (2, [dutch])
    assert "Usage" not in result.stderr and "Error" not in result.stderr and "Traceback" not in result.stderr


def test_usage_errors_in_english_with_lang_en():
    result = run_cli("check", "--lang", "en", "--format", "xml")
    assert result.stderr.splitlines() == [
        "cloudbeleid: error: --format 'xml' is not one of: text, full, concise, json, sarif, junit, github, gitlab, markdown (see 'cloudbeleid check -h')"]
    assert run_cli("check", "--lang", "en", "--bogus").stderr.startswith("cloudbeleid: error: no such option: --bogus")


def test_the_configured_language_holds_for_every_command_and_its_errors(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG + "lang: en\n")
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("schema_version: 1", "schema_version: 2"))
    assert "1 error in 1 file." in run_cli("validate", str(tmp_path), cwd=tmp_path).stdout
    assert "did you mean CB22-EXIT-STRATEGY" in run_cli("explain", "CB22-EXIT-STRATEGIE", cwd=tmp_path).stderr
    assert "rules" in run_cli("rules", "--pack", "avg", cwd=tmp_path).stdout.splitlines()[0]
    # --lang outranks the configuration
    assert "1 fout in 1 bestand." in run_cli("validate", "--lang", "nl", str(tmp_path), cwd=tmp_path).stdout


def test_an_internal_fault_is_exit_3_with_one_line(repo: Path, monkeypatch: pytest.MonkeyPatch):
    import checker.evaluate

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(checker.evaluate, "run", broken)
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, str(repo))
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        "cloudbeleid: interne fout: ZeroDivisionError: division by zero (zet CLOUDBELEID_DEBUG=1 voor een traceback)"]
    with pytest.raises(ZeroDivisionError):
        run_cli("check", "--as-of", AS_OF, str(repo), env={"CLOUDBELEID_DEBUG": "1"})


def test_h_is_help_everywhere_and_version_is_an_option():
    for args in (["-h"], ["check", "-h"], ["baseline", "create", "-h"], ["bundle", "-h"]):
        result = run_cli(*args)
        assert result.returncode == 0 and "--help" in result.stdout and "-h" in result.stdout, args
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout == run_cli("version").stdout
    assert version.stdout.startswith("cloudbeleid-checker 0.")


# --- --select, --ignore, --quiet ------------------------------------------------------------------------------------

def test_ignore_hides_a_rule_but_not_its_gate_failures(repo: Path):
    path = write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    code, report = check_json(str(path), "--ignore", "CB22-NO-STATE-SECRETS", "--ignore", "cb22-prescan-*")
    assert code == 1  # the ignored rule's mandatory failure still fails the gate ...
    shown = {(f["rule_id"], f["status"]) for f in all_findings(report)}
    assert ("CB22-NO-STATE-SECRETS", "fail") in shown  # ... and stays in the report
    assert not any(rule == "CB22-PRESCAN-DPIA" for rule, _ in shown)  # its pass is not shown
    ignored = {entry["rule"]: entry for entry in report["ignored_rules"]}
    assert set(ignored) == {"CB22-NO-STATE-SECRETS", "CB22-PRESCAN-DPIA"}
    assert ignored["CB22-NO-STATE-SECRETS"]["kept"] == 1 and ignored["CB22-PRESCAN-DPIA"] == {
        "rule": "CB22-PRESCAN-DPIA", "pack": "cb22", "hidden": 1, "kept": 0}
    Draft202012Validator(schema("report")).validate(report)


def test_select_a_pack_shows_only_it_and_lists_the_rest(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    code, report = check_json(str(repo), "--select", "kaderwet_zbo")
    assert code == 0
    assert {f["rule_id"].split("-")[0] for f in all_findings(report)} == {"KWZBO"}
    assert "CB22-EXIT-STRATEGY" in {entry["rule"] for entry in report["ignored_rules"]}
    text = " ".join(run_cli("check", "--as-of", AS_OF, "--select", "kaderwet_zbo", str(repo)).stdout.split())
    assert "Genegeerde regels (--select/--ignore), 19: CB22-ANNUAL-REPORT-CIO-RIJK, " in text


def test_ignored_rules_show_in_every_format(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    out = tmp_path / "out"
    formats = ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"]
    args = [a for name in formats for a in ("-f", name, "-o", str(out / name))]
    result = run_cli("check", "--as-of", AS_OF, "--ignore", "CB22-WOO-*", *args, str(repo))
    assert result.returncode == 1, result.stderr
    for name in formats:
        assert "CB22-WOO-TRANSPARENCY" in (out / name).read_text(encoding="utf-8"), name
    html = tmp_path / "portfolio.html"
    assert run_cli("report", "--as-of", AS_OF, "--ignore", "CB22-WOO-*", "-o", str(html), str(repo)).returncode == 0
    assert "Genegeerde regels (--select/--ignore), 1: CB22-WOO-TRANSPARENCY" in html.read_text(encoding="utf-8")


def test_a_pattern_that_matches_nothing_is_a_usage_error(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, "--ignore", "CB99-*", str(repo))
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["cloudbeleid: fout: --ignore 'CB99-*' past op geen regel en geen pakket (zie 'cloudbeleid rules')"]


def test_quiet_shows_only_gate_failures_and_the_verdict(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG + "fail_on: critical\n")
    path = write(tmp_path, "mail.cloud.yaml", NONCOMPLIANT)
    loud = run_cli("check", "--as-of", AS_OF, "-f", "concise", str(path)).stdout.splitlines()
    quiet = run_cli("check", "--as-of", AS_OF, "-f", "concise", "-q", str(path))
    assert quiet.returncode == 1
    lines = quiet.stdout.splitlines()
    assert any(" critical CB22-NO-STATE-SECRETS " in l for l in lines)
    assert all(" critical " in l for l in lines[:-1])  # the high failures are below fail_on
    assert lines[-1] == loud[-1] == f"Drempel kritiek: {len(lines) - 1} op of boven de drempel; gefaald."
    assert any(" high CB22-EXIT-STRATEGY " in l for l in loud)
    grouped = run_cli("check", "--as-of", AS_OF, "-q", str(path))  # the grouped view's quiet form: the same verdict
    assert grouped.returncode == 1 and grouped.stdout.splitlines()[-1] == lines[-1]
    assert "CB22-NO-STATE-SECRETS" in grouped.stdout and "CB22-EXIT-STRATEGY" not in grouped.stdout


# --- report, rules, explain -----------------------------------------------------------------------------------------

def test_report_exits_0_once_written_unless_fail_on(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", NONCOMPLIANT)
    html = tmp_path / "p.html"
    written = run_cli("report", "--as-of", AS_OF, "-o", str(html), str(repo))
    assert written.returncode == 0 and html.is_file(), written.stderr
    assert written.stdout.startswith(f"{html} geschreven: 1 diensten")
    assert run_cli("report", "--as-of", AS_OF, "--fail-on", "high", "-o", str(html), str(repo)).returncode == 1
    assert run_cli("report", "--as-of", AS_OF, "--fail-on", "critical", "-o", str(html), str(repo)).returncode == 1
    write(repo, "broken.cloud.yaml", "id: [\n")
    assert run_cli("report", "--as-of", AS_OF, "-o", str(html), str(repo)).returncode == 2  # not checked is no pass


def test_rules_fit_80_columns_sorted_within_packs_in_the_chosen_language():
    import unicodedata

    for lang, header in (("nl", "  id"), ("en", "  id")):
        result = run_cli("rules", "--lang", lang)
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert all(len(unicodedata.normalize("NFC", l)) <= 80 for l in lines), [l for l in lines if len(l) > 80]
        assert any(l.startswith(header) and ("ernst" if lang == "nl" else "severity") in l for l in lines)
    rules_json = json.loads(run_cli("rules", "--format", "json").stdout)
    titles = {r["id"]: r["title"]["nl"] for r in rules_json}
    text = run_cli("rules").stdout
    blocks = [b for b in text.split("\n\n") if b.startswith(tuple(f"{p}:" for p in {r["pack"] for r in rules_json}))]
    for block in blocks:
        ids = [l.split()[0] for l in block.splitlines()[3:] if l.startswith("  ") and not l.startswith("    ")]
        assert ids == sorted(ids) and ids
        for rule_id in ids:  # the title, wrapped at spaces only, reads back whole
            rows = block.splitlines()
            start = rows.index(next(r for r in rows if r.startswith(f"  {rule_id} ")))
            wrapped = []
            for row in rows[start + 1:]:
                if not row.startswith("    "):
                    break
                wrapped.append(row.strip())
            assert " ".join(wrapped).startswith(titles[rule_id]), rule_id


def test_rules_markdown_is_the_full_table():
    result = run_cli("rules", "--format", "markdown", "--lang", "en")
    rows = [l for l in result.stdout.splitlines() if l.startswith("| `")]
    assert result.returncode == 0 and len(rows) == len(json.loads(run_cli("rules", "--format", "json").stdout))
    assert result.stdout.startswith("| id | pack | severity | title | source | status of the source |")
    assert any("`CB22-EXIT-STRATEGY`" in r and "Kamerbrief Rijksbreed cloudbeleid 2022" in r and "secondary only" in r for r in rows)


def test_explain_renders_the_message_of_the_non_compliant_example():
    from checker.catalog import load_catalog

    result = run_cli("explain", "CB22-NO-STATE-SECRETS")
    assert result.returncode == 0
    template = load_catalog().by_id("CB22-NO-STATE-SECRETS").messages["default"].nl
    assert "{" in template  # the template has placeholders ...
    message = result.stdout.split("\n## Melding\n\n", 1)[1].split("\n\n", 1)[0]
    assert "{" not in message and message != template  # ... the page shows them filled


def test_did_you_mean_prefers_the_pack_the_prefix_names():
    assert "bedoelt u CB26-EXIT-PLAN?" in run_cli("explain", "CB26-EXIT-STRATEGY").stderr
    assert "bedoelt u CB22-EXIT-STRATEGY?" in run_cli("explain", "CB22-EXIT-STRATEGI").stderr


def test_every_command_and_option_has_its_help_in_both_languages():
    import typer as typer_module

    from checker import i18n
    from checker.cli import app

    def walk(command, path):
        key = ".".join(path) or "app"
        yield f"cli.help.{key}", None
        for param in command.params:
            yield f"cli.help.{key}.{param.name}", f"cli.help.param.{param.name}"
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    entries = list(walk(typer_module.main.get_command(app), []))
    assert len(entries) > 60
    for lang in ("nl", "en"):
        words = i18n.catalogue(lang)
        missing = [specific for specific, shared in entries if specific not in words and shared not in words]
        assert missing == [], (lang, missing)


def test_help_is_in_the_chosen_language():
    def flat(text: str) -> str:  # the help's words, without rich's boxes and line breaks
        return " ".join(text.replace("│", " ").split())

    dutch = flat(run_cli("check", "-h").stdout)
    english = flat(run_cli("check", "--lang", "en", "-h").stdout)
    assert "Controleer beschrijvingen aan de regels" in dutch and "Opties" in dutch and "Toon deze hulp en stop." in dutch
    assert "Check descriptors against the rules" in english and "Show this message and exit." in english
    assert "Check descriptors" not in dutch and "Output format" not in dutch
    assert "Gebruik: cloudbeleid check [OPTIES]" in dutch and "Usage" not in dutch and "[OPTIONS]" not in dutch
    assert "Usage: cloudbeleid check [OPTIONS]" in english
    program = flat(run_cli("-h").stdout)
    assert "Gebruik: cloudbeleid [OPTIES] COMMANDO [ARGUMENTEN]..." in program


@pytest.mark.parametrize(("fault", "code", "line"), [
    (KeyboardInterrupt, 3, "cloudbeleid: onderbroken"),
    (BrokenPipeError, 2, "cloudbeleid: fout: kan het rapport niet naar de standaarduitvoer schrijven: de lezer is weg (broken pipe)"),
])
def test_an_interrupt_or_a_broken_pipe_is_one_line_never_a_pass(repo: Path, monkeypatch: pytest.MonkeyPatch, fault, code, line):
    import checker.evaluate

    def interrupted(*_args, **_kwargs):
        raise fault()

    monkeypatch.setattr(checker.evaluate, "run", interrupted)
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, str(repo))
    assert (result.returncode, result.stderr.splitlines()) == (code, [line])
