"""Regal, the Rego linter, finds nothing in policies/, and its custom rule holds every rule to the METADATA contract."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.opa_binary import tool_path
from tests.regal_contract import MODULE, render

CONFIG = ROOT / ".regal/config.yaml"
RULES = ROOT / ".regal/rules"


def regal_path() -> str:
    return tool_path("regal")


def lint(*paths: Path) -> list[dict]:
    result = subprocess.run(
        [regal_path(), "lint", "--format", "json", "--config-file", str(CONFIG), "--rules", str(RULES), *map(str, paths)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env={**os.environ, "REGAL_DISABLE_VERSION_CHECK": "1"},
    )
    assert result.returncode in (0, 3), result.stderr  # 3: violations found
    report = json.loads(result.stdout)
    assert (result.returncode == 3) == bool(report.get("violations")), result.stderr
    return report.get("violations", [])


def test_the_contract_module_is_generated_from_the_schema_and_the_packs():
    assert MODULE.read_text(encoding="utf-8") == render(), "stale: run python3 -m tests.regal_contract --update"


def test_regal_finds_nothing_in_the_policies():
    found = lint(ROOT / "policies")
    shown = [f"{v['location']['file']}:{v['location']['row']}: {v['category']}/{v['title']}: {v['description']}" for v in found]
    assert shown == []


def _rule_copy(tmp_path: Path, edit) -> Path:
    source = ROOT / "policies/rules/cb22/no_state_secrets/no_state_secrets.rego"
    target = tmp_path / "policies/rules/cb22/no_state_secrets/no_state_secrets.rego"
    target.parent.mkdir(parents=True)
    target.write_text(edit(source.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def _custom(found: list[dict]) -> list[tuple[int, str]]:
    return sorted((v["location"]["row"], v["description"]) for v in found if v["category"] == "cloudbeleid")


def test_the_custom_rule_passes_a_rule_that_keeps_the_contract(tmp_path: Path):
    assert _custom(lint(_rule_copy(tmp_path, lambda text: text))) == []


def test_the_custom_rule_reports_each_breach_of_the_contract_at_its_line(tmp_path: Path):
    def breach(text: str) -> str:
        text = text.replace("#   id: CB22-NO-STATE-SECRETS", "#   id: AVG-NO-STATE-SECRETS")
        text = text.replace("#   severity: critical", "#   severity: urgent")
        text = text.replace("# METADATA\n", "# METADATA\n# title: Geen staatsgeheimen\n", 1)
        return text.replace("subject contains i if", "subjects contains i if")

    lines = breach((ROOT / "policies/rules/cb22/no_state_secrets/no_state_secrets.rego").read_text()).splitlines()
    row = {key: next(n for n, line in enumerate(lines, 1) if line.startswith(f"#   {key}:")) for key in ("id", "severity")}
    package = next(n for n, line in enumerate(lines, 1) if line.startswith("package "))
    found = _custom(lint(_rule_copy(tmp_path, breach)))
    assert found == sorted([
        (1, "METADATA title differs from custom.title.nl (drop it: the checker reads custom.title)"),
        (row["id"], "Rule id AVG-NO-STATE-SECRETS does not start with the prefix of pack cb22: CB22-"),
        (row["severity"], 'METADATA custom: severity: severity must be one of the following: "critical", "high", "medium", "low", "info"'),
        (package, "Rule package does not define `subject contains ...` (see policies/main/main.rego)"),
    ])


@pytest.mark.parametrize("where", ["rules/cb22/other/no_state_secrets.rego", "rules/cb22/no_state_secrets/other.rego"])
def test_the_custom_rule_reports_a_rule_outside_its_folder(tmp_path: Path, where: str):
    target = tmp_path / "policies" / where
    target.parent.mkdir(parents=True)
    target.write_text((ROOT / "policies/rules/cb22/no_state_secrets/no_state_secrets.rego").read_text())
    found = _custom(lint(target))
    assert [d for _, d in found] == ["Rule cb22.no_state_secrets must live in rules/cb22/no_state_secrets/no_state_secrets.rego"]


def test_the_custom_rule_reports_a_rule_without_metadata(tmp_path: Path):
    found = _custom(lint(_rule_copy(tmp_path, lambda text: text.replace("# METADATA", "# no metadata", 1))))
    assert [d for _, d in found] == ["Rule package without a METADATA block with a custom: part"]


def test_the_custom_rule_passes_its_own_rego_tests():
    result = subprocess.run([regal_path(), "test", str(RULES)], capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={**os.environ, "REGAL_DISABLE_VERSION_CHECK": "1"})
    assert result.returncode == 0 and "PASS: 3/3" in result.stdout, result.stdout + result.stderr
