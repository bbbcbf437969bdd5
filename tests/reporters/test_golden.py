"""Every format and both languages against tests/golden, byte for byte (regenerate: python -m tests.golden --update)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests import golden


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], str]:
    with golden.workspace(tmp_path_factory.mktemp("golden")):
        return {(fmt, lang): golden.render(fmt, lang) for fmt in golden.FORMATS for lang in golden.LANGS}


@pytest.mark.parametrize("lang", golden.LANGS)
@pytest.mark.parametrize("fmt", list(golden.FORMATS))
def test_output_matches_its_golden_file(rendered, fmt: str, lang: str):
    expected_path = golden.path(fmt, lang)
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
    actual = rendered[(fmt, lang)]
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(expected_path), "rendered"))[:60])
        pytest.fail(f"{fmt} ({lang}) differs from its golden file; if intended, run `python -m tests.golden --update` "
                    f"and review `git diff tests/golden`:\n{diff}")


def test_every_golden_file_is_one_the_test_compares():
    """A file for a format or language that no longer exists would go stale unseen."""
    expected = {golden.path(fmt, lang).name for fmt in golden.FORMATS for lang in golden.LANGS}
    present = {p.name for p in Path(golden.HERE).iterdir() if p.suffix != ".py" and p.name != "__pycache__"}
    assert present == expected


def test_normalising_removes_only_the_volatile_parts(rendered):
    html = rendered[("html", "nl")]
    assert "VERSION" in html and "/* plotly */" in html and "<!-- plotly chart-providers -->" in html
    assert "regorus 0.13.0" in rendered[("json", "nl")]  # a version that is the report's own data stays
    assert "file:///WORKDIR/" in rendered[("sarif", "en")]


def test_the_languages_differ_where_words_are_shown(rendered):
    for fmt in golden.FORMATS:
        if fmt not in ("json", "dossier-json"):  # the JSON report carries both languages' texts as data
            assert rendered[(fmt, "nl")] != rendered[(fmt, "en")], fmt
