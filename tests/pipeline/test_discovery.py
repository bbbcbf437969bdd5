"""Which descriptors a run checks: the configuration's globs from the repository root, git's ignores, --changed-since."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, MINISTRY_CONFIG, PACKS, VALID_DESCRIPTOR, all_findings, check_json, run_cli, write
from tests.test_pre_commit import git

FAILING = VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false")


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "infra"
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(repo, ".gitignore", "build/\n")
    write(repo, "services/mail.cloud.yaml", VALID_DESCRIPTOR)
    write(repo, "services/old.cloud.yaml", FAILING.replace("id: mail", "id: old"))
    write(repo, "build/copy.cloud.yaml", FAILING.replace("id: mail", "id: copy"))
    write(repo, "notes/readme.yaml", "not: a descriptor\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
    return repo


def _files(report: dict) -> set[str]:
    return {f["location"]["file"] for f in all_findings(report)}


def test_no_paths_means_the_repository_root_without_ignored_files(git_repo: Path):
    code, report = check_json(cwd=git_repo / "notes")
    assert code == 1
    assert report["summary"]["files"] == 2
    assert {Path(f).name for f in _files(report)} == {"mail.cloud.yaml", "old.cloud.yaml"}


def test_changed_since_reports_only_changed_descriptors(git_repo: Path):
    write(git_repo, "services/new.cloud.yaml", FAILING.replace("id: mail", "id: new"))
    code, report = check_json("--changed-since", "HEAD", cwd=git_repo)
    assert code == 1
    failing = {Path(f["location"]["file"]).name for f in all_findings(report) if f["status"] == "fail"}
    assert failing == {"new.cloud.yaml"}  # old.cloud.yaml fails too, but did not change
    clean = check_json("--changed-since", "HEAD", str(git_repo / "services" / "mail.cloud.yaml"), cwd=git_repo)
    assert clean[0] == 0


def test_portfolio_rules_see_and_report_every_service(git_repo: Path):
    materieel = VALID_DESCRIPTOR.replace("  materieel: false\n", "  materieel: true\n")
    for name in ("a", "b", "c"):
        write(git_repo, f"services/{name}.cloud.yaml", materieel.replace("id: mail", f"id: {name}"))
    write(git_repo, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, ""))  # every pack, kamer_2025 included
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "three materieel services at one provider")
    write(git_repo, "services/a.cloud.yaml", materieel.replace("id: mail", "id: a") + "# touched\n")
    _, report = check_json("--changed-since", "HEAD", "--config", str(git_repo / ".cloudbeleid.yaml"), cwd=git_repo)
    concentration = {f["service"] for f in all_findings(report) if f["rule_id"] == "KAMER25-MARKET-CONCENTRATION" and f["status"] == "fail"}
    assert concentration >= {"a", "b", "c"}
    from checker.catalog import load_catalog

    portfolio = {rule.id for rule in load_catalog().rules if rule.portfolio}
    assert {"KAMER25-MARKET-CONCENTRATION", "INFRA-UNCOVERED-RESOURCE"} <= portfolio
    other = {f["service"] for f in all_findings(report) if f["rule_id"] not in portfolio and f["status"] != "error"}
    assert other == {"a"}


def test_unknown_ref_is_bad_usage(git_repo: Path):
    result = run_cli("check", "--changed-since", "no-such-branch", cwd=git_repo)
    assert result.returncode == 2 and "--changed-since no-such-branch: geen commit, branch of tag" in result.stderr


def test_changed_since_outside_git_is_bad_usage(repo: Path):
    write(repo, "a.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, "--changed-since", "HEAD", str(repo))
    assert result.returncode == 2 and "ligt niet in een git-repository" in result.stderr


def test_real_path_within_a_run_is_what_os_path_realpath_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Within a run each folder's real path is found once and a file's from it (discover.real_path): links to files
    and folders, inside and outside, a dangling one, '..', relative and missing paths all give os.path.realpath's
    answer, and so does display_path."""
    import os

    from checker.pipeline.discover import display_path, real_path, real_paths

    outside = tmp_path / "elsewhere"
    write(outside, "target.cloud.yaml", VALID_DESCRIPTOR)
    repo = tmp_path / "repo"
    write(repo, "a/b/svc.cloud.yaml", VALID_DESCRIPTOR)
    (repo / "a" / "link.cloud.yaml").symlink_to(repo / "a" / "b" / "svc.cloud.yaml")
    (repo / "a" / "out.cloud.yaml").symlink_to(outside / "target.cloud.yaml")
    (repo / "a" / "dangling.cloud.yaml").symlink_to(repo / "nowhere.cloud.yaml")
    (repo / "linked").symlink_to(repo / "a" / "b", target_is_directory=True)
    (repo / "up").symlink_to(tmp_path, target_is_directory=True)
    monkeypatch.chdir(repo / "a")
    paths = [repo / "a" / "b" / "svc.cloud.yaml", repo / "a" / "link.cloud.yaml", repo / "a" / "out.cloud.yaml",
             repo / "a" / "dangling.cloud.yaml", repo / "linked" / "svc.cloud.yaml", repo / "up" / "repo" / "a" / "b" / "svc.cloud.yaml",
             repo / "a" / "b" / ".." / "link.cloud.yaml", Path("b/svc.cloud.yaml"), Path("link.cloud.yaml"),
             Path("../linked/svc.cloud.yaml"), Path("missing/x.cloud.yaml"), Path("."), Path(".."), repo / "a",
             outside / "target.cloud.yaml", Path("/")]
    expected = [os.path.realpath(path) for path in paths]
    names = [display_path(path) for path in paths]
    assert "b/svc.cloud.yaml" in names and str(outside / "target.cloud.yaml") in names and "." in names
    with real_paths():
        for _ in range(2):  # the second time from what the first found
            assert [real_path(path) for path in paths] == expected
            assert [display_path(path) for path in paths] == names
