"""The pipeline examples in examples/ci/ run as written: their cloudbeleid commands, through bash, on a repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, write
from tests.test_pre_commit import git

FAILING = VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false")


def load(name: str) -> dict:
    return YAML(typ="safe").load((ROOT / "examples/ci" / name).read_text())


@pytest.fixture
def infra(tmp_path: Path) -> Path:
    repo = tmp_path / "infra"
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(repo, "services/mail.cloud.yaml", VALID_DESCRIPTOR)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
    write(repo, "services/new.cloud.yaml", FAILING.replace("id: mail", "id: new"))
    return repo


def bash(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    bin_dir = str(Path(sys.executable).parent)
    path = os.pathsep.join([bin_dir, os.environ["PATH"]])
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PATH": path, **env})


@pytest.mark.skipif(shutil.which("cloudbeleid") is None and not (Path(sys.executable).parent / "cloudbeleid").exists(),
                    reason="console script not installed")
def test_github_actions_step(infra: Path):
    steps = load("github-actions.yml")["jobs"]["cloudbeleid"]["steps"]
    step = next(s for s in steps if s.get("name") == "Check service descriptors")
    base = git(infra, "rev-parse", "HEAD").stdout.strip()
    result = bash(step["run"], infra, BASE=base)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=services/new.cloud.yaml,line=")
    assert json.loads((infra / "cloudbeleid.sarif").read_text())["version"] == "2.1.0"
    assert (infra / "cloudbeleid-junit.xml").read_text().startswith("<?xml")
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "cloudbeleid.sarif" and upload["if"] == "always()"


@pytest.mark.skipif(shutil.which("cloudbeleid") is None and not (Path(sys.executable).parent / "cloudbeleid").exists(),
                    reason="console script not installed")
def test_gitlab_job(infra: Path):
    job = load("gitlab-ci.yml")["cloudbeleid"]
    (command,) = job["script"]
    result = bash(command, infra, CI_MERGE_REQUEST_DIFF_BASE_SHA=git(infra, "rev-parse", "HEAD").stdout.strip())
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("services/new.cloud.yaml  new  gefaald: ")  # the text view's service header
    issues = json.loads((infra / job["artifacts"]["reports"]["codequality"]).read_text())
    assert issues and all(i["location"]["path"] == "services/new.cloud.yaml" for i in issues)
    assert (infra / job["artifacts"]["reports"]["junit"]).exists()
    assert (infra / "cloudbeleid.md").read_text().startswith("## cloudbeleid-checker")
    without_base = bash(command, infra)  # on the default branch: everything
    assert without_base.returncode == 1
