"""The app's Typer group: its main() runs every command through the guard (checker/commands/guard.py), for the
console script and for CliRunner alike, with the help in the run's language (checker/commands/helptext.py)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from typer.core import TyperGroup

from checker.commands.guard import guarded, interrupted, lang_in
from checker.commands.helptext import help_language, translate
from checker.commands.output import lang, speak


class GuardedGroup(TyperGroup):
    """The app's group: its main() is the guard, for the console script and for CliRunner alike."""

    def invoke(self, ctx: Any) -> Any:
        return interrupted(lambda: super(GuardedGroup, self).invoke(ctx))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        given = lang_in(argv)
        names = list(self.context_settings.get("help_option_names", ["--help"]))
        group = self.commands.get(argv[0]) if len(argv) == 1 else None
        showing_help = not argv or any(a in names for a in argv) or hasattr(group, "commands")
        # the help speaks --lang, else the configuration's language (a run decides its own in options.build)
        speak(given if given is not None or not showing_help else help_language(self, argv))
        translate(self, lang(), names, showing_help)
        code = guarded(lambda: super(GuardedGroup, self).main(argv, prog_name, complete_var, False, windows_expand_args, **extra))
        if standalone_mode:
            sys.exit(code)
        return code
