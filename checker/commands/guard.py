"""The one error guard of every command (pre-commit's error_handler): every expected error becomes one line in the
run's language with its file and line where known, and its exit code; anything else exit 3 with a short message,
a traceback only with CLOUDBELEID_DEBUG set. Typer's own usage errors (a missing argument, an unknown option, a
value not among the choices) are said again from the message catalogue, so `--lang nl` hears no English.

Typer-free: a plain `check` (checker/commands/entry.py) runs through the same guard without importing Typer; the
app's group (checker/commands/group.py) runs Typer's commands through it. Typer's exceptions are recognised only
when Typer is loaded: a run that never imported it cannot have raised them."""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Callable
from typing import Any

from checker.commands.output import say, words
from checker.errors import CheckerError, ExitCode, UsageError


class _Interrupted(CheckerError):
    exit_code = ExitCode.ENGINE  # an interrupted check checked nothing for sure: never a pass


def interrupted(action: Callable[[], Any]) -> Any:
    """Run a command: Ctrl-C and a reader that went away become the guard's errors (Typer would turn them into
    exits of its own, 130 and 1, before the guard could say what happened)."""
    try:
        return action()
    except KeyboardInterrupt:
        forget_interrupt()
        raise _Interrupted(words("cli.interrupted")) from None
    except BrokenPipeError:  # the reader went away: what it did not read was not reported
        raise UsageError(words("cli.cannot_write_stdout", reason=words("cli.os.EPIPE"))) from None


def forget_interrupt() -> None:
    """Say that the interrupt just caught was handled. An interrupt that leaves code compiled from a string (the
    methods a namedtuple or dataclass makes with eval or exec while a module is imported: under load a Ctrl-C or a
    SIGTERM turned into one lands there) marks the interpreter as ended by Ctrl-C, and `python -m checker` then kills
    itself with SIGINT at exit, whatever the run caught and returned (CPython's unhandled-KeyboardInterrupt flag,
    set as such code is left, cleared as the next string is run): the checker's own exit code, 3, would be lost."""
    exec("None")  # noqa: S102 - a constant string: clears the flag


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
    except Exception as exc:
        typer: Any = sys.modules.get("typer")  # only a run that loaded Typer can have raised its exceptions
        if typer is not None:
            if isinstance(exc, typer.Exit):
                return int(exc.exit_code)
            if isinstance(exc, typer.Abort):
                forget_interrupt()
                return _fail(words("cli.interrupted"), ExitCode.ENGINE)
            if isinstance(exc, _usage_error(typer)):
                return _usage(exc)
        if os.environ.get("CLOUDBELEID_DEBUG"):
            raise
        # an internal fault must still fail the run, not pass it
        return _fail(words("cli.internal", kind=type(exc).__name__, detail=exc), ExitCode.ENGINE)
    return int(result or 0)


def _usage_error(typer: Any) -> Any:
    """Typer's usage errors, found through its public BadParameter so that no private module is imported."""
    return typer.BadParameter.__mro__[1]


def _fail(message: str, code: int) -> int:
    say(f"cloudbeleid: {message}", err=True)
    return int(code)


def _usage(exc: Any) -> int:
    kind = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    if kind == "NoArgsIsHelpError":  # no arguments: the help, as Typer shows it
        import typer

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
    import typer

    if isinstance(exc, typer.BadParameter):
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
