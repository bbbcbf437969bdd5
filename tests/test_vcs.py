"""checker/vcs.py: where no repository can be, git is not started, and the answer is git's own."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from checker import vcs


def _git_says(folder: Path) -> Path | None:
    """git's own answer, always asked."""
    result = vcs._git(folder, "rev-parse", "--show-toplevel")
    return Path(result.stdout.decode().strip()) if result is not None and result.returncode == 0 else None


def _init(folder: Path, *args: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", *args, str(folder)], check=True, capture_output=True)


LAYOUTS = {
    "a plain folder": lambda tmp: tmp / "plain" / "sub",
    "a work tree's subfolder": lambda tmp: (_init(tmp / "repo"), tmp / "repo" / "sub")[1],
    "a bare repository": lambda tmp: (_init(tmp / "bare.git", "--bare"), tmp / "bare.git")[1],
    "a bare repository naming a work tree": lambda tmp: (
        _init(tmp / "odd", "--bare"), (tmp / "tree").mkdir(),
        subprocess.run(["git", "--git-dir", str(tmp / "odd"), "config", "core.bare", "false"], check=True),
        subprocess.run(["git", "--git-dir", str(tmp / "odd"), "config", "core.worktree", str(tmp / "tree")], check=True),
        tmp / "odd")[-1],
    "inside a .git folder": lambda tmp: (_init(tmp / "inner"), tmp / "inner" / ".git" / "refs")[1],
    "a .git file (a linked work tree)": lambda tmp: (
        _init(tmp / "main"), (tmp / "linked").mkdir(),
        (tmp / "linked" / ".git").write_text(f"gitdir: {tmp / 'main' / '.git'}\n"), tmp / "linked")[-1],
    "a link into a work tree": lambda tmp: (_init(tmp / "target"), (tmp / "target" / "in").mkdir(),
                                            (tmp / "outside").symlink_to(tmp / "target" / "in"), tmp / "outside")[-1],
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_toplevel_is_gits_answer(layout, tmp_path):
    folder = LAYOUTS[layout](tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    assert vcs.toplevel(folder) == _git_says(folder)
    if vcs._no_repository(folder):
        assert _git_says(folder) is None


def test_git_is_not_started_outside_any_repository(tmp_path, monkeypatch):
    folder = tmp_path / "plain"
    folder.mkdir()
    if not vcs._no_repository(folder):
        pytest.skip("the test's temporary folder lies in a repository")
    started: list[tuple[str, ...]] = []
    monkeypatch.setattr(vcs, "_git", lambda folder, *args: started.append(args))
    assert vcs.toplevel(folder) is None and vcs.files(folder) is None and started == []
    monkeypatch.setenv("GIT_SSL_CAINFO", "/etc/ssl/certs/ca.crt")  # says nothing of where a repository is
    assert vcs.toplevel(folder) is None and started == []
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_CONFIG_PARAMETERS"):  # these can: git is asked
        with monkeypatch.context() as scope:
            scope.setenv(name, str(tmp_path / "elsewhere.git"))
            vcs.toplevel(folder)
    assert started == [("rev-parse", "--show-toplevel")] * 3


def test_a_repository_named_by_git_dir_is_found(tmp_path, monkeypatch):
    _init(tmp_path / "elsewhere")
    folder = tmp_path / "plain"
    folder.mkdir()
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere" / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(tmp_path))
    assert vcs.toplevel(folder) == _git_says(folder) == tmp_path
