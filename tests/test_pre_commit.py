"""The hooks with the real pre-commit framework, in a temporary git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

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


def readme_snippet() -> str:
    """The .pre-commit-config.yaml the README shows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"In `\.pre-commit-config\.yaml`:\n\n```yaml\n(.*?)```", readme, re.S)
    return snippet


@pytest.fixture(scope="module")
def user_repo(hook_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with the README's snippet as written, its repository placeholder pointed at the snapshot and its
    rev filled in by `pre-commit autoupdate`, as the README says; only --as-of is added, for fixed dates."""
    source, rev = hook_repo
    repo = tmp_path_factory.mktemp("infra")
    git(repo, "init", "-q")
    yaml = YAML()
    config = yaml.load(readme_snippet().replace("<this repository, or your mirror of it>", str(source)))
    for hook in config["repos"][0]["hooks"]:
        if hook["id"] == "cloudbeleid-check":
            hook["args"] = ["--as-of", "2026-11-28"]
    with open(repo / ".pre-commit-config.yaml", "w", encoding="utf-8") as handle:
        yaml.dump(config, handle)
    home = tmp_path_factory.mktemp("pre-commit-home")
    os.environ["PRE_COMMIT_HOME"] = str(home)
    updated = subprocess.run(["pre-commit", "autoupdate"], cwd=repo, capture_output=True, text=True, timeout=300)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert f"rev: {rev}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
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
    assert ".cloudbeleid.yaml:3:9: ongeldige configuratie: 'ministry' is geen geldige waarde" in commit.stdout + commit.stderr
    git(user_repo, "checkout", "-q", "HEAD", "--", ".cloudbeleid.yaml")


def _service(name: str, provider: str, hq: str, parent: str) -> str:
    """A materieel service, compliant with the cb22 and kamer_2025 packs, at this provider."""
    return (VALID_DESCRIPTOR.replace("id: mail", f"id: {name}").replace("name: Mail", f"name: {name}")
            .replace("  materieel: false", "  materieel: true\n  materieel_reasons: [belangrijk_ondersteunend]")
            .replace("  name: Contoso\n  hq_country: NL\n  ultimate_parent_country: NL",
                     f"  name: {provider}\n  hq_country: {hq}\n  ultimate_parent_country: {parent}")
            .replace("  backup_outside_provider: true",
                     "  backup_outside_provider: true\n  plan: {date: \"2026-02-01\", scenarios: [planned_exit, sudden_outage], self_tested_on: \"2026-05-01\"}"))


def test_a_fifth_microsoft_service_is_told_about_concentration_computed_over_the_whole_repository(user_repo: Path):
    """pre-commit names only the staged file; the portfolio rule still sees the repository's other descriptors."""
    write(user_repo, "portfolio/.cloudbeleid.yaml", MINISTRY_CONFIG.replace("packs: [cb22, kaderwet_zbo]", "packs: [cb22, kamer_2025]"))
    for n in range(1, 5):
        write(user_repo, f"portfolio/ms{n}.cloud.yaml", _service(f"ms{n}", "Microsoft Ireland Operations Limited", "IE", "US"))
        write(user_repo, f"portfolio/nl{n}.cloud.yaml", _service(f"nl{n}", f"Polderwolk {n} B.V.", "NL", "NL"))
    # an old service with a mandatory failure: not the commit's business, so it must not block it
    old = VALID_DESCRIPTOR.replace("id: mail", "id: legacy").replace("covers_data_destruction: true", "covers_data_destruction: false")
    write(user_repo, "portfolio/legacy.cloud.yaml", old)
    git(user_repo, "add", "portfolio")
    assert git(user_repo, "commit", "-q", "--no-verify", "-m", "the portfolio so far").returncode == 0
    fifth = _service("ms5", "Microsoft Ireland Operations Limited", "IE", "US")
    write(user_repo, "portfolio/ms5.cloud.yaml", fifth)
    git(user_repo, "add", "portfolio/ms5.cloud.yaml")
    commit = git(user_repo, "commit", "-m", "a fifth Microsoft service")
    output = commit.stdout + commit.stderr
    # advice does not block, and the hook shows it (verbose): 5 of the 9 materieel services is more than half
    assert commit.returncode == 0, output
    line = line_of(fifth, "name: Microsoft")
    assert "portfolio/ms5.cloud.yaml  ms5  voldoet: 1 advies\n" in output
    assert (f"  {line}:9  provider.name: Microsoft Ireland Operations Limited\n"
            "    middel   KAMER25-MARKET-CONCENTRATION  advies\n"
            "             Microsoft Ireland Operations Limited levert 5 van de 9 materiële\n") in output
    # only the staged file is reported on: neither the other four's concentration findings nor the old failure
    headers = [text for text in output.splitlines() if re.match(r"\S+\.cloud\.yaml  ", text)]  # a service's header line
    assert headers == ["portfolio/ms5.cloud.yaml  ms5  voldoet: 1 advies"], headers
    assert "legacy" not in output
    assert "1 dienst in 1 bestand" in output
    git(user_repo, "rm", "-r", "-q", "portfolio")
    git(user_repo, "commit", "-q", "--no-verify", "-m", "clean up")


def test_named_files_read_their_portfolio_and_report_only_themselves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The same without the framework, in-process: what `cloudbeleid check FILE` reads and reports."""
    from checker.evaluate import run
    from checker.model import Status
    from checker.pipeline import Options

    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace("packs: [cb22, kaderwet_zbo]", "packs: [cb22, kamer_2025]"))
    for n in (1, 2):
        write(tmp_path, f"ms{n}.cloud.yaml", _service(f"ms{n}", "Microsoft Ireland Operations Limited", "IE", "US"))
    write(tmp_path, "legacy.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: legacy").replace("covers_data_destruction: true", "covers_data_destruction: false"))
    write(tmp_path, "elsewhere/.cloudbeleid.yaml", MINISTRY_CONFIG)  # another configuration: another portfolio
    write(tmp_path, "elsewhere/ms9.cloud.yaml", _service("ms9", "Microsoft Ireland Operations Limited", "IE", "US"))
    monkeypatch.chdir(tmp_path)
    result = run(Options(paths=(Path("ms2.cloud.yaml"),), as_of="2026-11-28"), keep_services=True)
    report = result.report
    assert report.files == ("ms2.cloud.yaml",) and report.services == ("ms2",)
    assert [s.id for s in result.services] == ["ms2"]
    failing = [(f.rule_id, f.service, f.message.get("en")) for f in report.findings if f.status is Status.FAIL]
    assert failing == [("KAMER25-MARKET-CONCENTRATION", "ms2", "Microsoft Ireland Operations Limited delivers 2 of the organisation's 2 "
                        "materieel cloud services (100%); the limit is 50% or 5 services.")]
    # a descriptor of the portfolio that cannot be read is an error of the run: the portfolio rules need it
    write(tmp_path, "broken.cloud.yaml", "schema_version: 1\nid: [\n")
    errors = [f for f in run(Options(paths=(Path("ms2.cloud.yaml"),), as_of="2026-11-28")).report.findings if f.status is Status.ERROR]
    assert errors and {f.location.file for f in errors} == {"broken.cloud.yaml"}
    # a folder is the portfolio itself: every file's findings
    folder = run(Options(paths=(tmp_path,), as_of="2026-11-28")).report
    assert {"ms1", "ms2", "legacy"} <= set(folder.services)
