"""The hooks with the real pre-commit framework, in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, line_of, write

SKIP = shutil.ignore_patterns(".git", ".tools", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", "dist", "build")


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout as it is now (committed or not), as a git repository pre-commit can clone."""
    source = tmp_path_factory.mktemp("hooks") / "cloudbeleid-checker"
    shutil.copytree(ROOT, source, ignore=SKIP)
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "snapshot")
    return source, git(source, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="module")
def user_repo(hook_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    source, rev = hook_repo
    repo = tmp_path_factory.mktemp("infra")
    git(repo, "init", "-q")
    write(repo, ".pre-commit-config.yaml", f"""\
repos:
  - repo: {source}
    rev: {rev}
    hooks:
      - id: cloudbeleid-check
        args: [--as-of, "2026-11-28"]
      - id: cloudbeleid-validate-config
""")
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
    home = tmp_path_factory.mktemp("pre-commit-home")
    os.environ["PRE_COMMIT_HOME"] = str(home)
    installed = subprocess.run(["pre-commit", "install"], cwd=repo, capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stderr
    # build the hook environments once (pip installs the checker from the snapshot)
    subprocess.run(["pre-commit", "install-hooks"], cwd=repo, capture_output=True, text=True, timeout=900, check=True)
    return repo


def test_noncompliant_descriptor_is_blocked_with_its_location(user_repo: Path):
    bad = VALID_DESCRIPTOR.replace("id: mail", "id: bad").replace("covers_data_destruction: true", "covers_data_destruction: false")
    write(user_repo, "services/bad.cloud.yaml", bad)
    git(user_repo, "add", "services/bad.cloud.yaml")
    commit = git(user_repo, "commit", "-m", "add a service without data destruction")
    assert commit.returncode != 0
    output = commit.stdout + commit.stderr
    line = line_of(bad, "covers_data_destruction")
    # the text view: the service, then the fact at its line and column with the rule it breaks beneath it
    assert "services/bad.cloud.yaml  bad  gefaald: 1 verplicht" in output
    assert f"  {line}:28  exit.covers_data_destruction: false\n    hoog     CB22-EXIT-STRATEGY  verplicht\n" in output
    assert "cloudbeleid check" in output and "Failed" in output
    assert "bad" not in git(user_repo, "log", "--format=%s").stdout
    git(user_repo, "reset", "-q", "HEAD", "services/bad.cloud.yaml")
    (user_repo / "services/bad.cloud.yaml").unlink()


def test_compliant_descriptor_is_let_through(user_repo: Path):
    write(user_repo, "services/mail.cloud.yaml", VALID_DESCRIPTOR)
    git(user_repo, "add", "services/mail.cloud.yaml")
    commit = git(user_repo, "commit", "-m", "add the mail service")
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert "add the mail service" in git(user_repo, "log", "--format=%s").stdout


def test_invalid_configuration_is_blocked(user_repo: Path):
    write(user_repo, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace("type: ministerie", "type: ministry"))
    git(user_repo, "add", ".cloudbeleid.yaml")
    commit = git(user_repo, "commit", "-m", "break the configuration")
    assert commit.returncode != 0
    assert ".cloudbeleid.yaml:3:9: invalid configuration: 'ministry' is not a valid value" in commit.stdout + commit.stderr
    git(user_repo, "checkout", "-q", "HEAD", "--", ".cloudbeleid.yaml")
