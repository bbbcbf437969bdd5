"""Lifecycle stages and the gate before procurement, with a dossier an auditor can reproduce."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.conftest import AS_OF, MINISTRY_CONFIG, PACKS, VALID_DESCRIPTOR, all_findings, check_json, run_cli, write

# A planned service whose backup and continuity are not settled yet: BIO2 8.13 applies only from implementation.
PLANNED = VALID_DESCRIPTOR.replace("status: in_use", "status: planned").replace(
    "continuity: {critical: false, backup_policy: true, rpo_rto_defined: true, restore_tested_on: \"2026-09-01\"}",
    "continuity: {critical: false, backup_policy: false}"
).replace("covers_data_destruction: true", "covers_data_destruction: false")


def _status(report: dict, rule: str) -> set[str]:
    return {f["status"] for f in all_findings(report) if f["rule_id"] == rule}


def test_status_picks_the_stage_and_stage_can_be_forced(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, "packs: [cb22, bio2]\n"))
    write(tmp_path, "a.cloud.yaml", PLANNED)
    _, procurement = check_json(str(tmp_path))
    assert _status(procurement, "BIO2-8-13-BACKUP") == {"not-applicable"}
    reason = next(f for f in all_findings(procurement) if f["rule_id"] == "BIO2-8-13-BACKUP")["enforcement_reason"]["nl"]
    assert "Niet gecontroleerd in de fase inkoop" in reason
    assert _status(procurement, "CB22-EXIT-STRATEGY") == {"fail"}  # settled before the contract
    _, operation = check_json("--stage", "operation", str(tmp_path))
    assert _status(operation, "BIO2-8-13-BACKUP") == {"fail"}


def test_gate_writes_a_dossier_whose_hashes_match_the_inputs(tmp_path: Path):
    repo = tmp_path / "repo"
    config = write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    descriptor = write(repo, "services/new.cloud.yaml", PLANNED)
    result = run_cli("gate", "--stage", "procurement", "--as-of", AS_OF, "--dossier", str(tmp_path / "dossier"), "services", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "CB22-EXIT-STRATEGY" in result.stdout and "dossier:" in result.stdout
    data = json.loads((tmp_path / "dossier/cloudbeleid-dossier.json").read_text())
    assert data["stage"] == "procurement" and data["verdict"] == "not-compliant" and data["exit_code"] == 1
    assert data["tool"]["name"] == "cloudbeleid-checker" and data["policy_revision"] and data["as_of"] == AS_OF
    hashes = {entry["path"]: entry["sha256"] for entry in data["inputs"]}
    assert hashes == {
        "services/new.cloud.yaml": hashlib.sha256(descriptor.read_bytes()).hexdigest(),
        ".cloudbeleid.yaml": hashlib.sha256(config.read_bytes()).hexdigest(),
    }
    markdown = (tmp_path / "dossier/cloudbeleid-dossier.md").read_text()
    assert "Fase: inkoop" in markdown and hashes["services/new.cloud.yaml"] in markdown
    # the reader's part of the dossier speaks the report's language (issue 15, point 5)
    assert "Oordeel: voldoet niet" in markdown and "1 dienst ·" in markdown and "| beschrijving |" in markdown
    assert "not-compliant" not in markdown and "Verdict" not in markdown
    assert data["report"]["summary"]["exit_code"] == 1


def test_gate_needs_a_known_stage(repo: Path):
    write(repo, "a.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("gate", "--lang", "en", "--stage", "tender", str(repo))
    assert result.returncode == 2 and "--stage 'tender' is not one of" in result.stderr


def test_gate_output_carries_no_workflow_command_from_a_file_name(tmp_path: Path):
    """A descriptor's name is data: on a GitHub runner no line of the gate's output may start a workflow command."""
    repo = tmp_path / "repo"
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(repo, "services/x\n::error file=x::INJECTED \x1b[31m.cloud.yaml", PLANNED)
    result = run_cli("gate", "--stage", "procurement", "--as-of", AS_OF, "--dossier", str(tmp_path / "dossier"), "services", cwd=repo)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines and not [line for line in lines if line.lstrip().startswith("::")]
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    assert any("x\\n::error file=x::INJECTED \\x1b[31m.cloud.yaml" in line for line in lines)  # shown, visibly
    markdown = (tmp_path / "dossier/cloudbeleid-dossier.md").read_text(encoding="utf-8")
    assert not [line for line in markdown.splitlines() if line.lstrip().startswith("::")] and "\x1b" not in markdown
