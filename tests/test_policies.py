"""The policy folder's files (checker/policies.py): a file's real path found per folder is os.path.realpath's."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.errors import PolicyError
from checker.policies import _Inside, load_bundle
from checker.resources import policies_dir


def test_the_real_path_of_every_file_is_realpaths(tmp_path: Path):
    root = tmp_path / "policies"
    (root / "rules" / "own" / "a").mkdir(parents=True)
    (root / "rules" / "own" / "a" / "a.rego").write_text("package x\n")
    (root / "linked").symlink_to(root / "rules" / "own")  # a folder link inside
    (root / "rules" / "b.rego").symlink_to(root / "rules" / "own" / "a" / "a.rego")  # a file link inside
    outside = tmp_path / "secret.json"
    outside.write_text("{}")
    (root / "data").mkdir()
    (root / "data" / "stolen.json").symlink_to(outside)  # a file link outside
    (root / "away").symlink_to(tmp_path)  # a folder link outside
    inside = _Inside(root)
    files = list(root.rglob("*")) + list(policies_dir().rglob("*"))
    assert len(files) > 100
    assert [inside.real(p) for p in files] == [os.path.realpath(p) for p in files]
    inside.check(root / "linked" / "a" / "a.rego")
    inside.check(root / "rules" / "b.rego")
    for path in (root / "data" / "stolen.json", root / "away" / "secret.json"):
        with pytest.raises(PolicyError):
            inside.check(path)


def test_the_shipped_bundle_holds_every_module_and_data_file():
    bundle = load_bundle()
    root = policies_dir()
    assert [name for name, _ in bundle.modules] == [
        p.relative_to(root).as_posix() for p in sorted(root.rglob("*.rego")) if not p.name.endswith("_test.rego")]
    data_files = sorted(root.rglob("*.json"))
    assert data_files
    for path in data_files:  # each data file's content at its folder's path
        node = bundle.data
        for part in path.parent.relative_to(root).parts:
            node = node[part]
        assert set(json.loads(path.read_text(encoding="utf-8"))) <= set(node), path
