"""Properties over generated descriptors (hypothesis, derandomised so CI is reproducible).

1. Any schema-valid descriptor evaluates without error on both engines, with identical findings.
2. The command line is deterministic: the same input gives the same bytes of JSON and SARIF.
3. Any mutation of a valid descriptor (a key deleted, a value of another type, an unknown key,
   the YAML text broken) either stays valid and is evaluated, or gives a clean, located error:
   never an exception, never a pass.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from checker.evaluate import Options, check
from checker.gate import exit_code
from checker.model import Status
from checker.schema import validate
from tests.conftest import MINISTRY_CONFIG, PACKS, all_findings
from tests.descriptor_gen import Generator
from tests.opa_server import opa_server, served_policies


def properties(examples: int, shrink: bool = True) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,  # the same examples on every run and machine
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        # shrinking reruns the test hundreds of times: too slow where each run is two subprocesses
        phases=[Phase.explicit, Phase.generate, *([Phase.shrink] if shrink else [])],
    )

CONFIG = MINISTRY_CONFIG.replace(PACKS, "")  # every pack that is on by default
PROFILE = YAML(typ="safe").load(CONFIG)["organisation"]
SEEDS = st.integers(min_value=0, max_value=2**31 - 1)
REFERENCE_DATES = st.sampled_from(["2026-11-28", "2025-11-28", "2026-02-28", "2027-12-31"])


def descriptor(seed: int, index: int = 0, generator: Generator | None = None) -> dict[str, Any]:
    """A schema-valid descriptor whose organisation block, merged over the configuration's profile, is valid too."""
    data = (generator or Generator(seed)).descriptor(index)
    if "organisation" in data and validate({**PROFILE, **data["organisation"]}, "organisation"):
        del data["organisation"]  # valid alone, but not over a ministry (zbo-only fields)
    return data


def to_yaml(data: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def findings(report) -> list[tuple]:
    return [
        (f.rule_id, f.service, f.location, f.status.value, f.enforcement.value, f.severity.value, f.message, f.enforcement_reason)
        for f in report.findings
    ]


def folder_with(files: dict[str, str]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="cloudbeleid-property-") as name:
        folder = Path(name)
        (folder / ".cloudbeleid.yaml").write_text(CONFIG, encoding="utf-8")
        for file, text in files.items():
            (folder / file).write_text(text, encoding="utf-8")
        yield folder


@pytest.fixture(scope="module")
def opa_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One real OPA for the module, holding the shipped policies and data (as a bundle: the checker requires its revision)."""
    with opa_server(*served_policies(tmp_path_factory.mktemp("served"))) as url:
        yield url


# --- 1. both engines, identical findings ---------------------------------------------------------

@properties(40)
@given(seed=SEEDS, count=st.integers(min_value=1, max_value=4), as_of=REFERENCE_DATES)
def test_valid_descriptors_give_identical_findings_on_both_engines(opa_url: str, seed: int, count: int, as_of: str):
    generator = Generator(seed)
    text = "---\n".join(to_yaml(descriptor(seed, i, generator)) for i in range(count))
    for folder in folder_with({"services.cloud.yaml": text}):
        embedded = check(Options((folder,), None, as_of, "nl", "embedded"))
        opa = check(Options((folder,), None, as_of, "nl", "opa", {"url": opa_url}))
    assert not [f for f in embedded.findings if f.status is Status.ERROR], "a valid descriptor is not checkable"
    assert len(embedded.services) == count
    assert findings(embedded) == findings(opa)


# --- 2. deterministic output --------------------------------------------------------------------

def _cli(folder: Path, as_of: str) -> tuple[int, bytes, bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--as-of", as_of, "-f", "json", "-o", "-", "-f", "sarif", "-o", "out.sarif", "."],
        cwd=folder, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, timeout=120,
    )
    assert result.stdout, result.stderr
    return result.returncode, result.stdout, (folder / "out.sarif").read_bytes()


@properties(4, shrink=False)
@given(seeds=st.lists(SEEDS, min_size=1, max_size=4, unique=True), as_of=REFERENCE_DATES)
def test_the_same_input_gives_the_same_bytes(seeds: list[int], as_of: str):
    files = {f"svc-{i}.cloud.yaml": to_yaml(descriptor(seed, i)) for i, seed in enumerate(seeds)}
    for folder in folder_with(files):
        first, second = _cli(folder, as_of), _cli(folder, as_of)
    assert first[0] in (0, 1)
    assert first == second
    assert {f["service"] for f in all_findings(json.loads(first[1]))} == {f"svc-{i}" for i in range(len(seeds))}


# --- 3. mutations -------------------------------------------------------------------------------

def _paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    """Every path to a value below data (not the document itself)."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield path + (key,)
        yield from _paths(value, path + (key,))


def _parent(data: Any, path: tuple) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


OTHER_TYPES = st.sampled_from([0, -1, 2**40, 1.5, True, False, None, "", "tekst", "2025-02-30", "NL", [], ["x"], {}, {"a": 1}])
UNKNOWN_KEYS = st.sampled_from(["onbekend", "servce", "Status", "processor_agreement_", "x-extra", "", "1", "ja", "id ", "provider.name"])
TEXT_EDITS = st.sampled_from(list(":[]{}\"'\t&*!|>%@`#,-?\\\n ") + ["---", "...", "<<: *x", "\ufeff", "\x00", "\x07", "\u2028", "\ud7ff", "\U0001f600"])


@st.composite
def mutants(draw: st.DrawFn) -> tuple[str, str]:
    """A valid descriptor's YAML after one mutation, and what the mutation was."""
    data = descriptor(draw(SEEDS))
    kind = draw(st.sampled_from(["delete a key", "change a type", "insert an unknown key", "break the text"]))
    paths = list(_paths(data))
    if kind == "delete a key":
        path = draw(st.sampled_from([p for p in paths if isinstance(p[-1], str)]))
        del _parent(data, path)[path[-1]]
    elif kind == "change a type":
        path = draw(st.sampled_from(paths))
        _parent(data, path)[path[-1]] = draw(OTHER_TYPES)
    elif kind == "insert an unknown key":
        mappings = [()] + [p for p in paths if isinstance(_parent(data, p + (None,)), dict)]
        where = draw(st.sampled_from(mappings))
        target = _parent(data, where + (None,))
        key = draw(UNKNOWN_KEYS)
        if key not in target:
            target[key] = draw(OTHER_TYPES)
    text = to_yaml(data)
    if kind == "break the text":
        position = draw(st.integers(min_value=0, max_value=len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "replace", "dedent a line", "duplicate a line"]))
        if edit == "insert":
            text = text[:position] + draw(TEXT_EDITS) + text[position:]
        elif edit == "delete":
            text = text[:position] + text[position + draw(st.integers(min_value=1, max_value=20)):]
        elif edit == "replace":
            text = text[:position] + draw(TEXT_EDITS) + text[position + 1:]
        else:
            lines = text.splitlines(keepends=True)
            number = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[number] = lines[number].lstrip(" ") if edit == "dedent a line" else lines[number] * 2
            text = "".join(lines)
    return kind, text


@properties(300)
@given(mutant=mutants(), as_of=REFERENCE_DATES)
def test_a_mutated_descriptor_stays_valid_or_gives_a_located_error(mutant: tuple[str, str], as_of: str):
    kind, text = mutant
    lines = text.count("\n") + 1
    for folder in folder_with({"svc.cloud.yaml": text}):
        report = check(Options((folder / "svc.cloud.yaml",), None, as_of, "nl", "embedded"))
    errors = [f for f in report.findings if f.status is Status.ERROR]
    code = exit_code(report)
    event(f"{kind}: {'still valid' if not errors else errors[0].rule_id}")
    if not errors:
        assert code in (0, 1) and len(report.services) >= 1, kind
        return
    assert code == 2, kind  # never a pass
    for error in errors:
        assert error.rule_id.startswith("INPUT-"), (kind, error)
        assert error.location.file.endswith("svc.cloud.yaml"), (kind, error)
        assert 1 <= error.location.line <= lines + 1, (kind, error.location, error.message.en)
        assert error.location.column >= 1, (kind, error.location)
        assert error.message.en.strip(), (kind, error)
