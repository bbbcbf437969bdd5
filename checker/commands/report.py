"""`cloudbeleid report`: the portfolio view as one HTML file. It exits 0 once the file is written, whatever the
findings: a view for a CIO office is not a gate, unless --fail-on asks it to be one."""

from __future__ import annotations

from pathlib import Path

from checker.commands.options import Flags, build
from checker.commands.output import say, words, write
from checker.errors import ExitCode


def report(flags: Flags, output: Path, docs_base: str | None, due_within_days: int) -> ExitCode:
    from checker import html_report
    from checker.evaluate import run as run_pipeline
    from checker.gate import exit_code

    options = build(flags)
    html_report.docs_base_link(docs_base)  # a bad option stops before the runs, not after them
    ran = run_pipeline(options, keep_services=True)
    result = ran.report
    # the deadlines due soon are what the rules report at the reference date plus the window
    ahead = html_report.look_ahead(options, due_within_days)
    html = html_report.render(result, options.lang, html_report.load_descriptors(ran, flags.config),
                              docs_base=docs_base, due_within_days=due_within_days, ahead=ahead)
    write(html, output)
    say(words("cli.report.wrote", output=output, services=len(result.services), files=len(result.files)))
    if flags.fail_on is not None:
        return exit_code(result)
    # input that could not be checked is still no pass: the view shows it, and the exit says it
    return ExitCode.UNCHECKED if result.errors else ExitCode.OK
