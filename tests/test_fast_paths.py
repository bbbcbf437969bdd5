"""The fast paths agree with the paths that explain: jsonschema-rs with jsonschema on every verdict, and the
one-pass loaders (the JSON path and the event path) with the diagnostic loader on data and locations
(docs/performance.md)."""

from __future__ import annotations

import copy
import itertools
import json
import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from checker.loader import DEFAULT_LIMITS, Limits, _Budget, _json_document, load_bytes, load_file
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


# an astral character escaped as JSON writes it (RFC 8259 section 7): the YAML parser refuses the pair, the JSON path reads it
_PAIR = re.compile(r"\\[uU][dD][89abAB][0-9a-fA-F]{2}\\[uU][dD][c-fC-F][0-9a-fA-F]{2}")



def _placeholders(text: str) -> str:
    """Each escaped surrogate pair as twelve plain characters, each its own (keys stay distinct): every place kept."""
    count = itertools.count()
    return _PAIR.sub(lambda _: f"x{next(count):011d}", text)


def _same_load(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """The JSON path (where it takes the document), the event path and the diagnostic path read it alike. A JSON
    object with an escaped surrogate pair, which only the JSON path reads: where that path takes the same text with
    each pair written as twelve plain characters, it reads the pair's character in the same places; where it does
    not (a tab, a carriage return, a limit), the others refuse the document, as before."""
    text = raw.decode("utf-8", "surrogateescape")
    if _PAIR.search(text) and "---" not in text:  # one document (the JSON path reads a file's first document only)
        plain = _placeholders(text)  # as long: every place the same
        _same_load(plain.encode("utf-8", "surrogateescape"), name, limits)
        read = load_bytes(raw, name, limits)
        placed = _json_document(plain, name, 0, 0, _Budget(limits)) if plain.lstrip().startswith("{") else None
        if placed is None:
            assert read.problems and load_bytes(raw, name, limits, fast=False).problems
            return
        assert not read.problems and len(read.documents) == 1
        assert read.documents[0].data == json.loads(text)
        # the same places in the same order (the paths name the keys, which differ)
        assert list(read.documents[0].spans.values()) == list(placed.spans.values())
        assert list(read.documents[0].keys.values()) == list(placed.keys.values())
        return
    slow = load_bytes(raw, name, limits, fast=False)
    for fast in (load_bytes(raw, name, limits), load_bytes(raw, name, limits, json_path=False)):
        assert fast.problems == slow.problems
        assert len(fast.documents) == len(slow.documents)
        for one, other in zip(fast.documents, slow.documents):
            assert (one.file, one.index, one.data) == (other.file, other.index, other.data)
            assert list(one.spans.items()) == list(other.spans.items())  # the same map, in the same order
            assert one.keys == other.keys


def _files() -> list[Path]:
    return [p for p in sorted(CORPUS.rglob("*")) + sorted((ROOT / "examples").rglob("*.cloud.*"))
            if p.is_file() and not p.is_symlink() and p.stat().st_size < 1_000_000]


def test_the_fast_loader_gives_the_diagnostic_loaders_data_and_locations_on_the_examples_and_the_corpus():
    files = _files()
    assert len(files) > 100
    for path in files:
        _same_load(path.read_bytes(), path.name)


@pytest.mark.parametrize("style", ["json", "json-indented", "yaml-block", "yaml-flow"])
def test_the_fast_loader_gives_the_diagnostic_loaders_data_and_locations_on_generated_descriptors(style):
    import io
    import json

    from ruamel.yaml import YAML

    for document in descriptors(40, seed=11) + _broken(5, 20):
        if style.startswith("json"):
            text = json.dumps(document, ensure_ascii=False, indent=1 if style == "json-indented" else None)
        else:
            yaml = YAML(typ="safe", pure=True)
            yaml.default_flow_style = style == "yaml-flow"
            out = io.StringIO()
            yaml.dump(document, out)
            text = out.getvalue()
        _same_load(text.encode(), "d.cloud." + style.split("-")[0])


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n", "a: !!str 1\n", "%YAML 1.2\n---\na: 1\n",
    "a: 1\na: 2\n", "a: [1, 2\n", "- 1\n- 2\n", "", "# only\n", "a: 1\n---\nb: 2\n---\n", "? [x]\n: 1\n", "1: x\n",
    "a: .nan\n", "a: 99999999999999999999\n", "'<<': 1\n", "a: \"\\e\"\n", "a: |\n  text\n  more\nb: >-\n  folded\n",
    "a:\n  - x\n  -\n    b: 1\n", "a: 0x1F\nb: 0o17\nc: 1_000\nd: ~\ne: True\nf: -.inf\n", "{\"a\": [1, {\"b\": null}]}",
])
def test_the_fast_loader_leaves_every_unusual_document_to_the_diagnostic_loader(text):
    _same_load(text.encode(), "t.yaml")


# JSON that the json module reads and the YAML parser reads otherwise or refuses, JSON it reads alike, written in
# unusual ways, and JSON with what the loader refuses: the JSON path takes only what it reads as the others do
JSON_CASES = [
    '{"a":1,"b":[1,2]}', '{ "a" : 1 , "b" :[ ]}', '{"a": "x\\/y"}', '{"a":\n 1}', '{"a"\n: 1}', '{"a": "\\ud83d\\ude00"}',
    '{"' + "k" * 1030 + '": 1}', '{"' + "k" * 990 + '": 1}', '{"a": 1E3, "b": -0, "c": 1.5e-3, "d": -1.5E+2, "e": 0.1}', "{}",
    '{"a": {}, "b": [], "c": [[{}]], "d": null, "e": true, "f": false}', '{"a": 1, "a": 2}', '{"a": {"b": 1, "b": 2}}',
    '{"a": NaN}', '{"a": Infinity}', '{"a": 1e999}', '{"a": 99999999999999999999}', '{"a": 9223372036854775808}',
    '{"a": -9223372036854775808, "b": 9223372036854775807}', '{"a\\n": 1}', '{"a\\t": 1}', '{"a": "\\u0007"}',
    '{"a": "\\u202e"}', '{"a": "\\r"}', '{"a": "\\t\\n\\u00e9\\\\ \\"quoted\\""}', '{"\\u00e9": "\\u0041"}',
    '\n\n  {"x": [1,\n 2]\n}\n', '{"a": [1, 2,\n\n 3]}', '  \n{"a": 1}\n\n\n', '{"a": 1} # a comment',
    '{"a": 1}\n...\n', '{"<<": {"b": 1}}', '{"a": [1, 2]}\n---\n{"b": 2}\n', '{"a": "é😀日本"}', '{"😀": {"ü": ["日本", 1]}}',
    '{"x": "#not a comment", "y": "a: b", "z": "- a", "w": "---", "v": "&a *b !c", "u": "%YAML", "": ""}',
    '{"a":\t1}', '{"a": 1}\r\n', '{"a": "\u2028"}', '{"a": "\ufeff"}', '{"a": "' + "x" * 2000 + '"}', "[1, 2]", '{"a": 1}}',
]


@pytest.mark.parametrize("text", JSON_CASES)
def test_the_json_path_reads_json_as_the_yaml_paths_do(text):
    _same_load(text.encode(), "t.json")


def test_the_json_path_reads_generated_descriptors():
    import json

    for style in (None, 1, 2):
        for document in descriptors(20, seed=5):
            text = json.dumps(document, ensure_ascii=False, indent=style)
            assert _json_document(text, "d.json", 0, 0, _Budget(DEFAULT_LIMITS)) is not None


def test_the_json_path_counts_the_limits_as_the_diagnostic_loader_does():
    text = '{"a": [' + ", ".join(["1"] * 50) + '], "b": {"c": {"d": {"e": 1}}}}'
    for limits in [Limits(max_nodes=n) for n in range(50, 64)] + [Limits(max_depth=n) for n in range(1, 6)]:
        _same_load(text.encode(), "t.json", limits)
    two = '{"a": [1, 2, 3]}\n---\n{"b": [1, 2, 3, 4]}\n'
    for limits in [Limits(max_nodes=n) for n in range(8, 20)]:
        _same_load(two.encode(), "t.json", limits)


def test_the_fast_loader_counts_the_limits_as_the_diagnostic_loader_does():
    from checker.loader import Limits

    text = "a: [" + ", ".join(["1"] * 50) + "]\nb: {c: {d: {e: 1}}}\n"
    for limits in [Limits(max_nodes=n) for n in range(50, 64)] + [Limits(max_depth=n) for n in range(1, 5)]:
        fast, slow = load_bytes(text.encode(), "t.yaml", limits), load_bytes(text.encode(), "t.yaml", limits, fast=False)
        assert fast.problems == slow.problems and [d.data for d in fast.documents] == [d.data for d in slow.documents]


def test_the_fast_loader_shares_the_files_budget_with_the_diagnostic_loader_across_documents():
    from checker.loader import Limits

    # the second document is unusual (an anchor): the diagnostic path reads it, counting on from the first
    text = "a: [1, 2, 3]\nb: {c: 1}\n---\nd: &x [1, 2]\ne: *x\n---\nf: [1, 2, 3, 4]\n"
    for limits in [Limits(max_nodes=n) for n in range(8, 30)]:
        fast, slow = load_bytes(text.encode(), "t.yaml", limits), load_bytes(text.encode(), "t.yaml", limits, fast=False)
        assert fast.problems == slow.problems and [d.data for d in fast.documents] == [d.data for d in slow.documents]


def test_the_json_reports_encoder_writes_what_json_text_writes():
    from checker.evaluate import Options, check
    from checker.model import Enforcement, Location, Status, Text
    from checker.reporters.common import json_text
    from checker.reporters.json_report import _Encoder, finding_json
    from tests.conftest import AS_OF

    report = check(Options((ROOT / "examples",), None, AS_OF, "nl", "embedded"))
    odd = Text("\u202e ##[x] \x85 \ud800 \"q\" \\ é 🙂", "\u2028 line\nbreak\t")
    findings = list(report.findings) + [
        replace(f, message=odd, service=None if i % 2 else "x\u202ey", waiver={"reason": "\x7f", "n": 1} if i % 3 else None,
                location=Location("f\u2066.yaml", 2, 3, 4, None, None, ("a/b", 0, "~")))
        for i, f in enumerate(report.findings[:30])
    ] + [replace(report.findings[0], status=Status.ERROR, enforcement=Enforcement.MANDATORY)]
    encode = _Encoder()
    assert {f.status.value for f in findings} >= {"fail", "pass", "not-applicable", "error"}
    for finding in findings:
        assert encode(finding) == json_text(finding_json(finding))


def test_the_json_report_streams_its_document_and_keeps_every_verdict():
    """The streamed report (render) is the in-memory one (to_json), and its rows give back each verdict with its
    rule, service, place, enforcement and reason (a failure also its message and line)."""
    import json
    from collections import Counter

    from checker.evaluate import check
    from checker.model import Status
    from checker.pipeline import Options
    from checker.reporters.json_report import render, to_json
    from tests.conftest import AS_OF, all_findings

    report = check(Options((ROOT / "examples",), None, AS_OF, "nl", "embedded"))
    streamed = json.loads("".join(render(report)))
    assert streamed == json.loads(json.dumps(to_json(report)))
    assert streamed["report_version"] == 3 and streamed["verdicts"]
    assert all(f["status"] not in ("pass", "not-applicable") for f in streamed["findings"])
    assert report.verdicts, "a run keeps its passes compact"

    def verdict(f: dict) -> tuple:
        return f["rule_id"], f["status"], f["service"], f["location"]["file"], f["location"]["document"], f["enforcement"], f["enforcement_reason"]["nl"]

    expected = Counter(
        (f.rule_id, f.status.value, f.service, f.location.file, f.location.document, f.enforcement.value, f.enforcement_reason.nl)
        for f in report.findings)
    assert {Status.PASS, Status.NOT_APPLICABLE} <= {f.status for f in report.findings}
    assert Counter(map(verdict, all_findings(streamed))) == expected
    fails = Counter((f.rule_id, f.service, f.location.file, f.location.line, f.location.column, f.location.end_line,
                     f.location.end_column, f.location.pointer, f.message.nl, f.message.en)
                    for f in report.findings if f.status is Status.FAIL)
    assert fails and Counter((f["rule_id"], f["service"], f["location"]["file"], f["location"]["line"], f["location"]["column"],
                              f["location"]["end_line"], f["location"]["end_column"], f["location"]["json_path"],
                              f["message"]["nl"], f["message"]["en"])
                             for f in all_findings(streamed) if f["status"] == "fail") == fails


def test_the_three_loaders_read_any_json_object_alike():
    """JSON objects of every shape, value and spelling (escapes, astral characters, numbers at the limits, empty
    keys and collections), written compact, spaced and indented: the three paths read each alike."""
    import json

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
    scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**64), max_value=2**64)
               | st.floats(allow_nan=False, allow_infinity=False) | text)
    values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
                          max_leaves=20)
    spelling = st.sampled_from([{}, {"indent": 1}, {"indent": 2}, {"separators": (",", ":")}, {"ensure_ascii": False},
                                {"ensure_ascii": False, "indent": 1}])

    @settings(max_examples=100, derandomize=True, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.dictionaries(text, values, max_size=6), spelling)
    def same(document: dict[str, Any], how: dict[str, Any]) -> None:
        _same_load(json.dumps(document, **how).encode(), "t.json")

    same()
