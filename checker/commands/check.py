"""`cloudbeleid check` and `cloudbeleid gate`: a run, its views, and the verdict as the exit code."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.commands.options import Engine, Flags, Format, Lang, OpaFlags, Stage, build, targets
from checker.commands.output import colour, say, words, write, write_bytes
from checker.errors import ExitCode
from checker.model import Report, Severity
from checker.reporters import COLOURED


def command(paths: list[Path] | None = None, format: list[Format] | None = None, output: list[str] | None = None,
            fail_on: Severity | None = None, as_of: str | None = None, lang: Lang | None = None,
            engine: Engine | None = None, config: Path | None = None, policies: list[Path] | None = None,
            stage: Stage | None = None, baseline: Path | None = None, changed_since: str | None = None,
            select: list[str] | None = None, ignore: list[str] | None = None, quiet: bool = False,
            opa_url: str | None = None, opa_path: Path | None = None, opa_token_env: str | None = None,
            opa_ca_bundle: Path | None = None, opa_timeout: float | None = None,
            opa_any_revision: bool = False) -> ExitCode:
    """`cloudbeleid check` with its parameters as the command line gives them (checker/cli.py through Typer, or
    checker/commands/entry.py for a plain check without it); None: not given."""
    opa = OpaFlags(opa_url, str(opa_path) if opa_path else None, opa_token_env, str(opa_ca_bundle) if opa_ca_bundle else None,
                   opa_timeout, opa_any_revision)
    flags = Flags(tuple(paths or ()), config, as_of, lang, tuple(policies or ()), engine, opa, fail_on, stage, changed_since,
                  baseline, select=tuple(select or ()), ignore=tuple(ignore or ()))
    return check(flags, list(format or ()), list(output or ()), quiet)


def check(flags: Flags, formats: list[Format], outputs: list[str], quiet: bool = False) -> ExitCode:
    from checker import cache
    from checker.model import paused_collector
    from checker.pipeline.discover import real_paths

    pairs = targets(formats or [Format.text], outputs)
    options = build(flags)
    coloured = [name in COLOURED and target is None and colour() for name, target in pairs]
    views = [(name, c) for (name, _), c in zip(pairs, coloured)]
    # with no cache at all (CLOUDBELEID_NO_CACHE, or no cache folder) the run's cache is not even imported
    runcache: Any = None
    if cache.directory() is not None:
        import checker.runcache

        runcache = checker.runcache
    with paused_collector(), real_paths():
        found = None
        if runcache is not None and runcache.usable(options, views):
            # the run's cache keyed before the policies are loaded: a run it serves loads neither the bundle nor the
            # catalogue, nor the modules that check (the key covers the policy files' bytes: runcache.key)
            from checker.config import ConfigFinder
            from checker.pipeline.discover import find, search_paths
            from checker.policies import policy_roots

            finder = ConfigFinder(options.config)
            found = find(search_paths(options, finder), finder)
            roots = policy_roots(options.policies)
            key = runcache.key(options, found, roots, views, quiet)
            kept = runcache.get(key.name, len(pairs)) if key is not None else None
            if kept is not None:
                # every input is what it was in a run before: its outputs and verdict (checker/runcache.py)
                try:
                    for index, (_, target) in enumerate(pairs):
                        write_bytes(kept.output(index), target)  # standard output's through its own encoding, as a run writes
                finally:
                    kept.close()
                return ExitCode(kept.exit_code)
        else:
            key = None
        prepared = _prepared(options, found)
    from checker.evaluate import run
    from checker.gate import exit_code
    from checker.reporters import renderer

    report = run(options, prepared=prepared).report
    recorder = runcache.Recorder(key.name if key is not None else None, len(pairs)) if runcache is not None else None
    try:
        for index, ((name, target), in_colour) in enumerate(zip(pairs, coloured)):
            rendered = _render(name, report, in_colour, quiet)
            write(recorder.tee(index, rendered, target is not None) if recorder is not None else rendered, target)
            if name == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
                # the job summary: the same report as Markdown
                with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
                    summary.write("".join(renderer("markdown")(report, False)))
        code = exit_code(report)
        # input that was not checked is checked again next time, and so is a run whose input files were written
        # while it checked them (its verdicts may be of other bytes than the key's)
        if key is not None and recorder is not None and code in (ExitCode.OK, ExitCode.FINDINGS) and key.unchanged():
            recorder.store(int(code))
        return code
    finally:
        if recorder is not None:
            recorder.discard()


def _prepared(options: Any, found: Any) -> Any:
    """What the run reads before it checks (evaluate.prepare), the files found already where the run's cache was
    asked first: the same steps in the same order, so the same errors."""
    from checker.catalog import load_catalog
    from checker.evaluate import Prepared, prepare
    from checker.pipeline.discover import references
    from checker.policies import load_bundle, policy_roots

    if found is None:
        return prepare(options)
    roots = policy_roots(options.policies)
    catalog = load_catalog(roots)
    bundle = load_bundle(roots)
    return Prepared(found, roots, catalog, bundle, references(found.configs, bundle), None)


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
