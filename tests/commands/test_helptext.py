"""The help in the run's language (checker/commands/helptext.py): argument names and value placeholders from the
catalogue, and the language of the configuration a check would read when no --lang is given."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import i18n
from tests.conftest import write
from tests.inprocess import invoke
from tests.test_i18n import english_words

COMMANDS = [["check"], ["validate"], ["rules"], ["explain"], ["docs"], ["gate"], ["report"], ["diff"], ["waivers"],
            ["baseline", "create"], ["bundle", "build"], ["init"], ["version"], []]


def flat(text: str) -> str:
    """The help's words, without rich's boxes and line breaks."""
    return " ".join(text.replace("│", " ").replace("╭", " ").replace("╰", " ").replace("─", " ").split())


def help_of(command: list[str], *extra: str, cwd: Path | None = None) -> str:
    result = invoke(*command, *extra, "-h", cwd=cwd, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    return result.stdout


ENGLISH_PLACEHOLDERS = re.compile(r"<(str|path|int|integer|float|text|date|file|folder)>|\[(paths|output)\]|\{rule_id\}|"
                                  r"\[required\]|\[default:|\bUsage\b|\[OPTIONS\]|\bArguments\b|\bOptions\b")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "program")
def test_the_dutch_help_names_arguments_and_values_in_dutch(command: list[str], tmp_path: Path):
    dutch = help_of(command, cwd=tmp_path)  # the default, in a folder without a configuration
    assert not ENGLISH_PLACEHOLDERS.search(dutch), ENGLISH_PLACEHOLDERS.search(dutch)
    # nothing an English sentence needs, outside quotes and names (the catalogue test's word check)
    assert english_words(flat(dutch)) == []


def test_the_placeholders_are_the_catalogues(tmp_path: Path):
    check = flat(help_of(["check"], cwd=tmp_path))
    assert "Gebruik: cloudbeleid check [OPTIES] [PADEN]..." in check
    assert "PADEN <pad>" in check and "--as-of <datum>" in check and "--output -o <bestand>" in check
    assert "--select <patroon>" in check and "--opa-timeout <seconden>" in check and "--config -c <pad>" in check
    explain = flat(help_of(["explain"], cwd=tmp_path))
    assert "{REGEL-ID}" in explain and "REGEL-ID <tekst>" in explain and "[verplicht]" in explain
    assert "[standaard: docs/rules]" in flat(help_of(["docs"], cwd=tmp_path))
    english = flat(help_of(["check"], "--lang", "en"))
    assert "Usage: cloudbeleid check [OPTIONS] [PATHS]..." in english
    assert "PATHS <path>" in english and "--as-of <date>" in english and "--select <pattern>" in english
    assert "[default: docs/rules]" in flat(help_of(["docs"], "--lang", "en"))
    assert english_words(english)  # the word check finds English where there is English
    # the choices stay the values one types
    from checker.commands.options import Format

    assert "<" + "|".join(f.value for f in Format) + ">" in check


def test_every_placeholder_key_is_in_both_catalogues():
    nl, en = i18n.catalogue("nl"), i18n.catalogue("en")
    keys = {k for k in nl if k.startswith(("cli.help.metavar.", "cli.help.argument."))}
    assert len(keys) > 20 and keys == {k for k in en if k.startswith(("cli.help.metavar.", "cli.help.argument."))}
    assert all(nl[k] != en[k] for k in ("cli.help.metavar.str", "cli.help.metavar.path", "cli.help.argument.paths"))


@pytest.fixture
def english_repo(tmp_path: Path) -> Path:
    write(tmp_path, ".cloudbeleid.yaml", "lang: en\n")
    (tmp_path / "sub").mkdir()
    return tmp_path


def test_the_help_speaks_the_configurations_language(english_repo: Path, tmp_path_factory: pytest.TempPathFactory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    assert "Usage: cloudbeleid check [OPTIONS] [PATHS]..." in flat(help_of(["check"], cwd=english_repo))
    assert "Usage: cloudbeleid check" in flat(help_of(["check"], cwd=english_repo / "sub"))  # the nearest above
    assert "Usage: cloudbeleid [OPTIONS]" in flat(help_of([], cwd=english_repo))
    # as a check of the same command line would find it: the first path, or --config
    assert "Usage:" in flat(help_of(["check"], str(english_repo / "sub"), cwd=elsewhere))
    assert "Usage:" in flat(help_of(["check"], "--format", "json", str(english_repo), cwd=elsewhere))
    assert "Usage:" in flat(help_of(["validate"], "--config", str(english_repo / ".cloudbeleid.yaml"), cwd=elsewhere))
    assert "Usage:" in flat(help_of(["check"], f"--config={english_repo / '.cloudbeleid.yaml'}", cwd=elsewhere))
    # --lang outranks it, and elsewhere the default holds
    assert "Gebruik: cloudbeleid check [OPTIES]" in flat(help_of(["check"], "--lang", "nl", cwd=english_repo))
    assert "Gebruik: cloudbeleid check [OPTIES]" in flat(help_of(["check"], cwd=elsewhere))


@pytest.mark.parametrize("content", ["lang: [en\n", "lang: fr\n", "- lang: en\n", "lang: en\nlang: en\n", "\x00",
                                     "organisation: {name: x}\nlang: 5\n"])
def test_a_configuration_that_cannot_be_read_leaves_the_help_dutch(content: str, tmp_path: Path):
    (tmp_path / ".cloudbeleid.yaml").write_text(content, encoding="utf-8")
    assert "Gebruik: cloudbeleid check [OPTIES] [PADEN]..." in flat(help_of(["check"], cwd=tmp_path))
    missing = tmp_path / "missing.yaml"
    assert "Gebruik: cloudbeleid check" in flat(help_of(["check"], "--config", str(missing), cwd=tmp_path))


def test_only_the_help_takes_the_configurations_language(english_repo: Path):
    # a usage error comes before any configuration is read: the language of the command line, as before
    result = invoke("check", "--format", "xml", str(english_repo), cwd=english_repo)
    assert result.returncode == 2 and result.stderr.startswith("cloudbeleid: fout: ")
