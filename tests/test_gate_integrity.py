"""The gate never passes what it did not check (issue 12): rules that gave no verdict, baselines and waivers that
hide too much, reference data lifted quietly, partial runs after a governing change, one file under two names,
skipped files, processes that outlive the checker."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import cache
from checker.evaluate import Options, check
from tests.conftest import AS_OF, MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, all_findings, check_json, line_of, run_cli, write

STATE_SECRET = VALID_DESCRIPTOR.replace("rubricering: ongerubriceerd", "rubricering: stg_geheim")
NO_DESTRUCTION = VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false")


def _failing(report: dict, rule: str) -> list[dict]:
    return [f for f in all_findings(report) if f["rule_id"] == rule and f["status"] == "fail"]


# --- 2. a run that evaluates no rules, or lacks a verdict, is an error ---------------------------------------------

def _policy_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "policies"
    shutil.copytree(ROOT / "policies", copy)
    return copy


def test_an_empty_rules_folder_is_an_engine_error_not_a_pass(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    copy = _policy_copy(tmp_path)
    shutil.rmtree(copy / "rules")
    (copy / "rules").mkdir()
    result = run_cli("check", "--as-of", AS_OF, str(repo), env={"CLOUDBELEID_POLICIES": str(copy)})
    assert result.returncode == 3, result.stdout + result.stderr
    assert "bevatten er geen regel van" in result.stderr and "geslaagd" not in result.stdout


def test_a_missing_pack_folder_is_an_engine_error(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    copy = _policy_copy(tmp_path)
    shutil.rmtree(copy / "rules" / "kaderwet_zbo")
    result = run_cli("check", "--as-of", AS_OF, str(repo), env={"CLOUDBELEID_POLICIES": str(copy)})
    assert result.returncode == 3, result.stdout + result.stderr
    assert "'kaderwet_zbo' staat aan, maar de policies bevatten er geen regel van" in result.stderr


def test_every_enabled_rule_gives_a_verdict_for_every_service(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    write(repo, "other.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: other"))
    report = check(Options((repo,), as_of=AS_OF))
    verdicts = {(f.service, f.rule_id) for f in report.findings}
    assert verdicts == {(s, r.id) for s in report.services for r in report.rules}


def test_a_rule_without_a_verdict_fails_the_run():
    from checker.catalog import load_catalog
    from checker.errors import EngineError
    from checker.pipeline.run import prove_checked as _prove_checked

    rules = load_catalog().in_packs(("cb22",))
    with pytest.raises(EngineError, match="gaf geen oordeel voor dienst 'mail'"):
        _prove_checked([], ["mail"], rules)


# --- 3. baselines never hide unwaivable bans, and match only the same value ----------------------------------------

def test_a_baseline_never_holds_an_unwaivable_ban(repo: Path, tmp_path: Path):
    write(repo, "secret.cloud.yaml", STATE_SECRET)
    baseline = tmp_path / "baseline.json"
    created = run_cli("baseline", "create", "--as-of", AS_OF, "--output", str(baseline), str(repo), cwd=repo)
    assert created.returncode == 0, created.stderr
    data = json.loads(baseline.read_text())
    assert "CB22-NO-STATE-SECRETS" not in [e["rule_id"] for e in data["findings"]]
    assert "CB22-NO-STATE-SECRETS" in data["left_out"] and "CB22-NO-STATE-SECRETS" in created.stdout
    code, report = check_json("--baseline", str(baseline), str(repo), cwd=repo)
    assert code == 1 and _failing(report, "CB22-NO-STATE-SECRETS")
    # a hand-made baseline that does hold the ban does not hide it either
    finding = _failing(report, "CB22-NO-STATE-SECRETS")[0]
    from checker.reporters.common import FINGERPRINT_VERSION  # noqa: F401 - the key's form is the module's
    forged = check(Options((repo,), as_of=AS_OF))
    from checker import baseline as baselines

    keys = {baselines.entry_key(f) for f in forged.findings if f.status.value == "fail"}
    baseline.write_text(json.dumps({"baseline_version": 2, "findings": [
        {"fingerprint": k.split(":")[0], "evidence": k.split(":")[1]} for k in keys]}))
    code, report = check_json("--baseline", str(baseline), str(repo), cwd=repo)
    assert code == 1 and _failing(report, finding["rule_id"])


def test_a_baseline_entry_matches_only_the_same_offending_value(repo: Path, tmp_path: Path):
    config = MINISTRY_CONFIG
    write(repo, ".cloudbeleid.yaml", config)
    us = VALID_DESCRIPTOR.replace("special_categories: []", "special_categories: [health]")
    us = us.replace("support_access_locations: []", "support_access_locations: [US]")
    write(repo, "mail.cloud.yaml", us)
    baseline = tmp_path / "baseline.json"
    assert run_cli("baseline", "create", "--as-of", AS_OF, "--output", str(baseline), str(repo), cwd=repo).returncode == 0
    code, before = check_json("--baseline", str(baseline), str(repo), cwd=repo)
    assert before["summary"]["baselined"] >= 1
    write(repo, "mail.cloud.yaml", us.replace("support_access_locations: [US]", "support_access_locations: [CN]"))
    code, after = check_json("--baseline", str(baseline), str(repo), cwd=repo)
    assert code == 1 and after["summary"]["baselined"] < before["summary"]["baselined"]


def test_a_version_1_baseline_is_refused_with_what_to_do(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    old = write(tmp_path, "baseline.json", '{"baseline_version": 1, "findings": []}')
    result = run_cli("check", "--baseline", str(old), str(repo))
    assert result.returncode == 2 and "cloudbeleid baseline create" in result.stderr


def test_a_deeply_nested_baseline_is_bad_input(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    deep = tmp_path / "baseline.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    result = run_cli("check", "--as-of", AS_OF, "--baseline", str(deep), str(repo))
    assert result.returncode == 2, result.stderr
    assert "geen cloudbeleid-baseline" in result.stderr and "internal error" not in result.stderr


# --- 5. reference data: every deviation shown, no protective list lifted without a decision ------------------------

def test_emptying_the_c2000_list_without_a_decision_is_refused(repo: Path):
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG + "reference_data:\n  c2000_excluded: []\n")
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("ultimate_parent_country: NL", "ultimate_parent_country: CN"))
    result = run_cli("check", "--as-of", AS_OF, str(repo))
    assert result.returncode == 2, result.stdout + result.stderr
    line = line_of((repo / ".cloudbeleid.yaml").read_text(), "c2000_excluded")
    assert f".cloudbeleid.yaml:{line}:" in result.stderr
    assert "haalt CN, IR, KP, RU uit de meegeleverde lijst" in result.stderr and "decision_ref" in result.stderr


def test_a_justified_deviation_applies_and_is_in_the_report(repo: Path):
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG + (
        "reference_data:\n  c2000_excluded:\n    remove: [CN]\n    add: [BY]\n"
        "    reason: Besluit van de CIO na herbeoordeling van de leverancier\n    decision_ref: CIO-2026-042\n"))
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("ultimate_parent_country: NL", "ultimate_parent_country: BY"))
    report = check(Options((repo,), as_of=AS_OF))
    [deviation] = report.reference_deviations
    assert deviation["list"] == "c2000_excluded" and deviation["added"] == ["BY"] and deviation["removed"] == ["CN"]
    assert deviation["decision_ref"] == "CIO-2026-042" and deviation["file"].endswith(".cloudbeleid.yaml")
    assert any(f.rule_id == "CB22-C2000" and f.status.value == "fail" for f in report.findings)  # BY is banned now


def test_adding_to_the_ban_needs_no_decision_but_is_shown(repo: Path):
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG + "reference_data:\n  c2000_excluded: [CN, IR, KP, RU, BY]\n")
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    report = check(Options((repo,), as_of=AS_OF))
    assert [(d["added"], d["removed"], d["reason"]) for d in report.reference_deviations] == [(["BY"], [], None)]


@pytest.mark.parametrize("name", ["eer", "adequacy", "adequacy_if_dpf_certified"])
def test_widening_where_data_may_go_needs_a_decision(repo: Path, name: str):
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG + f"reference_data:\n  {name}:\n    add: [CN]\n")
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, str(repo))
    assert result.returncode == 2 and f"reference_data.{name} voegt CN" in result.stderr


# --- 6. --changed-since: a governing change makes the run a full one -----------------------------------------------

def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


@pytest.fixture
def committed(repo: Path) -> Path:
    from tests.test_waivers import waiver

    write(repo, "mail.cloud.yaml", NO_DESTRUCTION)
    write(repo, "waivers.yaml", "waivers:\n" + waiver())
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "start")
    return repo


@pytest.mark.parametrize("change", ["delete-waivers", "edit-config", "add-sub-config"])
def test_a_governing_change_makes_changed_since_a_full_run(committed: Path, change: str):
    assert run_cli("check", "--as-of", AS_OF, "--changed-since", "HEAD", str(committed), cwd=committed).returncode == 0
    if change == "delete-waivers":
        (committed / "waivers.yaml").unlink()
    elif change == "edit-config":
        write(committed, ".cloudbeleid.yaml", MINISTRY_CONFIG + "waivers:\n  file: none.yaml\n")
        write(committed, "none.yaml", "waivers: []\n")
    else:  # a new configuration in a sub-folder takes the descriptor out of the waiver file's reach
        (committed / "sub").mkdir()
        shutil.move(committed / "mail.cloud.yaml", committed / "sub" / "mail.cloud.yaml")
        _git(committed, "add", "-A")
        _git(committed, "commit", "-qm", "move")
        assert run_cli("check", "--as-of", AS_OF, "--changed-since", "HEAD", str(committed), cwd=committed).returncode == 0
        write(committed, "sub/.cloudbeleid.yaml", MINISTRY_CONFIG)
    result = run_cli("check", "--as-of", AS_OF, "--changed-since", "HEAD", str(committed), cwd=committed)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CB22-EXIT-STRATEGY" in result.stdout


# --- 9. one file under two names is one file -------------------------------------------------------------------------

def test_the_same_file_under_several_spellings_is_checked_once(repo: Path):
    write(repo, "mail.cloud.yaml", NO_DESTRUCTION)
    (repo / "sub").mkdir()
    (repo / "link.cloud.yaml").symlink_to("mail.cloud.yaml")
    spellings = ["mail.cloud.yaml", "sub/../mail.cloud.yaml", str(repo / "mail.cloud.yaml"), "link.cloud.yaml", "."]
    code, report = check_json(*spellings, cwd=repo)
    assert code == 1, report
    assert not [f for f in all_findings(report) if f["rule_id"] == "INPUT-DUPLICATE-ID"]
    assert len(_failing(report, "CB22-EXIT-STRATEGY")) == 1
    assert report["summary"]["files"] == 1 and report["summary"]["services"] == 1


# --- 10. an expired waiver never shadows its renewal -----------------------------------------------------------------

def test_an_expired_waiver_listed_first_does_not_shadow_its_renewal(repo: Path):
    from tests.test_waivers import waiver

    write(repo, "mail.cloud.yaml", NO_DESTRUCTION)
    write(repo, "waivers.yaml", "waivers:\n" + waiver(granted="2026-01-01", expires="2026-06-01")
          + waiver(granted="2026-10-01", expires="2027-03-01"))
    code, report = check_json(str(repo), cwd=repo)
    assert code == 0, report
    assert sorted(w["status"] for w in report["waivers"]) == ["active", "expired"]
    assert not [f for f in all_findings(report) if f["rule_id"] == "WAIVER-UNUSED"]


# --- 14. a closed standard output is a clear error -------------------------------------------------------------------

@pytest.mark.parametrize("how", ["closed", "full"])
def test_an_unwritable_standard_output_is_exit_2_with_one_line(repo: Path, how: str):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    command = [sys.executable, "-m", "checker", "check", "--lang", "en", "--as-of", AS_OF, str(repo)]
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    if how == "closed":
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                                preexec_fn=lambda: os.close(1))
    else:
        with open("/dev/full", "w") as full:
            result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, env=env)
    assert result.returncode == 2, result.stderr
    assert "standard output" in result.stderr and "internal error" not in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


# --- 15. pool workers die with the checker; no SQLite connection crosses a fork --------------------------------------

def test_no_cache_connection_crosses_a_fork(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(tmp_path / "cache"))
    cache.put_many("evaluation", {"k": {"v": 1}})
    assert cache._DATABASES
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child reports what it inherited, then leaves without running any cleanup
        os.write(writer, b"%d" % len([c for c in cache._DATABASES.values() if c is not None]))
        os._exit(0)
    os.close(writer)
    inherited = os.read(reader, 16)
    os.waitpid(pid, 0)
    assert inherited == b"0"
    assert cache.get_many("evaluation", ["k"]) == {"k": {"v": 1}}  # the parent opens it again


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir() or (os.cpu_count() or 1) < 2, reason="needs /proc and two cores")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_pool_workers_die_with_a_killed_checker(repo: Path, how: signal.Signals):
    for i in range(220):
        write(repo, f"svc/s{i}.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", f"id: s{i}"))
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), "CLOUDBELEID_NO_CACHE": "1"}
    checker = subprocess.Popen([sys.executable, "-m", "checker", "check", "--as-of", AS_OF, str(repo)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and checker.poll() is None:
            workers = _children(checker.pid)
            time.sleep(0.02)
        if len(workers) < 2:
            pytest.skip("the run ended before its pool started")
        checker.send_signal(how)
        checker.wait(timeout=30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() and
                                                   "Z" not in Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1][:3]
                                                   for w in workers):
            time.sleep(0.05)
        alive = [w for w in workers if Path(f"/proc/{w}").exists()
                 and "Z" not in Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1][:3]]
        assert not alive, f"workers {alive} outlived the checker"
    finally:
        if checker.poll() is None:
            checker.kill()


# --- 17. skipped files are counted, with why -------------------------------------------------------------------------

def test_files_that_look_like_descriptors_but_are_skipped_are_reported(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    write(repo, "SHOUT.CLOUD.YAML", VALID_DESCRIPTOR.replace("id: mail", "id: shout"))
    write(repo, "quiet/.cloudbeleid.yaml", MINISTRY_CONFIG + "discovery:\n  include: ['services/*.cloud.yaml']\n")
    write(repo, "quiet/hidden.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: hidden"))
    write(repo, "old/.cloudbeleid.yaml", MINISTRY_CONFIG + "discovery:\n  exclude: ['*.cloud.yaml']\n")
    write(repo, "old/gone.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: gone"))
    write(repo, "README.md", "not a descriptor\n")
    report = check(Options((repo,), as_of=AS_OF))
    skipped = {Path(s["file"]).name: s["reason"] for s in report.skipped}
    assert skipped == {"SHOUT.CLOUD.YAML": "case", "hidden.cloud.yaml": "not-included", "gone.cloud.yaml": "excluded"}


def test_a_file_given_by_name_is_never_skipped(repo: Path):
    write(repo, "SHOUT.CLOUD.YAML", NO_DESTRUCTION)
    code, report = check_json("SHOUT.CLOUD.YAML", cwd=repo)
    assert code == 1 and report["summary"]["files"] == 1


def test_validate_refuses_a_configuration_that_lifts_the_c2000_ban(repo: Path):
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG + "reference_data:\n  c2000_excluded: [CN]\n")
    result = run_cli("validate", str(repo / ".cloudbeleid.yaml"))
    assert result.returncode == 2 and "haalt IR, KP, RU" in result.stdout, result.stdout + result.stderr


def test_a_blank_justification_justifies_nothing(repo: Path):
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG + (
        'reference_data:\n  adequacy:\n    add: [US]\n    reason: "            "\n    decision_ref: "    "\n'))
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, str(repo))
    assert result.returncode == 2 and "reference_data.adequacy voegt US" in result.stderr


def test_a_git_config_in_the_checked_folder_runs_nothing(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "start")
    marker = tmp_path / "PWNED"
    _git(repo, "config", "core.fsmonitor", f"touch {marker}; false")
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR + "# changed\n")
    result = run_cli("check", "--as-of", AS_OF, "--changed-since", "HEAD", str(repo), cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()


@pytest.mark.parametrize("setting", ["waivers:\n  file: {outside}\n", "policies: [{outside_folder}]\n"])
def test_a_configuration_reads_no_file_outside_its_repository(repo: Path, tmp_path: Path, setting: str):
    inside = repo / "repo"
    write(inside, "mail.cloud.yaml", VALID_DESCRIPTOR)
    secret = write(tmp_path, "elsewhere/x.yaml", "waivers: [{rule: ghp_SECRETTOKEN123}]\n")
    (tmp_path / "elsewhere" / "rules").mkdir()
    write(inside, ".cloudbeleid.yaml", MINISTRY_CONFIG + setting.format(outside=secret, outside_folder=secret.parent))
    result = run_cli("check", "--as-of", AS_OF, str(inside))
    assert result.returncode == 2 and "ligt buiten de repository" in result.stderr, result.stderr
    assert "ghp_SECRETTOKEN123" not in result.stdout + result.stderr


def test_a_descriptor_in_a_hidden_folder_is_reported_as_skipped(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    write(repo, ".github/cloud/secret.cloud.yaml", STATE_SECRET.replace("id: mail", "id: secret"))
    write(repo, "node_modules/x/y.cloud.yaml", STATE_SECRET.replace("id: mail", "id: y"))
    report = check(Options((repo,), as_of=AS_OF))
    assert {Path(s["file"]).name: s["reason"] for s in report.skipped} == {"secret.cloud.yaml": "hidden", "y.cloud.yaml": "hidden"}
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    report = check(Options((repo,), as_of=AS_OF))
    assert [Path(s["file"]).name for s in report.skipped if s["reason"] == "hidden"] == ["secret.cloud.yaml"] or \
        {Path(s["file"]).name for s in report.skipped} >= {"secret.cloud.yaml"}


def test_changed_since_keeps_a_changed_descriptors_findings_at_its_terraform_lines(tmp_path: Path):
    """The descriptor changes, the .tf file does not: the finding sits at the .tf line and must still be reported."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "examples" / "infrastructure", repo)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "start")
    before = run_cli("check", "--as-of", AS_OF, "--changed-since", "HEAD", cwd=repo)
    descriptor = repo / "services" / "archief.cloud.yaml"
    descriptor.write_text(descriptor.read_text().replace("[IE]", "[NL]"))  # the code still deploys to eu-west-1 (IE)
    code, report = check_json("--changed-since", "HEAD", cwd=repo)
    assert code == 1, (before.stdout, report["summary"])
    assert any(f["rule_id"] == "INFRA-UNDECLARED-COUNTRY" and f["status"] == "fail" and f["location"]["file"].endswith(".tf")
               for f in all_findings(report))


def test_a_terraform_change_makes_changed_since_a_full_run(tmp_path: Path):
    from checker import vcs

    assert vcs.governing_change({tmp_path / "infra" / "main.tf"}, set(), (".cloudbeleid.yaml",), []) is not None
    assert vcs.governing_change({tmp_path / "services" / "a.cloud.yaml"}, set(), (".cloudbeleid.yaml",), []) is None
