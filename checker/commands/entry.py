"""The program's entry (the console script and `python -m checker`): a plain `cloudbeleid check` is read by a small
parser and run without importing Typer, whose import and building of every command cost about a sixth of a start;
everything else goes through Typer (checker/cli.py) exactly as before: help, every other command, any option this
parser does not take, and anything in the command line that is not plainly right (an unknown option, a value not
among the choices, a missing value, a path that cannot be read), so that every message and exit code stays Typer's
and the guard's. tests/commands/test_entry.py holds the parser to Typer's own reading of the same command lines."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any

# `check`'s options this parser takes: name -> (parameter, kind, repeatable). A kind is "flag", "text", "path"
# (a path Typer checks for readability when it exists), or the name of the enum of its choices. The --opa-*
# options go through Typer (an OPA run takes seconds: its start-up is not the point). The parameters and their
# kinds are checker/cli.py's; a test compares them with the Typer command.
CHECK_OPTIONS: dict[str, tuple[str, str, bool]] = {
    "--format": ("format", "Format", True),
    "-f": ("format", "Format", True),
    "--output": ("output", "text", True),
    "-o": ("output", "text", True),
    "--fail-on": ("fail_on", "Severity", False),
    "--as-of": ("as_of", "text", False),
    "--lang": ("lang", "Lang", False),
    "--engine": ("engine", "Engine", False),
    "--config": ("config", "path", False),
    "-c": ("config", "path", False),
    "--policies": ("policies", "path", True),
    "--stage": ("stage", "Stage", False),
    "--baseline": ("baseline", "path", False),
    "--changed-since": ("changed_since", "text", False),
    "--select": ("select", "text", True),
    "--ignore": ("ignore", "text", True),
    "--quiet": ("quiet", "flag", False),
    "-q": ("quiet", "flag", False),
}

# click's shell completion runs when this variable is set, whatever the command line says
COMPLETION_VARIABLE = "_CLOUDBELEID_COMPLETE"


def plain_check(argv: list[str]) -> dict[str, Any] | None:
    """The parameters of `cloudbeleid check` as Typer would pass them to checker/cli.py's check() (paths, options,
    enums as their members), or None when the command line is anything else or anything Typer might refuse or read
    otherwise: that goes through Typer."""
    if not argv or argv[0] != "check" or COMPLETION_VARIABLE in os.environ:
        return None
    from checker.commands.options import Engine, Format, Lang, Stage
    from checker.model import Severity

    enums: dict[str, type[Enum]] = {"Format": Format, "Severity": Severity, "Lang": Lang, "Engine": Engine, "Stage": Stage}
    values: dict[str, Any] = {}
    paths: list[Path] = []
    rest = argv[1:]
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if not token.startswith("-"):
            if not _plain_path(token, readable=False):
                return None
            paths.append(Path(token))
            continue
        name, attached = token.split("=", 1) if token.startswith("--") and "=" in token else (token, None)
        if name not in CHECK_OPTIONS:
            return None  # "-", "--", -h, --help, an unknown option, short options run together: Typer's
        parameter, kind, repeatable = CHECK_OPTIONS[name]
        if kind == "flag":
            if attached is not None:
                return None
            values[parameter] = True
            continue
        if attached is None:
            if i == len(rest):
                return None
            attached = rest[i]
            i += 1
        if attached == "" or (attached.startswith("-") and attached != "-"):
            return None
        value: Any
        if kind == "text":
            value = attached
        elif kind == "path":
            if not _plain_path(attached, readable=True):
                return None
            value = Path(attached)
        else:
            value = next((member for member in enums[kind] if member.value == attached), None)
            if value is None:
                return None
        if repeatable:
            values.setdefault(parameter, []).append(value)
        else:
            values[parameter] = value  # given twice: the last one, as Typer takes it
    return {"paths": paths or None, **values}


def _plain_path(value: str, readable: bool) -> bool:
    """Whether Typer takes the value as this path without a word (it refuses an unreadable existing one)."""
    if value == "":
        return False
    if not readable:
        return True
    try:
        os.stat(value)
    except OSError:
        return True
    return os.access(value, os.R_OK)


def run(argv: list[str]) -> int:
    """The program on these arguments: its exit code."""
    parameters = plain_check(argv)
    if parameters is None:
        from checker.cli import app

        return int(app(argv, prog_name="cloudbeleid", standalone_mode=False))  # the group's main: the guard
    from checker.commands import check as checking
    from checker.commands.guard import guarded, interrupted, lang_in
    from checker.commands.output import speak

    speak(lang_in(argv))
    return guarded(lambda: interrupted(lambda: checking.command(**parameters)))


def main() -> None:
    if sys.stdout is None:  # started with standard output closed: nothing could be reported
        from checker.commands.guard import lang_in
        from checker.commands.output import speak, words
        from checker.errors import ExitCode

        speak(lang_in(sys.argv[1:]))
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
        if sys.stderr is not None:
            sys.stderr.write(f"cloudbeleid: {words('cli.error')}: {words('cli.cannot_write_stdout', reason=words('cli.closed'))}\n")
        raise SystemExit(int(ExitCode.UNCHECKED))
    try:
        code = run(sys.argv[1:])
    finally:
        # a report that could not be written (a closed pipe, a full disk) was said once, by the guard: the
        # interpreter's own flush at exit must not fail a second time
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
    sys.exit(code)
