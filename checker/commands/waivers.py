"""`cloudbeleid waivers` and `cloudbeleid baseline create`: the risk acceptances of a run, and today's failures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from checker.commands.options import Flags, Listing, build
from checker.commands.output import cell, say, words, write
from checker.errors import ExitCode, UsageError


def waivers(flags: Flags, format: Listing) -> ExitCode:
    from checker.evaluate import check
    from checker.i18n import columns, text

    options = build(flags)
    report = check(options)
    lang = options.lang
    if format is Listing.json:
        write(json.dumps(list(report.waivers), ensure_ascii=False, indent=2) + "\n", None)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for column in columns(lang, "cli.waivers.columns"):
            table.add_column(column, overflow="fold")
        for w in report.waivers:
            table.add_row(*map(cell, (w["status"], w["rule"], w["service"], w["decision_ref"], w["risk_owner"], w["approved_by"],
                                      w["granted"], w["expires"], f"{w['file']}:{w['line']}")))
        Console(width=None if sys.stdout.isatty() else 200).print(table)
        for error in report.findings:
            if error.rule_id == "WAIVER-INVALID":
                say(f"{error.location}: {text(lang, 'text.error')} {error.rule_id} {error.message.get(lang)}")
    return ExitCode.UNCHECKED if any(w["status"] == "invalid" for w in report.waivers) else ExitCode.OK


def baseline_create(flags: Flags, output: Path) -> ExitCode:
    from checker import baseline
    from checker.evaluate import check
    from checker.i18n import text

    options = build(flags)
    report = check(options)
    lang = options.lang
    if report.errors:
        for error in report.errors:
            say(f"{error.location}: {text(lang, 'text.error')} {error.rule_id} {error.message.get(lang)}", err=True)
        raise UsageError(words("cli.baseline.errors"))
    data = baseline.create(report)
    write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    left_out = words("cli.baseline.left_out", rules=", ".join(data["left_out"])) if data["left_out"] else ""
    say(words("cli.baseline.wrote", output=output, count=len(data["findings"]), left_out=left_out))
    return ExitCode.OK
