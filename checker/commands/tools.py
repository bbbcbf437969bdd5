"""`cloudbeleid bundle build`, `init --from-terraform` and `version`: the commands around a check."""

from __future__ import annotations

import sys
from pathlib import Path

from checker.commands.options import Flags, build
from checker.commands.output import say, words, write
from checker.errors import ExitCode, UsageError


def bundle_build(flags: Flags, output: Path) -> ExitCode:
    from checker.bundle import build as build_bundle
    from checker.policies import load_bundle, policy_roots

    options = build(flags, engine=False)
    written = build_bundle(output, load_bundle(policy_roots(options.policies)))
    say(words("cli.bundle.wrote", output=output, revision=written["revision"], roots=", ".join(written["roots"])))
    return ExitCode.OK


def init(flags: Flags, from_terraform: Path, output: Path | None, service_id: str | None) -> ExitCode:
    from checker.infra.draft import draft

    build(flags, engine=False)
    if output is not None and output.exists():
        raise UsageError(words("cli.init.exists", output=output))
    text = draft(from_terraform, output.parent if output is not None else Path.cwd(), service_id)
    if output is None:
        write(text, None)
        return ExitCode.OK
    output.write_text(text, encoding="utf-8")
    say(words("cli.init.wrote", output=output))
    return ExitCode.OK


def version_line() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    from checker import __version__

    try:
        regorus = dist_version("gordon-to-regorus")
    except PackageNotFoundError:
        regorus = words("cli.not_installed")
    return words("cli.version", version=__version__, regorus=regorus, python=sys.version.split()[0])
