"""The one error guard around the app (pre-commit's error_handler): every expected error becomes one line in the
run's language with its file and line where known, and its exit code; anything else exit 3 with a short message,
a traceback only with CLOUDBELEID_DEBUG set. Typer's own usage errors (a missing argument, an unknown option, a
value not among the choices) are said again from the message catalogue, so `--lang nl` hears no English."""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from checker.commands.helptext import translate
from checker.commands.output import lang, say, speak, words
from checker.errors import CheckerError, ExitCode, UsageError

# Typer's usage errors, found through its public BadParameter so that no private module is imported
_BAD_PARAMETER: type[Exception] = typer.BadParameter
_USAGE_ERROR: type[Exception] = typer.BadParameter.__mro__[1]


class _Interrupted(CheckerError):
    exit_code = ExitCode.ENGINE  # an interrupted check checked nothing for sure: never a pass


class GuardedGroup(TyperGroup):
    """The app's group: its main() is the guard, for the console script and for CliRunner alike."""

    def invoke(self, ctx: Any) -> Any:
        # Typer turns these into exits of its own (130, 1) before the guard could say what happened
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _Interrupted(words("cli.interrupted")) from None
        except BrokenPipeError:  # the reader went away: what it did not read was not reported
            raise UsageError(words("cli.cannot_write_stdout", reason=words("cli.os.EPIPE"))) from None

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        speak(lang_in(argv))
        names = list(self.context_settings.get("help_option_names", ["--help"]))
        group = self.commands.get(argv[0]) if len(argv) == 1 else None
        translate(self, lang(), names, not argv or any(a in names for a in argv) or hasattr(group, "commands"))
        code = guarded(lambda: super(GuardedGroup, self).main(argv, prog_name, complete_var, False, windows_expand_args, **extra))
        if standalone_mode:
            sys.exit(code)
        return code


def lang_in(argv: list[str]) -> str | None:
    """--lang as the command line gives it, for the errors that come before the options are read."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def guarded(action: Callable[[], Any]) -> int:
    """Run the app; its result, or the exit code of what went wrong, with one line on standard error."""
    try:
        result = action()
    except CheckerError as exc:
        return _fail(words("cli.interrupted") if isinstance(exc, _Interrupted) else f"{words('cli.error')}: {exc}", exc.exit_code)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        return _fail(words("cli.interrupted"), ExitCode.ENGINE)
    except _USAGE_ERROR as exc:
        return _usage(exc)
    except Exception as exc:  # an internal fault must still fail the run, not pass it
        if os.environ.get("CLOUDBELEID_DEBUG"):
            raise
        return _fail(words("cli.internal", kind=type(exc).__name__, detail=exc), ExitCode.ENGINE)
    return int(result or 0)


def _fail(message: str, code: int) -> int:
    say(f"cloudbeleid: {message}", err=True)
    return int(code)


def _usage(exc: Any) -> int:
    kind = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    if kind == "NoArgsIsHelpError":  # no arguments: the help, as Typer shows it
        typer.echo(exc.format_message(), err=True)
        return int(ExitCode.UNCHECKED)
    hint = f" ({words('cli.help_hint', command=ctx.command_path)})" if ctx is not None else ""
    return _fail(f"{words('cli.error')}: {usage_message(exc)}{hint}", ExitCode.UNCHECKED)


def usage_message(exc: Any) -> str:
    """What a usage error of Typer says, from the catalogue; its own English only where no entry exists."""
    kind, message = type(exc).__name__, str(getattr(exc, "message", "") or "")
    param = getattr(exc, "param", None)
    name = _hint(exc)
    if kind == "NoSuchOption":
        found = words("cli.usage.no_such_option", option=exc.option_name)
        options = sorted(exc.possibilities or ())
        return found + (f"; {words('cli.usage.did_you_mean', options=', '.join(options))}" if options else "")
    if kind == "MissingParameter":
        key = "cli.usage.missing_argument" if getattr(param, "param_type_name", "") == "argument" else "cli.usage.missing_option"
        return words(key, name=name)
    if kind == "BadOptionUsage":
        option = getattr(exc, "option_name", "?")
        return words("cli.usage.needs_value" if "requires an argument" in message else "cli.usage.no_value", option=option)
    if kind == "BadArgumentUsage" or message.startswith("Got unexpected extra argument"):
        extra = re.search(r"\(([^()]*)\)\.?$", message)
        return words("cli.usage.extra_argument", args=extra.group(1) if extra else message)
    command = re.fullmatch(r"No such command '(.*)'\.?", message)
    if command:
        return words("cli.usage.no_such_command", command=repr(command.group(1)))
    if isinstance(exc, _BAD_PARAMETER):
        given = _given(message)
        choices = getattr(getattr(param, "type", None), "choices", None)
        if choices and given is not None:
            shown = ", ".join(str(getattr(c, "value", c)) for c in choices)
            return words("cli.usage.choice", option=name, value=repr(given), choices=shown)
        return words("cli.usage.invalid_value", option=name, value=repr(given) if given is not None else message)
    return words("cli.usage.invalid", detail=message)


def _hint(exc: Any) -> str:
    param = getattr(exc, "param", None)
    if param is None:
        return "?"
    opts = getattr(param, "opts", None)
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.human_readable_name).upper()  # as the help names it
    return str(opts[0]) if opts else str(param.human_readable_name)


def _given(message: str) -> str | None:
    """The value a conversion error quotes first (Typer writes it as a Python repr)."""
    match = re.match(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""", message)
    if not match:
        return None
    try:
        return str(ast.literal_eval(match.group(1)))
    except (ValueError, SyntaxError):
        return None
