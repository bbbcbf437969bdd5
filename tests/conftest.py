from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-28"

VALID_DESCRIPTOR = """\
schema_version: 1
id: mail
service:
  name: Mail
  status: in_use
  deployment_model: public
provider:
  name: Contoso
  hq_country: NL
data:
  rubricering: ongerubriceerd
  personal_data: true
hosting:
  storage_locations: [NL]
  processing_locations: [NL]
assessments:
  risk_assessment: {status: approved, date: "2026-06-01", method: bio2}
  prescan_dpia: {status: approved, date: "2026-05-01"}
exit:
  strategy_in_contract: true
  covers_data_transfer: true
  covers_data_destruction: true
"""

# The CLI tests are about the command line, not about every rule: they run the first two packs.
PACKS = "packs: [cb22, kaderwet_zbo]\n"

MINISTRY_CONFIG = """\
organisation:
  name: Ministerie van Voorbeeldzaken
  type: ministerie
""" + PACKS


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A folder with a ministry's .cloudbeleid.yaml."""
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    return tmp_path


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in a subprocess, as a user or a pipeline runs it."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd or ROOT,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def check_json(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    result = run_cli("check", "--format", "json", "--as-of", AS_OF, *args, cwd=cwd, env=env)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)
