"""The run's cache (checker/runcache.py): a check whose every input is unchanged gives the earlier run's outputs and
exit code without checking; any changed input, a damaged entry, or a run the cache cannot vouch for is checked."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from checker import cache, runcache
from tests.conftest import AS_OF, PACKS, ROOT, VALID_DESCRIPTOR, write
from tests.inprocess import invoke

FAILING = VALID_DESCRIPTOR.replace("id: mail", "id: files").replace("storage_locations: [NL]", "storage_locations: [US]")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    write(folder, ".cloudbeleid.yaml", "organisation: {name: Run, type: ministerie, cloud_policy_ref: CB-1}\n" + PACKS)
    write(folder, "mail.cloud.yaml", VALID_DESCRIPTOR)
    write(folder, "files.cloud.yaml", FAILING)
    return folder


@pytest.fixture
def pipeline_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The run cache on, in a folder of this test's own; the list counts the runs that checked (evaluate.run)."""
    import checker.evaluate

    monkeypatch.delenv("CLOUDBELEID_NO_RUN_CACHE", raising=False)
    monkeypatch.delenv("CLOUDBELEID_NO_CACHE", raising=False)
    monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(tmp_path / "cache"))
    cache.close()
    calls: list[int] = []
    real = checker.evaluate.run

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(checker.evaluate, "run", counted)
    return calls


def _check(folder: Path, *extra: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    output = folder.parent / "out.json"
    result = invoke("check", str(folder), "--as-of", AS_OF, "--format", "text", "--format", "json", "--output", "-",
                    "--output", str(output), *extra, cwd=cwd, env=env)
    return result.returncode, result.stdout, result.stderr, output.read_bytes() if output.exists() else None


def _uncached(folder: Path, *extra: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    return _check(folder, *extra, cwd=cwd, env={**(env or {}), "CLOUDBELEID_NO_RUN_CACHE": "1"})


def test_nothing_changed_gives_the_earlier_outputs_and_verdict_without_checking(repo, pipeline_runs, tmp_path):
    first = _check(repo)
    assert first[0] == 1 and "files" in first[1] and first[3] is not None
    assert len(pipeline_runs) == 1 and len(list((tmp_path / "cache" / runcache.KIND).iterdir())) == 1
    again = _check(repo)
    assert len(pipeline_runs) == 1  # served, not checked
    assert again == first
    assert json.loads(again[3])["summary"] == json.loads(first[3])["summary"]


def _edit_descriptor(repo: Path) -> None:
    (repo / "files.cloud.yaml").write_text(FAILING.replace("storage_locations: [US]", "storage_locations: [NL]"), encoding="utf-8")


CHANGES = {
    "a descriptor's bytes": lambda repo: ((_edit_descriptor(repo)), ()),
    "a new descriptor": lambda repo: (write(repo, "more.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: more")), ()),
    "a descriptor renamed": lambda repo: ((repo / "files.cloud.yaml").rename(repo / "other.cloud.yaml"), ()),
    "the configuration": lambda repo: (write(repo, ".cloudbeleid.yaml",
                                             "organisation: {name: Run, type: zbo, cloud_policy_ref: CB-1}\n" + PACKS), ()),
    "a waiver file": lambda repo: (write(repo, "waivers.yaml", "waivers: []\n"), ()),
    "the reference date": lambda repo: (None, ("--as-of", "2027-01-02")),
    "the language": lambda repo: (None, ("--lang", "en")),
    "quiet": lambda repo: (None, ("--quiet",)),
    "a rule ignored": lambda repo: (None, ("--ignore", "KAMER25-*")),
    "the fail-on threshold": lambda repo: (None, ("--fail-on", "critical")),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_changed_input_is_checked_again(change, repo, pipeline_runs):
    _check(repo)
    _, extra = CHANGES[change](repo)
    after = _check(repo, *extra)
    assert len(pipeline_runs) == 2, "a changed input was served the earlier run's outputs"
    assert after == _uncached(repo, *extra)


def test_the_working_folder_and_the_views_environment_are_inputs(repo, pipeline_runs):
    _check(repo)
    inside = _check(repo, cwd=repo)  # relative names
    assert len(pipeline_runs) == 2 and inside == _uncached(repo, cwd=repo)
    azure = {"TF_BUILD": "True", **{names[0]: "x" for names in __import__("checker.reporters.sarif", fromlist=["x"])._ADO_VARIABLES.values()}}
    _check(repo, "--format", "sarif", "--output", str(repo.parent / "a.sarif"), env=azure)
    _check(repo, "--format", "sarif", "--output", str(repo.parent / "b.sarif"))
    assert len(pipeline_runs) == 5  # the uncached run counts too
    assert json.loads((repo.parent / "a.sarif").read_text())["runs"][0]["automationDetails"] != \
        json.loads((repo.parent / "b.sarif").read_text())["runs"][0]["automationDetails"]


@pytest.mark.parametrize("damage", ["a byte of an output", "cut short", "bytes added", "the exit code"])
def test_a_damaged_entry_is_checked_again(damage, repo, pipeline_runs, tmp_path):
    first = _check(repo)
    (entry,) = (tmp_path / "cache" / runcache.KIND).iterdir()
    data = entry.read_bytes()
    header, head, body = data.split(b"\n", 2)
    if damage == "a byte of an output":
        body = body[:10] + bytes([body[10] ^ 1]) + body[11:]
    elif damage == "cut short":
        body = body[:-5]
    elif damage == "bytes added":
        body += b"{}"
    else:  # an altered verdict: the outputs' digests still hold, the header's own does not
        assert b'"exit": 1' in head
        head = head.replace(b'"exit": 1', b'"exit": 0')
    entry.write_bytes(header + b"\n" + head + b"\n" + body)
    again = _check(repo)
    assert len(pipeline_runs) == 2 and again == first


def test_runs_the_cache_cannot_vouch_for_are_checked_every_time(repo, pipeline_runs, tmp_path):
    write(repo, "broken.cloud.yaml", "schema_version: 1\nid: broken\n")
    assert _check(repo)[0] == 2
    assert _check(repo)[0] == 2
    assert len(pipeline_runs) == 2  # input that was not checked is checked again
    (repo / "broken.cloud.yaml").unlink()
    write(repo / "infra", "main.tf", 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n')
    _check(repo)
    _check(repo)
    assert len(pipeline_runs) == 4  # Terraform code beside the descriptors
    (repo / "infra" / "main.tf").unlink()
    (repo / "infra").rmdir()
    _check(repo, env={"CLOUDBELEID_NO_RUN_CACHE": "1"})
    _check(repo, env={"CLOUDBELEID_NO_RUN_CACHE": "1"})
    assert len(pipeline_runs) == 6
    assert not (tmp_path / "cache" / runcache.KIND).exists() or not list((tmp_path / "cache" / runcache.KIND).iterdir())


def test_an_output_that_could_not_be_written_is_not_kept(repo, pipeline_runs, tmp_path):
    (tmp_path / "blocked").mkdir()
    result = invoke("check", str(repo), "--as-of", AS_OF, "--format", "json", "--output", str(tmp_path / "blocked"))
    assert result.returncode == 2
    assert not list((tmp_path / "cache" / runcache.KIND).glob("[0-9a-f]*"))
    assert not [p for p in (tmp_path / "cache" / runcache.KIND).iterdir() if p.suffix in (".part", ".tmp")]


def test_only_the_most_recent_runs_are_kept(repo, pipeline_runs, tmp_path):
    for day in range(1, runcache.KEEP + 3):
        _check(repo, "--as-of", f"2026-11-{day:02}")
    assert len(list((tmp_path / "cache" / runcache.KIND).iterdir())) == runcache.KEEP


def _environment_reads(path: Path) -> set[str]:
    """The names of environment variables a module reads by a constant: os.environ.get("X"), os.environ["X"],
    environment.get("X"), and the names in its *_VARIABLES tuples."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
            target, argument = node.func.value, node.args[0]
        elif isinstance(node, ast.Subscript):
            target, argument = node.value, node.slice
        if target is not None and ast.unparse(target).split(".")[-1] in ("environ", "environment"):
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.add(argument.value)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id.endswith("_VARIABLES") for t in node.targets):
            found |= {c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)
                      and c.value.isupper()}
    return found


def test_every_environment_variable_a_view_reads_is_in_the_key():
    read = set()
    for path in [*(ROOT / "checker" / "reporters").rglob("*.py"), ROOT / "checker" / "commands" / "check.py",
                 ROOT / "checker" / "commands" / "output.py"]:
        read |= _environment_reads(path)
    assert "TF_BUILD" in read and "GITHUB_WORKSPACE" in read  # the scan sees what the views read
    assert {"TERM", "COLORTERM", "FORCE_COLOR"} <= set(runcache.environment_names())  # rich's choice of colours
    # GITHUB_STEP_SUMMARY: a run that writes the job summary is never served from the cache (runcache.key)
    assert read - set(runcache.environment_names()) - {"GITHUB_STEP_SUMMARY"} == set()


def test_a_descriptor_that_names_infrastructure_is_checked_every_time(repo, pipeline_runs, tmp_path):
    """The files a descriptor's infrastructure block names (Terraform folders, plans) are read when it is checked,
    wherever they are (no configuration, an excluded or hidden folder): such a run is never served."""
    plan = repo / "plan.json"
    plan.write_text('{"format_version": "1.2", "planned_values": {"root_module": {}}}', encoding="utf-8")
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR + "infrastructure:\n  plan: [plan.json]\n")
    _check(repo)
    plan.write_text((ROOT / "tests" / "infra" / "handwritten.plan.json").read_text(encoding="utf-8"), encoding="utf-8")
    after = _check(repo)
    assert len(pipeline_runs) == 2 and after == _uncached(repo)
    # spelled with an escape, the field's name is not in the bytes: a backslash is enough not to serve the run
    (repo / "mail.cloud.yaml").write_text(VALID_DESCRIPTOR + '"infra\\u0073tructure":\n  plan: [plan.json]\n', encoding="utf-8")
    _check(repo)
    _check(repo)
    assert len(pipeline_runs) == 5


def test_a_file_written_while_the_run_checks_it_is_not_kept(repo, pipeline_runs, monkeypatch):
    """The key is made of the bytes before the run; a descriptor rewritten while the run reads it gives verdicts of
    other bytes, which must never be served for the key's."""
    import checker.evaluate

    counted = checker.evaluate.run
    original = (repo / "files.cloud.yaml").read_bytes()

    def rewritten_meanwhile(*args, **kwargs):
        (repo / "files.cloud.yaml").write_text(FAILING.replace("storage_locations: [US]", "storage_locations: [NL]"),
                                               encoding="utf-8")
        return counted(*args, **kwargs)

    monkeypatch.setattr(checker.evaluate, "run", rewritten_meanwhile)
    assert _check(repo)[0] == 0  # it checked the rewritten, compliant bytes
    (repo / "files.cloud.yaml").write_bytes(original)
    monkeypatch.setattr(checker.evaluate, "run", counted)
    again = _check(repo)
    assert len(pipeline_runs) == 2 and again[0] == 1 and again == _uncached(repo)


def test_a_cache_inside_the_repository_under_check_is_not_used(repo, pipeline_runs, monkeypatch):
    """A checkout could bring its own entries (a CI cache kept in the project folder): the cache is not used when
    it lies inside what is checked, nor when it is named by a relative path."""
    for folder, cwd in ((repo / ".cache", None), (Path("cache"), repo.parent)):
        monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(folder))
        cache.close()
        _check(repo, cwd=cwd)
        _check(repo, cwd=cwd)
        assert not (repo / ".cache").exists() and not (repo.parent / "cache").exists()
    assert len(pipeline_runs) == 4
    git_repo = repo.parent / "work"
    (git_repo / ".git").mkdir(parents=True)
    (git_repo / "checked").mkdir()
    for name in ("mail.cloud.yaml", "files.cloud.yaml", ".cloudbeleid.yaml"):
        (git_repo / "checked" / name).write_bytes((repo / name).read_bytes())
    monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(git_repo / ".ci-cache"))  # beside the folder, in its work tree
    cache.close()
    _check(git_repo / "checked")
    _check(git_repo / "checked")
    assert len(pipeline_runs) == 6 and not (git_repo / ".ci-cache").exists()


def test_an_entry_others_could_have_written_is_not_served(repo, pipeline_runs, tmp_path):
    first = _check(repo)
    (entry,) = (tmp_path / "cache" / runcache.KIND).iterdir()
    entry.chmod(0o644)  # as a checked-out file would be
    assert _check(repo) == first and len(pipeline_runs) == 2


def test_the_schemas_are_in_the_key(tmp_path, monkeypatch):
    import shutil

    import checker.resources
    from checker.resources import schemas_dir

    copy = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), copy)
    from checker.pipeline import run

    def forget() -> None:  # both digests are made once a process
        runcache._package_digest.cache_clear()
        monkeypatch.setattr(run, "_CODE", [])

    monkeypatch.setattr(checker.resources, "schemas_dir", lambda: copy)
    forget()
    before = runcache._package_digest()
    schema = copy / "service-descriptor.v1.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"id"', '"id" ', 1), encoding="utf-8")
    forget()
    assert runcache._package_digest() != before
    runcache._package_digest.cache_clear()


def test_standard_output_is_written_through_its_own_encoding(tmp_path):
    """Served to standard output, the text goes through its encoding as a run's does (latin-1 here)."""
    from tests.conftest import run_process

    folder = tmp_path / "repo"
    write(folder, ".cloudbeleid.yaml", "organisation: {name: Café, type: ministerie, cloud_policy_ref: CB-1}\n" + PACKS)
    write(folder, "café.cloud.yaml", FAILING.replace("name: Mail", "name: Café"))
    env = {"CLOUDBELEID_CACHE_DIR": str(tmp_path / "cache"), "CLOUDBELEID_NO_RUN_CACHE": "", "PYTHONIOENCODING": "latin-1"}
    runs = [subprocess_bytes(run_process, folder, env) for _ in range(2)]
    fresh = subprocess_bytes(run_process, folder, {**env, "CLOUDBELEID_NO_RUN_CACHE": "1"})
    assert len(list((tmp_path / "cache" / runcache.KIND).iterdir())) == 1
    assert runs[0] == runs[1] == fresh and b"caf\xe9" in fresh[1]


def subprocess_bytes(run_process, folder: Path, env: dict[str, str]) -> tuple[int, bytes]:
    import os
    import subprocess
    import sys

    environment = {k: v for k, v in {**os.environ, **env}.items() if v}
    result = subprocess.run([sys.executable, "-m", "checker", "check", str(folder), "--as-of", AS_OF, "--format", "concise"],
                            cwd=ROOT, env=environment, capture_output=True, timeout=120)
    return result.returncode, result.stdout


def test_leftovers_of_a_stopped_run_are_removed(repo, pipeline_runs, tmp_path):
    import os
    import time

    folder = tmp_path / "cache" / runcache.KIND
    folder.mkdir(parents=True)
    old, recent = folder / "tmpold.part", folder / "tmprecent.part"
    old.write_bytes(b"x" * 100)
    recent.write_bytes(b"x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    _check(repo)
    assert not old.exists() and recent.exists()


def test_a_file_name_that_is_not_utf8_is_checked(tmp_path, pipeline_runs):
    import os

    folder = tmp_path / "repo"
    write(folder, ".cloudbeleid.yaml", "organisation: {name: Run, type: ministerie, cloud_policy_ref: CB-1}\n" + PACKS)
    name = os.fsdecode(b"caf\xe9.cloud.yaml")
    (folder / name).write_text(FAILING, encoding="utf-8")
    result = invoke("check", str(folder), "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 1, result.stderr


# --- the policies: keyed by their files' bytes (policies.sources_digest), the installed ones by their files' states ---

def _shipped_copy(tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "shipped"
    shutil.copytree(ROOT / "policies", copy, ignore=shutil.ignore_patterns("*_test.rego"))
    return copy


def _link_outside(folder: Path, name: str, tmp_path: Path) -> None:
    """The file replaced by a link to a copy of it outside the folder (same bytes): a policy error, never served."""
    outside = tmp_path / "elsewhere" / Path(name).name
    outside.parent.mkdir(exist_ok=True)
    outside.write_bytes((folder / name).read_bytes())
    (folder / name).unlink()
    (folder / name).symlink_to(outside)


def _appended(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")  # the size changes with the bytes


POLICY_CHANGES = {
    "a shipped module": lambda shipped, own, tmp: _appended(shipped / "rules/cb22/c2000/c2000.rego", "\n# changed\n"),
    "a shipped data file": lambda shipped, own, tmp: (shipped / "data/packs.json").write_text(
        json.dumps(json.loads((shipped / "data/packs.json").read_text(encoding="utf-8")), indent=4), encoding="utf-8"),
    "a shipped module linked from outside": lambda shipped, own, tmp: _link_outside(shipped, "rules/cb22/c2000/c2000.rego", tmp),
    "a shipped pack folder renamed": lambda shipped, own, tmp: (shipped / "rules/cb22").rename(shipped / "rules/cb22x"),
    "an own module": lambda shipped, own, tmp: _appended(own / "rules/eigen/no_us_parent/no_us_parent.rego", "\n# changed\n"),
    "an own data file": lambda shipped, own, tmp: (own / "eigen/data.json").write_text(json.dumps({"forbidden_parent": "NL"})),
    "an own pack": lambda shipped, own, tmp: _appended(own / "data/packs.json", " "),
    "an own module linked from outside": lambda shipped, own, tmp: _link_outside(own, "rules/eigen/no_us_parent/no_us_parent.rego", tmp),
}


@pytest.mark.parametrize("settled", [False, True], ids=["recent", "settled"])
@pytest.mark.parametrize("change", sorted(POLICY_CHANGES))
def test_a_changed_policy_file_is_checked_again(change, settled, repo, pipeline_runs, tmp_path, monkeypatch):
    from tests.conftest import own_policies

    shipped, own = _shipped_copy(tmp_path), own_policies(tmp_path / "own")
    if settled:  # the files taken as settled at once: known by their states, not read (the installed policies' way)
        monkeypatch.setattr(runcache, "SETTLED_NS", 0)
    env = {"CLOUDBELEID_POLICIES": str(shipped)}
    first = _check(repo, "--policies", str(own), env=env)
    assert first[0] == 1 and len(pipeline_runs) == 1
    assert _check(repo, "--policies", str(own), env=env) == first and len(pipeline_runs) == 1  # served
    POLICY_CHANGES[change](shipped, own, tmp_path)
    after = _check(repo, "--policies", str(own), env=env)
    assert after == _uncached(repo, "--policies", str(own), env=env)
    assert after != first or len(pipeline_runs) == 3, "a changed policy was served the earlier run's outputs"


def _own_cache(tmp_path, monkeypatch) -> None:
    """The test's own cache folder, on, with no connection left to another."""
    monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLOUDBELEID_NO_CACHE", raising=False)
    cache.close()


def test_installed_files_are_known_by_their_states_once_settled(tmp_path, monkeypatch):
    folder = tmp_path / "tree"
    write(folder, "a.rego", "package a\n")
    write(folder, "sub/b.json", "{}")
    _own_cache(tmp_path, monkeypatch)
    computed: list[int] = []

    def compute() -> str:
        computed.append(1)
        return "digest of " + (folder / "a.rego").read_text()

    def digest() -> str | None:
        return runcache._fingerprinted("test", [(folder, ())], "", compute, {})

    # just written: read every time, nothing kept
    assert digest() == digest() == "digest of package a\n" and len(computed) == 2
    assert not (tmp_path / "cache" / runcache._MEMO).exists()
    monkeypatch.setattr(runcache, "SETTLED_NS", 0)
    assert digest() == "digest of package a\n" and len(computed) == 3
    assert digest() == "digest of package a\n" and len(computed) == 3  # known by the states
    (folder / "a.rego").write_text("package b\n# longer\n")
    assert digest() == "digest of package b\n# longer\n" and len(computed) == 4
    write(folder, "sub/c.json", "{}")  # a new file anywhere below
    assert digest() is not None and len(computed) == 5
    (folder / "linked").symlink_to(folder / "sub")  # a link to a folder: never known by the states
    assert digest() is not None and digest() is not None and len(computed) == 7
    (folder / "linked").unlink()
    for number in range(runcache._MEMO_KEEP + 4):  # every change leaves an entry: only the newest are kept
        (folder / "a.rego").write_text("package a\n" + "#" * (number + 10))
        assert digest() is not None
    assert len(list((tmp_path / "cache" / runcache._MEMO).iterdir())) == runcache._MEMO_KEEP


def test_bytecode_written_during_a_run_neither_changes_the_key_nor_keeps_the_run_out(tmp_path, monkeypatch):
    """The first run after an install or an edit writes __pycache__ below the package: that is Python's copy of
    sources the digest reads, so the fingerprint leaves it out, and a folder counts by its names, not its times."""
    import os

    folder = tmp_path / "package"
    write(folder, "mod.py", "x = 1\n")
    write(folder, "sub/inner.py", "y = 2\n")
    _own_cache(tmp_path, monkeypatch)
    watched: dict[str, tuple[int, ...] | None] = {}
    before = runcache._fingerprinted("test", [(folder, ())], "", lambda: "d", watched, bytecode=True)
    name_before = json.dumps(sorted(watched))
    write(folder, "__pycache__/mod.cpython-311.pyc", "bytecode")
    write(folder, "sub/__pycache__/inner.cpython-311.pyc", "bytecode")
    assert all(runcache._state(path) == state for path, state in watched.items())  # the run is kept
    again: dict[str, tuple[int, ...] | None] = {}
    assert runcache._fingerprinted("test", [(folder, ())], "", lambda: "d", again, bytecode=True) == before
    assert json.dumps(sorted(again)) == name_before and not any("__pycache__" in path for path in again)
    # a source changed, added or removed is still seen
    (folder / "sub" / "inner.py").write_text("y = 3\n")
    assert not all(runcache._state(path) == state for path, state in again.items())
    write(folder, "sub/new.py", "z = 1\n")
    later: dict[str, tuple[int, ...] | None] = {}
    runcache._fingerprinted("test", [(folder, ())], "", lambda: "d", later, bytecode=True)
    assert os.path.join(folder, "sub", "new.py") in later
    # the policies' folders are read whole by their loader, __pycache__ too: there it counts, with folders' times
    policies: dict[str, tuple[int, ...] | None] = {}
    runcache._fingerprinted("test", [(folder, ())], "", lambda: "d", policies)
    assert any("__pycache__" in path for path in policies) and os.path.join(folder, "sub") in policies
    write(folder, "sub/__pycache__/more.rego", "package more\n")
    assert not all(runcache._state(path) == state for path, state in policies.items())


def test_the_policies_digest_follows_the_bundle_and_the_catalogue(tmp_path):
    """Two policy folders with one digest have one bundle and one catalogue: a file that either reads is in it."""
    from checker.policies import root_digest, sources_digest

    shipped = _shipped_copy(tmp_path)
    before = sources_digest((shipped,))
    assert before == sources_digest((shipped,)) and before is not None
    (shipped / "notes.txt").write_text("not a policy")
    assert root_digest(shipped) != root_digest(_shipped_copy(tmp_path / "other"))  # a new name in the walk
    (shipped / "notes.txt").unlink()
    (shipped / "rules/cb22/c2000/c2000_test.rego").write_text("package x\n")  # the bundle leaves tests out
    assert sources_digest((shipped,)) != before  # its name is in the walk: a test file costs a run, never a verdict
    (shipped / "data/retired.json").unlink(missing_ok=True)
    (shipped / "data/retired.json").write_text('{"retired": {}}')
    assert sources_digest((shipped,)) != before
