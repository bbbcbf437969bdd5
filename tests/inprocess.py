"""The command line in this process: the same app, guard and exit codes as the console script (the app's group is
the guard, so typer's CliRunner goes through it), without starting an interpreter per call. For the tests where
the process boundary is not the point; signals, the wheel and pre-commit keep their subprocesses."""

from __future__ import annotations

import contextlib
import json
import subprocess
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from checker.cli import app
from tests.conftest import AS_OF, ROOT


def invoke(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Like tests.conftest.run_cli: returncode, stdout and stderr of one command."""
    with contextlib.chdir(cwd or ROOT):
        result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", **(env or {})}, catch_exceptions=False)
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


def invoke_json(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    """Like tests.conftest.check_json: `check --format json` at the suite's reference date."""
    result = invoke("check", "--format", "json", "--as-of", AS_OF, *args, cwd=cwd, env=env)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)
