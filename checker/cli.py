"""The command line: thin commands that parse options, call the library and map errors to exit codes."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from checker.errors import CheckerError, ExitCode, UsageError
from checker.pipeline import Options

if TYPE_CHECKING:
    from rich.text import Text as RichText

    from checker.config import Config

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check cloud service descriptors against the Rijksbreed cloudbeleid, the Kaderwet zbo and related law.",
)

T = TypeVar("T")

FORMATS = ["text", "json"]  # of the listing commands (rules)
SEVERITIES = ["critical", "high", "medium", "low", "info"]
STAGES = ["procurement", "implementation", "operation"]


def _say(text: str, err: bool = False) -> None:
    """A line of output that holds input (paths, ids, messages): made visible, so it cannot start a runner command."""
    from checker.reporters.common import visible

    typer.echo(visible(text), err=err)


def _cell(value: object) -> RichText:
    """A rich table cell that holds input: plain text, never markup."""
    from rich.text import Text

    from checker.reporters.common import visible

    return Text(visible(value))


def _fail(message: str, code: ExitCode) -> None:
    _say(f"cloudbeleid: {message}", err=True)
    raise typer.Exit(int(code))


def _guard(action: Callable[[], T]) -> T:
    """Run a command body: known errors become their exit code, anything else exit 3; never a traceback."""
    try:
        return action()
    except typer.Exit:
        raise
    except CheckerError as exc:
        _fail(f"error: {exc}", exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.ENGINE)
    except BrokenPipeError:  # the reader went away: what it did not read was not reported
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
        _fail("error: cannot write the report to standard output: broken pipe", ExitCode.UNCHECKED)
    except Exception as exc:  # an internal fault must still fail the run, not pass it
        if os.environ.get("CLOUDBELEID_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set CLOUDBELEID_DEBUG=1 for a traceback)", ExitCode.ENGINE)
    raise AssertionError("unreachable")


def _as_of(value: str | None) -> str:
    from datetime import date

    if value is None:
        return date.today().isoformat()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):  # not \d: it takes any script's digits
        raise UsageError(f"--as-of {value!r} is not a date of the form YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--as-of {value!r} is not a real calendar date") from None
    from checker.schema import DATE_RANGE

    if not DATE_RANGE[0] <= parsed <= DATE_RANGE[1]:
        raise UsageError(f"--as-of {value!r} is outside the dates the checker accepts ({DATE_RANGE[0]} to {DATE_RANGE[1]})")
    return parsed


def _choice(name: str, value: str | None, choices: list[str]) -> str | None:
    if value is not None and value not in choices:
        raise UsageError(f"{name} {value!r} is not one of: {', '.join(choices)}")
    return value


def _settings_config(config: Path | None, paths: list[Path]):
    """The configuration that supplies run-wide settings (lang, engine, opa, policies): --config, else the nearest one."""
    from checker.config import ConfigFinder

    finder = ConfigFinder(config)
    if finder.explicit:
        return finder.explicit
    first = paths[0] if paths else Path.cwd()
    return finder.for_dir(first if first.is_dir() else first.parent)


def _targets(formats: list[str], outputs: list[str]) -> list:
    """Pair each --format with the --output at the same position; at most one goes to standard output."""
    from checker.reporters import STREAMS

    if len(outputs) > len(formats):
        raise UsageError("more --output than --format options")
    pairs = []
    for i, name in enumerate(formats):
        _choice("--format", name, list(STREAMS))
        target = outputs[i] if i < len(outputs) and outputs[i] != "-" else None
        pairs.append((name, Path(target) if target else None))
    if sum(1 for _, target in pairs if target is None) > 1:
        raise UsageError("only one --format can go to standard output; give the others an --output file")
    return pairs


def _run_settings(config: Path | None, paths: list[Path] | None, lang: str | None = None,
                  policies: list[Path] | None = None) -> tuple:
    """What every checking command takes from the options and the configuration: the configuration that supplies
    run-wide settings, the language, and the organisation's own policy folders."""
    settings = _settings_config(config, paths or [])
    language = _choice("--lang", lang, ["nl", "en"]) or (settings and settings.lang) or "nl"
    extra = tuple(policies or ()) or (settings.policies if settings else ())
    return settings, language, extra


@dataclass(frozen=True)
class OpaFlags:
    """The --opa-* options of `check`; the other checking commands have none (the environment still applies)."""

    url: str | None = None
    path: str | None = None
    token_env: str | None = None
    ca_bundle: str | None = None
    timeout: float | None = None
    any_revision: bool = False

    def given(self) -> bool:
        return any(v is not None for v in (self.url, self.path, self.token_env, self.ca_bundle, self.timeout)) or self.any_revision


def _engine(settings: Config | None, engine: str | None, opa: OpaFlags) -> tuple[str, dict[str, Any]]:
    """The engine and its options: --engine, else OPA when a central OPA's address is given by whoever runs the
    checker (flag or environment; it outranks the repository), else the configuration's engine, else embedded."""
    from checker.engine import REGISTRY
    from checker.engine.opa import ENV_URL, resolve_options

    name = (_choice("--engine", engine, list(REGISTRY)) or ("opa" if opa.url is not None or os.environ.get(ENV_URL) else None)
            or (settings and settings.engine) or "embedded")
    if name == "opa":
        # where the token goes, which binary runs and which CA is trusted: flags and environment only, never the
        # configuration (checker/config.py refuses those keys); the configuration may set the timeout
        configured = dict(settings.opa) if settings else {}
        return name, resolve_options(opa.url, opa.token_env, opa.ca_bundle, opa.timeout, opa.path, opa.any_revision,
                                     configured.get("timeout_seconds"))
    if opa.given():
        raise UsageError("--opa-* options need --engine opa")
    return name, {}


def _run_options(paths: list[Path] | None, config: Path | None, as_of: str | None, lang: str | None,
                 policies: list[Path] | None, *, engine: str | None = None, opa: OpaFlags = OpaFlags(),
                 fail_on: str | None = None, stage: str | None = None, changed_since: str | None = None,
                 baseline: Path | None = None, packs: tuple[str, ...] | None = None) -> Options:
    """The one builder of a run's options, for every checking command: flags first, then the configuration
    (language, engine, OPA timeout, policy folders), then the defaults."""
    from checker.model import Severity

    settings, language, extra = _run_settings(config, paths, lang, policies)
    threshold = Severity(fail_on) if _choice("--fail-on", fail_on, SEVERITIES) else None
    engine_name, engine_options = _engine(settings, engine, opa)
    _choice("--stage", stage, STAGES)
    return Options(tuple(paths or ()), config, _as_of(as_of), language, engine_name, engine_options, extra, threshold,
                   changed_since, stage, baseline, packs)


def _write(text: Any, output: Path | None) -> None:
    """Write a rendered report (text, or an iterator of pieces) to a file or standard output."""
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        try:
            if sys.stdout is None:
                raise OSError("it is closed")
            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        except (OSError, ValueError) as exc:
            # what cannot be written was not reported: never a pass. Standard output is replaced so that the
            # interpreter's own flush at exit does not fail a second time.
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise UsageError(f"cannot write the report to standard output: {reason}") from None
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("w", encoding="utf-8") as handle:
            for piece in pieces:
                handle.write(piece)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


PathsArgument = typer.Argument(None, help="Descriptor files or folders; default: the configuration's folder, or the repository root.", show_default=False, readable=False)
ConfigOption = typer.Option(None, "--config", "-c", help="Use this .cloudbeleid.yaml for every descriptor, instead of the nearest one above each.")
LangOption = typer.Option(None, "--lang", help="Language of findings: nl (default) or en.")
PoliciesOption = typer.Option(None, "--policies", help="A folder of the organisation's own rules, besides the shipped ones (repeatable; also 'policies' in .cloudbeleid.yaml).")


def _policy_roots(policies: list[Path] | None, settings=None) -> tuple:
    from checker.policies import policy_roots

    return policy_roots(tuple(policies or ()) or (settings.policies if settings else ()))


@app.command()
def check(
    paths: list[Path] | None = PathsArgument,
    format: list[str] | None = typer.Option(None, "--format", "-f", help="Output format: text (default), json, sarif, junit, github, gitlab, markdown. Repeat for several."),
    output: list[str] | None = typer.Option(None, "--output", "-o", help="File for the format at the same position ('-' for standard output); formats without one go to standard output."),
    fail_on: str | None = typer.Option(None, "--fail-on", help=("Lowest severity of a mandatory failing finding that fails the run, for every descriptor "
          "(default: each descriptor's configuration's fail_on, else low).")),
    as_of: str | None = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    lang: str | None = LangOption,
    engine: str | None = typer.Option(None, "--engine", help="Rego engine: embedded (regorus, default) or opa (the real OPA)."),
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
    stage: str | None = typer.Option(None, "--stage", help="Check every service as if at this stage: procurement, implementation or operation (default: the stage its status implies)."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Leave out the failures this baseline file holds (cloudbeleid baseline create); report only new ones."),
    changed_since: str | None = typer.Option(None, "--changed-since", help=("Report only descriptors changed since this git ref (a branch, tag or commit); "
          "portfolio rules still see and report every service.")),
    opa_url: str | None = typer.Option(None, "--opa-url", help=("Query this running OPA server (implies --engine opa; also CLOUDBELEID_OPA_URL). A token goes "
          "over plain http only to 127.0.0.0/8, ::1 or localhost.")),
    opa_path: Path | None = typer.Option(None, "--opa-path", help="The opa binary the checker starts when no --opa-url is given (also CLOUDBELEID_OPA_PATH; default: opa on PATH).", readable=False),
    opa_token_env: str | None = typer.Option(None, "--opa-token-env", help=("Environment variable holding the bearer token for --opa-url (also "
          "CLOUDBELEID_OPA_TOKEN_ENV; default CLOUDBELEID_OPA_TOKEN).")),
    opa_ca_bundle: Path | None = typer.Option(None, "--opa-ca-bundle", help="CA bundle (PEM) to verify the OPA server's TLS certificate (also CLOUDBELEID_OPA_CA_BUNDLE).", readable=False),
    opa_timeout: float | None = typer.Option(None, "--opa-timeout", help="Seconds to wait for OPA, above 0 and at most 3600 (default: the configuration's opa.timeout_seconds, else 30)."),
    opa_any_revision: bool = typer.Option(False, "--opa-any-revision", help=("Accept an OPA whose policy bundle revision differs from this checker's policies, "
          "or that reports none (command line only).")),
) -> None:
    """Check descriptors against the rules; exit 0 compliant, 1 failing findings, 2 not checkable, 3 engine error."""

    def run() -> ExitCode:
        from checker.evaluate import check as run_check
        from checker.gate import exit_code
        from checker.reporters import renderer

        targets = _targets(format or ["text"], output or [])
        opa = OpaFlags(opa_url, str(opa_path) if opa_path else None, opa_token_env,
                       str(opa_ca_bundle) if opa_ca_bundle else None, opa_timeout, opa_any_revision)
        options = _run_options(paths, config, as_of, lang, policies, engine=engine, opa=opa, fail_on=fail_on,
                               stage=stage, changed_since=changed_since, baseline=baseline)
        report = run_check(options)
        for name, target in targets:
            colour = name == "text" and target is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
            _write(renderer(name)(report, colour), target)
            if name == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
                # the job summary: the same report as Markdown
                with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
                    summary.write("".join(renderer("markdown")(report, False)))
        return exit_code(report)

    raise typer.Exit(int(_guard(run)))


@app.command()
def validate(
    paths: list[Path] | None = PathsArgument,
    config: Path | None = ConfigOption,
) -> None:
    """Validate descriptors against the schema only, without evaluating rules; exit 0 valid, 2 invalid."""

    def run() -> ExitCode:
        from checker.config import CONFIG_NAMES, ConfigFinder, load_config
        from checker.errors import CheckerError
        from checker.evaluate import collect, packs_for

        finder = ConfigFinder(config)
        targets = list(paths or []) or [finder.explicit.root if finder.explicit else Path.cwd()]
        configs = [p for p in targets if p.name in CONFIG_NAMES]
        waiver_files = [p for p in targets if p.name in ("waivers.yaml", "waivers.yml")]
        descriptors = [p for p in targets if p not in configs and p not in waiver_files]
        problems: list[str] = []
        for path in waiver_files:
            from checker import waivers as waiver_rules
            from checker.catalog import load_catalog

            try:
                governing = finder.for_file(path)
                loaded = waiver_rules.load(path, str(path))
                catalog = load_catalog(_policy_roots(None, governing))
                _, invalid = waiver_rules.check(loaded, {r.id: r for r in catalog.rules}, waiver_rules.settings_for(governing))
                problems += [f"{e.location}: error {e.rule_id} {e.message.en}" for e in invalid]
            except CheckerError as exc:
                problems.append(f"error {exc}")
        for path in configs:
            try:
                governing = load_config(path)
                from checker.catalog import load_catalog
                from checker.config import reference_deviations
                from checker.policies import load_bundle

                roots = _policy_roots(None, governing)
                packs_for(governing, load_catalog(roots))
                reference_deviations(governing, load_bundle(roots).data.get("data", {}).get("countries", {}))
            except CheckerError as exc:
                problems.append(f"error {exc}")
        collected = collect(descriptors, finder) if descriptors else None
        if collected is not None and not collected.files:
            raise UsageError(f"no service descriptors found in {', '.join(map(str, descriptors))} (by default files named *.cloud.yaml, *.cloud.yml or *.cloud.json)")
        errors = sorted(collected.errors, key=lambda e: (e.location.file, e.location.line, e.location.column)) if collected else []
        for problem in problems:
            _say(problem)
        for error in errors:
            _say(f"{error.location}: error {error.rule_id} {error.message.en}")
        count = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
        checked = (len(collected.files) if collected else 0) + len(configs) + len(waiver_files)
        valid = (len(collected.services) if collected else 0) + len(configs) + len(waiver_files) - len(problems)
        typer.echo(f"{valid} valid, {count(len(errors) + len(problems), 'error')} in {count(checked, 'file')}.")
        return ExitCode.UNCHECKED if errors or problems else ExitCode.OK

    raise typer.Exit(int(_guard(run)))


@app.command()
def rules(
    pack: list[str] | None = typer.Option(None, "--pack", help="Only these packs."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    lang: str | None = LangOption,
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> None:
    """List the rules: id, severity, title, source and how sure that source is."""

    def run() -> None:
        import json

        from checker.catalog import load_catalog

        _choice("--format", format, FORMATS)
        language = _choice("--lang", lang, ["nl", "en"]) or "nl"
        catalog = load_catalog(_policy_roots(policies, _settings_config(config, [])))
        unknown = [p for p in pack or [] if p.replace("-", "_") not in catalog.packs]
        if unknown:
            raise UsageError(f"unknown pack {unknown[0]!r}; available: {', '.join(catalog.packs)}")
        selected = [r for r in catalog.rules if not pack or r.pack in {p.replace("-", "_") for p in pack}]
        if format == "json":
            typer.echo(json.dumps([_rule_json(r) for r in selected], ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        table.add_column("id", no_wrap=True)
        for column in ("pack", "severity", "title", "source", "status"):
            table.add_column(column, overflow="fold")
        for rule in selected:
            source = rule.sources[0]
            table.add_row(*map(_cell, (rule.id, rule.pack, rule.severity.value, rule.title.get(language),
                                       source.document + (f", {source.section}" if source.section else ""), source.status)))
        Console(soft_wrap=False, width=None if sys.stdout.isatty() else 180).print(table)
        from checker.docs import status_summary

        typer.echo(status_summary(selected, language))

    _guard(run)


def _rule_json(rule) -> dict:
    return {
        "id": rule.id,
        "pack": rule.pack,
        "severity": rule.severity.value,
        "title": rule.title.to_json(),
        "applies_to": list(rule.applies_to),
        "stages": list(rule.stages),
        "effective_from": rule.effective_from,
        "effective_until": rule.effective_until,
        "waivable": rule.waivable,
        "verification": rule.verification,
        "sources": [s.to_json() for s in rule.sources],
        "docs": rule.docs,
        "file": rule.file,
    }


@app.command()
def explain(
    rule_id: str = typer.Argument(..., help="A rule id, for example CB22-EXIT-STRATEGY."),
    lang: str | None = LangOption,
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> None:
    """Explain one rule: what it demands, whom it binds, its legal sources and how to comply."""

    def run() -> None:
        from checker.catalog import load_catalog
        from checker.docs import rule_markdown

        roots = _policy_roots(policies, _settings_config(config, []))
        catalog = load_catalog(roots)
        rule = catalog.by_id(rule_id)
        language = _choice("--lang", lang, ["nl", "en"]) or "nl"
        if rule is None:
            from checker.catalog import retired
            from checker.model import Text

            gone = retired(rule_id, roots)
            successor = catalog.by_id(gone["replaced_by"]) if gone else None
            if gone and successor is not None:
                why = Text(**gone["why"]).get(language)
                header = (f"{rule_id.upper()} is ingetrokken op {gone['retired_on']}; opvolger: {gone['replaced_by']}. {why}",
                          f"{rule_id.upper()} was retired on {gone['retired_on']}; successor: {gone['replaced_by']}. {why}")
                typer.echo(header[language == "en"] + "\n")
                typer.echo(rule_markdown(successor, language))
                return
        if rule is None:
            import difflib

            near = difflib.get_close_matches(rule_id.upper(), [r.id for r in catalog.rules], n=1)
            hint = f"; did you mean {near[0]}?" if near else "; see 'cloudbeleid rules'"
            raise UsageError(f"no rule {rule_id!r}{hint}")
        typer.echo(rule_markdown(rule, language))

    _guard(run)


@app.command()
def docs(
    output: Path = typer.Argument(Path("docs/rules"), help="Folder to write the rule pages to."),
) -> None:
    """Write the rule catalogue as Markdown pages (one per rule, and an index), from the rules' METADATA."""

    def run() -> None:
        from checker.docs import write_docs

        written = write_docs(output)
        typer.echo(f"wrote {len(written)} files to {output}")

    _guard(run)


@app.command()
def gate(
    paths: list[Path] | None = PathsArgument,
    stage: str = typer.Option(..., "--stage", help="The stage to gate: procurement (before a contract is signed), implementation or operation."),
    dossier: Path = typer.Option(Path("cloudbeleid-dossier"), "--dossier", help="Folder for the dossier (Markdown and JSON)."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="Lowest severity of a mandatory failing finding that fails the gate."),
    as_of: str | None = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    lang: str | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> None:
    """Gate a stage: check every service as at that stage, print the verdict, and write a dossier an auditor can reproduce."""

    def run() -> ExitCode:
        from checker import dossier as dossiers
        from checker.evaluate import run as run_pipeline
        from checker.gate import exit_code
        from checker.reporters import renderer

        _choice("--stage", stage, STAGES)
        options = _run_options(paths, config, as_of, lang, policies, fail_on=fail_on, stage=stage)
        result = run_pipeline(options)
        report, configs = result.report, list(result.configurations)
        json_path, markdown_path = dossiers.write(report, stage, configs, dossier)
        _write(renderer("text")(report, sys.stdout.isatty() and "NO_COLOR" not in os.environ), None)
        typer.echo(f"dossier: {markdown_path} and {json_path}")
        return exit_code(report)

    raise typer.Exit(int(_guard(run)))


@app.command()
def report(
    paths: list[Path] | None = PathsArgument,
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (one self-contained file)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    lang: str | None = LangOption,
    stage: str | None = typer.Option(None, "--stage", help="Check every service as if at this stage."),
    docs_base: str | None = typer.Option(None, "--docs-base", help="Absolute http(s) address where the rule pages are published (docs/rules/... is appended); default: the pages inside the file."),
    due_within_days: int = typer.Option(90, "--due-within-days", help="List risk assessments and exit tests due within this many days."),
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> None:
    """Write the portfolio view for CIO offices: a compliance matrix, provider concentration, data locations,
    classifications, deadlines and waivers, as one HTML file that needs no network. Needs the 'report' extra."""

    def run() -> ExitCode:
        from checker import html_report
        from checker.evaluate import run as run_pipeline
        from checker.gate import exit_code

        options = _run_options(paths, config, as_of, lang, policies, stage=stage)
        language = options.lang
        ran = run_pipeline(options, keep_services=True)
        result = ran.report
        # the deadlines due soon are what the rules report at the reference date plus the window
        ahead = html_report.look_ahead(options, due_within_days)
        html = html_report.render(result, language, html_report.load_descriptors(ran, config),
                                  docs_base=docs_base, due_within_days=due_within_days, ahead=ahead)
        _write(html, output)
        typer.echo(f"wrote {output}: {len(result.services)} services, {len(result.files)} files")
        return exit_code(result)

    raise typer.Exit(int(_guard(run)))


@app.command()
def diff(
    paths: list[Path] | None = PathsArgument,
    from_packs: list[str] = typer.Option(["cb22"], "--from", help="The packs of the current policy (repeatable)."),
    to_packs: list[str] = typer.Option(["cb26"], "--to", help="The packs of the new policy (repeatable)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    lang: str | None = LangOption,
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> None:
    """Which services newly fail or newly pass when one set of packs replaces another (e.g. cb22 by cb26)."""

    def run() -> ExitCode:
        import json

        from checker.diff import compare, summary_text

        _choice("--format", format, FORMATS)
        options = _run_options(paths, config, as_of, lang, policies)
        result = compare(options, from_packs, to_packs)
        if format == "json":
            typer.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        else:
            for line in result.lines(options.lang):
                _say(line)
            typer.echo(result.summary(options.lang))
            for summary in result.organisations:
                typer.echo("")
                typer.echo(summary_text(summary, options.lang))
        return ExitCode.UNCHECKED if result.unchecked else ExitCode.OK

    raise typer.Exit(int(_guard(run)))


baseline_app = typer.Typer(help="Baselines: accept today's failures on a large portfolio, then report only new ones.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    paths: list[Path] | None = PathsArgument,
    output: Path = typer.Option(Path(".cloudbeleid-baseline.json"), "--output", "-o", help="The baseline file to write."),
    as_of: str | None = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> None:
    """Write the current failing findings (by file, service, rule, JSON path and offending value; not by line) to a
    baseline file. Failures of rules no risk acceptance can lift are never baselined."""

    def run() -> ExitCode:
        import json

        from checker import baseline
        from checker.evaluate import check as run_check

        report = run_check(replace(_run_options(paths, config, as_of, None, policies), lang="nl"))
        if report.errors:
            for error in report.errors:
                _say(f"{error.location}: error {error.rule_id} {error.message.en}", err=True)
            raise UsageError("not every descriptor could be checked: fix the errors before creating a baseline")
        data = baseline.create(report)
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        left_out = f"; not baselined, as no risk acceptance can lift them: {', '.join(data['left_out'])}" if data["left_out"] else ""
        typer.echo(f"wrote {output}: {len(data['findings'])} failing findings{left_out}")
        return ExitCode.OK

    raise typer.Exit(int(_guard(run)))


@app.command()
def waivers(
    paths: list[Path] | None = PathsArgument,
    as_of: str | None = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    config: Path | None = ConfigOption,
    policies: list[Path] | None = PoliciesOption,
) -> None:
    """List the risk acceptances with their status (active, expiring, expired, unused, invalid); exit 2 if any is invalid."""

    def run() -> ExitCode:
        import json

        from checker.evaluate import check as run_check

        _choice("--format", format, FORMATS)
        report = run_check(replace(_run_options(paths, config, as_of, None, policies), lang="nl"))
        if format == "json":
            typer.echo(json.dumps(list(report.waivers), ensure_ascii=False, indent=2))
        else:
            from rich.console import Console
            from rich.table import Table

            table = Table()
            for column in ("status", "rule", "service", "decision", "risk owner", "approved by", "granted", "expires", "where"):
                table.add_column(column, overflow="fold")
            for w in report.waivers:
                table.add_row(*map(_cell, (w["status"], w["rule"], w["service"], w["decision_ref"], w["risk_owner"], w["approved_by"],
                                           w["granted"], w["expires"], f"{w['file']}:{w['line']}")))
            Console(width=None if sys.stdout.isatty() else 200).print(table)
            for error in report.findings:
                if error.rule_id == "WAIVER-INVALID":
                    _say(f"{error.location}: error {error.rule_id} {error.message.en}")
        return ExitCode.UNCHECKED if any(w["status"] == "invalid" for w in report.waivers) else ExitCode.OK

    raise typer.Exit(int(_guard(run)))


bundle_app = typer.Typer(help="OPA bundles of the policies, for a central OPA server.", no_args_is_help=True)
app.add_typer(bundle_app, name="bundle")


@bundle_app.command("build")
def bundle_build(
    output: Path = typer.Option(Path("cloudbeleid-bundle.tar.gz"), "--output", "-o", help="Where to write the bundle."),
    policies: list[Path] | None = PoliciesOption,
    config: Path | None = ConfigOption,
) -> None:
    """Write an OPA bundle (.tar.gz with a .manifest) of the policies, for a bundle server."""

    def run() -> None:
        from checker.bundle import build
        from checker.policies import load_bundle

        written = build(output, load_bundle(_policy_roots(policies, _settings_config(config, []))))
        typer.echo(f"wrote {output} (revision {written['revision']}, roots {', '.join(written['roots'])})")

    _guard(run)


@app.command()
def version() -> None:
    """Print the version of the checker and of its engine."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    from checker import __version__

    try:
        regorus = dist_version("gordon-to-regorus")
    except PackageNotFoundError:
        regorus = "not installed"
    typer.echo(f"cloudbeleid-checker {__version__} (regorus {regorus}, Python {sys.version.split()[0]})")


@app.command()
def init(
    from_terraform: Path = typer.Option(..., "--from-terraform", help="Draft a descriptor from the Terraform or OpenTofu code in this folder (docs/infrastructure.md)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the draft to this new file (an existing file is never overwritten); default: print it."),
    service_id: str | None = typer.Option(None, "--id", help="The service id; default: the folder's name."),
) -> None:
    """Draft a service descriptor from infrastructure code: what the code shows filled in, every other field a marked question."""

    def run() -> None:
        from checker.infra.draft import draft

        if output is not None and output.exists():
            raise UsageError(f"{output} exists; the draft never overwrites a file")
        text = draft(from_terraform, output.parent if output is not None else Path.cwd(), service_id)
        if output is None:
            typer.echo(text, nl=False)
            return
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}: answer every question (null) and run 'cloudbeleid validate {output}'")

    _guard(run)


def main() -> None:
    if sys.stdout is None:  # started with standard output closed: nothing could be reported
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
        if sys.stderr is not None:
            sys.stderr.write("cloudbeleid: error: cannot write the report to standard output: it is closed\n")
        raise SystemExit(int(ExitCode.UNCHECKED))
    app(prog_name="cloudbeleid")
