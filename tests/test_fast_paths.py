"""The fast paths agree with the paths that explain: jsonschema-rs with jsonschema on every verdict, and the
one-pass loader with the diagnostic loader on data and locations (docs/performance.md)."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest

from checker.loader import load_file
from checker.schema import _validate, is_valid
from tests.conftest import ROOT
from tests.descriptor_gen import descriptors

CORPUS = ROOT / "tests" / "bad_inputs"
REPLACEMENTS: list[Any] = [None, 0, -1, 1.5, 2**40, True, False, "", "x", "NL", "XX", "nl", "UK", "2026-02-30", "2026-13-01",
                           "1899-12-31", "2200-01-01", "2026-1-1", "abc\n", "Abc", "a" * 300, [], ["NL", "NL"], [1], {}, {"x": 1}]


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, path + (index,))
    return found


def _broken(seed: int, count: int) -> list[dict[str, Any]]:
    """Valid descriptors, each broken at one to three random places (a value replaced, a field removed or added)."""
    chance = random.Random(seed)
    result = []
    for document in descriptors(count, seed):
        broken = copy.deepcopy(document)
        for _ in range(chance.randint(1, 3)):
            path = chance.choice(_paths(broken)[1:])
            parent = broken
            for step in path[:-1]:
                parent = parent[step]
            what = chance.random()
            if what < 0.2 and isinstance(parent, dict):
                del parent[path[-1]]
            elif what < 0.3 and isinstance(parent, dict):
                parent["unknown_" + str(chance.randrange(9))] = 1
            else:
                parent[path[-1]] = copy.deepcopy(chance.choice(REPLACEMENTS))
        result.append(broken)
    return result


def _corpus_documents() -> list[Any]:
    documents = []
    for path in sorted(CORPUS.rglob("*")) + sorted((ROOT / "examples").rglob("*.cloud.*")):
        if path.is_file() and not path.is_symlink() and path.stat().st_size < 1_000_000:
            documents += [d.data for d in load_file(path).documents]
    return documents


@pytest.mark.parametrize("name", ["descriptor", "organisation"])
def test_jsonschema_rs_and_jsonschema_give_the_same_verdicts(name):
    documents = _corpus_documents() + _broken(20261202, 300) + descriptors(30, seed=7)
    if name == "organisation":
        documents = [d.get("organisation", d) if isinstance(d, dict) else d for d in documents]
    verdicts = [(is_valid(d, name), not _validate(d, name)) for d in documents]
    assert all(fast is not None for fast, _ in verdicts), "jsonschema-rs could not take a document"
    differing = [d for d, (fast, slow) in zip(documents, verdicts) if fast != slow]
    assert not differing, f"{len(differing)} verdicts differ, first: {differing[0]!r:.500}"
    assert sum(slow for _, slow in verdicts) >= 30 and sum(not slow for _, slow in verdicts) >= 100  # both kinds occur
