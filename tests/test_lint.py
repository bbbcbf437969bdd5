"""ruff (checker/ and tests/) and mypy (checker/) are clean, as configured in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("command", [["ruff", "check", "checker", "tests"], ["mypy"]], ids=["ruff", "mypy"])
def test_clean(command: list[str]):
    # the tools come with the test extra; run them from this interpreter's environment
    tool = shutil.which(command[0], path=str(Path(sys.executable).parent)) or shutil.which(command[0])
    assert tool is not None, f"{command[0]} is not installed: pip install -e '.[test]'"
    result = subprocess.run([tool, *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_the_tools_are_declared():
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]["test"]
    assert {entry.split(">")[0] for entry in extra} >= {"ruff", "mypy"}
    assert sys.version_info >= (3, 11)
