"""`cloudbeleid diff`: the comparison of checker/diff.py, as text or JSON."""

from __future__ import annotations

import json

from checker.commands.options import Flags, Listing, build
from checker.commands.output import say, write
from checker.errors import ExitCode


def diff(flags: Flags, from_packs: list[str], to_packs: list[str], format: Listing) -> ExitCode:
    from checker.diff import compare, render_text

    options = build(flags)
    result = compare(options, from_packs, to_packs)
    if format is Listing.json:
        write(json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n", None)
    else:
        for line in render_text(result, options.lang):
            say(line)
    return ExitCode.UNCHECKED if result.unchecked else ExitCode.OK
