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
              "join.", "value.", "file.")


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
