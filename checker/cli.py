"""The command line: only the Typer declarations. Each command hands its options to its module in
checker/commands/, which builds the run's Options (checker/commands/options.py), calls the library and returns
an exit code; the app's group (checker/commands/group.py) runs them through the one error guard
(checker/commands/guard.py). The help texts are in the message catalogue (checker/commands/helptext.py), in the
run's language. The program starts in checker/commands/entry.py, which runs a plain `check` without Typer."""

from __future__ import annotations

from pathlib import Path

import typer

from checker.commands import catalogue, tools
from checker.commands import check as checking
from checker.commands import diff as diffs
from checker.commands import report as reporting
from checker.commands import validate as validating
from checker.commands import waivers as risk
from checker.commands.group import GuardedGroup
from checker.commands.options import Engine, Flags, Format, Lang, Listing, RulesFormat, Stage
from checker.errors import ExitCode
from checker.model import Severity

HELP = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    cls=GuardedGroup,
    name="cloudbeleid",
    add_completion=False,
    no_args_is_help=True,
    context_settings=HELP,
)


def _version(given: bool) -> None:
    if given:
        typer.echo(tools.version_line())
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_version),
) -> None:
    # the program's and every command's help: checker/commands/helptext.py, from the message catalogue
    return None


PathsArgument = typer.Argument(None, show_default=False, readable=False)
ConfigOption = typer.Option(None, "--config", "-c")
LangOption = typer.Option(None, "--lang")
PoliciesOption = typer.Option(None, "--policies")
AsOfOption = typer.Option(None, "--as-of")
QuietOption = typer.Option(False, "--quiet", "-q")
SelectOption = typer.Option(None, "--select")
IgnoreOption = typer.Option(None, "--ignore")


@app.command()
def check(
    paths: list[Path] | None = PathsArgument,
    format: list[Format] | None = typer.Option(None, "--format", "-f"),
    output: list[str] | None = typer.Option(None, "--output", "-o"),
    fail_on: Severity | None = typer.Option(None, "--fail-on"),
    as_of: str | None = AsOfOption,
    lang: Lang | None = LangOption,
    engine: Engine | None = typer.Option(None, "--engine"),
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
    stage: Stage | None = typer.Option(None, "--stage"),
    baseline: Path | None = typer.Option(None, "--baseline"),
    changed_since: str | None = typer.Option(None, "--changed-since"),
    select: list[str] | None = SelectOption,
    ignore: list[str] | None = IgnoreOption,
    quiet: bool = QuietOption,
    opa_url: str | None = typer.Option(None, "--opa-url"),
    opa_path: Path | None = typer.Option(None, "--opa-path", readable=False),
    opa_token_env: str | None = typer.Option(None, "--opa-token-env"),
    opa_ca_bundle: Path | None = typer.Option(None, "--opa-ca-bundle", readable=False),
    opa_timeout: float | None = typer.Option(None, "--opa-timeout"),
    opa_any_revision: bool = typer.Option(False, "--opa-any-revision"),
) -> int:
    return checking.command(paths, format, output, fail_on, as_of, lang, engine, config, policies, stage, baseline,
                            changed_since, select, ignore, quiet, opa_url, opa_path, opa_token_env, opa_ca_bundle,
                            opa_timeout, opa_any_revision)


@app.command()
def validate(
    paths: list[Path] | None = PathsArgument,
    config: Path | None = ConfigOption,
    lang: Lang | None = LangOption,
) -> int:
    return validating.validate(Flags(tuple(paths or ()), config, lang=lang))


@app.command()
def rules(
    pack: list[str] | None = typer.Option(None, "--pack"),
    format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f"),
    lang: Lang | None = LangOption,
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> int:
    return catalogue.rules(Flags(config=config, lang=lang, policies=tuple(policies or ())), list(pack or ()), format)


@app.command()
def explain(
    rule_id: str = typer.Argument(...),
    lang: Lang | None = LangOption,
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> int:
    return catalogue.explain(Flags(config=config, lang=lang, policies=tuple(policies or ())), rule_id)


@app.command()
def docs(
    output: Path = typer.Argument(Path("docs/rules")),
    lang: Lang | None = LangOption,
) -> int:
    return catalogue.docs(Flags(lang=lang), output)


@app.command()
def gate(
    paths: list[Path] | None = PathsArgument,
    stage: Stage = typer.Option(..., "--stage"),
    dossier: Path = typer.Option(Path("cloudbeleid-dossier"), "--dossier"),
    fail_on: Severity | None = typer.Option(None, "--fail-on"),
    as_of: str | None = AsOfOption,
    lang: Lang | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
    select: list[str] | None = SelectOption,
    ignore: list[str] | None = IgnoreOption,
    quiet: bool = QuietOption,
) -> int:
    flags = Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ()), fail_on=fail_on, stage=stage,
                  select=tuple(select or ()), ignore=tuple(ignore or ()))
    return checking.gate(flags, stage, dossier, quiet)


@app.command()
def report(
    paths: list[Path] | None = PathsArgument,
    output: Path = typer.Option(..., "--output", "-o"),
    as_of: str | None = AsOfOption,
    lang: Lang | None = LangOption,
    stage: Stage | None = typer.Option(None, "--stage"),
    fail_on: Severity | None = typer.Option(None, "--fail-on"),
    docs_base: str | None = typer.Option(None, "--docs-base"),
    due_within_days: int = typer.Option(90, "--due-within-days"),
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
    select: list[str] | None = SelectOption,
    ignore: list[str] | None = IgnoreOption,
) -> int:
    flags = Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ()), fail_on=fail_on, stage=stage,
                  select=tuple(select or ()), ignore=tuple(ignore or ()))
    return reporting.report(flags, output, docs_base, due_within_days)


@app.command()
def diff(
    paths: list[Path] | None = PathsArgument,
    from_packs: list[str] = typer.Option(["cb22"], "--from"),
    to_packs: list[str] = typer.Option(["cb26"], "--to"),
    as_of: str | None = AsOfOption,
    format: Listing = typer.Option(Listing.text, "--format", "-f"),
    lang: Lang | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> int:
    return diffs.diff(Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ())), from_packs, to_packs, format)


baseline_app = typer.Typer(no_args_is_help=True, context_settings=HELP)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    paths: list[Path] | None = PathsArgument,
    output: Path = typer.Option(Path(".cloudbeleid-baseline.json"), "--output", "-o"),
    as_of: str | None = AsOfOption,
    lang: Lang | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> int:
    return risk.baseline_create(Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ())), output)


@app.command()
def waivers(
    paths: list[Path] | None = PathsArgument,
    as_of: str | None = AsOfOption,
    format: Listing = typer.Option(Listing.text, "--format", "-f"),
    lang: Lang | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> int:
    return risk.waivers(Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ())), format)


bundle_app = typer.Typer(no_args_is_help=True, context_settings=HELP)
app.add_typer(bundle_app, name="bundle")


@bundle_app.command("build")
def bundle_build(
    output: Path = typer.Option(Path("cloudbeleid-bundle.tar.gz"), "--output", "-o"),
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> int:
    return tools.bundle_build(Flags(config=config, policies=tuple(policies or ())), output)


@app.command()
def version() -> int:
    typer.echo(tools.version_line())
    return ExitCode.OK


@app.command()
def init(
    from_terraform: Path = typer.Option(..., "--from-terraform"),
    output: Path | None = typer.Option(None, "--output", "-o"),
    service_id: str | None = typer.Option(None, "--id"),
    lang: Lang | None = LangOption,
) -> int:
    return tools.init(Flags(lang=lang), from_terraform, output, service_id)


def main() -> None:
    """The program (checker/commands/entry.py: a plain check without Typer, everything else through this app)."""
    from checker.commands.entry import main as entry

    entry()
