"""The help of every command and option, from the message catalogue in the run's language: `cli.help.<command>`
for a command (`cli.help.app` for the program, `cli.help.baseline.create` for a subcommand), and for an option
`cli.help.<command>.<option>` where its meaning differs per command, else `cli.help.param.<option>`. The Typer
declarations in checker/cli.py carry no help text of their own, so no sentence exists in two places."""

from __future__ import annotations

from typing import Any

import typer

from checker import i18n


def translate(group: Any, lang: str, help_names: list[str], showing_help: bool) -> None:
    words = i18n.catalogue(lang)

    def walk(command: Any, path: list[str]) -> None:
        key = ".".join(path) or "app"
        if f"cli.help.{key}" in words:
            command.help = words[f"cli.help.{key}"]
            command.short_help = None
        for param in command.params:
            entry = next((k for k in (f"cli.help.{key}.{param.name}", f"cli.help.param.{param.name}") if k in words), None)
            if entry is not None:
                param.help = words[entry]
        if showing_help:
            command.options_metavar = words["cli.help.options_metavar"]
            if hasattr(command, "subcommand_metavar"):
                command.subcommand_metavar = words["cli.help.subcommand_metavar"]
            option = command.get_help_option(typer.Context(command, help_option_names=help_names))
            if option is not None:
                option.help = words["cli.help.param.help"]
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(group, [])
    if showing_help:
        _panels(lang)


def _panels(lang: str) -> None:
    """The titles of the help's panels: rich formats them from these names of typer's (only loaded for help)."""
    from typer import rich_utils

    for name, key in (("ARGUMENTS_PANEL_TITLE", "cli.help.panel.arguments"), ("OPTIONS_PANEL_TITLE", "cli.help.panel.options"),
                      ("COMMANDS_PANEL_TITLE", "cli.help.panel.commands")):
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, i18n.text(lang, key))
    _usage_prefix(i18n.text(lang, "cli.help.usage"))


def _usage_prefix(word: str) -> None:
    """The usage line's "Usage: ": typer's click writes it unless told otherwise, so the help's formatter is told."""
    import importlib

    formatting: Any
    try:
        formatting = importlib.import_module("typer._click.formatting")
    except ImportError:  # a typer that uses click itself: the same class, the same method
        formatting = importlib.import_module("click.formatting")

    original = formatting.HelpFormatter.write_usage
    if getattr(original, "translated", False):
        original = original.__wrapped__

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, word if prefix is None else prefix)

    write_usage.translated = True  # type: ignore[attr-defined]
    write_usage.__wrapped__ = original  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage
