"""Every test_* rule of every _test.rego file, run under the embedded engine (the same files pass `opa test`)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from checker.policies import load_bundle
from checker.resources import policies_dir


def _collect() -> tuple[list[tuple[Path, str, str]], list[Path]]:
    cases, support = [], []
    for path in sorted(policies_dir().rglob("*_test.rego")):
        text = path.read_text(encoding="utf-8")
        package = re.search(r"^package\s+(\S+)", text, re.MULTILINE).group(1)
        names = re.findall(r"^(test_\w+)", text, re.MULTILINE)
        cases += [(path, package, name) for name in names]
        if not names:
            support.append(path)  # test builders (lib/build_test.rego), loaded with every test file
    return cases, support


CASES, SUPPORT = _collect()
_ENGINES: dict[Path, object] = {}


def _engine(path: Path):
    # the production modules, the test builders and this one test file: test packages never see each other
    if path not in _ENGINES:
        os.environ.setdefault("RUST_BACKTRACE", "0")
        import regorus

        bundle = load_bundle()
        engine = regorus.Engine()
        for name, source in bundle.modules:
            engine.add_policy(name, source)
        for module in [*SUPPORT, path]:
            engine.add_policy(str(module), module.read_text(encoding="utf-8"))
        engine.add_data_json(bundle.data_json)
        _ENGINES[path] = engine
    return _ENGINES[path]


def test_there_are_rego_tests():
    assert len(CASES) >= 30


@pytest.mark.parametrize(("path", "package", "name"), CASES, ids=[f"{p.parent.name}::{n}" for p, _, n in CASES])
def test_rego(path: Path, package: str, name: str):
    answer = json.loads(_engine(path).eval_query_as_json(f"data.{package}.{name}"))
    results = answer.get("result")
    value = results[0]["expressions"][0]["value"] if results else "undefined"
    assert value is True, f"{path}: {name} is {value}"
