"""The help of every command and option, from the message catalogue in the run's language: `cli.help.<command>`
for a command (`cli.help.app` for the program, `cli.help.baseline.create` for a subcommand), and for an option
`cli.help.<command>.<option>` where its meaning differs per command, else `cli.help.param.<option>`. The Typer
declarations in checker/cli.py carry no help text of their own, so no sentence exists in two places. In the help,
the names of arguments (`cli.help.argument.<name>`) and the placeholders of option values (`cli.help.metavar.*`:
per command and option, per option, else per type) are words of the run's language too.

The help speaks --lang, else the language of the configuration a check of the same command line would read
(help_language): found cheaply, only when help is shown, and a configuration that cannot be read leaves the
default."""

from __future__ import annotations

import copy
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
            for param in command.params:
                _name_placeholders(param, path, words)
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


def _name_placeholders(param: Any, path: list[str], words: dict[str, Any]) -> None:
    """An argument's name and an option's value placeholder in the help, in the run's language."""
    if getattr(param, "is_flag", False) or getattr(param.type, "choices", None):
        return  # a flag takes no value; a choice shows the values themselves, which are what one types
    command = ".".join(path)
    kind = str(getattr(param.type, "name", ""))
    placeholder = next((words[k] for k in (f"cli.help.metavar.{command}.{param.name}", f"cli.help.metavar.param.{param.name}",
                                            f"cli.help.metavar.{kind}") if k in words), None)
    if param.param_type_name == "argument":
        name = words.get(f"cli.help.argument.{command}.{param.name}") or words.get(f"cli.help.argument.{param.name}")
        if name is None:
            return
        param.metavar = name
        # the type column shows the type's name: a copy named in the language (the type may be shared, as str is)
        if placeholder is not None and hasattr(param.type, "name"):
            param.type = copy.copy(param.type)
            param.type.name = placeholder
        # typer's usage line drops the "..." of a repeated argument once it has a metavar; said as without one
        usage = param.make_metavar
        param.get_usage_pieces = lambda ctx: [usage(ctx, usage=True) + ("..." if param.nargs != 1 else "")]
    elif placeholder is not None:
        param.metavar = f"<{placeholder}>" + ("..." if param.nargs != 1 else "")


def _panels(lang: str) -> None:
    """The titles of the help's panels and its marks: rich formats them from these names of typer's (only loaded for
    help)."""
    from typer import rich_utils

    for name, key in (("ARGUMENTS_PANEL_TITLE", "cli.help.panel.arguments"), ("OPTIONS_PANEL_TITLE", "cli.help.panel.options"),
                      ("COMMANDS_PANEL_TITLE", "cli.help.panel.commands"), ("REQUIRED_LONG_STRING", "cli.help.required")):
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, i18n.text(lang, key))
    if hasattr(rich_utils, "DEFAULT_STRING"):
        rich_utils.DEFAULT_STRING = i18n.text(lang, "cli.help.default", value="{}")
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


def help_language(group: Any, argv: list[str]) -> str | None:
    """The language of the help of this command line when it gives no --lang: the `lang` of the configuration a check
    of the same command line would read (--config, else the nearest .cloudbeleid.yaml above its first path, else
    above the working folder), or None. Only read, not validated (help is no check): a configuration that cannot
    be read, or names no language the checker speaks, leaves the default."""
    from pathlib import Path

    try:
        command, rest = group, list(argv)
        while rest and rest[0] in getattr(command, "commands", {}):
            command = command.commands[rest.pop(0)]
        takes_value = {opt for param in command.params if param.param_type_name == "option" and not param.is_flag
                       for opt in param.opts}
        config: str | None = None
        first: str | None = None
        i = 0
        while i < len(rest):
            token = rest[i]
            i += 1
            name, _, attached = token.partition("=") if token.startswith("--") else (token, "", "")
            if name in ("--config", "-c"):
                config = attached or (rest[i] if i < len(rest) else None)
                i += 0 if attached else 1
            elif name in takes_value and not attached:
                i += 1
            elif not token.startswith("-") and first is None:
                first = token
        from checker.config import nearest_config

        if config is not None:
            found: Path | None = Path(config)
        else:
            start = Path(first) if first is not None else Path.cwd()
            found = nearest_config(start if start.is_dir() else start.parent)
        if found is None:
            return None
        from checker.loader import DEFAULT_LIMITS, load_file

        loaded = load_file(found, str(found), limits=DEFAULT_LIMITS)
        data = loaded.documents[0].data if loaded.documents and not loaded.problems else {}
        lang = data.get("lang") if isinstance(data, dict) else None
        return lang if lang in i18n.LANGUAGES else None
    except Exception:  # noqa: BLE001 - help is shown whatever the configuration holds
        return None
