"""The 2026 revision: off by default, transition periods through the reference date, and cloudbeleid diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINISTRY_CONFIG, PACKS, VALID_DESCRIPTOR, all_findings, check_json, run_cli, write


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A materieel service in use since before the revision (2026-07-03), without a self-tested exit plan."""
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, "packs: [cb26]\n"))
    materieel = VALID_DESCRIPTOR.replace("  materieel: false\n", "  materieel: true\n")
    write(tmp_path, "mail.cloud.yaml", materieel)  # start_date 2026-03-01, no exit.plan
    return tmp_path


def _exit_plan(report: dict) -> set[str]:
    return {f["status"] for f in all_findings(report) if f["rule_id"] == "CB26-EXIT-PLAN"}


def test_cb26_is_off_by_default(repo: Path):
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, ""))
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    _, report = check_json(str(repo))
    assert "cb26" not in report["packs"]
    assert not any(f["rule_id"].startswith("CB26-") for f in all_findings(report))


def test_the_exit_plan_transition_period_runs_out(existing: Path):
    _, before = check_json("--as-of", "2027-07-02", str(existing))
    _, after = check_json("--as-of", "2027-07-04", str(existing))
    assert _exit_plan(before) == {"not-applicable"}
    assert _exit_plan(after) == {"fail"}


def test_before_the_revision_no_cb26_rule_is_in_force(existing: Path):
    _, report = check_json("--as-of", "2026-07-02", str(existing))
    cb26 = [f for f in all_findings(report) if f["rule_id"].startswith("CB26-")]
    assert cb26 and all(f["status"] == "not-applicable" for f in cb26)
    assert "2026-07-03" in cb26[0]["enforcement_reason"]["nl"]


def test_every_cb26_finding_says_its_source_is_secondary(existing: Path):
    result = run_cli("check", "--as-of", "2030-07-04", "--format", "concise", str(existing))
    lines = [l for l in result.stdout.splitlines() if " CB26-" in l]
    assert lines and all("[bron: alleen secundair, niet geverifieerd]" in l for l in lines)


def test_diff_lists_changed_verdicts(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, ""))
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("start_date: \"2026-03-01\"", "start_date: \"2026-09-01\"").replace("function", "x"))
    write(tmp_path, "old.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: old").replace("woo_published: true", "woo_published: false"))
    result = run_cli("diff", "--as-of", "2026-11-28", "--format", "json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = {row["service"]: row for row in json.loads(result.stdout)["services"]}
    assert rows["mail"]["change"] == "newly-failing" and rows["mail"]["failing_after"]
    assert all(rule.startswith("CB26-") for rule in rows["mail"]["failing_after"])
    assert rows["old"]["failing_before"] == ["CB22-WOO-TRANSPARENCY"]
    text = run_cli("diff", "--as-of", "2026-11-28", str(tmp_path))
    assert "mail: faalt nu (" in text.stdout and "(cb22 → cb26, 2026-11-28)" in text.stdout


def _exit_plan_for(report: dict) -> list[tuple[str, str]]:
    return [(f["status"], f["enforcement"]) for f in all_findings(report) if f["rule_id"] == "CB26-EXIT-PLAN"]


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        # "zbo's volgen het beleid" binds a zbo only through a beleidsregel (art. 21) or art. 21a
        ("  type: zbo\n", "advisory"),
        ("  type: zbo\n  minister_beleidsregel_cloud_2026: true\n", "mandatory"),
        ("  type: zbo\n  shared_voorziening_art21a: true\n", "mandatory"),
        ("  type: agentschap\n", "mandatory"),
        ("  type: defensie\n", "not-applicable"),
        ("  type: hoog_college_van_staat\n", "not-applicable"),
        ("  type: decentrale_overheid\n", "advisory"),
    ],
)
def test_the_revision_binds_whom_the_summary_says(existing: Path, profile: str, expected: str):
    config = existing / ".cloudbeleid.yaml"
    config.write_text(config.read_text().replace("  type: ministerie\n", profile))
    _, report = check_json("--as-of", "2027-07-04", str(existing))
    assert {enforcement for _, enforcement in _exit_plan_for(report)} == {expected}


def test_a_configured_start_date_moves_the_transition(existing: Path):
    config = existing / ".cloudbeleid.yaml"
    config.write_text(config.read_text() + "thresholds:\n  cb26_policy_start: \"2026-10-01\"\n")
    _, before = check_json("--as-of", "2027-09-30", str(existing))
    _, after = check_json("--as-of", "2027-10-01", str(existing))
    assert {status for status, _ in _exit_plan_for(before)} == {"not-applicable"}
    assert {status for status, _ in _exit_plan_for(after)} == {"fail"}


def test_the_pack_names_the_letter_and_its_reported_number():
    result = run_cli("explain", "CB26-EXIT-PLAN")
    assert "3 juli 2026" in result.stdout and "26 643, nr. 1541" in result.stdout and "2026D35295" in result.stdout


def test_diff_summarises_per_organisation_what_the_revision_changes(tmp_path: Path):
    ministry, zbo = tmp_path / "ministerie", tmp_path / "zbo"
    write(ministry, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, ""))
    write(ministry, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("start_date: \"2026-03-01\"", "start_date: \"2026-09-01\""))
    write(zbo, ".cloudbeleid.yaml", "organisation:\n  name: Voorbeeldautoriteit\n  type: zbo\n")
    write(zbo, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: zbo-mail").replace("start_date: \"2026-03-01\"", "start_date: \"2026-09-01\""))
    result = run_cli("diff", "--as-of", "2026-11-28", "--format", "json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    summaries = {s["type"]: s for s in json.loads(result.stdout)["organisations"]}
    # the revision binds the ministry; for a zbo without a beleidsregel every cb26 rule is advice
    assert summaries["ministerie"]["rules_after"]["mandatory"] > 0
    assert summaries["zbo"]["rules_after"]["mandatory"] == 0
    assert summaries["zbo"]["services"] == ["zbo-mail"] and summaries["zbo"]["newly_failing_rules"] == []
    assert summaries["ministerie"]["newly_failing_rules"] == summaries["ministerie"]["failing_after"]
    text = run_cli("diff", "--as-of", "2026-11-28", str(tmp_path)).stdout
    assert "Voorbeeldautoriteit (zbo), 1 dienst(en):" in text and "regels voor deze organisatie: vóór" in text
    english = run_cli("diff", "--as-of", "2026-11-28", "--lang", "en", str(tmp_path)).stdout
    assert "rules for this organisation: before" in english and "dienst" not in english
