"""Risk acceptances with an audit trail, and baselines for adopting the checker on a portfolio."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, MINISTRY_CONFIG, VALID_DESCRIPTOR, all_findings, check_json, run_cli, write

NO_DESTRUCTION = VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false")


def waiver(rule: str = "CB22-EXIT-STRATEGY", service: str = "mail", granted: str = "2026-10-01", expires: str = "2027-03-01", **extra: str) -> str:
    lines = [f"  - rule: {rule}", f"    service: {service}", "    reason: Leverancier levert vernietigingsverklaring pas bij verlenging",
             "    risk_owner: Directeur Bedrijfsvoering", "    approved_by: CISO", "    decision_ref: RA-2026-017",
             f"    granted: {granted}", f"    expires: {expires}"]
    lines += [f"    {k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture
def waived(repo: Path) -> Path:
    write(repo, "mail.cloud.yaml", NO_DESTRUCTION)
    return repo


def _finding(report: dict, rule: str) -> dict:
    return next(f for f in all_findings(report) if f["rule_id"] == rule and f["status"] != "not-applicable")


def test_valid_waiver_keeps_the_finding_as_waived_and_passes_the_gate(waived: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver())
    code, report = check_json(str(waived))
    assert code == 0
    finding = _finding(report, "CB22-EXIT-STRATEGY")
    assert finding["status"] == "waived"
    assert finding["waiver"]["decision_ref"] == "RA-2026-017" and finding["waiver"]["status"] == "active"
    assert finding["waiver"]["risk_owner"] == "Directeur Bedrijfsvoering" and finding["waiver"]["file"].endswith("/waivers.yaml")
    assert [w["status"] for w in report["waivers"]] == ["active"]


def test_expired_waiver_fails_and_says_since_when(waived: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver(granted="2026-06-01", expires="2026-11-01"))
    result = run_cli("check", "--as-of", AS_OF, str(waived))
    assert result.returncode == 1
    assert "[risicoacceptatie RA-2026-017 verlopen sinds 2026-11-01]" in result.stdout
    _, report = check_json(str(waived))
    finding = _finding(report, "CB22-EXIT-STRATEGY")
    assert finding["status"] == "fail" and finding["waiver"]["status"] == "expired"


def test_expiring_waivers_are_listed_in_the_summary(waived: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver(expires="2026-12-10"))
    result = run_cli("check", "--as-of", AS_OF, str(waived))
    assert result.returncode == 0
    assert "1 verlopen binnenkort (CB22-EXIT-STRATEGY mail (2026-12-10))" in " ".join(result.stdout.split())  # wrapped at 80


def test_unused_waiver_is_reported_without_failing(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    write(repo, "waivers.yaml", "waivers:\n" + waiver())
    code, report = check_json(str(repo))
    assert code == 0
    note = _finding(report, "WAIVER-UNUSED")
    assert note["enforcement"] == "advisory" and note["location"]["file"].endswith("/waivers.yaml") and note["location"]["line"] == 2
    assert [w["status"] for w in report["waivers"]] == ["unused"]


def test_waiver_on_an_unwaivable_rule_is_an_error(waived: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver(rule="CB22-NO-STATE-SECRETS"))
    code, report = check_json(str(waived))
    assert code == 2
    error = _finding(report, "WAIVER-INVALID")
    assert "absolute ban" in error["message"]["en"] and error["location"]["line"] == 2


def test_waiver_past_the_maximum_horizon_is_an_error(waived: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver(granted="2026-01-01", expires="2026-12-31"))
    code, report = check_json(str(waived))
    assert code == 2
    assert "364 days; the maximum for severity high is 180 days" in _finding(report, "WAIVER-INVALID")["message"]["en"]
    write(waived, ".cloudbeleid.yaml", MINISTRY_CONFIG + "waivers: {max_horizon_days: {high: 400}}\n")
    assert check_json(str(waived))[0] == 0


def test_waiver_with_a_json_path_lifts_only_that_finding(repo: Path):
    two = NO_DESTRUCTION.replace("covers_data_transfer: true", "covers_data_transfer: false")
    write(repo, "mail.cloud.yaml", two)
    write(repo, "waivers.yaml", "waivers:\n" + waiver(path="/exit/covers_data_destruction"))
    code, report = check_json(str(repo))
    assert code == 1
    statuses = {f["location"]["json_path"]: f["status"] for f in all_findings(report) if f["rule_id"] == "CB22-EXIT-STRATEGY"}
    assert statuses == {"/exit/covers_data_destruction": "waived", "/exit/covers_data_transfer": "fail"}


def test_invalid_waiver_file_exits_2_with_its_line(waived: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver().replace("    reason: Leverancier levert vernietigingsverklaring pas bij verlenging\n", ""))
    result = run_cli("check", str(waived))
    assert result.returncode == 2
    assert "waivers.yaml:2:5: ongeldig bestand met risicoacceptaties: verplicht veld 'reason' ontbreekt" in result.stderr


def test_waived_findings_in_every_format(waived: Path, tmp_path: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver())
    sarif, junit, markdown = tmp_path / "a.sarif", tmp_path / "a.xml", tmp_path / "a.md"
    result = run_cli("check", "--as-of", AS_OF, "-f", "sarif", "-o", str(sarif), "-f", "junit", "-o", str(junit),
                     "-f", "markdown", "-o", str(markdown), str(waived))
    assert result.returncode == 0, result.stderr
    result_json = next(r for r in json.loads(sarif.read_text())["runs"][0]["results"] if r["ruleId"] == "CB22-EXIT-STRATEGY")
    assert result_json["suppressions"] == [{"kind": "external", "status": "accepted",
                                           "justification": "Leverancier levert vernietigingsverklaring pas bij verlenging"}]
    assert '<skipped message="Leverancier levert vernietigingsverklaring pas bij verlenging"' in junit.read_text()
    assert "RA-2026-017, Directeur Bedrijfsvoering / CISO, → 2027-03-01" in markdown.read_text()


def test_waivers_command_lists_statuses(waived: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver() + waiver(rule="CB22-WOO-TRANSPARENCY") + waiver(rule="CB22-NO-STATE-SECRETS"))
    result = run_cli("waivers", "--as-of", AS_OF, "-f", "json", str(waived))
    assert result.returncode == 2
    assert [w["status"] for w in json.loads(result.stdout)] == ["active", "unused", "invalid"]


def test_baseline_survives_reformatting_and_still_catches_new_findings(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", NO_DESTRUCTION)
    baseline = tmp_path / "baseline.json"
    created = run_cli("baseline", "create", "--as-of", AS_OF, "--output", str(baseline), str(repo), cwd=repo)
    assert created.returncode == 0, created.stderr
    assert [e["rule_id"] for e in json.loads(baseline.read_text())["findings"]] == ["CB22-EXIT-STRATEGY"]
    # reformat: comments and blank lines move every line; the same failure stays baselined
    write(repo, "mail.cloud.yaml", "# reformatted\n\n" + NO_DESTRUCTION.replace("id: mail", "id: mail  # the same service"))
    code, report = check_json("--baseline", str(baseline), str(repo), cwd=repo)
    assert code == 0 and report["summary"]["baselined"] == 1
    # a new failure is reported
    write(repo, "mail.cloud.yaml", NO_DESTRUCTION.replace("woo_published: true", "woo_published: false"))
    code, report = check_json("--baseline", str(baseline), str(repo), cwd=repo)
    assert code == 1
    assert [f["rule_id"] for f in all_findings(report) if f["status"] == "fail"] == ["CB22-WOO-TRANSPARENCY"]
    text = run_cli("check", "--as-of", AS_OF, "--baseline", str(baseline), str(repo), cwd=repo)
    assert "1 bevindingen uit de baseline weggelaten." in text.stdout
    # once fixed, the finding drops out of the next baseline
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    run_cli("baseline", "create", "--as-of", AS_OF, "--output", str(baseline), str(repo), cwd=repo)
    assert json.loads(baseline.read_text())["findings"] == []


def test_broken_baseline_file_is_bad_input(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    bad = write(tmp_path, "baseline.json", "{not json")
    result = run_cli("check", "--baseline", str(bad), str(repo))
    assert result.returncode == 2 and "geen cloudbeleid-baseline (geen JSON: regel 1, kolom 2)" in result.stderr


def test_validate_checks_waiver_files(waived: Path):
    write(waived, "waivers.yaml", "waivers:\n" + waiver(rule="CB22-NO-STATE-SECRETS"))
    result = run_cli("validate", "--lang", "en", str(waived / "waivers.yaml"), str(waived / ".cloudbeleid.yaml"))
    assert result.returncode == 2
    assert "waivers.yaml:2:5: error WAIVER-INVALID CB22-NO-STATE-SECRETS cannot be lifted" in result.stdout
    write(waived, "waivers.yaml", "waivers:\n" + waiver())
    assert run_cli("validate", str(waived / "waivers.yaml")).returncode == 0
