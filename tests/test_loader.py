from __future__ import annotations

from pathlib import Path

import pytest

from checker.loader import load_bytes, load_file


def one(text: str):
    result = load_bytes(text.encode(), "d.yaml")
    assert not result.problems, result.problems
    assert len(result.documents) == 1
    return result.documents[0]


def problem(data: bytes):
    result = load_bytes(data, "d.yaml")
    assert not result.documents
    assert len(result.problems) == 1
    return result.problems[0]


def test_nested_maps_have_line_and_column_of_their_key():
    doc = one("a:\n  b:\n    c: 1\n    d: x\n")
    assert doc.data == {"a": {"b": {"c": 1, "d": "x"}}}
    assert doc.spans[("a", "b", "d")][:2] == (4, 8)  # the value
    assert doc.spans[("a", "b")][:2] == (2, 3)  # a block mapping: its key


def test_sequence_items_and_flow_style():
    doc = one("list:\n  - name: x\n    tags: [p, {q: 1}]\n")
    assert doc.spans[("list", 0)][:2] == (2, 5)
    assert doc.spans[("list", 0, "tags", 1, "q")][:2] == (3, 19)
    assert doc.spans[("list", 0, "tags", 0)][:2] == (3, 12)


def test_missing_path_is_located_at_nearest_existing_parent():
    doc = one("a:\n  b: 1\n")
    found, span = doc.locate(("a", "missing", "deeper"))
    assert found == ("a",)
    assert span[:2] == (1, 1)


def test_multi_document_each_with_index_and_absolute_lines():
    result = load_bytes(b"a: 1\n---\nb: 2\n---\nc: 3\n", "m.yaml")
    assert [(d.index, d.data) for d in result.documents] == [(0, {"a": 1}), (1, {"b": 2}), (2, {"c": 3})]
    assert result.documents[2].spans[("c",)][:2] == (5, 4)


def test_broken_document_does_not_hide_the_others():
    result = load_bytes(b"a: 1\n---\nb: [\n---\nc: 3\n", "m.yaml")
    assert [d.data for d in result.documents] == [{"a": 1}, {"c": 3}]
    assert len(result.problems) == 1
    assert (result.problems[0].document, result.problems[0].line) == (1, 4)


def test_anchors_aliases_and_merge_keys():
    doc = one("base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\n")
    assert doc.data["use"] == {"x": 1, "y": 2}
    assert doc.data["merged"] == {"x": 1, "y": 3}


def test_dates_stay_strings_and_yaml_12_booleans():
    doc = one("d: 2025-02-30\ne: 2025-01-01\nf: yes\ng: true\nh: null\ni: 0x1F\nj: 1.5\n")
    assert doc.data == {"d": "2025-02-30", "e": "2025-01-01", "f": "yes", "g": True, "h": None, "i": 31, "j": 1.5}


def test_json_is_read_with_locations():
    doc = one('{\n  "id": "x",\n  "list": [1, 2]\n}\n')
    assert doc.data == {"id": "x", "list": [1, 2]}
    assert doc.spans[("list",)][:2] == (3, 11)


@pytest.mark.parametrize(
    ("data", "fragment", "line"),
    [
        (b"a: 1\nb: 2\na: 3\n", "duplicate key 'a' (first at line 1)", 3),
        (b"a: 1\n1: 2\n", "is not a string", 2),
        (b"a: 1\n? [x]\n: 2\n", "is not a string", 2),
        (b"a: !!python/object:os.system {}\n", "unsupported tag", 1),
        (b"a:\n  b: !custom x\n", "unsupported tag '!custom'", 2),
        (b"a: !!binary aGVsbG8=\n", "unsupported tag", 1),
        (b"a: .nan\n", "not a finite number", 1),
        (b"a: 123456789012345678901234\n", "out of range", 1),
        (b"a: 'unclosed\n", "YAML syntax error", 2),
        (b"a: [1, 2\n", "YAML syntax error", 2),
        (b"a:\n\tb: 1\n", "YAML syntax error", 2),
        (b'{"a": 1} trailing', "YAML syntax error", 1),
        (b"- a\n- b\n", "is a list", 1),
        (b"just text\n", "single value", 1),
        (b"", "no document", 1),
        (b"# only a comment\n", "no document", 1),
        (b"a: \xff\xfe\n", "not valid UTF-8", 1),
        (b"\x00\x01binary", "binary file", 1),
        (b"a: &x [*x]\n", "recursive alias", 1),
        (b'a: "\\ud800"\n', "invalid Unicode character escape", 1),
    ],
)
def test_bad_input_is_a_located_problem(data, fragment, line):
    found = problem(data)
    assert fragment in found.message
    assert found.line == line


def test_alias_bomb_is_stopped():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        levels.append(f"a{i}: &a{i} [{refs}]")
    found = problem("\n".join(levels).encode())
    assert "alias bomb" in found.message


def test_deep_nesting_is_refused():
    found = problem(b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    assert "nesting deeper" in found.message


def test_byte_order_mark_is_accepted():
    assert one("\ufeffa: 1\n").data == {"a": 1}


def test_missing_file_is_a_problem(tmp_path: Path):
    result = load_file(tmp_path / "nope.yaml")
    assert "cannot read" in result.problems[0].message


def test_size_limit(tmp_path: Path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * 2000 + b"\n")
    assert "limit" in load_file(path, max_bytes=1000).problems[0].message
