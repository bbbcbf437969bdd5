"""The rule pages, the diff and the infrastructure readers take their words from the message catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import checker
from checker import i18n

PACKAGE = Path(checker.__file__).parent
# a text chosen by language in the code itself, or an Unknown built from two inline sentences
WORD_TABLE = re.compile(r"""["'](nl|en)["']\s*:\s*[{("'(]|lang(uage)?\s*[!=]=\s*["'](nl|en)["']|\bUnknown\(\s*f?["']""")


@pytest.mark.parametrize("source", ["docs.py", "diff.py", "infra/hcl.py", "infra/plan.py", "infra/facts.py"])
def test_no_word_table_of_its_own(source: str):
    code = (PACKAGE / source).read_text(encoding="utf-8")
    assert not WORD_TABLE.search(code), (source, WORD_TABLE.search(code))


def test_the_word_table_check_can_fail():
    assert WORD_TABLE.search('WORDS = {\n    "nl": {"a": "b"}}')
    assert WORD_TABLE.search('none = "geen" if language == "nl" else "none"')
    assert WORD_TABLE.search('Unknown(f"{key} is decided", f"{key} wordt bepaald")')
    assert not WORD_TABLE.search('"why": {"nl": why.nl, "en": why.en}')  # a report's two-language field is data


def test_the_tables_docs_keeps_come_from_both_catalogues():
    from checker.docs import BASES, SHORT, STAGES, STATUS

    for table, prefix in ((STATUS, "docs.status"), (SHORT, "docs.short"), (BASES, "docs.basis"), (STAGES, "docs.stage")):
        assert set(table) == set(i18n.LANGUAGES)
        assert table["nl"] and set(table["nl"]) == set(table["en"]), prefix
        assert table["nl"] == i18n.group("nl", prefix) and table["nl"] != table["en"]
    assert STATUS["en"]["verified"] == "verified against the primary text [V]"
    assert SHORT["nl"]["secondary"] == "alleen secundair"


def test_an_unknown_value_says_why_in_both_languages():
    from checker.infra.facts import not_known

    said = not_known("at_run", what="var.region")
    assert (said.nl, said.en) == ("var.region wordt pas bepaald als Terraform draait", "var.region is decided when Terraform runs")
