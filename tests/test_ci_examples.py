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

from tests.conftest import MINISTRY_CONFIG, PACKS, ROOT, VALID_DESCRIPTOR, write
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


# --- the plan JSON step: Terraform's plan written where a descriptor names it, then checked --------------------------

REAL = ROOT / "tests/infra/real"
TOOLS = ROOT / ".tools/bin"
HCLOUD_SERVICE = (VALID_DESCRIPTOR.replace("id: mail", "id: vbz-hcloud")
                  .replace("  name: Contoso\n  hq_country: NL\n", "  name: Hetzner Online GmbH\n  hq_country: DE\n")
                  .replace("ultimate_parent_country: NL", "ultimate_parent_country: DE")
                  .replace("[NL]", "[DE]")
                  + "infrastructure:\n  terraform: [../infra/hcloud]\n  plan: [../infra/hcloud/plan.json]\n")
WRITES_PLAN = 'show -json plan.tfplan > "$dir/plan.json"'


def _real_tools() -> dict[str, str] | None:
    """The environment that lets the plan step run real Terraform without downloads, or None without the binaries."""
    if not ((TOOLS / "terraform").is_file() and (TOOLS / "terraform-provider-hcloud").is_file()):
        return None
    return {"PATH": f"{TOOLS}{os.pathsep}{os.environ['PATH']}"}


def _plan_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, "packs: [cb22, kaderwet_zbo, infra]\n"))
    write(repo, "services/hcloud.cloud.yaml", HCLOUD_SERVICE)
    shutil.copytree(REAL / "hcloud", repo / "infra/hcloud")
    return repo


def _run_plan_step(script: str, shell: str, repo: Path, tmp_path: Path) -> None:
    """The step as written, with real Terraform and the Hetzner Cloud provider from a filesystem mirror when they are
    in .tools/bin; else the committed plan that real Terraform wrote from the same configuration, where the step writes it."""
    assert WRITES_PLAN in script and "-out=plan.tfplan" in script
    env = _real_tools()
    if env is None:
        shutil.copy(REAL / "terraform-1.8.5.hcloud.plan.json", repo / "infra/hcloud/plan.json")
        return
    mirror = tmp_path / "mirror/registry.terraform.io/hetznercloud/hcloud/1.52.0/linux_amd64"
    mirror.mkdir(parents=True)
    shutil.copy(TOOLS / "terraform-provider-hcloud", mirror / "terraform-provider-hcloud_v1.52.0")
    config = write(tmp_path, "terraform.rc", f'provider_installation {{\n  filesystem_mirror {{\n    path = "{tmp_path / "mirror"}"\n  }}\n}}\n')
    result = subprocess.run([shell, "-c", script], cwd=repo, capture_output=True, text=True, timeout=300,
                            env={**os.environ, **env, "TF_ROOTS": "infra/hcloud", "TF_CLI_CONFIG_FILE": str(config),
                                 "CHECKPOINT_DISABLE": "1", "HCLOUD_TOKEN": "0" * 64})
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads((repo / "infra/hcloud/plan.json").read_text())["format_version"].startswith("1.")


@pytest.mark.skipif(shutil.which("cloudbeleid") is None and not (Path(sys.executable).parent / "cloudbeleid").exists(),
                    reason="console script not installed")
def test_github_actions_writes_the_plan_json_a_descriptor_names_before_the_check(tmp_path: Path):
    steps = load("github-actions.yml")["jobs"]["cloudbeleid"]["steps"]
    setup = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("hashicorp/setup-terraform@"))
    plan = next(i for i, s in enumerate(steps) if s.get("name") == "Write the Terraform plans as JSON")
    check = next(i for i, s in enumerate(steps) if s.get("name") == "Check service descriptors")
    assert setup < plan < check
    # the wrapper prints its own lines on standard output, which would break the JSON
    assert steps[setup]["with"]["terraform_wrapper"] is False
    assert steps[plan]["env"]["TF_ROOTS"]
    repo = _plan_repo(tmp_path)
    _run_plan_step(steps[plan]["run"], "bash", repo, tmp_path)
    result = bash(steps[check]["run"], repo)
    assert result.returncode == 1, result.stdout + result.stderr
    # the volume in Ashburn, found in the plan, at its address there; and in the code, at the line that sets it
    text = (repo / "infra/hcloud/plan.json").read_text()
    column = text.index('"hcloud_volume.copy"') - text.rfind("\n", 0, text.index('"hcloud_volume.copy"'))
    assert f"::error file=infra/hcloud/plan.json,line=1,col={column}," in result.stdout, result.stdout
    assert "INFRA-UNDECLARED-COUNTRY" in result.stdout and "file=infra/hcloud/main.tf" in result.stdout


@pytest.mark.skipif(shutil.which("cloudbeleid") is None and not (Path(sys.executable).parent / "cloudbeleid").exists(),
                    reason="console script not installed")
def test_gitlab_plan_job_hands_its_plan_json_to_the_check(tmp_path: Path):
    pipeline = load("gitlab-ci.yml")
    job, check = pipeline["terraform-plan"], pipeline["cloudbeleid"]
    assert job["image"]["name"].startswith("hashicorp/terraform:") and job["image"]["entrypoint"] == [""]
    assert check["needs"] == ["terraform-plan"] and job["stage"] == "build" and check["stage"] == "test"
    assert "**/plan.json" in job["artifacts"]["paths"]
    (script,) = job["script"]
    repo = _plan_repo(tmp_path)
    _run_plan_step(script, "sh", repo, tmp_path)
    (command,) = check["script"]
    result = bash(command, repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "infra/hcloud/plan.json" in result.stdout and "INFRA-UNDECLARED-COUNTRY" in result.stdout
    issues = json.loads((repo / check["artifacts"]["reports"]["codequality"]).read_text())
    assert any(i["location"]["path"] == "infra/hcloud/plan.json" and i["location"]["lines"]["begin"] == 1 for i in issues), issues
