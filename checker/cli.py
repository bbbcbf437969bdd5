"""The command line: only the Typer declarations. Each command hands its options to its module in
checker/commands/, which builds the run's Options (checker/commands/options.py), calls the library and returns
an exit code; the app's group is the one error guard (checker/commands/guard.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from checker.commands import catalogue, tools
from checker.commands import check as checking
from checker.commands import diff as diffs
from checker.commands import report as reporting
from checker.commands import validate as validating
from checker.commands import waivers as risk
from checker.commands.guard import GuardedGroup
from checker.commands.options import Engine, Flags, Format, Lang, Listing, OpaFlags, RulesFormat, Stage
from checker.errors import ExitCode
from checker.model import Severity

HELP = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    cls=GuardedGroup,
    name="cloudbeleid",
    add_completion=False,
    no_args_is_help=True,
    context_settings=HELP,
    help="Check cloud service descriptors against the Rijksbreed cloudbeleid, the Kaderwet zbo and related law.",
)


def _version(given: bool) -> None:
    if given:
        typer.echo(tools.version_line())
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_version, help="Print the version and exit."),
) -> None:
    """Check cloud service descriptors against the Rijksbreed cloudbeleid, the Kaderwet zbo and related law."""


PathsArgument = typer.Argument(None, help="Descriptor files or folders; default: the configuration's folder, or the repository root.", show_default=False, readable=False)
ConfigOption = typer.Option(None, "--config", "-c", help="Use this .cloudbeleid.yaml for every descriptor, instead of the nearest one above each.")
LangOption = typer.Option(None, "--lang", help="Language of findings and messages: nl (default) or en.")
PoliciesOption = typer.Option(None, "--policies", help="A folder of the organisation's own rules, besides the shipped ones (repeatable; also 'policies' in .cloudbeleid.yaml).")
AsOfOption = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today.")
QuietOption = typer.Option(False, "--quiet", "-q", help="Text output: only the failures that fail the gate, and the verdict.")
SelectOption = typer.Option(None, "--select", help="Report only these rules or packs (ids or pack names, globs: 'CB22-*', avg; repeatable). Gate failures of the others stay.")
IgnoreOption = typer.Option(None, "--ignore", help="Leave these rules or packs out of the report (globs; repeatable); they are listed, and their gate failures stay.")


@app.command()
def check(
    paths: list[Path] | None = PathsArgument,
    format: list[Format] | None = typer.Option(None, "--format", "-f", help="Output format: text (default), json, sarif, junit, github, gitlab, markdown. Repeat for several."),
    output: list[str] | None = typer.Option(None, "--output", "-o", help="File for the format at the same position ('-' for standard output); formats without one go to standard output."),
    fail_on: Severity | None = typer.Option(None, "--fail-on", help=("Lowest severity of a mandatory failing finding that fails the run, for every descriptor "
          "(default: each descriptor's configuration's fail_on, else low).")),
    as_of: str | None = AsOfOption,
    lang: Lang | None = LangOption,
    engine: Engine | None = typer.Option(None, "--engine", help="Rego engine: embedded (regorus, default) or opa (the real OPA)."),
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
    stage: Stage | None = typer.Option(None, "--stage", help="Check every service as if at this stage: procurement, implementation or operation (default: the stage its status implies)."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Leave out the failures this baseline file holds (cloudbeleid baseline create); report only new ones."),
    changed_since: str | None = typer.Option(None, "--changed-since", help=("Report only descriptors changed since this git ref (a branch, tag or commit); "
          "portfolio rules still see and report every service.")),
    select: list[str] | None = SelectOption,
    ignore: list[str] | None = IgnoreOption,
    quiet: bool = QuietOption,
    opa_url: str | None = typer.Option(None, "--opa-url", help=("Query this running OPA server (implies --engine opa; also CLOUDBELEID_OPA_URL). A token goes "
          "over plain http only to 127.0.0.0/8, ::1 or localhost.")),
    opa_path: Path | None = typer.Option(None, "--opa-path", help="The opa binary the checker starts when no --opa-url is given (also CLOUDBELEID_OPA_PATH; default: opa on PATH).", readable=False),
    opa_token_env: str | None = typer.Option(None, "--opa-token-env", help=("Environment variable holding the bearer token for --opa-url (also "
          "CLOUDBELEID_OPA_TOKEN_ENV; default CLOUDBELEID_OPA_TOKEN).")),
    opa_ca_bundle: Path | None = typer.Option(None, "--opa-ca-bundle", help="CA bundle (PEM) to verify the OPA server's TLS certificate (also CLOUDBELEID_OPA_CA_BUNDLE).", readable=False),
    opa_timeout: float | None = typer.Option(None, "--opa-timeout", help="Seconds to wait for OPA, above 0 and at most 3600 (default: the configuration's opa.timeout_seconds, else 30)."),
    opa_any_revision: bool = typer.Option(False, "--opa-any-revision", help=("Accept an OPA whose policy bundle revision differs from this checker's policies, "
          "or that reports none (command line only).")),
) -> int:
    """Check descriptors against the rules; exit 0 compliant, 1 failing findings, 2 not checkable, 3 engine error."""
    opa = OpaFlags(opa_url, str(opa_path) if opa_path else None, opa_token_env, str(opa_ca_bundle) if opa_ca_bundle else None,
                   opa_timeout, opa_any_revision)
    flags = Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ()), engine, opa, fail_on, stage, changed_since,
                  baseline, select=tuple(select or ()), ignore=tuple(ignore or ()))
    return checking.check(flags, list(format or ()), list(output or ()), quiet)


@app.command()
def validate(
    paths: list[Path] | None = PathsArgument,
    config: Path | None = ConfigOption,
    lang: Lang | None = LangOption,
) -> int:
    """Validate descriptors against the schema only, without evaluating rules; exit 0 valid, 2 invalid."""
    return validating.validate(Flags(tuple(paths or ()), config, lang=lang))


@app.command()
def rules(
    pack: list[str] | None = typer.Option(None, "--pack", help="Only these packs."),
    format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f", help="Output format: text (fits 80 columns), json or markdown (the full table)."),
    lang: Lang | None = LangOption,
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> int:
    """List the rules: id, severity, title and how sure their source is."""
    return catalogue.rules(Flags(config=config, lang=lang, policies=tuple(policies or ())), list(pack or ()), format)


@app.command()
def explain(
    rule_id: str = typer.Argument(..., help="A rule id, for example CB22-EXIT-STRATEGY."),
    lang: Lang | None = LangOption,
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> int:
    """Explain one rule: what it demands, whom it binds, its legal sources and how to comply."""
    return catalogue.explain(Flags(config=config, lang=lang, policies=tuple(policies or ())), rule_id)


@app.command()
def docs(
    output: Path = typer.Argument(Path("docs/rules"), help="Folder to write the rule pages to."),
) -> int:
    """Write the rule catalogue as Markdown pages (one per rule, and an index), from the rules' METADATA."""
    return catalogue.docs(output)


@app.command()
def gate(
    paths: list[Path] | None = PathsArgument,
    stage: Stage = typer.Option(..., "--stage", help="The stage to gate: procurement (before a contract is signed), implementation or operation."),
    dossier: Path = typer.Option(Path("cloudbeleid-dossier"), "--dossier", help="Folder for the dossier (Markdown and JSON)."),
    fail_on: Severity | None = typer.Option(None, "--fail-on", help="Lowest severity of a mandatory failing finding that fails the gate."),
    as_of: str | None = AsOfOption,
    lang: Lang | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
    select: list[str] | None = SelectOption,
    ignore: list[str] | None = IgnoreOption,
    quiet: bool = QuietOption,
) -> int:
    """Gate a stage: check every service as at that stage, print the verdict, and write a dossier an auditor can reproduce."""
    flags = Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ()), fail_on=fail_on, stage=stage,
                  select=tuple(select or ()), ignore=tuple(ignore or ()))
    return checking.gate(flags, stage, dossier, quiet)


@app.command()
def report(
    paths: list[Path] | None = PathsArgument,
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (one self-contained file)."),
    as_of: str | None = AsOfOption,
    lang: Lang | None = LangOption,
    stage: Stage | None = typer.Option(None, "--stage", help="Check every service as if at this stage."),
    fail_on: Severity | None = typer.Option(None, "--fail-on", help="Exit 1 on mandatory failing findings at or above this severity (default: exit 0 once the report is written)."),
    docs_base: str | None = typer.Option(None, "--docs-base", help="Address prefix of the rule pages (default: docs/rules/... relative to the report)."),
    due_within_days: int = typer.Option(90, "--due-within-days", help="List risk assessments and exit tests due within this many days."),
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
    select: list[str] | None = SelectOption,
    ignore: list[str] | None = IgnoreOption,
) -> int:
    """Write the portfolio view for CIO offices: a compliance matrix, provider concentration, data locations,
    classifications, deadlines and waivers, as one HTML file that needs no network. Needs the 'report' extra."""
    flags = Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ()), fail_on=fail_on, stage=stage,
                  select=tuple(select or ()), ignore=tuple(ignore or ()))
    return reporting.report(flags, output, docs_base, due_within_days)


@app.command()
def diff(
    paths: list[Path] | None = PathsArgument,
    from_packs: list[str] = typer.Option(["cb22"], "--from", help="The packs of the current policy (repeatable)."),
    to_packs: list[str] = typer.Option(["cb26"], "--to", help="The packs of the new policy (repeatable)."),
    as_of: str | None = AsOfOption,
    format: Listing = typer.Option(Listing.text, "--format", "-f", help="Output format: text or json."),
    lang: Lang | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> int:
    """Which services newly fail or newly pass when one set of packs replaces another (e.g. cb22 by cb26)."""
    return diffs.diff(Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ())), from_packs, to_packs, format)


baseline_app = typer.Typer(help="Baselines: accept today's failures on a large portfolio, then report only new ones.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    paths: list[Path] | None = PathsArgument,
    output: Path = typer.Option(Path(".cloudbeleid-baseline.json"), "--output", "-o", help="The baseline file to write."),
    as_of: str | None = AsOfOption,
    lang: Lang | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> int:
    """Write the current failing findings (by file, service, rule, JSON path and offending value; not by line) to a
    baseline file. Failures of rules no risk acceptance can lift are never baselined."""
    return risk.baseline_create(Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ())), output)


@app.command()
def waivers(
    paths: list[Path] | None = PathsArgument,
    as_of: str | None = AsOfOption,
    format: Listing = typer.Option(Listing.text, "--format", "-f", help="Output format: text or json."),
    lang: Lang | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> int:
    """List the risk acceptances with their status (active, expiring, expired, unused, invalid); exit 2 if any is invalid."""
    return risk.waivers(Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ())), format)


bundle_app = typer.Typer(help="OPA bundles of the policies, for a central OPA server.", no_args_is_help=True)
app.add_typer(bundle_app, name="bundle")


@bundle_app.command("build")
def bundle_build(
    output: Path = typer.Option(Path("cloudbeleid-bundle.tar.gz"), "--output", "-o", help="Where to write the bundle."),
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> int:
    """Write an OPA bundle (.tar.gz with a .manifest) of the policies, for a bundle server."""
    return tools.bundle_build(Flags(config=config, policies=tuple(policies or ())), output)


@app.command()
def version() -> int:
    """Print the version of the checker and of its engine."""
    typer.echo(tools.version_line())
    return ExitCode.OK


@app.command()
def init(
    from_terraform: Path = typer.Option(..., "--from-terraform", help="Draft a descriptor from the Terraform or OpenTofu code in this folder (docs/infrastructure.md)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the draft to this new file (an existing file is never overwritten); default: print it."),
    service_id: str | None = typer.Option(None, "--id", help="The service id; default: the folder's name."),
    lang: Lang | None = LangOption,
) -> int:
    """Draft a service descriptor from infrastructure code: what the code shows filled in, every other field a marked question."""
    return tools.init(Flags(lang=lang), from_terraform, output, service_id)


def main() -> None:
    if sys.stdout is None:  # started with standard output closed: nothing could be reported
        from checker.commands.output import words

        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
        if sys.stderr is not None:
            sys.stderr.write(f"cloudbeleid: {words('cli.error')}: {words('cli.cannot_write_stdout', reason=words('cli.closed'))}\n")
        raise SystemExit(int(ExitCode.UNCHECKED))
    app(prog_name="cloudbeleid")
