"""The loader's JSON path (checker/loader.py _json_document) on its own: what it must leave to the other paths it
refuses (returns None), what it takes it reads exactly as the diagnostic path does (data, every span and key
position, in the same order), its limits are counted as the diagnostic path counts them, and its table of gaps
stays bounded whatever the input. tests/test_fast_paths.py compares the three paths on whole corpora."""

from __future__ import annotations

import json

import pytest

from checker import loader
from checker.loader import DEFAULT_LIMITS, Limits, _Budget, _json_document, load_bytes
from tests.conftest import all_findings, check_json
from tests.descriptor_gen import descriptors
from tests.test_fast_paths import _placeholders, _same_load


def _json(text: str, limits: Limits = DEFAULT_LIMITS, offset: int = 0) -> loader.Document | None:
    return _json_document(text, "t.json", 0, offset, _Budget(limits))


def _as_diagnostic(text: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """The JSON path takes the document, and gives the diagnostic path's data, spans and keys, in the same order."""
    fast = _json(text, limits)
    assert fast is not None, "the JSON path left a plain document to the others"
    slow = load_bytes(text.encode(), "t.json", limits, fast=False)
    assert not slow.problems and len(slow.documents) == 1
    other = slow.documents[0]
    assert fast.data == other.data
    assert list(fast.spans.items()) == list(other.spans.items())
    assert list(fast.keys.items()) == list(other.keys.items())


# each a JSON object that json.loads reads, that the JSON path must not take: the others refuse it, or read it
# otherwise, or only they may say whether it is within the limits
REFUSED = {
    "duplicate key": '{"a": 1, "a": 2}',
    "duplicate key, nested": '{"a": {"b": 1, "b": 2}}',
    "duplicate key, a mapping then a number": '{"a": {"x": 1}, "a": 2}',
    "duplicate key, a number then a list": '{"a": 1, "b": 2, "a": [1, 2]}',
    "duplicate key, empty collections": '{"a": [], "b": {}, "a": {}}',
    "duplicate key in a list's mapping": '{"l": [{"k": 1}, {"k": 1, "k": [1]}]}',
    "duplicate key, one spelled with an escape": '{"a": 1, "\\u0061": 2}',
    "duplicate key, the last of many": '{' + ", ".join(f'"k{i}": {i}' for i in range(300)) + ', "k0": 0}',
    "control character escaped in a value": '{"a": "\\u0007"}',
    "control character escaped in a key": '{"a\\u001b": 1}',
    "line break escaped in a key": '{"a\\n": 1}',
    "tab escaped in a key": '{"a\\t": 1}',
    "carriage return escaped in a value": '{"a": "\\r"}',
    "bidirectional override escaped": '{"a": "x\\u202ey"}',
    "bidirectional isolate escaped in a key": '{"\\u2066": 1}',
    "C1 control escaped": '{"a": "\\u0085"}',
    "lone surrogate escaped": '{"a": "\\udc00"}',
    "lone high surrogate escaped, then a letter": '{"a": "\\ud83dx"}',
    "two high surrogates escaped": '{"a": "\\ud83d\\ud83d"}',
    "low then high surrogate escaped": '{"a": "\\ude00\\ud83d"}',
    "lone surrogate escaped in a key": '{"\\udc00": 1}',
    "integer one past the largest": '{"a": 9223372036854775808}',
    "integer one below the smallest": '{"a": -9223372036854775809}',
    "integer of many digits": '{"a": ' + "9" * 400 + '}',
    "float out of range": '{"a": 1e999}',
    "negative float out of range": '{"a": -1.5E+400}',
    "float of many digits out of range": '{"a": ' + "9" * 400 + '.0}',
    "NaN": '{"a": NaN}',
    "Infinity": '{"a": -Infinity}',
    "key over 1000 characters": '{"' + "k" * 1030 + '": 1}',
    "key and colon 1001 characters apart": '{"' + "k" * 997 + '": 1}',
    "spaces before the colon": '{"a"' + " " * 1000 + ': 1}',
    "key and colon on two lines": '{"a"\n: 1}',
    "key and colon on two lines, more after": '{"a"\n: 1,\n "b": 2}',
    "colon and value on two lines": '{"a":\n 1}',
    "colon and value on two lines, more after": '{"a":\n 1,\n "b": 2}',
    "tab": '{"a":\t1}',
    "carriage return": '{"a": 1}\r\n',
    "line separator in a value": '{"a": "\u2028"}',
    "byte order mark inside": '{"a": "\ufeff"}',
    "a list at the top": '[1, 2]',
    "a string at the top": '"x"',
}


@pytest.mark.parametrize("name", REFUSED)
def test_the_json_path_leaves_what_the_others_must_decide_to_them(name):
    text = REFUSED[name]
    json.loads(text, parse_constant=float)  # JSON all the same: only the JSON path's own checks refuse it
    assert _json(text) is None
    _same_load(text.encode(), "t.json")  # and the path that does read it reads it as the diagnostic path


# plain JSON written in every way the JSON path takes, at the edges of what it takes
TAKEN = {
    "compact": '{"a":1,"b":[1,2],"c":{"d":null}}',
    "spaced oddly": '{ "a" : 1 , "b" :[ ] , "c":{ } }',
    "comma on the next line": '{"a": 1\n, "b": 2\n ,"c": [1\n,2]}',
    "spaces before a line break": '{"a": 1,   \n "b": [  \n  1  ,  \n 2  ]  \n}  \n',
    "blank lines": '\n\n{\n\n"a":\t'.replace("\t", " ") + '1,\n\n\n"b": [\n\n1]\n\n}\n\n',
    "a long gap": "{" + " " * 100 + '"a": 1,' + "\n" * 70 + '"b": 2' + " \n" * 40 + "}",
    "empty collections": '{"a": {}, "b": [], "c": [[{}]], "d": [{}, []], "e": {"f": {}}}',
    "nested lists": '{"a": [[1, [2, [3, []]]], [], [[[]]]]}',
    "literals": '{"a": true, "b": false, "c": null, "d": [true, false, null]}',
    "integers at the limits": '{"a": -9223372036854775808, "b": 9223372036854775807, "c": -0, "d": 0}',
    "integers of 18 and 19 digits": '{"a": 999999999999999999, "b": 1000000000000000000, "c": -999999999999999999}',
    "floats": '{"a": 1E3, "b": 1.5e-3, "c": -1.5E+2, "d": 0.1, "e": 1e308, "f": 2.5e-320, "g": 123456789012345678901.5}',
    "escapes": '{"a": "x\\/y", "b": "\\t\\n\\u00e9\\\\ \\"q\\"", "c\\"d": "\\u00e9\\/", "\\u00e9": "\\u0041"}',
    "escaped quote at the end of a key": '{"a\\"": 1, "b\\\\": 2}',
    "unicode": '{"a": "é😀日本", "😀": {"ü": ["日本", 1]}, "": ""}',
    "text that looks like YAML": '{"x": "#c", "y": "a: b", "z": "- a", "w": "---", "v": "&a *b !c", "u": "%YAML", "t": "<<"}',
    "merge key as a key": '{"<<": {"b": 1}}',
    "key and colon 1000 characters apart": '{"' + "k" * 996 + '": 1}',
    "a long value": '{"a": "' + "x" * 5000 + '"}',
    "one member per line": json.dumps({"a": {"b": [1, "x", {"c": True}], "d": {}}, "e": []}, indent=1),
    "indented by four": json.dumps({"a": {"b": [1, "x", {"c": None}]}}, indent=4),
}


@pytest.mark.parametrize("name", TAKEN)
def test_the_json_path_takes_plain_json_and_reads_it_as_the_diagnostic_path(name):
    _as_diagnostic(TAKEN[name])


def test_the_json_path_places_a_document_after_the_lines_before_it():
    text = '{"a": [1,\n 2],\n "b": {"c": "x"}}'
    at_start, further = _json(text), _json(text, offset=7)
    assert at_start is not None and further is not None
    assert further.spans == {path: (line + 7, column, end_line + 7, end_column)
                             for path, (line, column, end_line, end_column) in at_start.spans.items()}
    assert further.keys == {path: (line + 7, column) for path, (line, column) in at_start.keys.items()}
    assert at_start.spans[("b",)] == (3, 7, 3, 17) and at_start.keys[("b", "c")] == (3, 8)
    assert at_start.spans[("a", 1)] == (2, 2, 2, 3) and at_start.spans[()] == (1, 1, 3, 18)


def test_the_json_path_takes_exactly_as_deep_and_as_many_values_as_the_limits_allow():
    deep = '{"a": {"b": {"c": [1]}}}'  # four collections open at once
    assert _json(deep, Limits(max_depth=4)) is not None and _json(deep, Limits(max_depth=3)) is None
    many = '{"a": [1, 2], "b": {"c": 3}}'  # six values and three keys
    assert _json(many, Limits(max_nodes=9)) is not None and _json(many, Limits(max_nodes=8)) is None
    for limits in [Limits(max_depth=n) for n in range(1, 6)] + [Limits(max_nodes=n) for n in range(5, 12)]:
        _same_load(deep.encode(), "t.json", limits)
        _same_load(many.encode(), "t.json", limits)


def test_the_json_path_counts_the_values_of_the_files_earlier_documents():
    budget = _Budget(Limits(max_nodes=20))
    first = _json_document('{"a": [1, 2]}', "t.json", 0, 0, budget)  # four values (and one key)
    assert first is not None and budget.nodes == 4
    items = ", ".join(["1"] * 14)
    assert _json_document('{"b": [' + items + ']}', "t.json", 1, 2, budget) is None  # 4 + 16 values + 1 key
    assert budget.nodes == 4  # a document refused counts nothing: the event or diagnostic path counts it again
    items = ", ".join(["1"] * 13)
    assert _json_document('{"b": [' + items + ']}', "t.json", 1, 2, budget) is not None  # 4 + 15 values + 1 key
    assert budget.nodes == 19


def test_the_json_paths_table_of_gaps_stays_small_whatever_the_input():
    loader._JSON_GAPS.clear()
    members = ",".join(f'"k{i}": {i}' + " " * i + "\n" * (i % 3) for i in range(3000))
    document = _json("{" + members + "}")
    assert document is not None and len(document.keys) == 3000
    assert 0 < len(loader._JSON_GAPS) <= 4096 and max(map(len, loader._JSON_GAPS)) <= 64
    for gap, (breaks, width) in loader._JSON_GAPS.items():
        assert breaks == gap.count("\n") and width == (len(gap) - 1 - gap.rindex("\n") if breaks else len(gap))
    _same_load(("{" + members + "}").encode(), "t.json")


@pytest.mark.parametrize("spelling", [{}, {"indent": 1}, {"indent": 2}, {"indent": 4}, {"separators": (",", ":")},
                                      {"separators": (" , ", " : ")}])
def test_the_json_path_reads_generated_descriptors_as_the_diagnostic_path(spelling):
    for document in descriptors(40, seed=20261204):
        _as_diagnostic(json.dumps(document, ensure_ascii=False, **spelling))
        # escaped, an astral character is a surrogate pair, which only the JSON path reads (_same_load)
        _same_load(json.dumps(document, **spelling).encode(), "t.json")


@pytest.mark.parametrize("text", ['{"a": "\\ud83d\\ude00"}', '{"\\uD83D\\uDE00": ["x\\ud83c\\udf0dy", 1]}',
                                  '{"a": {"b": "\\u00e9\\ud83d\\ude00\\u00e9"},\n "c": 2}'])
def test_the_json_path_reads_an_escaped_surrogate_pair_as_its_character(text):
    """RFC 8259 section 7 writes a character outside the BMP as a surrogate pair (Python's json.dumps does so by
    default); the YAML parser refuses the pair, the JSON path reads the character, at the places the text has."""
    document = _json(text)
    assert document is not None and document.data == json.loads(text)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in json.dumps(document.data, ensure_ascii=False))
    plain = _json(_placeholders(text))
    assert plain is not None and list(document.spans.values()) == list(plain.spans.values())
    assert list(document.keys.values()) == list(plain.keys.values())
    _same_load(text.encode(), "t.json")


def test_a_descriptor_json_dumps_wrote_with_an_astral_character_is_checked(tmp_path):
    """End to end: json.dumps's default output (ensure_ascii) of a service named with an emoji is read and checked
    exactly as the same descriptor written with the character itself; a lone surrogate escape is still refused,
    located at its line, and fails the run."""
    descriptor = descriptors(1, seed=20261204)[0]
    descriptor["service"]["name"] = "Dienst \U0001F600"
    config = "organisation: {name: Ministerie van Testzaken, type: ministerie, cloud_policy_ref: CB-2025}\n"

    def run(text):
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        (folder / ".cloudbeleid.yaml").write_text(config, encoding="utf-8")
        (folder / "dienst.cloud.json").write_text(text, encoding="utf-8")
        code, report = check_json(".", cwd=folder)
        return code, all_findings(report)

    escaped = json.dumps(descriptor, indent=2)
    assert "\\ud83d\\ude00" in escaped
    code, findings = run(escaped)
    raw_code, raw_findings = run(json.dumps(descriptor, indent=2, ensure_ascii=False))
    assert code == raw_code and code in (0, 1) and findings
    assert not [f for f in findings if f["rule_id"].startswith("INPUT")]
    place = lambda f: (f["rule_id"], f["status"], f["location"]["line"], f["location"]["column"], f["location"]["end_column"])  # noqa: E731
    assert sorted(map(place, findings)) == sorted(map(place, raw_findings))
    code, findings = run(escaped.replace("\\ude00", "x"))
    line = next(n for n, text in enumerate(escaped.splitlines(), 1) if "\\ud83d" in text)
    assert code == 2 and [(f["rule_id"], f["location"]["line"]) for f in findings if f["rule_id"].startswith("INPUT")] == [("INPUT-YAML", line)]
