from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from checker.loader import _CORE, load_bytes, load_file


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


# --- what the loader reads: YAML 1.2 core, untagged, UTF-8, no control or bidirectional characters (issue 12) ---

PROPERTIES = settings(max_examples=300, derandomize=True, deadline=None, database=None)

# every character the loader refuses in text once escapes are processed, and those it keeps
FORBIDDEN = [c for c in range(0x00, 0xA0) if c < 0x20 and c not in (0x09, 0x0A) or 0x7F <= c <= 0x9F] + [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
ALLOWED = st.characters(blacklist_categories=("Cs",), blacklist_characters=[chr(c) for c in FORBIDDEN])


@PROPERTIES
@given(code=st.sampled_from(FORBIDDEN), before=st.text(ALLOWED, max_size=5), escape=st.sampled_from(["u", "x", "U"]))
def test_an_escaped_control_or_bidirectional_character_is_refused_at_its_value(code, before, escape):
    if escape == "x" and code > 0xFF:
        escape = "u"
    written = {"x": f"\\x{code:02x}", "u": f"\\u{code:04x}", "U": f"\\U{code:08x}"}[escape]
    quoted = before.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    found = problem(f'schema_version: 1\nname: "{quoted}{written}"\n'.encode())
    assert (found.line, found.column) == (2, 7)
    assert f"character U+{code:04X} is not allowed" in found.message


@PROPERTIES
@given(code=st.sampled_from(FORBIDDEN + [0x09, 0x0A]))
def test_a_key_holds_no_control_character_not_even_tab_or_line_feed(code):
    found = problem(f'a: 1\n"x\\u{code:04x}": 2\n'.encode())
    assert (found.line, found.column) == (2, 1) and f"U+{code:04X}" in found.message


@PROPERTIES
@given(text=st.text(ALLOWED, max_size=20))
def test_any_other_text_is_kept_exactly(text):
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    assert one(f'a: "{quoted}"\n').data == {"a": text}


@pytest.mark.parametrize("code", [0x85, 0x202E, 0x2066, 0x1B])
def test_a_raw_forbidden_character_is_refused_where_it_stands_even_in_a_comment(code):
    found = problem(f"a: 1\nb: 2  # x{chr(code)}\n".encode())
    assert (found.line, found.column) == (2, 10) and f"character U+{code:04X} is not allowed" in found.message


TAGS = ["!!bool", "!!str", "!!int", "!!float", "!!null", "!!timestamp", "!!binary", "!!map", "!!seq", "!!set", "!!omap",
        "!!python/object:os.system", "!", "!local", "!include", "!<tag:yaml.org,2002:bool>", "!<tag:example.com,2000:x>"]


@PROPERTIES
@given(tag=st.sampled_from(TAGS), value=st.sampled_from(["yes", "1", "'x'", "{a: 1}", "[1]", ""]),
       anchored=st.booleans(), in_list=st.booleans())
def test_any_explicit_tag_is_refused_where_it_stands(tag, value, anchored, in_list):
    node = f"&n {tag} {value}" if anchored else f"{tag} {value}"
    text = f"a: 1\nb: [x, {node}]\n" if in_list else f"a: 1\nb: {node}\n"
    found = problem(text.encode())
    assert found.line == 2 and found.column == text.split("\n")[1].index(tag, 3 if not anchored else 6) + 1, (text, found)
    assert f"unsupported tag '{tag}'" in found.message and "the checker reads untagged YAML 1.2 only" in found.message


@pytest.mark.parametrize(("tag", "advice"), [("!!bool yes", "write true or false"), ("!!str 12", "in quotes"),
                                             ("!!int '1'", "write the number itself"), ("!!timestamp 2025-01-01", "YYYY-MM-DD"),
                                             ("!secret x", "only plain data")])
def test_a_refused_tag_says_what_to_write_instead(tag, advice):
    assert advice in problem(f"a: {tag}\n".encode()).message


@pytest.mark.parametrize("version", ["1.1", "1.0", "1.3", "2.0"])
def test_a_yaml_version_other_than_1_2_is_refused_at_its_directive(version):
    found = problem(f"# header\n%YAML {version}\n---\na: yes\n".encode())
    assert (found.line, found.column) == (2, 1)
    assert f"'%YAML {version}'" in found.message and "this checker reads YAML 1.2" in found.message


def test_yaml_1_2_directive_is_accepted_and_yes_stays_text():
    assert one("%YAML 1.2\n---\na: yes\nb: on\n").data == {"a": "yes", "b": "on"}


def test_a_directive_after_a_document_end_belongs_to_the_next_document():
    result = load_bytes(b"a: 1\n...\n%YAML 1.1\n---\nb: yes\n---\nc: 3\n", "m.yaml")
    assert [d.data for d in result.documents] == [{"a": 1}, {"c": 3}]
    (found,) = result.problems
    assert (found.line, found.document) == (3, 1) and "'%YAML 1.1'" in found.message


def test_a_tag_directive_is_refused():
    found = problem(b"%TAG ! tag:yaml.org,2002:\n---\na: !bool yes\n")
    assert (found.line, found.column) == (1, 1) and "%TAG directive is not allowed" in found.message


# YAML 1.2 core schema (§10.3.2), and what ruamel's resolver read otherwise
@pytest.mark.parametrize(("plain", "value"), [
    ("null", None), ("Null", None), ("~", None), ("", None), ("true", True), ("TRUE", True), ("False", False),
    ("yes", "yes"), ("on", "on"), ("n", "n"), ("0", 0), ("-17", -17), ("+12", 12), ("007", 7), ("0o17", 15),
    ("0x1F", 31), ("1_000", "1_000"), ("0x_1F", "0x_1F"), ("0b101", "0b101"), ("-0o7", "-0o7"), ("1.5", 1.5),
    ("1.", 1.0), (".5", 0.5), ("-.5e-3", -0.0005), ("1e3", 1000.0), ("=", "="), ("<<", "<<"), ("1:30", "1:30"),
    ("2025-01-01", "2025-01-01"), ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
])
def test_plain_scalars_resolve_as_the_yaml_1_2_core_schema_says(plain, value):
    data = one(f"a: {plain}\n").data
    assert data == {"a": value} and type(data["a"]) is type(value)


@PROPERTIES
@given(number=st.integers(-(2**63), 2**63 - 1))
def test_every_64_bit_integer_is_read_exactly(number):
    assert one(f"a: {number}\n").data == {"a": number}
    assert _CORE.fullmatch(str(number)).lastgroup == "int"


@pytest.mark.parametrize(("encoding", "mark", "name"), [
    ("utf-16-le", b"\xff\xfe", "UTF-16 (little-endian)"), ("utf-16-be", b"\xfe\xff", "UTF-16 (big-endian)"),
    ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"), ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
])
@PROPERTIES
@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30), with_mark=st.booleans())
def test_utf_16_and_32_are_named_with_or_without_their_mark(encoding, mark, name, text, with_mark):
    # without a mark the first character tells the encoding (YAML 1.2 §5.2): a YAML file begins with ASCII
    data = (mark if with_mark else b"") + f"a: {text}\n".encode(encoding)
    found = problem(data)
    assert (found.line, found.column, found.message) == (1, 1, f"file is {name} encoded; save it as UTF-8")


@pytest.mark.parametrize("data", [b"\x00\x01binary", b"a\x00\x01\x00", b"\x00\x00\x00\x00", b"PK\x03\x04\x00\x00"])
def test_binary_that_only_starts_like_utf_16_stays_binary(data):
    assert "binary file" in problem(data).message


def test_merged_entries_never_replace_the_mapping_own_and_findings_stand_where_the_value_counts():
    doc = one("base: &b {x: 1, y: 2, z: {q: 1}}\nm:\n  <<: *b\n  y: 3\n  z: {r: 2}\n")
    assert doc.data["m"] == {"y": 3, "z": {"r": 2}, "x": 1}
    assert doc.spans[("m", "y")][:2] == (4, 6) and doc.spans[("m", "z")][:2] == (5, 6)
    assert ("m", "z", "q") not in doc.spans and doc.spans[("m", "x")][:2] == (1, 14)


def test_merge_sources_count_in_order_and_merges_within_them_too():
    doc = one("a: &a {x: 1, <<: {x: 9, z: 3}}\nb: &b {x: 2, y: 2, z: 4}\nm: {<<: [*a, *b]}\n")
    assert doc.data["m"] == {"x": 1, "z": 3, "y": 2}


@pytest.mark.parametrize(("data", "fragment", "line"), [
    (b"a: &x {<<: *x}\n", "recursive alias: a mapping merges itself", 1),  # was a RecursionError
    (b"a: &x {b: {<<: *x}}\n", "recursive alias", 1),
    (b"b: &b {x: 1}\nc: &c {x: 2}\na:\n  <<: *b\n  <<: *c\n", "duplicate key '<<' (first at line 4)", 5),
    (b"a: {x: 1}\nb: {<<: {x: 1, x: 2}}\n", "duplicate key 'x'", 2),
    (b"a: &x 1\n---\nb: *x\n", "found undefined alias", 3),
])
def test_merge_and_alias_misuse_is_a_located_problem(data, fragment, line):
    result = load_bytes(data, "d.yaml")
    found = result.problems[0]
    assert fragment in found.message and found.line == line


def test_a_chain_of_merges_is_bounded_by_the_depth_limit():
    chain = "a0: &a0 {x: 1}\n" + "".join(f"a{i}: &a{i} {{<<: *a{i - 1}}}\n" for i in range(1, 2000))
    assert "nesting deeper than 64 levels" in problem(chain.encode()).message
