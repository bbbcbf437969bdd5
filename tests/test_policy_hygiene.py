"""The policies as the real OPA sees them: formatted, strict-clean, tested, covered."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.opa_binary import ROOT, opa_path

POLICIES = str(ROOT / "policies")


def opa(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([opa_path(), *args], capture_output=True, text=True, timeout=300)


def test_opa_fmt_leaves_no_diff():
    result = opa("fmt", "--list", POLICIES)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"not formatted (run opa fmt -w policies): {result.stdout}"


def test_opa_check_strict():
    result = opa("check", "--strict", POLICIES)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def coverage() -> dict:
    result = opa("test", POLICIES, "--coverage", "--format", "json")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    return json.loads(result.stdout)


def test_opa_test_covers_every_rule_file(coverage):
    files = {path: data.get("coverage", 0) for path, data in coverage["files"].items() if not path.endswith("_test.rego")}
    assert any("/rules/" in path for path in files)
    low = {path: pct for path, pct in files.items() if pct < 90}
    assert not low, f"coverage below 90%: {low}"
