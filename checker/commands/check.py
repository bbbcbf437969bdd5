"""`cloudbeleid check` and `cloudbeleid gate`: a run, its views, and the verdict as the exit code."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from checker.commands.options import Flags, Format, Stage, build, targets
from checker.commands.output import colour, say, words, write
from checker.errors import ExitCode
from checker.model import Report
from checker.reporters import COLOURED


def check(flags: Flags, formats: list[Format], outputs: list[str], quiet: bool = False) -> ExitCode:
    from checker.evaluate import check as run_check
    from checker.gate import exit_code
    from checker.reporters import renderer

    pairs = targets(formats or [Format.text], outputs)
    report = run_check(build(flags))
    for name, target in pairs:
        write(_render(name, report, name in COLOURED and target is None and colour(), quiet), target)
        if name == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            # the job summary: the same report as Markdown
            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
                summary.write("".join(renderer("markdown")(report, False)))
    return exit_code(report)


def _render(name: str, report: Report, in_colour: bool, quiet: bool) -> str | Iterable[str]:
    """The format's view; with --quiet, the text forms' quiet view (the machine formats hold everything)."""
    from checker.reporters import renderer

    if quiet and name in ("text", "full", "concise"):
        from checker.reporters import text

        return {"text": text.render_quiet, "full": text.full_quiet, "concise": text.concise_quiet}[name](report, in_colour)
    return renderer(name)(report, in_colour)


def gate(flags: Flags, stage: Stage, dossier: Path, quiet: bool = False) -> ExitCode:
    from checker import dossier as dossiers
    from checker.evaluate import run as run_pipeline
    from checker.gate import exit_code

    result = run_pipeline(build(flags))
    report = result.report
    json_path, markdown_path = dossiers.write(report, stage.value, list(result.configurations), dossier)
    write(_render("text", report, colour(), quiet), None)
    say(words("cli.gate.dossier", markdown=markdown_path, json=json_path))
    return exit_code(report)
