"""The command line in this process: the same entry, app, guard and exit codes as the console script (the app's group
is the guard, so typer's CliRunner goes through it; a plain `check` takes the entry's own way without Typer, as the
console script does), without starting an interpreter per call. For the tests where the process boundary is not
the point; signals, the wheel and pre-commit keep their subprocesses."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from checker.cli import app
from checker.commands import entry
from tests.conftest import AS_OF, ROOT


def invoke(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Like tests.conftest.run_cli: returncode, stdout and stderr of one command."""
    runner = CliRunner()
    environment = {"NO_COLOR": "1", **(env or {})}
    with contextlib.chdir(cwd or ROOT):
        with runner.isolation(env=environment):
            plain = entry.plain_check(list(args)) is not None  # as the console script decides, in the same environment
        if not plain:
            result = runner.invoke(app, list(args), env=environment, catch_exceptions=False)
            return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)
        with runner.isolation(env=environment) as (stdout, stderr, _):
            try:
                code = entry.run(list(args))
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            out, err = (stream.getvalue().decode(runner.charset, "replace").replace("\r\n", "\n") for stream in (stdout, stderr))
    return subprocess.CompletedProcess(list(args), code, out, err)


def invoke_json(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    """Like tests.conftest.check_json: `check --format json` at the suite's reference date."""
    result = invoke("check", "--format", "json", "--as-of", AS_OF, *args, cwd=cwd, env=env)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)
