"""The command line: thin commands that parse options, call the library and map errors to exit codes."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Callable, List, Optional, TypeVar

import typer

from checker.errors import CheckerError, ExitCode, UsageError

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


def _cell(value: object) -> object:
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


def _as_of(value: Optional[str]) -> str:
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


def _choice(name: str, value: Optional[str], choices: list[str]) -> Optional[str]:
    if value is not None and value not in choices:
        raise UsageError(f"{name} {value!r} is not one of: {', '.join(choices)}")
    return value


def _settings_config(config: Optional[Path], paths: List[Path]):
    """The configuration that supplies run-wide settings (lang, engine, opa, policies): --config, else the nearest one."""
    from checker.config import ConfigFinder

    finder = ConfigFinder(config)
    if finder.explicit:
        return finder.explicit
    first = paths[0] if paths else Path.cwd()
    return finder.for_dir(first if first.is_dir() else first.parent)


def _targets(formats: List[str], outputs: List[str]) -> list:
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


def _run_settings(config: Optional[Path], paths: Optional[List[Path]], lang: Optional[str] = None,
                  policies: Optional[List[Path]] = None) -> tuple:
    """What every checking command takes from the options and the configuration: the configuration that supplies
    run-wide settings, the language, and the organisation's own policy folders."""
    settings = _settings_config(config, paths or [])
    language = _choice("--lang", lang, ["nl", "en"]) or (settings and settings.lang) or "nl"
    extra = tuple(policies or ()) or (settings.policies if settings else ())
    return settings, language, extra


def _write(text: Any, output: Optional[Path]) -> None:
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


def _policy_roots(policies: Optional[List[Path]], settings=None) -> tuple:
    from checker.engine import policy_roots

    return policy_roots(tuple(policies or ()) or (settings.policies if settings else ()))


@app.command()
def check(
    paths: Optional[List[Path]] = PathsArgument,
    format: Optional[List[str]] = typer.Option(None, "--format", "-f", help="Output format: text (default), json, sarif, junit, github, gitlab, markdown. Repeat for several."),
    output: Optional[List[str]] = typer.Option(None, "--output", "-o", help="File for the format at the same position ('-' for standard output); formats without one go to standard output."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Lowest severity of a mandatory failing finding that fails the run, for every descriptor (default: each descriptor's configuration's fail_on, else low)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    lang: Optional[str] = LangOption,
    engine: Optional[str] = typer.Option(None, "--engine", help="Rego engine: embedded (regorus, default) or opa (the real OPA)."),
    config: Optional[Path] = ConfigOption,
    policies: Optional[List[Path]] = PoliciesOption,
    stage: Optional[str] = typer.Option(None, "--stage", help="Check every service as if at this stage: procurement, implementation or operation (default: the stage its status implies)."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Leave out the failures this baseline file holds (cloudbeleid baseline create); report only new ones."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", help="Report only descriptors changed since this git ref (a branch, tag or commit); portfolio rules still see and report every service."),
    opa_url: Optional[str] = typer.Option(None, "--opa-url", help="Query this running OPA server (implies --engine opa; also CLOUDBELEID_OPA_URL). A token goes over plain http only to 127.0.0.0/8, ::1 or localhost."),
    opa_path: Optional[Path] = typer.Option(None, "--opa-path", help="The opa binary the checker starts when no --opa-url is given (also CLOUDBELEID_OPA_PATH; default: opa on PATH).", readable=False),
    opa_token_env: Optional[str] = typer.Option(None, "--opa-token-env", help="Environment variable holding the bearer token for --opa-url (also CLOUDBELEID_OPA_TOKEN_ENV; default CLOUDBELEID_OPA_TOKEN)."),
    opa_ca_bundle: Optional[Path] = typer.Option(None, "--opa-ca-bundle", help="CA bundle (PEM) to verify the OPA server's TLS certificate (also CLOUDBELEID_OPA_CA_BUNDLE).", readable=False),
    opa_timeout: Optional[float] = typer.Option(None, "--opa-timeout", help="Seconds to wait for OPA, above 0 and at most 3600 (default: the configuration's opa.timeout_seconds, else 30)."),
    opa_any_revision: bool = typer.Option(False, "--opa-any-revision", help="Accept an OPA whose policy bundle revision differs from this checker's policies, or that reports none (command line only)."),
) -> None:
    """Check descriptors against the rules; exit 0 compliant, 1 failing findings, 2 not checkable, 3 engine error."""

    def run() -> ExitCode:
        from checker.engine import REGISTRY
        from checker.engine.opa import ENV_URL, resolve_options
        from checker.evaluate import Options, check as run_check
        from checker.gate import exit_code
        from checker.model import Severity
        from checker.reporters import renderer

        targets = _targets(format or ["text"], output or [])
        settings, language, extra = _run_settings(config, paths, lang, policies)
        threshold = Severity(fail_on) if _choice("--fail-on", fail_on, SEVERITIES) else None
        opa = dict(settings.opa) if settings else {}
        # the repository's configuration may choose the engine; a central OPA's address given by whoever runs the
        # checker (flag or environment) outranks it
        engine_name = (_choice("--engine", engine, list(REGISTRY)) or ("opa" if opa_url is not None or os.environ.get(ENV_URL) else None)
                       or (settings and settings.engine) or "embedded")
        engine_options = {}
        if engine_name == "opa":
            # where the token goes, which binary runs and which CA is trusted: flags and environment only, never the
            # configuration (checker/config.py refuses those keys); the configuration may set the timeout
            engine_options = resolve_options(opa_url, opa_token_env, str(opa_ca_bundle) if opa_ca_bundle else None, opa_timeout,
                                             str(opa_path) if opa_path else None, opa_any_revision, opa.get("timeout_seconds"))
        elif opa_url is not None or opa_path or opa_token_env or opa_ca_bundle or opa_timeout is not None or opa_any_revision:
            raise UsageError("--opa-* options need --engine opa")
        _choice("--stage", stage, STAGES)
        options = Options(tuple(paths or ()), config, _as_of(as_of), language, engine_name, engine_options, extra, threshold,
                          changed_since, stage, baseline)
        report = run_check(options)
        for name, target in targets:
            colour = name == "text" and target is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
            _write(renderer(name)(report, colour), target)
            if name == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
                # the job summary: the same report as Markdown
                with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
                    summary.write(renderer("markdown")(report, False))
        return exit_code(report)

    raise typer.Exit(int(_guard(run)))


@app.command()
def validate(
    paths: Optional[List[Path]] = PathsArgument,
    config: Optional[Path] = ConfigOption,
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
                loaded = load_config(path)
                from checker.catalog import load_catalog

                from checker.config import reference_deviations
                from checker.engine import load_bundle

                roots = _policy_roots(None, loaded)
                packs_for(loaded, load_catalog(roots))
                reference_deviations(loaded, load_bundle(roots).data.get("data", {}).get("countries", {}))
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
    pack: Optional[List[str]] = typer.Option(None, "--pack", help="Only these packs."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    lang: Optional[str] = LangOption,
    policies: Optional[List[Path]] = PoliciesOption,
    config: Optional[Path] = ConfigOption,
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
    lang: Optional[str] = LangOption,
    policies: Optional[List[Path]] = PoliciesOption,
    config: Optional[Path] = ConfigOption,
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
            if gone and catalog.by_id(gone["replaced_by"]):
                why = Text(**gone["why"]).get(language)
                header = (f"{rule_id.upper()} is ingetrokken op {gone['retired_on']}; opvolger: {gone['replaced_by']}. {why}",
                          f"{rule_id.upper()} was retired on {gone['retired_on']}; successor: {gone['replaced_by']}. {why}")
                typer.echo(header[language == "en"] + "\n")
                typer.echo(rule_markdown(catalog.by_id(gone["replaced_by"]), language))
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
    paths: Optional[List[Path]] = PathsArgument,
    stage: str = typer.Option(..., "--stage", help="The stage to gate: procurement (before a contract is signed), implementation or operation."),
    dossier: Path = typer.Option(Path("cloudbeleid-dossier"), "--dossier", help="Folder for the dossier (Markdown and JSON)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Lowest severity of a mandatory failing finding that fails the gate."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    lang: Optional[str] = LangOption,
    config: Optional[Path] = ConfigOption,
    policies: Optional[List[Path]] = PoliciesOption,
) -> None:
    """Gate a stage: check every service as at that stage, print the verdict, and write a dossier an auditor can reproduce."""

    def run() -> ExitCode:
        from checker import dossier as dossiers
        from checker.evaluate import Options, check as run_check
        from checker.gate import exit_code
        from checker.model import Severity
        from checker.reporters import renderer

        _choice("--stage", stage, STAGES)
        settings, language, extra = _run_settings(config, paths, lang, policies)
        threshold = Severity(fail_on) if _choice("--fail-on", fail_on, SEVERITIES) else None
        options = Options(tuple(paths or ()), config, _as_of(as_of), language, "embedded", {}, extra, threshold, None, stage)
        report, configs = run_check(options, with_configs=True)
        json_path, markdown_path = dossiers.write(report, stage, configs, dossier)
        _write(renderer("text")(report, sys.stdout.isatty() and "NO_COLOR" not in os.environ), None)
        typer.echo(f"dossier: {markdown_path} and {json_path}")
        return exit_code(report)

    raise typer.Exit(int(_guard(run)))


@app.command()
def report(
    paths: Optional[List[Path]] = PathsArgument,
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (one self-contained file)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    lang: Optional[str] = LangOption,
    stage: Optional[str] = typer.Option(None, "--stage", help="Check every service as if at this stage."),
    docs_base: Optional[str] = typer.Option(None, "--docs-base", help="Address prefix of the rule pages (default: docs/rules/... relative to the report)."),
    due_within_days: int = typer.Option(90, "--due-within-days", help="List risk assessments and exit tests due within this many days."),
    config: Optional[Path] = ConfigOption,
    policies: Optional[List[Path]] = PoliciesOption,
) -> None:
    """Write the portfolio view for CIO offices: a compliance matrix, provider concentration, data locations,
    classifications, deadlines and waivers, as one HTML file that needs no network. Needs the 'report' extra."""

    def run() -> ExitCode:
        from checker import html_report
        from checker.evaluate import Options, check as run_check
        from checker.gate import exit_code

        _choice("--stage", stage, STAGES)
        settings, language, extra = _run_settings(config, paths, lang, policies)
        options = Options(tuple(paths or ()), config, _as_of(as_of), language, "embedded", {}, extra, None, None, stage)
        result = run_check(options)
        html = html_report.render(result, language, html_report.load_descriptors(result, config),
                                  docs_base=docs_base, due_within_days=due_within_days)
        _write(html, output)
        typer.echo(f"wrote {output}: {len(result.services)} services, {len(result.files)} files")
        return exit_code(result)

    raise typer.Exit(int(_guard(run)))


@app.command()
def diff(
    paths: Optional[List[Path]] = PathsArgument,
    from_packs: List[str] = typer.Option(["cb22"], "--from", help="The packs of the current policy (repeatable)."),
    to_packs: List[str] = typer.Option(["cb26"], "--to", help="The packs of the new policy (repeatable)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    lang: Optional[str] = LangOption,
    config: Optional[Path] = ConfigOption,
    policies: Optional[List[Path]] = PoliciesOption,
) -> None:
    """Which services newly fail or newly pass when one set of packs replaces another (e.g. cb22 by cb26)."""

    def run() -> ExitCode:
        import json

        from checker.evaluate import Options, check as run_check
        from checker.model import Enforcement, Status

        _choice("--format", format, FORMATS)
        settings, language, extra = _run_settings(config, paths, lang, policies)
        date = _as_of(as_of)

        files: dict[str, str] = {}

        def verdicts(packs: List[str]) -> tuple[dict[str, set[str]], Any]:
            options = Options(tuple(paths or ()), config, date, language, "embedded", {}, extra,
                              packs=tuple(p.replace("-", "_") for p in packs))
            report = run_check(options)
            failing: dict[str, set[str]] = {service: set() for service in report.services}
            for f in report.findings:
                if f.service in failing:
                    files.setdefault(f.service, f.location.file)
                if f.service in failing and f.status is Status.FAIL and f.enforcement is Enforcement.MANDATORY:
                    failing[f.service].add(f.rule_id)
            return failing, report

        before, first = verdicts(from_packs)
        after, second = verdicts(to_packs)
        summaries = _diff_summaries(before, after, files, config, first.rules, second.rules, date)
        rows = []
        for service in sorted(set(before) | set(after)):
            old, new = before.get(service, set()), after.get(service, set())
            change = ("newly-failing" if new and not old else "newly-passing" if old and not new
                      else "still-failing" if new else "still-passing")
            rows.append({"service": service, "change": change, "failing_before": sorted(old), "failing_after": sorted(new)})
        if format == "json":
            typer.echo(json.dumps({"from": from_packs, "to": to_packs, "as_of": date, "services": rows,
                                   "organisations": summaries}, ensure_ascii=False, indent=2))
        else:
            words = {"nl": {"newly-failing": "faalt nu", "newly-passing": "voldoet nu", "still-failing": "faalt nog steeds",
                            "still-passing": "voldoet nog steeds"},
                     "en": {"newly-failing": "newly failing", "newly-passing": "newly passing", "still-failing": "still failing",
                            "still-passing": "still passing"}}[language]
            for row in rows:
                rules = ", ".join(row["failing_after"] or row["failing_before"])
                _say(f"{row['service']}: {words[row['change']]}" + (f" ({rules})" if rules else ""))
            counts = {k: sum(1 for r in rows if r["change"] == k) for k in words}
            typer.echo(" · ".join(f"{n} {words[k]}" for k, n in counts.items()) + f"  ({' + '.join(from_packs)} → {' + '.join(to_packs)}, {date})")
            for summary in summaries:
                typer.echo("")
                typer.echo(_diff_summary_text(summary, language))
        return ExitCode.UNCHECKED if first.errors or second.errors else ExitCode.OK

    raise typer.Exit(int(_guard(run)))


def _diff_summaries(before: dict[str, set[str]], after: dict[str, set[str]], files: dict[str, str], config: Optional[Path],
                    old_rules: Any, new_rules: Any, as_of: str) -> list[dict[str, Any]]:
    """Per organisation (the profile of the configuration that governs each file): what the new packs change for it."""
    from checker.applicability import enforcement
    from checker.config import ConfigFinder

    finder = ConfigFinder(config)
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for service in sorted(set(before) | set(after)):
        organisation = finder.for_file(Path(files[service])).organisation if service in files else {}
        key = (str(organisation.get("name", "?")), str(organisation.get("type", "?")))
        group = groups.setdefault(key, {"organisation": organisation, "services": []})
        group["services"].append(service)

    def binding(rules: Any, organisation: dict[str, Any]) -> dict[str, int]:
        counts = {"mandatory": 0, "advisory": 0, "not-applicable": 0}
        for rule in rules:
            counts[enforcement(rule.applies_to, organisation, as_of)[0].value] += 1
        return counts

    summaries = []
    for (name, kind), group in groups.items():
        old = set().union(*(before.get(s, set()) for s in group["services"]))
        new = set().union(*(after.get(s, set()) for s in group["services"]))
        summaries.append({
            "organisation": name, "type": kind, "services": group["services"],
            "rules_before": binding(old_rules, group["organisation"]), "rules_after": binding(new_rules, group["organisation"]),
            "failing_before": sorted(old), "failing_after": sorted(new),
            "newly_failing_rules": sorted(new - old), "no_longer_failing_rules": sorted(old - new),
            "services_failing_before": sum(1 for s in group["services"] if before.get(s)),
            "services_failing_after": sum(1 for s in group["services"] if after.get(s)),
        })
    return summaries


def _diff_summary_text(summary: dict[str, Any], language: str) -> str:
    def levels(counts: dict[str, int]) -> str:
        names = {"nl": ("verplicht", "advies", "niet van toepassing"), "en": ("mandatory", "advisory", "not applicable")}[language]
        return ", ".join(f"{counts[k]} {n}" for k, n in zip(("mandatory", "advisory", "not-applicable"), names))

    total = len(summary["services"])
    none = "geen" if language == "nl" else "none"
    if language == "nl":
        lines = [
            f"{summary['organisation']} ({summary['type']}), {total} dienst(en):",
            f"  regels voor deze organisatie: vóór {levels(summary['rules_before'])}; ná {levels(summary['rules_after'])}",
            f"  diensten met verplichte bevindingen: {summary['services_failing_before']} → {summary['services_failing_after']}",
            f"  nieuw falend: {', '.join(summary['newly_failing_rules']) or none}",
            f"  niet langer falend: {', '.join(summary['no_longer_failing_rules']) or none}",
        ]
    else:
        lines = [
            f"{summary['organisation']} ({summary['type']}), {total} service(s):",
            f"  rules for this organisation: before {levels(summary['rules_before'])}; after {levels(summary['rules_after'])}",
            f"  services with mandatory failures: {summary['services_failing_before']} → {summary['services_failing_after']}",
            f"  newly failing: {', '.join(summary['newly_failing_rules']) or none}",
            f"  no longer failing: {', '.join(summary['no_longer_failing_rules']) or none}",
        ]
    return "\n".join(lines)


baseline_app = typer.Typer(help="Baselines: accept today's failures on a large portfolio, then report only new ones.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    paths: Optional[List[Path]] = PathsArgument,
    output: Path = typer.Option(Path(".cloudbeleid-baseline.json"), "--output", "-o", help="The baseline file to write."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    config: Optional[Path] = ConfigOption,
    policies: Optional[List[Path]] = PoliciesOption,
) -> None:
    """Write the current failing findings (by file, service, rule, JSON path and offending value; not by line) to a
    baseline file. Failures of rules no risk acceptance can lift are never baselined."""

    def run() -> ExitCode:
        import json

        from checker import baseline
        from checker.evaluate import Options, check as run_check

        settings, _, extra = _run_settings(config, paths, None, policies)
        report = run_check(Options(tuple(paths or ()), config, _as_of(as_of), "nl", "embedded", {}, extra))
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
    paths: Optional[List[Path]] = PathsArgument,
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Reference date (peildatum) YYYY-MM-DD; default today."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    config: Optional[Path] = ConfigOption,
    policies: Optional[List[Path]] = PoliciesOption,
) -> None:
    """List the risk acceptances with their status (active, expiring, expired, unused, invalid); exit 2 if any is invalid."""

    def run() -> ExitCode:
        import json

        from checker.evaluate import Options, check as run_check

        _choice("--format", format, FORMATS)
        settings, _, extra = _run_settings(config, paths, None, policies)
        report = run_check(Options(tuple(paths or ()), config, _as_of(as_of), "nl", "embedded", {}, extra))
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
    policies: Optional[List[Path]] = PoliciesOption,
    config: Optional[Path] = ConfigOption,
) -> None:
    """Write an OPA bundle (.tar.gz with a .manifest) of the policies, for a bundle server."""

    def run() -> None:
        from checker.bundle import build
        from checker.engine import load_bundle

        written = build(output, load_bundle(_policy_roots(policies, _settings_config(config, []))))
        typer.echo(f"wrote {output} (revision {written['revision']}, roots {', '.join(written['roots'])})")

    _guard(run)


@app.command()
def version() -> None:
    """Print the version of the checker and of its engine."""
    from importlib.metadata import PackageNotFoundError, version as dist_version

    from checker import __version__

    try:
        regorus = dist_version("gordon-to-regorus")
    except PackageNotFoundError:
        regorus = "not installed"
    typer.echo(f"cloudbeleid-checker {__version__} (regorus {regorus}, Python {sys.version.split()[0]})")


@app.command()
def init(
    from_terraform: Path = typer.Option(..., "--from-terraform", help="Draft a descriptor from the Terraform or OpenTofu code in this folder (docs/infrastructure.md)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the draft to this new file (an existing file is never overwritten); default: print it."),
    service_id: Optional[str] = typer.Option(None, "--id", help="The service id; default: the folder's name."),
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
