"""The message catalogues (checker/locale/*.json, checker/i18n.py): one per language, the same messages in each."""

from __future__ import annotations

import re
import string

import pytest

from checker import i18n
from tests.reports import with_run_facts


def _placeholders(message) -> list[set[str]]:
    forms = message.values() if isinstance(message, dict) else message if isinstance(message, list) else [message]
    return [{name for _, name, _, _ in string.Formatter().parse(form) if name is not None} for form in forms]


def test_both_catalogues_have_the_same_keys_kinds_and_placeholders():
    nl, en = i18n.catalogue("nl"), i18n.catalogue("en")
    assert set(nl) == set(en), set(nl) ^ set(en)
    for key in nl:
        assert type(nl[key]) is type(en[key]), key
        if isinstance(nl[key], dict):
            assert set(nl[key]) == set(en[key]) == {"one", "other"}, key
        if isinstance(nl[key], list):
            assert len(nl[key]) == len(en[key]), key
        assert _placeholders(nl[key]) == _placeholders(en[key]), key


def test_text_fills_placeholders_and_plural_chooses_the_form():
    assert i18n.text("nl", "run.skipped_file", reason="uitgesloten") == "niet gecontroleerd: uitgesloten"
    assert i18n.plural("nl", "markdown.services", 1) == "1 dienst"
    assert i18n.plural("nl", "markdown.services", 2) == "2 diensten"
    assert i18n.plural("en", "markdown.services", 0) == "0 services"
    assert i18n.text("xx", "dossier.verdict", verdict="x") == "Oordeel: x"  # an unknown language is the default
    with pytest.raises(KeyError, match="no.such.key"):
        i18n.text("en", "no.such.key")


# the error messages' keys: not the views' words (and short English phrases of theirs stand in plotly's JavaScript)
ERROR_KEYS = ("loader.", "yaml.", "schema.", "config.", "discover.", "policies.", "run.unknown_pack", "run.empty_pack",
              "run.no_rules", "baseline.", "waivers.", "input.", "os.", "catalog.", "engine.", "opa.", "vcs.", "infra.",
              "join.", "value.", "file.", "json.")


def _english_only_fragments() -> set[str]:
    """Pieces of the views' English messages (between placeholders) that the Dutch catalogue never says."""
    nl, en = i18n.catalogue("nl"), i18n.catalogue("en")
    dutch = " ".join(str(v) for v in nl.values())
    fragments = set()
    for key, message in en.items():
        if key.startswith(ERROR_KEYS):
            continue
        forms = message.values() if isinstance(message, dict) else message if isinstance(message, list) else [message]
        for form in forms:
            for piece in re.split(r"\{[^}]*\}", form):
                piece = piece.strip(" .:;,()·*[]")
                if len(piece) >= 12 and " " in piece and piece not in dutch:
                    fragments.add(piece)
    return fragments


@pytest.mark.parametrize("fmt", ["text", "sarif", "junit", "github", "gitlab", "markdown", "dossier", "html"])
def test_with_lang_nl_no_english_sentence_of_the_catalogue_reaches_the_user(fmt: str, tmp_path, monkeypatch):
    from checker.reporters import renderer

    monkeypatch.chdir(tmp_path)  # the dossier hashes the report's files; make them exist
    report = with_run_facts("nl")
    for file in report.files:
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / file).write_text("service: {}\n", encoding="utf-8")
    out = renderer(fmt)(report, False)
    out = out if isinstance(out, str) else "".join(out)
    fragments = _english_only_fragments()
    assert len(fragments) > 50  # the check has something to find
    assert not [f for f in fragments if f in out], fmt
    english = renderer(fmt)(with_run_facts("en"), False) if fmt != "dossier" else None
    if english is not None and fmt != "text":
        english = english if isinstance(english, str) else "".join(english)
        assert [f for f in fragments if f in english], fmt  # the same view in English does say them


def test_no_reporter_keeps_a_word_table_of_its_own():
    """Every word comes from the catalogue: no reporter module or template chooses a text by language itself."""
    from pathlib import Path

    import checker.reporters

    folder = Path(checker.reporters.__file__).parent
    sources = [*folder.glob("*.py"), *folder.glob("templates/**/*.html")]
    assert len(sources) > 10
    for source in sources:
        code = source.read_text(encoding="utf-8")
        assert not re.search(r"""["'](nl|en)["']\s*:|lang\s*==\s*["'](nl|en)["']|\bWORDS\b""", code), source.name


# Words an English sentence can hardly do without and a Dutch one never uses. Quoted text (a value from the input,
# a YAML token) and names (paths, field names, option names: words joined by '-', '_', '.' or '/') are left out.
ENGLISH = ("the", "must", "should", "cannot", "expected", "which", "does", "not", "only", "with", "from", "this",
           "that", "and", "or", "found", "missing", "unknown", "invalid", "allowed", "while", "give", "write", "than",
           "no", "an", "be", "are", "has", "have", "holds", "file", "folder", "field", "value", "it", "its", "for", "to")
DUTCH = ("de", "het", "een", "niet", "moet", "geen", "van", "wordt", "ontbreekt", "ongeldig", "ongeldige", "bestand",
         "waarde", "veld", "alleen", "naar", "zijn")
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`")
_WORD = r"(?:(?<=^)|(?<=[\s(:;,]))({words})(?=[\s):;,.?!]|$)"


def _stray_words(output: str, words: tuple[str, ...]) -> list[str]:
    pattern = re.compile(_WORD.format(words="|".join(words)), re.IGNORECASE | re.MULTILINE)
    # a compiler's code frame ('--> file:line:column' and what follows) is the engine's own diagnostic
    lines = [re.sub(r"(?: |^)--> .*", "", line) for line in _QUOTED.sub("''", output).splitlines()]
    return [line for line in lines if pattern.search(line)]


def english_words(output: str) -> list[str]:
    """The lines of output that hold an English function word outside quotes and names."""
    return _stray_words(output, ENGLISH)


def dutch_words(output: str) -> list[str]:
    return _stray_words(output, DUTCH)


def test_the_word_check_can_fail():
    assert english_words("x.yaml:1:1: file holds no document") and not english_words("x.yaml:1:1: bestand is leeg")
    assert not english_words("x.yaml:2:3: veld 'the value' in not-a-file/the_field.yaml ontbreekt")
    assert dutch_words("x.yaml:1:1: het bestand is leeg") and not dutch_words("x.yaml:1:1: file holds no document")


def _message_calls() -> list[tuple[str, int, str | None, str, set[str] | None]]:
    """Every i18n.message(key, ...) call in the package: file, line, the key (None when computed), the constant start
    of a computed key, and the parameters it passes (None with **params)."""
    import ast
    from pathlib import Path

    import checker

    calls = []
    for source in Path(checker.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "message"
                    and node.args):
                continue
            first = node.args[0]
            params = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords if k.arg}
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                calls.append((source.name, node.lineno, first.value, first.value, params))
            elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                calls.append((source.name, node.lineno, None, str(first.values[0].value), params))
            elif isinstance(first, ast.BinOp) and isinstance(first.left, ast.Constant):
                calls.append((source.name, node.lineno, None, str(first.left.value), params))
    return calls


def test_every_message_the_code_asks_for_is_in_both_catalogues_with_its_parameters():
    nl, en = i18n.catalogue("nl"), i18n.catalogue("en")
    calls = _message_calls()
    assert len(calls) > 120  # the loader, schema, configuration, waiver, baseline and policy errors
    for file, line, key, start, params in calls:
        if key is None:  # a key completed at run time: some message has its start
            assert any(k.startswith(start) for k in nl), (file, line, start)
            continue
        assert key in nl and key in en, (file, line, key)
        if params is not None:
            assert _placeholders(nl[key]) == _placeholders(en[key]) == [params], (file, line, key, params)


def test_schema_errors_are_said_in_both_languages_from_the_error_itself():
    from checker.schema import validate

    errors = validate({"schema_version": 2, "id": "Bad Id", "sevice": {}}, "descriptor")
    said = {e.path: e.text for e in errors}
    assert said[("sevice",)].nl == "onbekend veld 'sevice' in het document; bedoelt u 'service'?"
    assert said[("sevice",)].en == "unknown field 'sevice' in the document; did you mean 'service'?"
    assert said[("schema_version",)].nl == "schema_version moet 1 zijn, niet 2"
    assert said[("id",)].nl.startswith("id: 'Bad Id' is geen geldig kenmerk")
    assert "verplicht veld 'service' ontbreekt in het document" in [e.text.nl for e in errors]
    for error in errors:
        assert not english_words(error.text.nl) and not dutch_words(error.text.en), error


@pytest.mark.parametrize(("schema", "instance", "nl", "en"), [
    ({"required": ["naam"]}, {}, "verplicht veld 'naam' ontbreekt in het document", "missing required field 'naam' in the document"),
    ({"properties": {"a": {"enum": ["public", "hybrid"]}}}, {"a": "Public"},
     "'Public' is geen geldige waarde voor a; verwacht een van: public, hybrid; bedoelt u 'public'?",
     "'Public' is not a valid value for a; expected one of: public, hybrid; did you mean 'public'?"),
    ({"properties": {"a": {"type": ["string", "null"]}}}, {"a": 3}, "a moet tekst of null zijn, niet een getal (3)",
     "a must be a string or a null, not a number (3)"),
    ({"properties": {"a": {"pattern": "^[A-Z]{2}$"}}}, {"a": "nl"}, "a: 'nl' past niet bij het patroon ^[A-Z]{2}$",
     "a: 'nl' does not match the pattern ^[A-Z]{2}$"),
    ({"properties": {"a": {"format": "date"}}}, {"a": "2026-02-30"}, "a: '2026-02-30' is geen bestaande kalenderdatum (JJJJ-MM-DD)",
     "a: '2026-02-30' is not a real calendar date (YYYY-MM-DD)"),
    ({"properties": {"status": {}}, "additionalProperties": False}, {"statu": 1},
     "onbekend veld 'statu' in het document; bedoelt u 'status'?", "unknown field 'statu' in the document; did you mean 'status'?"),
    ({"properties": {"a": {"minItems": 1}}}, {"a": []}, "a mag niet leeg zijn", "a must not be empty"),
    ({"properties": {"a": {"minLength": 10}}}, {"a": "kort"}, "a moet ten minste 10 tekens lang zijn",
     "a must be at least 10 characters long"),
    ({"properties": {"a": {"const": 1}}}, {"a": 2}, "a moet 1 zijn, niet 2", "a must be 1, not 2"),
    ({"properties": {"a": {"maximum": 100}}}, {"a": 500}, "a mag ten hoogste 100 zijn, niet 500", "a must be at most 100, not 500"),
    ({"properties": {"a": {"oneOf": [{"type": "array"}, {"type": "object", "required": ["add"]}]}}}, {"a": {}},
     "verplicht veld 'add' ontbreekt in a", "missing required field 'add' in a"),
    ({"properties": {"a": {"uniqueItems": True}}}, {"a": [1, 1]}, "a noemt hetzelfde item meer dan eens",
     "a lists the same item more than once"),
    ({"properties": {"a": {"multipleOf": 5}}}, {"a": 7}, "a voldoet niet aan de schema-eis multipleOf: 5",
     "a does not meet the schema's requirement multipleOf: 5"),
], ids=["required", "enum", "type", "pattern", "format", "additionalProperties", "minItems", "minLength", "const",
        "maximum", "oneOf", "uniqueItems", "other"])
def test_each_validator_kind_has_its_message_in_both_languages(schema, instance, nl, en):
    from jsonschema import Draft202012Validator, FormatChecker

    from checker.schema_messages import explain

    errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(instance))
    assert errors
    said = [item.text for error in errors for item in explain(error, "descriptor")]
    assert [(t.nl, t.en) for t in said] == [(nl, en)]
