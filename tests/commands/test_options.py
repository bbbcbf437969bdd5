"""One builder of run options for every checking command: a configured `engine: opa` holds for all of them
(in-process, through typer's CliRunner: the process boundary is not what is tested here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.conftest import AS_OF, MINISTRY_CONFIG, VALID_DESCRIPTOR, write
from tests.opa_binary import opa_path

COMMANDS = {
    "check": ["check"],
    "gate": ["gate", "--stage", "operation"],
    "report": ["report", "--output", "portfolio.html"],
    "diff": ["diff"],
    "waivers": ["waivers"],
    "baseline create": ["baseline", "create"],
}


@pytest.fixture
def opa_repo(tmp_path: Path) -> Path:
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG + "engine: opa\n")
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    return tmp_path


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_checking_command_takes_the_configured_engine(command: str, opa_repo: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    # the configured engine is OPA, and the binary the environment names is not there: each command must try OPA
    # (and refuse the binary, exit 2, naming the variable) rather than quietly check with the embedded engine
    missing = opa_repo / "geen-opa"
    monkeypatch.setenv("CLOUDBELEID_OPA_PATH", str(missing))
    monkeypatch.chdir(opa_repo)
    result = CliRunner().invoke(app, [*COMMANDS[command], "--as-of", AS_OF, str(opa_repo)])
    assert result.exit_code == 2, result.output
    assert f"CLOUDBELEID_OPA_PATH {missing}: geen uitvoerbaar bestand" in result.output


def test_gate_checks_with_the_configured_opa(opa_repo: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLOUDBELEID_OPA_PATH", opa_path())
    monkeypatch.chdir(opa_repo)
    dossier = opa_repo / "dossier"
    result = CliRunner().invoke(app, ["gate", "--stage", "operation", "--as-of", AS_OF, "--dossier", str(dossier), str(opa_repo)])
    assert result.exit_code == 0, result.output
    (written,) = [json.loads(p.read_text(encoding="utf-8")) for p in dossier.rglob("*.json")]
    assert (written["engine"], written["engine_version"]) == ("opa", "OPA 1.22.3")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_checking_command_speaks_the_configured_language(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # the builder reads the configuration before it checks the reference date: its error is in the configured language
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG + "lang: en\n")
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*COMMANDS[command], "--as-of", "2025-02-30", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == ["cloudbeleid: error: --as-of '2025-02-30' is not a real calendar date"]
    dutch = CliRunner().invoke(app, [*COMMANDS[command], "--lang", "nl", "--as-of", "2025-02-30", str(tmp_path)])
    assert dutch.stderr.splitlines() == ["cloudbeleid: fout: --as-of '2025-02-30' is geen bestaande kalenderdatum"]


@pytest.mark.parametrize("args", [["rules", "--format", "json"], ["explain", "EIGEN-NO-US-PARENT"], ["bundle", "build", "-o", "b.tar.gz"]])
def test_the_catalogue_commands_take_the_configured_policy_folders(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from tests.conftest import PACKS, own_policies

    own_policies(tmp_path / "eigen-regels")
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, "packs: [cb22, eigen]\n") + "policies: [eigen-regels]\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    if args[0] == "rules":
        assert "EIGEN-NO-US-PARENT" in {rule["id"] for rule in json.loads(result.stdout)}
    elif args[0] == "bundle":
        assert "eigen" in result.stdout
